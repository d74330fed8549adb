package com.cci.streaming.functions.queue;

/** Per-queue scalars of {@link QueueAnalyticsFunction}. Flink POJO. */
public class QueueLiveState {
  /** Queue name as last seen on a transition (CTRs carry it), or null. */
  public String queueName;

  /** Contacts waiting now (entered, not left). */
  public long waiting;

  /** End of the next window to emit (event-time timer), or {@link Long#MIN_VALUE} when none. */
  public long nextWindowEndMs = Long.MIN_VALUE;

  /** End of the last window emitted, or {@link Long#MIN_VALUE}. */
  public long lastWindowEndMs = Long.MIN_VALUE;

  /**
   * End of the latest window the windowed rules were evaluated on (as records arrived or when it
   * closed), or {@link Long#MIN_VALUE}: they never go back to an earlier window.
   */
  public long evalWindowEndMs = Long.MIN_VALUE;

  /** Latest transition time seen, and the processing time it was seen at (wait fallback). */
  public long maxTimeMs = Long.MIN_VALUE;

  public long maxTimeSeenAtProcMs;

  /**
   * QUEUE_WAIT scan bound: no contact that could raise a new QUEUE_WAIT (breach instant after the
   * last episode's end, still waiting at that instant) has a breach instant before this, so a check
   * before it finds nothing and is skipped. A lower bound: lowered on every enqueue, set exactly by
   * each scan; {@link Long#MIN_VALUE} = unknown (scan), {@link Long#MAX_VALUE} = no such contact.
   * Valid for the breach offset in {@link #waitScanOffsetMs} only.
   */
  public long waitScanFromMs = Long.MIN_VALUE;

  /**
   * The breach offset ({@code QueueAlarmRules.waitBreachAt(rules, 0)}) {@link #waitScanFromMs} was
   * computed with; a different one (the queue's name and so its rules became known, or a restore
   * with a new wait threshold) makes the bound unknown.
   */
  public long waitScanOffsetMs;

  public QueueLiveState() {}
}
