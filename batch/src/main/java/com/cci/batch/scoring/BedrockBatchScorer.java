package com.cci.batch.scoring;

/** Work in progress on branch h/b-scoring: not available yet. */
public final class BedrockBatchScorer implements Scorer {
  public BedrockBatchScorer(ScorerConfig cfg) {
    throw new UnsupportedOperationException(
        "BedrockBatchScorer is not built yet (h/b-scoring in progress)");
  }

  @Override
  public String name() {
    return "";
  }

  @Override
  public String modelId() {
    return "";
  }

  @Override
  public ScoreOutcome score(ScoreRequest request) {
    throw new UnsupportedOperationException();
  }
}
