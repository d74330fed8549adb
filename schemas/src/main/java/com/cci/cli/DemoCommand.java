package com.cci.cli;

import com.cci.kinesis.KinesisAdmin;
import com.cci.kinesis.KinesisPlayer;
import com.cci.kinesis.KinesisTail;
import com.cci.kinesis.PlayReport;
import com.cci.kinesis.StreamRecord;
import com.cci.kinesis.Streams;
import com.cci.local.LocalStack;
import com.cci.schemas.SchemaKind;
import com.cci.schemas.validation.ContractValidator;
import com.cci.schemas.validation.ValidationResult;
import com.cci.sim.DirectorySink;
import com.cci.sim.GroundTruth;
import com.cci.sim.Scenario;
import com.cci.sim.SimulationOptions;
import com.cci.sim.SimulationSink;
import com.cci.sim.SimulationSummary;
import com.cci.sim.Simulator;
import com.cci.sim.SimulatorContent;
import com.cci.sim.content.TranscriptFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * {@code ./cci demo}: the pipeline locally on embedded defaults. Today: simulate the {@code
 * incident} hour, check every record against the contract, play the four input streams into
 * kinesis-mock (started here unless {@code AWS_ENDPOINT_URL…} points elsewhere), read them back,
 * and print a summary. Later jobs (streaming alarms, QA scoring, webhook) join as they land.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run the pipeline locally on embedded defaults: simulate the incident hour (agents drop off,"
          + " queues explode, fraud calls, PIN-guessing burst), validate every record against the"
          + " data contract, play the streams into Kinesis (kinesis-mock started on loopback unless"
          + " AWS_ENDPOINT_URL_KINESIS / AWS_ENDPOINT_URL is set) while the streaming alarm job"
          + " runs on them in a local MiniCluster (./cci demo; alarms printed as they fire), read"
          + " the streams back and print a summary.",
      "Exit code 0 when every record is valid and delivered, 1 otherwise."
    })
public final class DemoCommand implements Callable<Integer> {
  /**
   * What a downstream module adds to the demo around the Kinesis playback (the streaming job joins
   * here): started after the input streams exist, stopped after every record was played.
   */
  public interface Stage {
    /** Called with kinesis-mock (or the configured endpoint) up and the input streams created. */
    void beforePlay(LocalStack stack, PrintWriter out) throws Exception;

    /** Called after the playback; returns false when the stage's own checks failed. */
    boolean afterPlay(LocalStack stack, PrintWriter out) throws Exception;
  }

  private final Stage stage;

  /** The demo of this module alone. */
  public DemoCommand() {
    this(null);
  }

  /** The demo with a downstream stage (e.g. the streaming job) around the Kinesis playback. */
  public DemoCommand(Stage stage) {
    this.stage = stage;
  }

  @Spec CommandSpec spec;

  @Option(
      names = "--scenario",
      defaultValue = "incident",
      description = "Scenario (default ${DEFAULT-VALUE}).")
  String scenario;

  @Option(names = "--seed", defaultValue = "7", description = "Seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--start",
      defaultValue = "2026-11-20T10:00",
      description = "Local start of the simulated hour (default ${DEFAULT-VALUE}).")
  String start;

  @Option(
      names = "--hours",
      defaultValue = "1",
      description = "Simulated hours (default ${DEFAULT-VALUE}).")
  double hours;

  @Option(
      names = "--out",
      description = "Where to write the simulation (default: a new directory under /tmp).")
  Path out;

  @Option(
      names = "--speed",
      defaultValue = "3600",
      description =
          "Playback speed into Kinesis: simulated seconds per wall-clock second (default"
              + " ${DEFAULT-VALUE}; 'Infinity' = as fast as Kinesis takes them).")
  double speed;

  @Option(names = "--no-kinesis", description = "Skip the Kinesis part (simulate and validate).")
  boolean noKinesis;

