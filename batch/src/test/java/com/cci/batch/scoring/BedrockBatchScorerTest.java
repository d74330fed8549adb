package com.cci.batch.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cci.batch.local.LocalBedrock;
import com.cci.local.LocalStackExtension;
import com.cci.schemas.qa.QaResult;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

/** Batch inference against the local Bedrock's control plane and S3Mock. */
class BedrockBatchScorerTest {
  static final String BUCKET = "qa-batch";

  @RegisterExtension
  static LocalStackExtension stack = LocalStackExtension.s3Only(BUCKET).ignoreEnvironment();

  private static LocalBedrock bedrock(String faults) {
    return LocalBedrock.start(
        LocalBedrock.Options.defaults()
            .s3Endpoint(stack.s3Endpoint())
            .minBatchRecords(10)
            .faults(faults));
  }

  private static ScorerConfig config(LocalBedrock bedrock) {
    return BedrockScorerTest.config(bedrock).toBuilder()
        .s3Endpoint(stack.s3Endpoint().toString())
        .batchBucket(BUCKET)
        .batchPrefix("bedrock-batch/")
        .batchRoleArn("arn:aws:iam::000000000000:role/BedrockBatchInference")
        .minBatchRecords(10)
        .batchPollIntervalMillis(50)
        .build();
  }

  @Test
  void scoresAJobJoinedOnRecordIdAtTheBatchPrice() {
    SimCalls.Calls calls = SimCalls.generate(30, 71, 0, 0.5);
    try (LocalBedrock bedrock = bedrock("");
        Scorer scorer = ScorerFactory.create("bedrock-batch", config(bedrock))) {
      List<ScoreOutcome> out = scorer.scoreAll(calls.requests());
      assertThat(out).hasSize(30);
      for (int i = 0; i < 30; i++) {
        ScoreOutcome o = out.get(i);
        assertThat(o.scored()).as(o.quarantineReason()).isTrue();
        assertThat(o.callId()).isEqualTo(calls.requests().get(i).callId());
        QaResult r = o.result();
        assertThat(r.validate()).isEmpty();
        assertThat(r.scorer()).isEqualTo(QaResult.Scorer.BEDROCK_BATCH);
        assertThat(r.usage().costUsd())
            .isCloseTo(
                0.5 * (r.usage().inputTokens() * 0.25e-6 + r.usage().outputTokens() * 1.25e-6),
                org.assertj.core.data.Offset.offset(1e-12));
      }
      assertThat(bedrock.stats().batchJobs()).isEqualTo(1);
      assertThat(bedrock.stats().batchRecords()).isEqualTo(30);
      // nothing went on demand
      assertThat(bedrock.recordedPrompts()).allMatch(p -> p.api().equals("batch"));
      for (LocalBedrock.RecordedPrompt p : bedrock.recordedPrompts()) {
        for (String v : calls.plantedValues()) {
          assertThat(p.prompt()).doesNotContain(v);
        }
      }
      // the input went to S3 as {recordId, modelInput} lines
      try (S3Client s3 = stack.clients().s3()) {
        List<String> keys =
            s3.listObjectsV2(b -> b.bucket(BUCKET).prefix("bedrock-batch/")).contents().stream()
                .map(o -> o.key())
                .toList();
        assertThat(keys).anyMatch(k -> k.endsWith("/input/records.jsonl"));
        assertThat(keys).anyMatch(k -> k.endsWith(".jsonl.out"));
      }
    }
  }

  @Test
  void brokenAndFailedRecordsGetOneOnDemandChanceAndNoneIsLost() {
    SimCalls.Calls calls = SimCalls.generate(40, 81, 0, 0);
    String faults = "missing-criterion@7,500@9,out-of-range@11,malformed@13";
    try (LocalBedrock bedrock = bedrock(faults);
        Scorer scorer = ScorerFactory.create("bedrock-batch", config(bedrock))) {
      List<ScoreOutcome> out = scorer.scoreAll(calls.requests());
      assertThat(out).hasSize(40);
      assertThat(out.stream().map(ScoreOutcome::callId).toList())
          .isEqualTo(calls.requests().stream().map(ScoreRequest::callId).toList());
      // 12 of the 40 batch records come back broken (missing criterion, 500, out of range) and
      // get one on-demand call each; the 3 malformed ones are repaired from the text
      assertThat(out.stream().filter(o -> o.attempts() >= 2).count()).isEqualTo(12);
      assertThat(out.stream().filter(o -> o.attempts() == 1).count()).isEqualTo(28);
      // the 8 invalid answers are re-asked with their validation errors
      assertThat(
              bedrock.recordedPrompts().stream()
                  .filter(p -> p.api().equals("converse"))
                  .filter(p -> p.prompt().contains("PREVIOUS ANSWER REJECTED")))
          .hasSizeGreaterThanOrEqualTo(8);
      for (ScoreOutcome o : out) {
        if (o.scored()) {
          assertThat(o.result().validate()).isEmpty();
          assertThat(o.result().scorer()).isEqualTo(QaResult.Scorer.BEDROCK_BATCH);
          QaResult.Usage u = o.result().usage();
          double onDemand = u.inputTokens() * 0.25e-6 + u.outputTokens() * 1.25e-6;
          if (o.attempts() == 1) {
            assertThat(u.costUsd())
                .isCloseTo(onDemand / 2, org.assertj.core.data.Offset.offset(1e-12));
          } else {
            // the batch call at half price, the on-demand re-ask at full price
            assertThat(u.costUsd())
                .isGreaterThan(onDemand / 2)
                .isLessThanOrEqualTo(onDemand + 1e-12);
          }
        } else {
          assertThat(o.quarantineStage()).isNotBlank();
        }
      }
      assertThat(out.stream().filter(ScoreOutcome::scored).count()).isGreaterThanOrEqualTo(36);
    }
  }

  @Test
  void belowTheModelsMinimumScoresOnDemand() {
    SimCalls.Calls calls = SimCalls.generate(5, 91, 0, 0);
    try (LocalBedrock bedrock = bedrock("");
        Scorer scorer = ScorerFactory.create("bedrock-batch", config(bedrock))) {
      List<ScoreOutcome> out = scorer.scoreAll(calls.requests());
      assertThat(out).allMatch(ScoreOutcome::scored);
      assertThat(out).allMatch(o -> o.result().scorer() == QaResult.Scorer.BEDROCK);
      assertThat(bedrock.stats().batchJobs()).isZero();
      assertThat(bedrock.stats().modelCalls()).isEqualTo(5);
    }
  }

  @Test
  void needsABucketAndARole() {
    ScorerConfig noBucket = ScorerConfig.builder().batchRoleArn("arn:aws:iam::1:role/x").build();
    assertThatThrownBy(() -> ScorerFactory.create("bedrock-batch", noBucket))
        .hasMessageContaining("batchBucket");
    ScorerConfig noRole = ScorerConfig.builder().batchBucket("b").build();
    assertThatThrownBy(() -> ScorerFactory.create("bedrock-batch", noRole))
        .hasMessageContaining("batchRoleArn");
  }
}
