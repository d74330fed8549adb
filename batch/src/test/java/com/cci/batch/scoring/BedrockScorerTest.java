package com.cci.batch.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.batch.local.LocalBedrock;
import com.cci.schemas.qa.QaResult;
import com.cci.schemas.transcript.CallTranscript;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The Bedrock scorer with the real SDK client against the local Bedrock, faults included. */
class BedrockScorerTest {

  static ScorerConfig config(LocalBedrock bedrock) {
    return ScorerConfig.builder()
        .bedrockRuntimeEndpoint(bedrock.endpoint().toString())
        .requestsPerMinute(6000)
        .tokensPerMinute(50_000_000)
        .maxConcurrency(8)
        .maxAttempts(6)
        .retryBaseDelayMillis(20)
        .throttleBaseDelayMillis(50)
        .apiCallAttemptTimeoutMillis(3_000)
        .apiCallTimeoutMillis(30_000)
        .build();
  }

  private static void assertEvidenceExists(QaResult r, CallTranscript t) {
    Set<String> ids = t.turns().stream().map(CallTranscript.Turn::id).collect(Collectors.toSet());
    for (QaResult.CriterionResult c : r.criteria()) {
      assertThat(ids).containsAll(c.evidenceTurnIds());
    }
  }

  @Test
  void scoresEveryCallWithUsageCostAndNoPiiInAnyPrompt() {
    SimCalls.Calls calls = SimCalls.generate(24, 11, 0, 0.5);
    try (LocalBedrock bedrock = LocalBedrock.start(LocalBedrock.Options.defaults());
        Scorer scorer = new BedrockScorer(config(bedrock))) {
      List<ScoreOutcome> out = scorer.scoreAll(calls.requests());
      assertThat(out).hasSize(24);
      for (int i = 0; i < out.size(); i++) {
        ScoreOutcome o = out.get(i);
        assertThat(o.scored()).as("call %d: %s", i, o.quarantineReason()).isTrue();
        QaResult r = o.result();
        assertThat(r.validate()).isEmpty();
        assertThat(r.callId()).isEqualTo(calls.requests().get(i).callId());
        assertThat(r.scorer()).isEqualTo(QaResult.Scorer.BEDROCK);
        assertThat(r.modelId()).isEqualTo(TenantSettings.HAIKU_MODEL_ID);
        assertThat(r.criteria()).hasSize(TestForms.demo().allCriteria().size());
        assertThat(r.usage().inputTokens()).isPositive();
        assertThat(r.usage().outputTokens()).isPositive();
        assertThat(r.usage().costUsd())
            .isCloseTo(
                r.usage().inputTokens() * 0.25e-6 + r.usage().outputTokens() * 1.25e-6,
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(r.piiCounts()).isEqualTo(calls.requests().get(i).piiCounts());
        assertEvidenceExists(r, calls.requests().get(i).transcript());
        assertThat(o.attempts()).isEqualTo(1);
      }
      assertThat(bedrock.stats().modelCalls()).isEqualTo(24);
      assertThat(calls.plantedValues()).isNotEmpty();
      for (LocalBedrock.RecordedPrompt p : bedrock.recordedPrompts()) {
        for (String v : calls.plantedValues()) {
          assertThat(p.prompt()).doesNotContain(v);
        }
      }
    }
  }

  @Test
  void reasksOnceWithTheValidationErrorAndCountsBothCalls() {
    SimCalls.Calls calls = SimCalls.generate(1, 21, 0, 0);
    try (LocalBedrock bedrock =
            LocalBedrock.start(LocalBedrock.Options.defaults().faults("missing-criterion#1"));
        Scorer scorer = new BedrockScorer(config(bedrock))) {
      ScoreOutcome o = scorer.score(calls.requests().get(0));
      assertThat(o.scored()).isTrue();
      assertThat(o.attempts()).isEqualTo(2);
      assertThat(bedrock.stats().modelCalls()).isEqualTo(2);
      assertThat(o.result().usage().inputTokens()).isEqualTo(bedrock.stats().inputTokens());
      List<LocalBedrock.RecordedPrompt> prompts = bedrock.recordedPrompts();
      assertThat(prompts.get(1).prompt()).contains("PREVIOUS ANSWER REJECTED: criterion '");
      assertThat(prompts.get(0).prompt()).doesNotContain("PREVIOUS ANSWER REJECTED");
    }
  }

  @Test
  void quarantinesAnAnswerThatIsInvalidTwice() {
    SimCalls.Calls calls = SimCalls.generate(1, 31, 0, 0);
    try (LocalBedrock bedrock =
            LocalBedrock.start(LocalBedrock.Options.defaults().faults("out-of-range=100%"));
        Scorer scorer = new BedrockScorer(config(bedrock))) {
      ScoreOutcome o = scorer.score(calls.requests().get(0));
      assertThat(o.scored()).isFalse();
      assertThat(o.quarantineStage()).isEqualTo(BedrockScorer.STAGE_VALIDATION);
      assertThat(o.quarantineReason()).startsWith("invalid answer after re-ask: ");
      assertThat(o.attempts()).isEqualTo(2);
    }
  }

  @Test
  void quarantinesACallThatKeepsFailingAfterRetries() {
    SimCalls.Calls calls = SimCalls.generate(1, 41, 0, 0);
    try (LocalBedrock bedrock =
            LocalBedrock.start(LocalBedrock.Options.defaults().faults("unavailable=100%"));
        Scorer scorer = new BedrockScorer(config(bedrock))) {
      ScoreOutcome o = scorer.score(calls.requests().get(0));
      assertThat(o.scored()).isFalse();
      assertThat(o.quarantineStage()).isEqualTo(BedrockScorer.STAGE_MODEL_CALL);
      assertThat(o.quarantineReason()).startsWith("ServiceUnavailableException");
      assertThat(o.attempts()).isEqualTo(6);
      assertThat(bedrock.stats().requests()).isEqualTo(6);
    }
  }

  @Test
  void rejectsNothingAndLosesNothingInAFaultStorm() {
    SimCalls.Calls calls = SimCalls.generate(120, 51, 0, 0.3);
    String storm =
        // prime periods so every fault fires; the first matching rule wins a call
        "malformed@17,truncated@19,text@23,missing-criterion@13,extra-criterion@41,"
            + "out-of-range@43,bad-evidence@47,500@7,unavailable@11,408@29,hang@53,"
            + "model-error@31,throttle@3";
    try (LocalBedrock bedrock =
            LocalBedrock.start(
                LocalBedrock.Options.defaults().faults(storm).hangFor(Duration.ofSeconds(5)));
        Scorer scorer = new BedrockScorer(config(bedrock))) {
      List<ScoreOutcome> out = scorer.scoreAll(calls.requests());
      assertThat(out).hasSize(120);
      Set<String> ids = new HashSet<>();
      int scored = 0;
      int quarantined = 0;
      for (ScoreOutcome o : out) {
        ids.add(o.callId());
        if (o.scored()) {
          scored++;
          assertThat(o.result().validate()).isEmpty();
        } else {
          quarantined++;
          assertThat(o.quarantineStage()).isNotBlank();
          assertThat(o.quarantineReason()).isNotBlank();
        }
      }
      assertThat(ids)
          .containsExactlyInAnyOrderElementsOf(
              calls.requests().stream().map(ScoreRequest::callId).toList());
      assertThat(scored + quarantined).isEqualTo(120);
      System.out.printf(
          "fault storm: 120 calls, %d scored, %d quarantined, %s%n",
          scored, quarantined, bedrock.stats());
      // repairs, re-asks and retries rescue most calls
      assertThat(scored).isGreaterThan(95);
      assertThat(bedrock.stats().faults().keySet()).hasSizeGreaterThanOrEqualTo(12);
    }
  }

  @Test
  void staysUnderTheServersQuotaWithTheClientSideLimiter() {
    SimCalls.Calls calls = SimCalls.generate(40, 61, 0, 0);
    try (LocalBedrock bedrock =
            LocalBedrock.start(LocalBedrock.Options.defaults().requestsPerMinute(1200));
        Scorer scorer =
            new BedrockScorer(config(bedrock).toBuilder().requestsPerMinute(1200).build())) {
      long t0 = System.nanoTime();
      List<ScoreOutcome> out = scorer.scoreAll(calls.requests());
      double seconds = (System.nanoTime() - t0) / 1e9;
      assertThat(out).allMatch(ScoreOutcome::scored);
      assertThat(bedrock.stats().throttled()).isZero();
      // 20 burst + 19.67/s: 40 calls need about a second
      assertThat(seconds).isGreaterThan(0.9);
    }
  }

  @Test
  void staysUnderTheServersTokenQuotaReservingInputPlusMaxTokens() {
    SimCalls.Calls calls = SimCalls.generate(12, 62, 0, 0);
    long tpm = 150_000; // 2 500 tokens a second; a call reserves ~1 000 input + 600 maxTokens
    try (LocalBedrock bedrock =
            LocalBedrock.start(LocalBedrock.Options.defaults().tokensPerMinute(tpm));
        Scorer scorer =
            new BedrockScorer(
                config(bedrock).toBuilder().tokensPerMinute(tpm).maxTokens(600).build())) {
      long t0 = System.nanoTime();
      List<ScoreOutcome> out = scorer.scoreAll(calls.requests());
      double seconds = (System.nanoTime() - t0) / 1e9;
      assertThat(out).allMatch(ScoreOutcome::scored);
      assertThat(out).allMatch(o -> o.attempts() == 1);
      assertThat(bedrock.stats().throttled()).isZero();
      // ~20 000 tokens at 2 500 a second (after a 2 500 burst): the token limiter paces them
      assertThat(seconds).isGreaterThan(3.0);
    }
  }
}
