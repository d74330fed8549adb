package com.cci.streaming.functions.queue;

/**
 * Counters of one queue for one slide-long slice of event time (the window is the sum of its
 * slices). Flink POJO.
 */
public class QueueBucket {
  public long offered;
  public long answered;
  public long abandoned;

  /** Abandons after a wait shorter than the queue's {@code shortAbandonSeconds}. */
  public long shortAbandoned;

  /** Answered after a wait of at most the queue's service-level seconds. */
  public long answeredWithin;

  /** Contacts dropped by the queue timeout (neither answered nor abandoned as far as we know). */
  public long timedOut;

  /** Sum, count and maximum of the waits of contacts answered or abandoned in the slice, ms. */
  public long waitSumMs;

  public long waitCount;
  public long waitMaxMs;

  public QueueBucket() {}

  void add(QueueBucket o) {
    offered += o.offered;
    answered += o.answered;
    abandoned += o.abandoned;
    shortAbandoned += o.shortAbandoned;
    answeredWithin += o.answeredWithin;
    timedOut += o.timedOut;
    waitSumMs += o.waitSumMs;
    waitCount += o.waitCount;
    waitMaxMs = Math.max(waitMaxMs, o.waitMaxMs);
  }
}
