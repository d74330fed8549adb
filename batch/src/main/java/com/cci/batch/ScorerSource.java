package com.cci.batch;

import com.cci.batch.scoring.Scorer;
import java.io.Serializable;

/**
 * Opens a {@link Scorer} where scoring runs (on an executor, or on the driver for batch inference).
 * Serializable so Spark can ship it to executors; it carries configuration, never an open client.
 */
@FunctionalInterface
public interface ScorerSource extends Serializable {

  /**
   * Opens a scorer that will run as one of {@code slots} concurrent scorers of this job: an
   * on-demand scorer takes {@code 1/slots} of the requests/min and tokens/min quotas.
   */
  Scorer open(int slots);
}
