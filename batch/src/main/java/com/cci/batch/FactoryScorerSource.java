package com.cci.batch;

import com.cci.batch.scoring.Scorer;
import com.cci.batch.scoring.ScorerConfig;
import com.cci.batch.scoring.ScorerFactory;

/**
 * The production {@link ScorerSource}: {@code ScorerFactory.create(name, cfg.perInstance(slots))},
 * so each of the job's concurrent scorers takes its share of the requests/min, tokens/min and
 * concurrency budget.
 */
public record FactoryScorerSource(String name, ScorerConfig config) implements ScorerSource {
  private static final long serialVersionUID = 1L;

  @Override
  public Scorer open(int slots) {
    return ScorerFactory.create(name, config == null ? null : config.perInstance(slots));
  }
}
