package com.cci.batch.calibration;

import com.cci.batch.pii.PiiGuard;
import com.cci.batch.scoring.ScoreOutcome;
import com.cci.batch.scoring.ScoreRequest;
import com.cci.batch.scoring.Scorer;
import com.cci.batch.scoring.ScorerConfig;
import com.cci.batch.scoring.ScorerFactory;
import com.cci.batch.scoring.TenantSettings;
import com.cci.schemas.Json;
import com.cci.schemas.qa.QaForm;
import com.cci.schemas.qa.QaResult;
import com.cci.schemas.transcript.CallTranscript;
import com.cci.schemas.transcript.TranscriptParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./cci qa calibrate}: compares a scorer's answers with human-scored calls (a gold file, see
 * {@link GoldFile}) — per-criterion accuracy and Cohen's kappa, and the calls they disagree on.
 * Either scores the gold calls' transcripts with {@code --scorer} (PII-masked first, as the job
 * does), or compares existing results ({@code --results}, JSON Lines of {@code qa-result}). Prints
 * no transcript text; {@code --json} writes the full report (justifications included).
 */
@Command(
    name = "calibrate",
    mixinStandardHelpOptions = true,
    description = {
      "Compare a scorer with human-scored calls: per-criterion accuracy, Cohen's kappa and the"
          + " disagreements.",
      "Gold file: JSON Lines, one call per line, qa-result shaped: {\"tenantId\",\"contactId\","
          + "\"sourceKey\",\"criteria\":[{\"id\",\"answer\"}]} (see batch/README.md)."
    })
