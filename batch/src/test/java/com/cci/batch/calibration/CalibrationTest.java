package com.cci.batch.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.cci.schemas.qa.QaResult;
import com.cci.schemas.qa.QaResult.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CalibrationTest {
  private static final Answer P = Answer.PASSED;
  private static final Answer F = Answer.FAILED;
  private static final Answer N = Answer.NOT_APPLICABLE;

  /** pp, pf, fp, ff pairs (gold, scorer), plus na agreements. */
  private static List<Answer[]> pairs(int pp, int pf, int fp, int ff, int nn) {
    List<Answer[]> out = new ArrayList<>();
    for (int i = 0; i < pp; i++) out.add(new Answer[] {P, P});
    for (int i = 0; i < pf; i++) out.add(new Answer[] {P, F});
    for (int i = 0; i < fp; i++) out.add(new Answer[] {F, P});
    for (int i = 0; i < ff; i++) out.add(new Answer[] {F, F});
    for (int i = 0; i < nn; i++) out.add(new Answer[] {N, N});
    return out;
  }

  @ParameterizedTest(name = "pp={0} pf={1} fp={2} ff={3} nn={4}: accuracy {5}, kappa {6}")
  @CsvSource({
    // the textbook example: po 0.7, pe 0.5*0.6 + 0.5*0.4 = 0.5, kappa 0.4
    "20, 5, 10, 15, 0, 0.7, 0.4",
    "25, 0, 0, 25, 0, 1.0, 1.0",
    "0, 25, 25, 0, 0, 0.0, -1.0",
    // chance-level agreement: po 0.5, pe 0.5
    "10, 10, 10, 10, 0, 0.5, 0.0",
    // three answers: po 0.8; gold P .4 F .4 N .2; scorer P .4 F .4 N .2: pe .36, kappa .6875
    "6, 2, 2, 6, 4, 0.8, 0.6875",
  })
  void accuracyAndKappa(int pp, int pf, int fp, int ff, int nn, double acc, double kappa) {
    Calibration.Agreement a = Calibration.agreement("c", pairs(pp, pf, fp, ff, nn));
    assertThat(a.compared()).isEqualTo(pp + pf + fp + ff + nn);
    assertThat(a.accuracy()).isCloseTo(acc, offset(1e-9));
    assertThat(a.kappa()).isCloseTo(kappa, offset(1e-9));
    assertThat(a.confusion().get(P).getOrDefault(F, 0)).isEqualTo(pf);
  }

  @Test
  void kappaIsUndefinedWhenBothAlwaysGiveTheSameAnswer() {
    Calibration.Agreement a = Calibration.agreement("c", pairs(30, 0, 0, 0, 0));
    assertThat(a.accuracy()).isEqualTo(1.0);
    assertThat(a.kappa()).isNull();
    assertThat(Calibration.agreement("c", List.of()).kappa()).isNull();
  }

  private static QaResult result(String tenant, String contact, Map<String, Answer> answers) {
    List<QaResult.CriterionResult> cs = new ArrayList<>();
    answers.forEach(
        (id, a) ->
            cs.add(
                new QaResult.CriterionResult(
                    id, "s", "q?", a, a == P ? 1 : 0, a == N ? 0 : 1, "why " + id, List.of())));
    return new QaResult(
        tenant,
        contact,
        QaResult.callIdFor(tenant, contact),
        null,
        null,
        null,
        null,
        "f",
        1,
        "m",
        QaResult.Scorer.RULES,
        cs,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  @Test
  void joinsOnCallIdComparesTheGoldCriteriaAndListsDisagreements() {
    List<GoldRecord> gold =
        List.of(
            new GoldRecord(
                QaResult.callIdFor("t", "a"), "t", "a", null, null, Map.of("x", P, "y", F)),
            new GoldRecord(QaResult.callIdFor("t", "b"), "t", "b", null, null, Map.of("x", F)),
            new GoldRecord(QaResult.callIdFor("t", "c"), "t", "c", null, null, Map.of("x", P)));
    List<QaResult> scored =
        List.of(
            result("t", "a", Map.of("x", P, "y", P, "z", F)),
            result("t", "b", Map.of("x", F, "y", P)));
    Calibration.Report r = Calibration.compare(gold, scored);
    assertThat(r.goldCalls()).isEqualTo(3);
    assertThat(r.comparedCalls()).isEqualTo(2);
    assertThat(r.missingCalls()).containsExactly(QaResult.callIdFor("t", "c"));
    assertThat(r.perCriterion())
        .extracting(Calibration.Agreement::criterionId)
        .containsExactly("x", "y");
    assertThat(r.perCriterion().get(0).accuracy()).isEqualTo(1.0);
    assertThat(r.perCriterion().get(1).accuracy()).isEqualTo(0.0);
    assertThat(r.overall().compared()).isEqualTo(3); // z is not in the gold record
    assertThat(r.overall().agreed()).isEqualTo(2);
    assertThat(r.disagreements())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.contactId()).isEqualTo("a");
              assertThat(d.criterionId()).isEqualTo("y");
              assertThat(d.gold()).isEqualTo(F);
              assertThat(d.scorer()).isEqualTo(P);
              assertThat(d.justification()).isEqualTo("why y");
            });
  }
}
