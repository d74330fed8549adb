package com.cci.batch.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cci.schemas.qa.QaResult.Answer;
import com.cci.schemas.qa.QaResult.CriterionResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QaScoringTest {
  private static final List<String> IDS = List.of("c1", "c2", "c3", "c4", "c5");

  /** P = PASSED, F = FAILED, N = NOT_APPLICABLE, - = not answered; one letter per c1..c5. */
  static List<QaScoring.Answered> answers(String code) {
    List<QaScoring.Answered> out = new ArrayList<>();
    for (int i = 0; i < code.length(); i++) {
      Answer a =
          switch (code.charAt(i)) {
            case 'P' -> Answer.PASSED;
            case 'F' -> Answer.FAILED;
            case 'N' -> Answer.NOT_APPLICABLE;
            default -> null;
          };
      if (a != null) {
        out.add(new QaScoring.Answered(IDS.get(i), a, "because", List.of("t1")));
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0} at {1}% -> {2}/{3} = {4}% passed={5} autoFailed={6}")
  @CsvSource({
    // answers, threshold, score, max, percentage, passed, autoFailed
    "PPPPP, 80, 50, 50, 100.0, true, false",
    "FPPPP, 80, 40, 50, 80.0, true, false", // exactly at the threshold passes
    "FPPFP, 80, 35, 50, 70.0, false, false",
    "PPFPP, 80, 35, 50, 70.0, false, true", // auto-fail keeps the arithmetic percentage
    "PPFPP, 0, 35, 50, 70.0, false, true", // auto-fail fails even at threshold 0
    "PNPPP, 80, 45, 45, 100.0, true, false", // N/A removed from the maximum
    "P-PPP, 80, 45, 45, 100.0, true, false", // optional and unanswered = N/A
    "PNPPN, 80, 30, 30, 100.0, true, false",
    "FNPFN, 80, 15, 30, 50.0, false, false",
    "FPPPP, 90, 40, 50, 80.0, false, false", // tenant override above the form's threshold
    "PFPPF, 80, 30, 50, 60.0, false, false", // section weight shared 1:3 (c4 5, c5 15)
    "PPPFP, 80, 45, 50, 90.0, true, false",
    "FFPFF, 80, 15, 50, 30.0, false, false",
  })
  void scoresByTheRules(
      String code,
      double threshold,
      double score,
      double max,
      double pct,
      boolean passed,
      boolean autoFailed) {
    QaScoring.Scored s = QaScoring.score(TestForms.small(), answers(code), threshold);
    assertThat(s.totals().score()).isEqualTo(score);
    assertThat(s.totals().max()).isEqualTo(max);
    assertThat(s.totals().percentage()).isEqualTo(pct);
    assertThat(s.totals().passed()).isEqualTo(passed);
    assertThat(s.totals().autoFailed()).isEqualTo(autoFailed);
    assertThat(s.criteria()).extracting(CriterionResult::id).containsExactlyElementsOf(IDS);
  }

  @Test
  void sectionWeightSharesPointsInProportion() {
    assertThat(QaScoring.pointsByCriterion(TestForms.small()))
        .containsExactly(
            java.util.Map.entry("c1", 10.0),
            java.util.Map.entry("c2", 5.0),
            java.util.Map.entry("c3", 15.0),
            java.util.Map.entry("c4", 5.0),
            java.util.Map.entry("c5", 15.0));
  }

  @Test
  void unansweredOptionalCriterionIsRecordedAsNotApplicable() {
    QaScoring.Scored s = QaScoring.score(TestForms.small(), answers("P-PPP"), 80);
    CriterionResult c2 = s.criteria().get(1);
    assertThat(c2.answer()).isEqualTo(Answer.NOT_APPLICABLE);
    assertThat(c2.max()).isZero();
    assertThat(c2.justification()).isEqualTo(QaScoring.NOT_ANSWERED);
  }

  @ParameterizedTest(name = "{0} is invalid: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "-PPPP | required criterion 'c1' is not answered",
        "NPPPP | criterion 'c1' does not allow NOT_APPLICABLE",
        "PPPNP | criterion 'c4' does not allow NOT_APPLICABLE",
      })
  void rejectsAnswersThatBreakTheRules(String code, String problem) {
    assertThatThrownBy(() -> QaScoring.score(TestForms.small(), answers(code), 80))
        .isInstanceOf(QaScoring.InvalidAnswersException.class)
        .satisfies(
            e -> assertThat(((QaScoring.InvalidAnswersException) e).problems()).contains(problem));
  }

  @Test
  void rejectsDuplicateAndUnknownIdsListingEveryProblem() {
    List<QaScoring.Answered> a = new ArrayList<>(answers("PPPPP"));
    a.add(new QaScoring.Answered("c1", Answer.FAILED, "again", List.of()));
    a.add(new QaScoring.Answered("c9", Answer.PASSED, "?", List.of()));
    assertThatThrownBy(() -> QaScoring.score(TestForms.small(), a, 80))
        .isInstanceOf(QaScoring.InvalidAnswersException.class)
        .satisfies(
            e ->
                assertThat(((QaScoring.InvalidAnswersException) e).problems())
                    .containsExactlyInAnyOrder(
                        "criterion 'c1' is answered more than once",
                        "criterion 'c9' is not on form small"));
  }

  @Test
  void demoFormIsOneHundredPoints() {
    double total =
        QaScoring.pointsByCriterion(TestForms.demo()).values().stream()
            .mapToDouble(Double::doubleValue)
            .sum();
    assertThat(total).isEqualTo(100.0);
  }

  @Test
  void resultUsesTheTenantsThresholdOverrideAndValidates() {
    ScoreRequest formThreshold =
        ScoreRequest.of(
            "t1",
            "c-9",
            java.time.LocalDate.of(2026, 11, 20),
            TestForms.transcript("hi", "hello"),
            TestForms.small(),
            TenantSettings.demoDefaults("t1"));
    ScoreRequest stricter =
        ScoreRequest.of(
            "t1",
            "c-9",
            java.time.LocalDate.of(2026, 11, 20),
            TestForms.transcript("hi", "hello"),
            TestForms.small(),
            new TenantSettings("t1", "m", 0.25, 1.25, 90.0, "small"));
    var summary =
        new com.cci.schemas.qa.QaResult.Summary(
            "i", "r", com.cci.schemas.qa.QaResult.Outcome.RESOLVED, List.of(), 50, "s");
    var a =
        QaScoring.result(
            formThreshold,
            answers("FPPPP"),
            summary,
            com.cci.schemas.qa.QaResult.Scorer.RULES,
            "m",
            com.cci.schemas.qa.QaResult.Usage.NONE,
            java.time.Instant.EPOCH);
    var b =
        QaScoring.result(
            stricter,
            answers("FPPPP"),
            summary,
            com.cci.schemas.qa.QaResult.Scorer.RULES,
            "m",
            com.cci.schemas.qa.QaResult.Usage.NONE,
            java.time.Instant.EPOCH);
    assertThat(a.totals().percentage()).isEqualTo(80.0);
    assertThat(a.totals().passed()).isTrue(); // form threshold 80
    assertThat(b.totals().passed()).isFalse(); // tenant override 90
    assertThat(a.validate()).isEmpty();
    assertThat(a.callId()).isEqualTo(com.cci.schemas.qa.QaResult.callIdFor("t1", "c-9"));
    assertThat(a.channel()).isEqualTo(com.cci.schemas.qa.QaResult.Channel.VOICE);
    assertThat(a.formVersion()).isEqualTo(3);
  }
}
