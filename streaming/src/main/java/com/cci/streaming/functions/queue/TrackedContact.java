package com.cci.streaming.functions.queue;

/**
 * Keyed state of {@link ContactQueueTracker} for one contact that queued: what has been emitted,
 * the CTR waiting to be reconciled, and the one pending timer. Flink POJO.
 */
public class TrackedContact {
  /** ENQUEUED has been emitted (queueId and enqueueMs are set). */
  public boolean enqueued;

  public String queueId;
  public String queueName;
  public long enqueueMs;

  /** ANSWERED, ABANDONED or TIMED_OUT once the contact left the queue; null while waiting. */
  public String exitKind;

  public long exitMs;

  /** The contact's CTR has been seen: it is final. */
  public boolean ctrSeen;

  /** The CTR has been seen but not yet reconciled (waits for the watermark, see the tracker). */
  public boolean ctrPending;

  public long ctrLastUpdateMs;
  public String ctrQueueId;
  public Long ctrEnqueueMs;
  public Long ctrAnswerMs;
  public Long ctrLeftMs;

  /** Event-time timer pending for this contact, epoch ms (0 = none). */
  public long timerMs;

  public TrackedContact() {}

  public boolean waiting() {
    return enqueued && exitKind == null;
  }
}