  @Override
  public Integer call() throws Exception {
    PrintWriter o = spec.commandLine().getOut();
    LocalDateTime at = LocalDateTime.parse(start);
    SimulationOptions options =
        SimulationOptions.seed(seed)
            .withStartDate(at.toLocalDate())
            .withStartTime(at.toLocalTime())
            .withHours(hours);
    Path dir = out != null ? out : Files.createTempDirectory("cci-demo-");
    Files.createDirectories(dir);
    DirectorySink.clean(dir);
    o.printf(
        "== cci demo: scenario %s, seed %d, %s for %.1f h -> %s%n", scenario, seed, at, hours, dir);
    o.flush();

    long t0 = System.nanoTime();
    Stats stats = new Stats();
    SimulationSummary summary;
    PlayReport report = null;
    Map<String, Integer> readBack = new LinkedHashMap<>();
    boolean stageOk = true;
    try (DirectorySink files = new DirectorySink(dir)) {
      SimulationSink side = stats.tee(files);
      Simulator sim =
          new Simulator(
              Scenario.load(scenario),
              options,
              SimulatorContent.generator(),
              SimulatorContent.renderer());
      Simulator.RecordIterator records = sim.records(side);
      Iterator<StreamRecord> checked = stats.validating(records, files);
      if (noKinesis) {
        while (checked.hasNext()) {
          checked.next();
        }
      } else {
        try (LocalStack stack = LocalStack.builder().kinesis().start()) {
          KinesisClient kinesis = stack.clients().kinesis();
          List<String> names = Streams.INPUTS.stream().map(Streams::kinesisName).toList();
          new KinesisAdmin(kinesis).ensureStreams(names, KinesisAdmin.DEFAULT_SHARDS);
          o.printf("kinesis: %s (%s)%n", stack.kinesisEndpoint(), String.join(", ", names));
          o.flush();
          if (stage != null) {
            stage.beforePlay(stack, o);
          }
          report = KinesisPlayer.builder(kinesis).speed(speed).build().play(checked);
          for (String logical : Streams.INPUTS) {
            long expected =
                report.streams().containsKey(logical) ? report.streams().get(logical).sent() : 0;
            KinesisTail tail =
                new KinesisTail(
                    kinesis, Streams.kinesisName(logical), KinesisTail.Start.TRIM_HORIZON);
            readBack.put(logical, tail.await((int) expected, Duration.ofSeconds(60)).size());
          }
          if (stage != null) {
            stageOk = stage.afterPlay(stack, o);
          }
        }
      }
      summary = records.summary();
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    Files.writeString(dir.resolve("summary.txt"), summary.describe());

    o.println();
    o.print(summary.describe());
    o.println();
    o.println("queue       peak in-queue  oldest wait");
    stats.peakInQueue.forEach(
        (q, peak) -> o.printf(Locale.ROOT, "%-10s %14d %10ds%n", q, peak, stats.oldestWait.get(q)));
    o.println();
    o.printf("transcripts by format: %s%n", stats.transcriptsByFormat);
    o.printf("residual PII planted:  %s%n", stats.piiByType);
    o.printf(
        "contract check:        %d records, %d invalid%s%n",
        stats.validated,
        stats.invalid,
        stats.invalid == 0 ? "" : " (first: " + stats.firstInvalid + ")");
    boolean delivered = true;
    if (report != null) {
      o.println();
      o.print(report.summary());
      o.printf("read back from Kinesis: %s%n", readBack);
      for (String s : Streams.INPUTS) {
        long sent = report.streams().containsKey(s) ? report.streams().get(s).sent() : 0;
        delivered &= readBack.getOrDefault(s, 0) == sent;
      }
      delivered &= report.complete();
    }
    o.printf(Locale.ROOT, "%n== done in %.1f s; output in %s%n", secs, dir);
    if (stage == null) {
      o.println("   (the streaming alarm job joins this demo when run as ./cci demo)");
    }
    o.flush();
    return stats.invalid == 0 && delivered && stageOk ? 0 : 1;
  }

  /** Counts what flows through: contract validation per record, ground-truth highlights. */
  static final class Stats {
    final ContractValidator validator = ContractValidator.shared();
    long validated;
    long invalid;
    String firstInvalid;
    final Map<String, Integer> peakInQueue = new TreeMap<>();
    final Map<String, Long> oldestWait = new TreeMap<>();
    final Map<String, Integer> piiByType = new TreeMap<>();
    final Map<String, Integer> transcriptsByFormat = new TreeMap<>();

    private static SchemaKind kindOf(String stream) {
      return switch (stream) {
        case Streams.CTR -> SchemaKind.CTR;
        case Streams.CONTACT_EVENTS -> SchemaKind.CONTACT_EVENT;
        case Streams.CONTACT_LENS -> SchemaKind.CONTACT_LENS_SEGMENT;
        case Streams.FULFILLMENT -> SchemaKind.FULFILLMENT_EVENT;
        default -> throw new IllegalArgumentException("not an input stream: " + stream);
      };
    }

    void check(SchemaKind kind, String json, String ref) {
      validated++;
      ValidationResult r = validator.validate(kind, json, ref);
      if (!r.valid()) {
        invalid++;
        if (firstInvalid == null) {
          firstInvalid = r.describe();
        }
      }
    }

    /** Validates (and writes) each stream record as the player pulls it. */
    Iterator<StreamRecord> validating(Iterator<StreamRecord> records, SimulationSink files) {
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return records.hasNext();
        }

        @Override
        public StreamRecord next() {
          StreamRecord r = records.next();
          check(kindOf(r.stream()), r.json(), r.stream() + "/" + r.partitionKey());
          files.accept(r);
          return r;
        }
      };
    }

    /** Ground truth and transcripts go to the files and through these counters. */
    SimulationSink tee(SimulationSink files) {
      return new SimulationSink() {
        @Override
        public void accept(TranscriptFile file) {
          check(SchemaKind.POST_CALL_TRANSCRIPT, file.json(), file.relativeKey());
          String format =
              file.relativeKey().contains("/tca/")
                  ? "TCA"
                  : file.relativeKey().contains("/Chat/")
                      ? "ContactLens-chat"
                      : "ContactLens-voice";
          transcriptsByFormat.merge(format, 1, Integer::sum);
          files.accept(file);
        }

        @Override
        public void queueMinute(GroundTruth.QueueMinute row) {
          peakInQueue.merge(row.queue(), row.inQueue(), Math::max);
          oldestWait.merge(row.queue(), row.oldestWaitSeconds(), Math::max);
          files.queueMinute(row);
        }

        @Override
        public void contactOutcome(GroundTruth.ContactOutcome row) {
          files.contactOutcome(row);
        }

        @Override
        public void qaLabels(GroundTruth.QaLabelRow row) {
          files.qaLabels(row);
        }

        @Override
        public void piiPlanting(GroundTruth.PiiRow row) {
          piiByType.merge(row.type(), 1, Integer::sum);
          files.piiPlanting(row);
        }

        @Override
        public void lostEvent(GroundTruth.LostEvent row) {
          files.lostEvent(row);
        }

        @Override
        public void scenarioEvent(GroundTruth.ScenarioMarker row) {
          files.scenarioEvent(row);
        }

        @Override
        public void close() throws IOException {
          // the DirectorySink is closed by the caller
        }
      };
    }
  }
}
