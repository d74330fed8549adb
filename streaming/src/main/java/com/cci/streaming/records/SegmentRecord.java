package com.cci.streaming.records;

/**
 * One Contact Lens real-time segment event (voice 1.0.0 or chat 2.0.0), flattened for Flink (POJO,
 * arrays instead of lists so no Kryo). Only completed transcript segments are kept as turns;
 * utterance partials are dropped by the parser.
 */
public class SegmentRecord {
  public String contactId;

  /** VOICE or CHAT. */
  public String channel;

  /** STARTED, SEGMENTS, COMPLETED, FAILED. */
  public String eventType;

  /**
   * Event time, epoch ms: chat segments carry AbsoluteTime; voice segments carry only offsets from
   * the contact's start (see the parser for how event time is derived).
   */
  public long eventTimeMs;

  /** Per transcript turn, same length arrays: turn id, role (AGENT/CUSTOMER), sentiment. */
  public String[] turnIds;

  public String[] roles;
  public String[] sentiments;

  /** End offset of each turn from the contact's start (ms), -1 when unknown. */
  public long[] endOffsetsMs;

  /** Contact Lens categories matched in this event. */
  public String[] matchedCategories;

  /**
   * A time mark ({@link #timeMark()}): what is left of a SEGMENTS record that no rule reads (no
   * customer turn with a sentiment, no category) — its contact, type and time. It still gives the
   * contact's latest time in {@code parse.SegmentClock} (which times the contact's later records
   * without offsets, e.g. COMPLETED, from it) and is then counted there, not passed on.
   */
  public boolean timeOnly;

  public SegmentRecord() {}

  /**
   * This record as a {@link #timeOnly} mark: contact, channel, type and event time; no turns and no
   * categories; {@link #endOffsetsMs} holds only the largest end offset of the turns (none when no
   * turn had one), which is all {@code SegmentClock} needs to time it.
   */
  public SegmentRecord timeMark() {
    SegmentRecord m = new SegmentRecord();
    m.contactId = contactId;
    m.channel = channel;
    m.eventType = eventType;
    m.eventTimeMs = eventTimeMs;
    m.turnIds = NO_STRINGS;
    m.roles = NO_STRINGS;
    m.sentiments = NO_STRINGS;
    long max = -1;
    if (endOffsetsMs != null) {
      for (long o : endOffsetsMs) {
        max = Math.max(max, o);
      }
    }
    m.endOffsetsMs = max >= 0 ? new long[] {max} : NO_OFFSETS;
    m.matchedCategories = NO_STRINGS;
    m.timeOnly = true;
    return m;
  }

  private static final String[] NO_STRINGS = new String[0];
  private static final long[] NO_OFFSETS = new long[0];

  public int turnCount() {
    return turnIds == null ? 0 : turnIds.length;
  }
}
