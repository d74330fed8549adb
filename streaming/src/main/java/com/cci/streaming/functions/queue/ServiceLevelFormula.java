package com.cci.streaming.functions.queue;

/**
 * How service level is computed from a window's counters (configuration key {@code
 * serviceLevelFormula}). {@code within} = contacts answered in the window after waiting at most the
 * queue's service-level seconds.
 */
public enum ServiceLevelFormula {
  /** within / offered (Connect's "service level" as most contact centers report it). */
  OFFERED,
  /**
   * within / (offered − abandoned under {@code shortAbandonSeconds}): short abandons don't count.
   */
  OFFERED_EXCLUDING_SHORT_ABANDONS,
  /** within / answered: only what agents answered. */
  ANSWERED;

  /** The service level as a fraction, 1.0 when the denominator is zero (nothing to serve). */
  public double compute(long within, long offered, long answered, long shortAbandoned) {
    long denominator =
        switch (this) {
          case OFFERED -> offered;
          case OFFERED_EXCLUDING_SHORT_ABANDONS -> offered - shortAbandoned;
          case ANSWERED -> answered;
        };
    return denominator <= 0 ? 1.0 : Math.min(1.0, (double) within / denominator);
  }

  /** The denominator the minimum-volume guard is applied to. */
  public long volume(long offered, long answered, long shortAbandoned) {
    return switch (this) {
      case OFFERED -> offered;
      case OFFERED_EXCLUDING_SHORT_ABANDONS -> offered - shortAbandoned;
      case ANSWERED -> answered;
    };
  }
}
