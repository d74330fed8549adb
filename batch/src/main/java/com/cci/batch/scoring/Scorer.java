package com.cci.batch.scoring;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores transcripts against a tenant's QA form: one model call per transcript covering the whole
 * form. Implementations: {@code rules} (offline, from the form's evidence hints), {@code bedrock}
 * (Bedrock Runtime Converse with a forced tool) and {@code bedrock-batch} (batch inference).
 *
 * <p>A scorer never throws for one bad transcript: every request ends as exactly one {@link
 * ScoreOutcome}, scored or quarantined with a reason. Transcripts handed to a scorer have already
 * been through the PII guard.
 */
public interface Scorer extends AutoCloseable {

  /** The {@code --scorer} name: {@code rules}, {@code bedrock} or {@code bedrock-batch}. */
  String name();

  /** The model id recorded with each result (Bedrock model id, or the rules scorer's version). */
  String modelId();

  /** Scores one transcript. */
  ScoreOutcome score(ScoreRequest request);

  /**
   * Scores many transcripts; one outcome per request, in any order (join on {@code callId}).
   * On-demand scorers may run requests concurrently within their rate limits.
   */
  default List<ScoreOutcome> scoreAll(List<ScoreRequest> requests) {
    List<ScoreOutcome> out = new ArrayList<>(requests.size());
    for (ScoreRequest r : requests) {
      out.add(score(r));
    }
    return out;
  }

  @Override
  default void close() {}
}