public final class CalibrateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--gold", description = "gold file (JSON Lines of human answers)")
  Path gold;

  @Option(
      names = "--from-simulator",
      description =
          "use a `./cci simulate --out` directory instead: its QA labels are the gold answers and"
              + " its transcripts are scored")
  Path simulator;

  @Option(
      names = "--transcripts",
      description =
          "root the gold sourceKeys resolve against (default with --from-simulator: <dir>/transcripts)")
  Path transcripts;

  @Option(
      names = "--results",
      description = "compare these results (JSON Lines of qa-result) instead of scoring")
  Path results;

  @Option(
      names = "--scorer",
      defaultValue = "rules",
      description = "rules, bedrock or bedrock-batch. Default: ${DEFAULT-VALUE}")
  String scorer;

  @Option(names = "--form", description = "QA form JSON file (default: the demo tenant's form)")
  Path form;

  @Option(names = "--json", description = "also write the report as JSON to this file")
  Path json;

  @Option(
      names = "--show",
      defaultValue = "20",
      description = "disagreements to print. Default: ${DEFAULT-VALUE}")
  int show;

  /** Runs the command from {@code main}: {@code java … CalibrateCommand --gold …}. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new CalibrateCommand()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if ((gold == null) == (simulator == null)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "give exactly one of --gold <file> and --from-simulator <dir>");
    }
    List<GoldRecord> goldRecords =
        gold != null ? GoldFile.read(gold) : GoldFile.fromSimulator(simulator);
    Path root =
        transcripts != null
            ? transcripts
            : simulator != null ? simulator.resolve("transcripts") : null;
    List<QaResult> scored;
    String by;
    List<String> unreadable = new ArrayList<>();
    if (results != null) {
      scored = readResults(results);
      by = "results " + results;
    } else {
      if (root == null) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "--transcripts <dir> is needed to score the gold calls (or pass --results)");
      }
      QaForm f =
          form == null
              ? QaForm.fromClasspath(QaForm.DEMO_DEFAULT_RESOURCE)
              : Json.mapper().readValue(form.toFile(), QaForm.class).requireValid();
      List<ScoreRequest> requests = requests(goldRecords, root, f, unreadable);
      ScorerConfig cfg =
          "rules".equals(scorer.toLowerCase(Locale.ROOT))
              ? null
              : ScorerConfig.fromEnv(System.getenv());
      scored = new ArrayList<>();
      int quarantined = 0;
      try (Scorer s = ScorerFactory.create(scorer, cfg)) {
        for (ScoreOutcome o : s.scoreAll(requests)) {
          if (o.scored()) {
            scored.add(o.result());
          } else {
            quarantined++;
          }
        }
        by = "scorer " + s.name() + " (" + s.modelId() + ")";
      }
      if (quarantined > 0) {
        out.printf("%d call(s) were quarantined by the scorer and are not compared%n", quarantined);
      }
    }
    if (!unreadable.isEmpty()) {
      out.printf(
          "%d gold call(s) have no readable transcript and are not compared, e.g. %s%n",
          unreadable.size(), unreadable.get(0));
    }
    Calibration.Report report = Calibration.compare(goldRecords, scored);
    print(out, report, by);
    if (json != null) {
      Json.mapper().writerWithDefaultPrettyPrinter().writeValue(json.toFile(), report);
      out.println("report written to " + json);
    }
    return 0;
  }

  private static List<ScoreRequest> requests(
      List<GoldRecord> gold, Path root, QaForm form, List<String> unreadable) {
    TranscriptParser parser = new TranscriptParser();
    PiiGuard guard = new PiiGuard();
    List<ScoreRequest> out = new ArrayList<>();
    for (GoldRecord g : gold) {
      if (g.sourceKey() == null || g.tenantId() == null || g.contactId() == null) {
        unreadable.add(g.callId() + " (no sourceKey, tenantId or contactId)");
        continue;
      }
      Path file = root.resolve(g.sourceKey()).normalize();
      if (!file.startsWith(root.normalize()) || !Files.isRegularFile(file)) {
        unreadable.add(g.sourceKey() + " (not found under " + root + ")");
        continue;
      }
      CallTranscript t;
      try {
        t = parser.parse(Files.readAllBytes(file));
      } catch (Exception e) {
        unreadable.add(g.sourceKey() + " (" + e.getClass().getSimpleName() + ")");
        continue;
      }
      PiiGuard.Masked m = guard.mask(t);
      LocalDate date = g.callDate() != null ? g.callDate() : LocalDate.now(ZoneOffset.UTC);
      out.add(
          new ScoreRequest(
              g.callId(),
              g.tenantId(),
              g.contactId(),
              date,
              null,
              null,
              g.sourceKey(),
              m.counts(),
              m.transcript(),
              form,
              TenantSettings.demoDefaults(g.tenantId())));
    }
    return out;
  }

  static List<QaResult> readResults(Path file) throws IOException {
    List<QaResult> out = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int n = 0;
      while ((line = in.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        try {
          out.add(Json.mapper().readValue(line, QaResult.class));
        } catch (IOException e) {
          throw new IllegalArgumentException(file + ":" + n + ": not a qa-result JSON line");
        }
      }
    }
    return out;
  }

  private void print(PrintWriter out, Calibration.Report r, String by) {
    out.printf(
        "calibration of %s: %d gold calls, %d compared, %d without a result%n",
        by, r.goldCalls(), r.comparedCalls(), r.missingCalls().size());
    out.printf("%-24s %7s %9s %7s%n", "criterion", "answers", "accuracy", "kappa");
    for (Calibration.Agreement a : r.perCriterion()) {
      row(out, a.criterionId(), a);
    }
    row(out, "overall", r.overall());
    int n = Math.min(show, r.disagreements().size());
    out.printf(
        "disagreements: %d%s%n",
        r.disagreements().size(), n < r.disagreements().size() ? " (first " + n + ")" : "");
    for (int i = 0; i < n; i++) {
      Calibration.Disagreement d = r.disagreements().get(i);
      out.printf(
          "  call %s contact %s  %-22s gold %-14s scorer %s%n",
          d.callId(), d.contactId(), d.criterionId(), d.gold(), d.scorer());
    }
    out.flush();
  }

  private static void row(PrintWriter out, String name, Calibration.Agreement a) {
    out.printf(
        "%-24s %7d %9.3f %7s%n",
        name,
        a.compared(),
        a.accuracy(),
        a.kappa() == null ? "n/a" : String.format(Locale.ROOT, "%.3f", a.kappa()));
  }
}
