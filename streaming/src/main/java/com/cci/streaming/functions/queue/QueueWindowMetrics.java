package com.cci.streaming.functions.queue;

import com.cci.streaming.records.QueueMetrics;

/** The metric formulas of a queue window (see streaming/README.md "Metrics"). */
public final class QueueWindowMetrics {
  private QueueWindowMetrics() {}

  /** abandoned ÷ offered, optionally both without short abandons; 0 when nothing offered. */
  public static double abandonmentRate(QueueRules r, QueueBucket w) {
    long shortOnes = r.abandonmentExcludesShort() ? w.shortAbandoned : 0;
    long offered = w.offered - shortOnes;
    return offered <= 0 ? 0.0 : (double) (w.abandoned - shortOnes) / offered;
  }

  /** Service level per the queue's formula, 1.0 when its denominator is zero. */
  public static double serviceLevel(QueueRules r, QueueBucket w) {
    return r.formula().compute(w.answeredWithin, w.offered, w.answered, w.shortAbandoned);
  }

  /** The metrics record of window {@code [startMs, endMs)}. */
  public static QueueMetrics of(
      QueueRules r,
      QueueBucket w,
      long startMs,
      long endMs,
      long inQueue,
      Long oldestEnqueueMs,
      boolean open) {
    QueueMetrics m = new QueueMetrics();
    m.queueId = r.queueId();
    m.queue = r.name();
    m.windowStartMs = startMs;
    m.windowEndMs = endMs;
    m.offered = w.offered;
    m.answered = w.answered;
    m.abandoned = w.abandoned;
    m.abandonmentRate = abandonmentRate(r, w);
    m.answeredWithinThreshold = w.answeredWithin;
    m.serviceLevel = serviceLevel(r, w);
    m.avgWaitSeconds = w.waitCount == 0 ? 0.0 : w.waitSumMs / 1000.0 / w.waitCount;
    m.inQueue = inQueue;
    m.oldestWaitSeconds = oldestEnqueueMs == null ? 0.0 : (endMs - oldestEnqueueMs) / 1000.0;
    m.maxWaitSeconds = Math.max(w.waitMaxMs / 1000.0, m.oldestWaitSeconds);
    m.open = open;
    return m;
  }
}
