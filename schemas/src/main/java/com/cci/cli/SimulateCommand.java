package com.cci.cli;

import com.cci.sim.DirectorySink;
import com.cci.sim.Scenario;
import com.cci.sim.SimulationOptions;
import com.cci.sim.SimulationSummary;
import com.cci.sim.Simulator;
import com.cci.sim.SimulatorContent;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./cci simulate}: runs the contact-center simulation and writes JSON Lines per stream,
 * transcript files and ground truth into a directory.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Simulate the bank's Amazon Connect contact center (deterministic for a scenario and seed).",
      "Writes <out>/ctr/, contact-events/, contact-lens/, fulfillment/ (JSON Lines in arrival"
          + " order, part-00000.jsonl), <out>/transcripts/<key> (post-call files) and"
          + " <out>/ground-truth/ (queue-minutes, contacts, qa-labels, pii, lost-events,"
          + " scenario-events), then prints a summary.",
      "Exit code 0 on success, 2 on bad options or input."
    })
public final class SimulateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--scenario",
      required = true,
      paramLabel = "<name|path>",
      description = "Built-in scenario (normal-day, incident, holiday) or a scenario JSON file.")
  String scenario;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Random seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--tenant",
      defaultValue = SimulationOptions.DEFAULT_TENANT,
      description = "Tenant id (default ${DEFAULT-VALUE}).")
  String tenant;

  @ArgGroup(exclusive = false)
  Size size = new Size();

  /** Volume and duration; both may be given. */
  static final class Size {
    @Option(
        names = "--contacts",
        paramLabel = "<n>",
        description = "Cap on customer contacts; arrivals and staffing are scaled to about n.")
    Integer contacts;

    @Option(
        names = "--hours",
        paramLabel = "<h>",
        description = "Simulated hours of arrivals (default: the scenario's duration).")
    Double hours;
  }

  @Option(
      names = "--start",
      paramLabel = "<ISO date[Ttime]>",
      description =
          "First simulated day, e.g. 2026-11-20, or day and local start time, e.g."
              + " 2026-11-20T10:00 (queues start empty; default: the scenario's start).")
  String start;

  @Option(names = "--out", required = true, paramLabel = "<dir>", description = "Output directory.")
  Path out;

  @Option(
      names = "--overwrite",
      description = "Delete a previous simulation's output in <dir> first.")
  boolean overwrite;

  @Override
  public Integer call() throws Exception {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Scenario sc;
    SimulationOptions options;
    try {
      sc = Scenario.load(scenario);
      LocalDate startDate = null;
      java.time.LocalTime startTime = null;
      if (start != null && start.contains("T")) {
        java.time.LocalDateTime at = java.time.LocalDateTime.parse(start);
        startDate = at.toLocalDate();
        startTime = at.toLocalTime();
      } else if (start != null) {
        startDate = LocalDate.parse(start);
      }
      options =
          new SimulationOptions(seed, tenant, size.contacts, size.hours, startDate, startTime);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      err.println("simulate: " + e.getMessage());
      return 2;
    }
    if (overwrite && Files.isDirectory(out)) {
      DirectorySink.clean(out);
    }
    long t0 = System.nanoTime();
    SimulationSummary summary;
    long files;
    try (DirectorySink sink = new DirectorySink(out)) {
      summary =
          new Simulator(sc, options, SimulatorContent.generator(), SimulatorContent.renderer())
              .run(sink);
      files = sink.files();
    } catch (IllegalArgumentException e) {
      err.println("simulate: " + e.getMessage());
      return 2;
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    Files.writeString(out.resolve("summary.txt"), summary.describe());
    stdout.print(summary.describe());
    stdout.printf(
        Locale.ROOT,
        "wrote %d transcript files under %s in %.1f s%n",
        files,
        out.resolve("transcripts"),
        secs);
    stdout.flush();
    return 0;
  }
}
