package com.cci.streaming.functions.queue;

import com.cci.streaming.records.QueueMetrics;

/** The metric formulas of a queue window (see streaming/README.md "Metrics"). */
public final class QueueWindowMetrics {
  private QueueWindowMetrics() {}

  /**
   * Contacts that were in the queue at some time during the window: those that left it in the
   * window (answered, abandoned, timed out) plus those still waiting at its end — the same as
   * offered in the window plus waiting at its start, and never fewer than the abandons counted in
   * the window (a contact abandoning in the window was offered in it or was waiting when it began).
   */
  public static long present(QueueBucket w, long waitingAtEnd) {
    return w.answered + w.abandoned + w.timedOut + Math.max(0, waitingAtEnd);
  }

  /**
   * abandoned ÷ {@link #present contacts in the queue during the window}, optionally both without
   * short abandons; 0 when that is 0. Always in [0, 1].
   *
   * <p>Not abandoned ÷ offered: abandons are counted at the abandon time and offers at the enqueue
   * time, so in a window whose contacts waited long (an incident) the abandons of contacts offered
   * before the window began would exceed its offers (rates above 100 %).
   */
  public static double abandonmentRate(QueueRules r, QueueBucket w, long waitingAtEnd) {
    long shortOnes = r.abandonmentExcludesShort() ? w.shortAbandoned : 0;
    long denominator = present(w, waitingAtEnd) - shortOnes;
    // short ≤ abandoned ≤ present, so the quotient is in [0, 1]
    return denominator <= 0 ? 0.0 : (double) (w.abandoned - shortOnes) / denominator;
  }

  /** Service level per the queue's formula, 1.0 when its denominator is zero. */
  public static double serviceLevel(QueueRules r, QueueBucket w) {
    return r.formula().compute(w.answeredWithin, w.offered, w.answered, w.shortAbandoned);
  }

  /**
   * The metrics record of window {@code [startMs, endMs)}; {@code inQueue} from the contacts
   * waiting at the end, {@code waitingAtEnd} as the rules count it ({@link QueueAnalyticsFunction};
   * the two agree unless transitions arrived later than every window that could count them).
   */
  public static QueueMetrics of(
      QueueRules r,
      QueueBucket w,
      long startMs,
      long endMs,
      long inQueue,
      long waitingAtEnd,
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
    m.abandonmentRate = abandonmentRate(r, w, waitingAtEnd);
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
