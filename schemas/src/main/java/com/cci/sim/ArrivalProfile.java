package com.cci.sim;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Non-homogeneous Poisson arrivals by local hour, day of week, holidays and scripted surges,
 * sampled by thinning. Also picks the queue of an arrival in proportion to its (surged) share.
 */
final class ArrivalProfile {
  private final HoursCalendar calendar;
  private final double[] hourly;
  private final double[] dowFactor = new double[7];
  private final double holidayFactor;
  private final String[] queues;
  private final double[] shares;
  private final List<Surge> surges = new ArrayList<>();
  private double scale = 1.0;
  private double lambdaMaxPerMs;

  record Surge(int queue, long fromMs, long toMs, double factor) {}

  ArrivalProfile(Scenario s, HoursCalendar calendar) {
    this.calendar = calendar;
    hourly = s.arrivals().hourlyRate().stream().mapToDouble(Double::doubleValue).toArray();
    for (DayOfWeek d : DayOfWeek.values()) {
      Double f =
          s.arrivals().dayOfWeekFactor() == null ? null : s.arrivals().dayOfWeekFactor().get(d);
      dowFactor[d.getValue() - 1] = f == null ? 1.0 : f;
    }
    holidayFactor = s.arrivals().holidayFactor() == null ? 1.0 : s.arrivals().holidayFactor();
    queues = s.queues().stream().map(Scenario.QueueSpec::name).toArray(String[]::new);
    shares = s.queues().stream().mapToDouble(Scenario.QueueSpec::share).toArray();
    recomputeMax();
  }

  void addSurge(int queue, long fromMs, long toMs, double factor) {
    surges.add(new Surge(queue, fromMs, toMs, factor));
    recomputeMax();
  }

  void setScale(double scale) {
    this.scale = scale;
    recomputeMax();
  }

  double scale() {
    return scale;
  }

  private void recomputeMax() {
    double maxHour = 0;
    for (double h : hourly) {
      maxHour = Math.max(maxHour, h);
    }
    double maxDow = 0;
    for (double f : dowFactor) {
      maxDow = Math.max(maxDow, f);
    }
    double sum = 0;
    double surgedSum = 0;
    for (int q = 0; q < shares.length; q++) {
      double maxSurge = 1;
      for (Surge g : surges) {
        if (g.queue() == q) {
          maxSurge *= Math.max(1, g.factor());
        }
      }
      sum += shares[q];
      surgedSum += shares[q] * maxSurge;
    }
    lambdaMaxPerMs =
        maxHour * maxDow * Math.max(1, holidayFactor) * scale * (surgedSum / sum) / 3_600_000.0;
  }

  private double surge(int q, long ms) {
    double f = 1;
    for (Surge g : surges) {
      if (g.queue() == q && ms >= g.fromMs() && ms < g.toMs()) {
        f *= g.factor();
      }
    }
    return f;
  }

  /** Arrival rate (contacts per hour) at an instant, all queues together. */
  double ratePerHour(long ms) {
    LocalDateTime t = calendar.local(ms);
    double base = hourly[t.getHour()] * dowFactor[t.getDayOfWeek().getValue() - 1];
    if (calendar.isHoliday(t.toLocalDate())) {
      base *= holidayFactor;
    }
    double sum = 0;
    double surged = 0;
    for (int q = 0; q < shares.length; q++) {
      sum += shares[q];
      surged += shares[q] * (surges.isEmpty() ? 1 : surge(q, ms));
    }
    return base * scale * surged / sum;
  }

  /** Expected arrivals in {@code [fromMs, toMs)}, integrated per minute. */
  double expected(long fromMs, long toMs) {
    double total = 0;
    for (long t = fromMs; t < toMs; t += 60_000) {
      long len = Math.min(60_000, toMs - t);
      total += ratePerHour(t + len / 2) * len / 3_600_000.0;
    }
    return total;
  }

  /**
   * The next arrival after {@code afterMs}, or {@code Long.MAX_VALUE} if none before {@code endMs}.
   */
  long next(SplittableRandom rng, long afterMs, long endMs) {
    if (lambdaMaxPerMs <= 0) {
      return Long.MAX_VALUE;
    }
    double t = afterMs;
    while (true) {
      t += -Math.log(1 - rng.nextDouble()) / lambdaMaxPerMs;
      if (t >= endMs) {
        return Long.MAX_VALUE;
      }
      long ms = (long) t;
      double accept = ratePerHour(ms) / 3_600_000.0 / lambdaMaxPerMs;
      if (rng.nextDouble() < accept) {
        return ms;
      }
    }
  }

  /** Picks the queue of an arrival at {@code ms} by share times active surges. */
  int pickQueue(SplittableRandom rng, long ms) {
    double[] w = new double[shares.length];
    double sum = 0;
    for (int q = 0; q < shares.length; q++) {
      w[q] = shares[q] * (surges.isEmpty() ? 1 : surge(q, ms));
      sum += w[q];
    }
    double u = rng.nextDouble() * sum;
    for (int q = 0; q < w.length; q++) {
      u -= w[q];
      if (u < 0) {
        return q;
      }
    }
    return w.length - 1;
  }

  String queueName(int q) {
    return queues[q];
  }
}
