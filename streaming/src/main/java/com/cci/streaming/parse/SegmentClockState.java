package com.cci.streaming.parse;

/**
 * {@link SegmentClock}'s keyed state for one contact, in one value (one state look-up per record
 * instead of one per field). Flink POJO; nulls mean "not known yet".
 */
public class SegmentClockState {
  /** Agent-connect time cut to the whole second, epoch ms. */
  public Long anchorMs;

  /** Latest event time given to one of the contact's segments. */
  public Long latestMs;

  /** Latest event time the contact's state was touched at (retention counts from it). */
  public Long touchedMs;

  /**
   * Event-time deadline of the records waiting for the anchor; null when none wait; {@link
   * SegmentClock#START_UNKNOWN} while the contact's start is not known (then only the end of the
   * input or {@link #waitProcessingDeadlineMs} ends the wait).
   */
  public Long waitDeadlineMs;

  /**
   * Processing-time deadline of records waiting while nothing but segments is known of the contact
   * (no contact event, no CTR); null otherwise.
   */
  public Long waitProcessingDeadlineMs;

  /** Earliest time known of the contact (INITIATED, QUEUED, CTR). */
  public Long contactSeenMs;

  /** The contact's CTR says it never reached an agent. */
  public boolean neverConnected;

  /** The one pending retention timer (moved forward lazily when it fires); null when none. */
  public Long retentionTimerMs;

  public SegmentClockState() {}
}
