package com.cci.batch.scoring;

import com.cci.schemas.qa.QaResult;

/**
 * What became of one {@link ScoreRequest}: scored (with the validated criterion answers, summary
 * and usage) or quarantined with the stage and reason. Exactly one of {@code result} and {@code
 * quarantineReason} is set.
 *
 * @param callId the request's call id
 * @param result the scored call (totals computed by the scoring math), or null
 * @param quarantineStage where it failed ({@code model-call}, {@code validation}, …), or null
 * @param quarantineReason why it failed, never transcript text, or null
 * @param attempts model calls made (retries and the re-ask included)
 */
public record ScoreOutcome(
    String callId, QaResult result, String quarantineStage, String quarantineReason, int attempts) {

  public boolean scored() {
    return result != null;
  }

  public static ScoreOutcome scored(String callId, QaResult result, int attempts) {
    return new ScoreOutcome(callId, result, null, null, attempts);
  }

  public static ScoreOutcome quarantined(String callId, String stage, String reason, int attempts) {
    return new ScoreOutcome(callId, null, stage, reason, attempts);
  }
}
