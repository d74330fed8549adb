package com.cci.streaming.functions.queue;

/**
 * One change of a contact's place in a queue, as the {@link ContactQueueTracker} decided it from
 * contact events and CTRs: emitted at most once per kind per contact. Flink POJO.
 */
public class QueueTransition {
  /** Entered the queue (offered). */
  public static final String ENQUEUED = "ENQUEUED";

  /** Connected to an agent. */
  public static final String ANSWERED = "ANSWERED";

  /** Disconnected while queued. */
  public static final String ABANDONED = "ABANDONED";

  /** Neither an exit event nor a CTR within the queue timeout: dropped from the live state. */
  public static final String TIMED_OUT = "TIMED_OUT";

  /** Learnt from a contact event. */
  public static final String FROM_EVENT = "EVENT";

  /** Learnt from a CTR (the contact's events were lost or late). */
  public static final String FROM_CTR = "CTR";

  /** Decided by the queue timeout. */
  public static final String FROM_TIMEOUT = "TIMEOUT";

  public String queueId;

  /** Queue name when known (CTRs carry it, contact events don't); else null. */
  public String queueName;

  public String contactId;

  /** ENQUEUED, ANSWERED, ABANDONED or TIMED_OUT. */
  public String kind;

  /** When it happened (event time, epoch ms): enqueue, answer, abandon or timeout time. */
  public long timeMs;

  /** When the contact entered the queue, epoch ms. */
  public long enqueueMs;

  /** EVENT, CTR or TIMEOUT. */
  public String source;

  public QueueTransition() {}

  public QueueTransition(
      String queueId,
      String queueName,
      String contactId,
      String kind,
      long timeMs,
      long enqueueMs,
      String source) {
    this.queueId = queueId;
    this.queueName = queueName;
    this.contactId = contactId;
    this.kind = kind;
    this.timeMs = timeMs;
    this.enqueueMs = enqueueMs;
    this.source = source;
  }

  /** Whether the contact left the queue with this transition. */
  public boolean isExit() {
    return !ENQUEUED.equals(kind);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof QueueTransition t
        && timeMs == t.timeMs
        && enqueueMs == t.enqueueMs
        && java.util.Objects.equals(queueId, t.queueId)
        && java.util.Objects.equals(queueName, t.queueName)
        && java.util.Objects.equals(contactId, t.contactId)
        && java.util.Objects.equals(kind, t.kind)
        && java.util.Objects.equals(source, t.source);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(contactId, kind, timeMs);
  }

  @Override
  public String toString() {
    return kind + " " + contactId + " queue=" + queueId + " at " + timeMs + " (" + source + ")";
  }
}
