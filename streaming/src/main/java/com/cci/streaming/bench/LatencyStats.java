package com.cci.streaming.bench;

import java.util.Arrays;

/** Percentiles (nearest rank) over a set of latencies in milliseconds. */
public final class LatencyStats {
  private final double[] sorted;

  public LatencyStats(double[] latenciesMs) {
    if (latenciesMs.length == 0) {
      throw new IllegalArgumentException("no latencies measured");
    }
    this.sorted = latenciesMs.clone();
    Arrays.sort(sorted);
  }

  public int count() {
    return sorted.length;
  }

  /**
   * The nearest-rank percentile: the smallest value with at least {@code p}% of the values at or
   * below it ({@code p} in (0, 100]).
   */
  public double percentile(double p) {
    if (!(p > 0 && p <= 100)) {
      throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  public double min() {
    return sorted[0];
  }

  public double max() {
    return sorted[sorted.length - 1];
  }
}
