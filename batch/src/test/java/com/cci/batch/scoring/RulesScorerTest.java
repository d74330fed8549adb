package com.cci.batch.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.batch.pii.PiiGuard;
import com.cci.schemas.qa.QaResult;
import com.cci.schemas.qa.QaResult.Answer;
import com.cci.schemas.transcript.CallTranscript;
import com.cci.schemas.transcript.TranscriptParser;
import com.cci.sim.SimulatorContent;
import com.cci.sim.content.BehaviourMarkers.Behaviour;
import com.cci.sim.content.ContactContext;
import com.cci.sim.content.Conversation;
import com.cci.sim.content.TranscriptFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RulesScorerTest {
  private static final Instant NOW = Instant.parse("2026-11-21T02:00:00Z");
  private final RulesScorer scorer = new RulesScorer(Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void passesCriteriaWithEvidenceAndSaysItIsARulesEstimate() {
    CallTranscript t =
        TestForms.transcript(
            "Hello, this call is recorded.", "Hi", "I’m SORRY to hear that.", "ok", "bye");
    ScoreOutcome o =
        scorer.score(
            ScoreRequest.of(
                "t1",
                "c-1",
                LocalDate.of(2026, 11, 20),
                t,
                TestForms.small(),
                TenantSettings.demoDefaults("t1")));
    assertThat(o.scored()).isTrue();
    QaResult r = o.result();
    assertThat(r.validate()).isEmpty();
    assertThat(r.scorer()).isEqualTo(QaResult.Scorer.RULES);
    assertThat(r.modelId()).isEqualTo("cci-rules-v1");
    assertThat(r.usage()).isEqualTo(QaResult.Usage.NONE);
    assertThat(r.scoredAt()).isEqualTo(NOW);
    assertThat(r.summary().issue()).startsWith("Rules-based estimate");
    assertThat(r.criteria())
        .extracting(QaResult.CriterionResult::answer)
        .containsExactly(
            Answer.PASSED, // c1 hello in t1
            Answer.NOT_APPLICABLE, // c2 optional, no "next"
            Answer.PASSED, // c3 recorded in t1
            Answer.PASSED, // c4 sorry in t3 (typographic apostrophe, upper case)
            Answer.FAILED); // c5 required: no "verify"
    assertThat(r.criteria().get(3).evidenceTurnIds()).containsExactly("t3");
    // c1 10 + c3 15 + c4 5 of 10 + 15 + 5 + 15 (c2 N/A)
    assertThat(r.totals().score()).isEqualTo(30.0);
    assertThat(r.totals().max()).isEqualTo(45.0);
    assertThat(r.totals().passed()).isFalse();
    assertThat(r.callId()).isEqualTo(QaResult.callIdFor("t1", "c-1"));
  }

  /** Against the simulator's labels: the demo form's hints find the labelled behaviours. */
  @Test
  void agreesWithSimulatorLabelsOnTheDemoForm() throws Exception {
    Map<String, Behaviour> criterionToBehaviour =
        Map.of(
            "greeting", Behaviour.GREETING,
            "empathy", Behaviour.EMPATHY,
            "resolution", Behaviour.RESOLUTION,
            "satisfaction-check", Behaviour.SATISFACTION_CHECK,
            "compliance-disclosure", Behaviour.COMPLIANCE_DISCLOSURE);
    TranscriptParser parser = new TranscriptParser();
    PiiGuard guard = new PiiGuard();
    Instant t0 = Instant.parse("2026-11-20T14:15:02Z");
    int compared = 0;
    int agreed = 0;
    for (int i = 0; i < 300; i++) {
      SplittableRandom r = new SplittableRandom(77 + i);
      ContactContext ctx =
          new ContactContext(
              "demo-tenant",
              new UUID(r.nextLong(), r.nextLong()).toString(),
              i % 4 == 0 ? "CHAT" : "VOICE",
              "General",
              i % 3 == 0 ? "fraud" : "card-lost",
              "agent-1",
              "Dana Whitfield",
              "Maria Lopez",
              t0,
              t0.plusSeconds(300 + r.nextInt(300)),
              r.nextInt(5) == 0,
              false,
              900 + i);
      Conversation conv = SimulatorContent.generator().generate(ctx, 0.3);
      TranscriptFormat f =
          i % 4 == 0 ? TranscriptFormat.CONTACT_LENS_CHAT : TranscriptFormat.CONTACT_LENS_VOICE;
      CallTranscript t =
          guard
              .mask(parser.parse(SimulatorContent.renderer().postCallFile(ctx, conv, f).json()))
              .transcript();
      ScoreOutcome o =
          scorer.score(
              ScoreRequest.of(
                  "demo-tenant",
                  ctx.contactId(),
                  LocalDate.of(2026, 11, 20),
                  t,
                  TestForms.demo(),
                  TenantSettings.demoDefaults("demo-tenant")));
      assertThat(o.scored()).isTrue();
      assertThat(o.result().validate()).isEmpty();
      for (QaResult.CriterionResult c : o.result().criteria()) {
        Behaviour b = criterionToBehaviour.get(c.id());
        if (b != null) {
          compared++;
          if ((c.answer() == Answer.PASSED) == b.of(conv.labels())) {
            agreed++;
          }
        }
      }
    }
    double agreement = (double) agreed / compared;
    System.out.printf(
        "rules scorer vs simulator labels: %d/%d = %.3f%n", agreed, compared, agreement);
    assertThat(compared).isEqualTo(1500);
    assertThat(agreement).isGreaterThanOrEqualTo(0.95);
  }
}
