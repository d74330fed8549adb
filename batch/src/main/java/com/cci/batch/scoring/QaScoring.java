package com.cci.batch.scoring;

import com.cci.schemas.qa.QaForm;
import com.cci.schemas.qa.QaResult;
import com.cci.schemas.qa.QaResult.Answer;
import com.cci.schemas.qa.QaResult.CriterionResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scoring math, in one place. Every scorer turns its answers into a {@link QaResult} here.
 *
 * <p>Rules:
 *
 * <ol>
 *   <li><b>Points.</b> A criterion is worth its {@code weight}. When its section has a {@code
 *       weight}, the section's criteria share that weight in proportion to their own weights
 *       ({@code max = section.weight * c.weight / sum(section's criterion weights)}).
 *   <li><b>Answers.</b> PASSED earns the criterion's points, FAILED earns 0, NOT_APPLICABLE is
 *       removed from the maximum (score 0, max 0). NOT_APPLICABLE is only accepted where the
 *       criterion has {@code naAllowed}; the points of an N/A criterion are not redistributed.
 *   <li><b>Required.</b> A missing answer to a {@code required} criterion makes the result invalid.
 *       A missing answer to an optional criterion is recorded as NOT_APPLICABLE (removed from the
 *       maximum) with the justification "not answered (optional criterion)". An answer for an id
 *       not on the form, or two answers for one id, make the result invalid.
 *   <li><b>Percentage</b> = 100 · score / max, rounded to 2 decimals; 0 when max is 0.
 *   <li><b>Auto-fail.</b> If any {@code autoFail} criterion is FAILED the call is auto-failed: it
 *       does not pass whatever its percentage. The percentage is still the arithmetic one (not
 *       forced to 0), so analysts can see how the rest of the call went.
 *   <li><b>Pass.</b> The threshold is the tenant's override when set, else the form's; a call
 *       passes when it is not auto-failed, max &gt; 0 and percentage &ge; threshold.
 * </ol>
 */
public final class QaScoring {
  private QaScoring() {}

  /** Justification recorded for an optional criterion the scorer did not answer. */
  public static final String NOT_ANSWERED = "not answered (optional criterion)";

  /**
   * One answer as a scorer produced it.
   *
   * @param id criterion id
   * @param answer the answer
   * @param justification why (no transcript text beyond what the masked transcript holds)
   * @param evidenceTurnIds transcript turns supporting the answer
   */
  public record Answered(
      String id, Answer answer, String justification, List<String> evidenceTurnIds) {
    public Answered {
      evidenceTurnIds = evidenceTurnIds == null ? List.of() : List.copyOf(evidenceTurnIds);
    }
  }

  /**
   * Scored criteria with their totals.
   *
   * @param criteria one per form criterion, in form order
   * @param totals the sums, percentage and pass/auto-fail verdict
   */
  public record Scored(List<CriterionResult> criteria, QaResult.Totals totals) {}

  /** The answers break a rule; {@link #problems()} lists every one (no transcript text). */
  public static final class InvalidAnswersException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public InvalidAnswersException(List<String> problems) {
      super(String.join("; ", problems));
      this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
      return problems;
    }
  }

  /** The points a criterion is worth on this form (rule 1). */
  public static Map<String, Double> pointsByCriterion(QaForm form) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (QaForm.Section s : form.sections()) {
      double sum = s.criteria().stream().mapToDouble(QaForm.Criterion::weight).sum();
      for (QaForm.Criterion c : s.criteria()) {
        double pts = s.weight() == null ? c.weight() : s.weight() * c.weight() / sum;
        out.put(c.id(), pts);
      }
    }
    return out;
  }

  /**
   * Scores the answers against the form.
   *
   * @param passThreshold the threshold in force (tenant override or the form's)
   * @throws InvalidAnswersException listing every broken rule
   */
  public static Scored score(QaForm form, List<Answered> answers, double passThreshold) {
    List<String> problems = new ArrayList<>();
    Map<String, Answered> byId = new HashMap<>();
    for (Answered a : answers) {
      if (a == null || a.id() == null) {
        problems.add("an answer has no criterion id");
        continue;
      }
      if (form.criterion(a.id()).isEmpty()) {
        problems.add("criterion '" + a.id() + "' is not on form " + form.formId());
        continue;
      }
      if (byId.putIfAbsent(a.id(), a) != null) {
        problems.add("criterion '" + a.id() + "' is answered more than once");
      }
      if (a.answer() == null) {
        problems.add("criterion '" + a.id() + "' has no answer");
      }
    }
    Map<String, Double> points = pointsByCriterion(form);
    List<CriterionResult> out = new ArrayList<>();
    double score = 0;
    double max = 0;
    boolean autoFailed = false;
    for (QaForm.Section s : form.sections()) {
      for (QaForm.Criterion c : s.criteria()) {
        Answered a = byId.get(c.id());
        if (a == null) {
          if (c.required()) {
            problems.add("required criterion '" + c.id() + "' is not answered");
            continue;
          }
          out.add(
              new CriterionResult(
                  c.id(),
                  s.id(),
                  c.question(),
                  Answer.NOT_APPLICABLE,
                  0,
                  0,
                  NOT_ANSWERED,
                  List.of()));
          continue;
        }
        if (a.answer() == null) {
          continue;
        }
        if (a.answer() == Answer.NOT_APPLICABLE && !c.naAllowed()) {
          problems.add("criterion '" + c.id() + "' does not allow NOT_APPLICABLE");
          continue;
        }
        double pts = points.get(c.id());
        double cMax = a.answer() == Answer.NOT_APPLICABLE ? 0 : pts;
        double cScore = a.answer() == Answer.PASSED ? pts : 0;
        if (a.answer() == Answer.FAILED && c.autoFail()) {
          autoFailed = true;
        }
        score += cScore;
        max += cMax;
        out.add(
            new CriterionResult(
                c.id(),
                s.id(),
                c.question(),
                a.answer(),
                cScore,
                cMax,
                a.justification(),
                a.evidenceTurnIds()));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidAnswersException(problems);
    }
    double pct = max > 0 ? Math.round(10000.0 * score / max) / 100.0 : 0.0;
    boolean passed = !autoFailed && max > 0 && pct >= passThreshold;
    return new Scored(out, new QaResult.Totals(score, max, pct, passed, autoFailed));
  }

  /**
   * The full result for a request: scores the answers and adds the call's metadata.
   *
   * @throws InvalidAnswersException listing every broken rule
   */
  public static QaResult result(
      ScoreRequest req,
      List<Answered> answers,
      QaResult.Summary summary,
      QaResult.Scorer scorer,
      String modelId,
      QaResult.Usage usage,
      Instant scoredAt) {
    Scored s = score(req.form(), answers, req.passThreshold());
    QaResult r =
        new QaResult(
            req.tenantId(),
            req.contactId(),
            req.callId(),
            req.callDate(),
            channel(req),
            req.agentId(),
            req.queue(),
            req.form().formId(),
            req.form().version(),
            modelId,
            scorer,
            s.criteria(),
            s.totals(),
            summary,
            req.piiCounts(),
            usage,
            req.sourceKey(),
            scoredAt);
    var violations = r.validate();
    if (!violations.isEmpty()) {
      // the math above is what validate() checks: a violation here is a bug, not bad input
      throw new IllegalStateException("scoring produced an inconsistent result: " + violations);
    }
    return r;
  }

  private static QaResult.Channel channel(ScoreRequest req) {
    if (req.transcript().channel() == null) {
      return null;
    }
    return switch (req.transcript().channel()) {
      case VOICE -> QaResult.Channel.VOICE;
      case CHAT -> QaResult.Channel.CHAT;
      default -> null;
    };
  }
}
