package com.cci.streaming.functions.queue;

/**
 * Keyed state of {@link ContactQueueTracker} for one contact that queued: what has been emitted and
 * when the state goes. Flink POJO.
 */
public class TrackedContact {
  public String queueId;
  public String queueName;

  /** Enqueue time (epoch ms); ENQUEUED has been emitted. */
  public long enqueueMs;

  /** ANSWERED, ABANDONED or TIMED_OUT once the contact left the queue; null while waiting. */
  public String exitKind;

  public long exitMs;

  /** The contact's CTR has been seen: it is final. */
  public boolean ctrSeen;

  /** Event-time timer pending for this contact (timeout, or state cleanup), epoch ms. */
  public long timerMs;

  public TrackedContact() {}

  public boolean waiting() {
    return exitKind == null;
  }
}
