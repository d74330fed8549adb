package com.cci.batch;

import com.cci.batch.scoring.ScoreOutcome;
import com.cci.batch.scoring.ScoreRequest;
import com.cci.batch.scoring.Scorer;
import com.cci.schemas.qa.QaForm;
import com.cci.schemas.qa.QaResult;
import com.cci.schemas.transcript.CallTranscript;
import com.cci.schemas.transcript.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Test-only scorers that exercise the job's plumbing without a model: they answer each criterion
 * from whether an agent turn contains one of its evidence hints, and can be told to quarantine
 * calls. The job's real scorers come from {@code ScorerFactory}.
 */
final class TestScorers {
  private TestScorers() {}

  /** Hint-matching scorer; calls whose contact id ends with {@code quarantineSuffix} fail. */
  static ScorerSource hints(String model, String quarantineSuffix) {
    return slots -> new HintScorer(model, quarantineSuffix);
  }

  static final class HintScorer implements Scorer {
    private final String model;
    private final String quarantineSuffix;

    HintScorer(String model, String quarantineSuffix) {
      this.model = model;
      this.quarantineSuffix = quarantineSuffix;
    }

    @Override
    public String name() {
      return "rules";
    }

    @Override
    public String modelId() {
      return model;
    }

    @Override
    public ScoreOutcome score(ScoreRequest r) {
      CallTranscript t = r.transcript();
      if (quarantineSuffix != null && r.callId().endsWith(quarantineSuffix)) {
        return ScoreOutcome.quarantined(r.callId(), "validation", "test: planted failure", 1);
      }
      List<QaResult.CriterionResult> cs = new ArrayList<>();
      double score = 0;
      double max = 0;
      boolean autoFailed = false;
      for (QaForm.Section s : r.form().sections()) {
        for (QaForm.Criterion c : s.criteria()) {
          String evidence = null;
          for (CallTranscript.Turn turn : t.turns()) {
            if (turn.role() != Role.AGENT) {
              continue;
            }
            String text = turn.text().toLowerCase(Locale.ROOT);
            for (String h : c.evidenceHints()) {
              if (text.contains(h.toLowerCase(Locale.ROOT))) {
                evidence = turn.id();
                break;
              }
            }
            if (evidence != null) {
              break;
            }
          }
          boolean passed = evidence != null || c.evidenceHints().isEmpty();
          cs.add(
              new QaResult.CriterionResult(
                  c.id(),
                  s.id(),
                  c.question(),
                  passed ? QaResult.Answer.PASSED : QaResult.Answer.FAILED,
                  passed ? c.weight() : 0,
                  c.weight(),
                  passed ? "hint found" : "no hint found",
                  evidence == null ? List.of() : List.of(evidence)));
          score += passed ? c.weight() : 0;
          max += c.weight();
          autoFailed |= !passed && c.autoFail();
        }
      }
      double pct = max == 0 ? 0 : 100.0 * score / max;
      double threshold =
          r.settings().passThreshold() != null
              ? r.settings().passThreshold()
              : r.form().passThreshold();
      return ScoreOutcome.scored(
          r.callId(),
          new QaResult(
              r.tenantId(),
              null,
              r.callId(),
              null,
              null,
              null,
              null,
              r.form().formId(),
              r.form().version(),
              model,
              QaResult.Scorer.RULES,
              cs,
              new QaResult.Totals(score, max, pct, pct >= threshold && !autoFailed, autoFailed),
              new QaResult.Summary(
                  "issue", "resolution", QaResult.Outcome.RESOLVED, List.of(), 70, "steady"),
              null,
              new QaResult.Usage(1000, 200, 0.0005),
              null,
              Instant.parse("2026-11-21T02:00:00Z")),
          1);
    }
  }
}
