package com.cci.streaming.functions.queue;

/**
 * A contact in a queue's live state: when it entered and, once known, when it left. Kept until
 * every window that can still see it has been emitted. Flink POJO.
 */
public class QueuedContact {
  public long enqueueMs;

  /** When it left the queue (answer, abandon or timeout), null while waiting. */
  public Long exitMs;

  public QueuedContact() {}

  public QueuedContact(long enqueueMs) {
    this.enqueueMs = enqueueMs;
  }

  /** Waiting at instant {@code t}: entered before it and not yet left. */
  public boolean waitingAt(long t) {
    return enqueueMs < t && (exitMs == null || exitMs >= t);
  }
}
