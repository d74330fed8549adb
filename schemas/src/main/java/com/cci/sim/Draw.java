package com.cci.sim;

import java.util.Map;
import java.util.SplittableRandom;

/** Random draws from scenario distributions. */
final class Draw {
  private Draw() {}

  /** Lognormal by median and sigma, capped at {@code max} when given. */
  static double logNormal(SplittableRandom rng, Scenario.LogNormal d) {
    double v = d.median() * Math.exp(d.sigma() * rng.nextGaussian());
    return d.max() == null ? v : Math.min(v, d.max());
  }

  static long logNormalMillis(SplittableRandom rng, Scenario.LogNormal secondsDist) {
    return Math.max(1000L, Math.round(logNormal(rng, secondsDist) * 1000));
  }

  static boolean chance(SplittableRandom rng, double p) {
    return p > 0 && rng.nextDouble() < p;
  }

  /** Weighted choice among a map's keys (iteration order matters for determinism). */
  static final class Weighted {
    private final String[] keys;
    private final double[] cumulative;

    Weighted(Map<String, Double> weights) {
      keys = new String[weights.size()];
      cumulative = new double[weights.size()];
      double sum = 0;
      int i = 0;
      for (Map.Entry<String, Double> e : weights.entrySet()) {
        sum += e.getValue();
        keys[i] = e.getKey();
        cumulative[i++] = sum;
      }
      for (int j = 0; j < cumulative.length; j++) {
        cumulative[j] /= sum;
      }
    }

    String pick(SplittableRandom rng) {
      double u = rng.nextDouble();
      for (int i = 0; i < cumulative.length; i++) {
        if (u < cumulative[i]) {
          return keys[i];
        }
      }
      return keys[keys.length - 1];
    }
  }
}
