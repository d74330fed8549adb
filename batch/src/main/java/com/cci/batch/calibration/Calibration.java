package com.cci.batch.calibration;

import com.cci.schemas.qa.QaResult;
import com.cci.schemas.qa.QaResult.Answer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares a scorer's answers with human (gold) answers: per criterion and overall, the share of
 * agreeing answers (accuracy) and Cohen's kappa over the three answers PASSED / FAILED /
 * NOT_APPLICABLE, and the calls they disagree on.
 *
 * <p>Kappa = (p<sub>o</sub> − p<sub>e</sub>) / (1 − p<sub>e</sub>), p<sub>o</sub> the observed
 * agreement, p<sub>e</sub> the agreement expected by chance from each rater's answer shares. When
 * p<sub>e</sub> = 1 (both raters gave one and the same answer to every call) kappa is undefined and
 * reported as null. Only criteria the gold record answers are compared; gold calls with no scored
 * result (quarantined, or not scored) are counted as missing, not as disagreements.
 */
public final class Calibration {
  private Calibration() {}

  /**
   * Agreement on one criterion (or overall).
   *
   * @param criterionId the criterion, or {@code *} overall
   * @param compared answers compared
   * @param agreed answers equal
   * @param accuracy agreed / compared (0 when nothing compared)
   * @param kappa Cohen's kappa, null when undefined
   * @param confusion counts by gold answer then scorer answer
   */
  public record Agreement(
      String criterionId,
      int compared,
      int agreed,
      double accuracy,
      Double kappa,
      Map<Answer, Map<Answer, Integer>> confusion) {}

  /** One disagreeing answer. */
  public record Disagreement(
      String callId,
      String contactId,
      String criterionId,
      Answer gold,
      Answer scorer,
      String justification) {}

  /**
   * The calibration report.
   *
   * @param goldCalls calls in the gold file
   * @param comparedCalls gold calls with a scored result
   * @param missingCalls gold call ids without a scored result
   * @param perCriterion agreement per criterion, by id
   * @param overall agreement over every compared answer
   * @param disagreements every disagreeing answer, by call then criterion
   */
  public record Report(
      int goldCalls,
      int comparedCalls,
      List<String> missingCalls,
      List<Agreement> perCriterion,
      Agreement overall,
      List<Disagreement> disagreements) {}

  /** Compares scored results with the gold records (joined on call id). */
  public static Report compare(List<GoldRecord> gold, List<QaResult> scored) {
    Map<String, QaResult> byCall = new HashMap<>();
    for (QaResult r : scored) {
      byCall.put(r.callId(), r);
    }
    Map<String, List<Answer[]>> pairs = new TreeMap<>();
    List<Answer[]> all = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    List<Disagreement> disagreements = new ArrayList<>();
    int compared = 0;
    for (GoldRecord g : gold) {
      QaResult r = byCall.get(g.callId());
      if (r == null) {
        missing.add(g.callId());
        continue;
      }
      compared++;
      Map<String, QaResult.CriterionResult> answers = new HashMap<>();
      r.criteria().forEach(c -> answers.put(c.id(), c));
      for (Map.Entry<String, Answer> e : g.answers().entrySet()) {
        QaResult.CriterionResult c = answers.get(e.getKey());
        if (c == null) {
          continue; // the scorer's form does not have it: not comparable
        }
        Answer[] pair = {e.getValue(), c.answer()};
        pairs.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(pair);
        all.add(pair);
        if (pair[0] != pair[1]) {
          disagreements.add(
              new Disagreement(
                  g.callId(), g.contactId(), e.getKey(), pair[0], pair[1], c.justification()));
        }
      }
    }
    List<Agreement> per = new ArrayList<>();
    pairs.forEach((id, p) -> per.add(agreement(id, p)));
    disagreements.sort(
        Comparator.comparing(Disagreement::callId).thenComparing(Disagreement::criterionId));
    return new Report(gold.size(), compared, missing, per, agreement("*", all), disagreements);
  }

  /** Accuracy, kappa and confusion of answer pairs {gold, scorer}. */
  public static Agreement agreement(String id, List<Answer[]> pairs) {
    int n = pairs.size();
    Map<Answer, Map<Answer, Integer>> confusion = new TreeMap<>();
    int[] goldCount = new int[Answer.values().length];
    int[] scorerCount = new int[Answer.values().length];
    int agreed = 0;
    for (Answer[] p : pairs) {
      confusion.computeIfAbsent(p[0], k -> new TreeMap<>()).merge(p[1], 1, Integer::sum);
      goldCount[p[0].ordinal()]++;
      scorerCount[p[1].ordinal()]++;
      if (p[0] == p[1]) {
        agreed++;
      }
    }
    if (n == 0) {
      return new Agreement(id, 0, 0, 0.0, null, confusion);
    }
    double po = (double) agreed / n;
    double pe = 0;
    for (int k = 0; k < goldCount.length; k++) {
      pe += ((double) goldCount[k] / n) * ((double) scorerCount[k] / n);
    }
    Double kappa = pe >= 1.0 - 1e-12 ? null : (po - pe) / (1 - pe);
    return new Agreement(id, n, agreed, po, kappa, confusion);
  }
}
