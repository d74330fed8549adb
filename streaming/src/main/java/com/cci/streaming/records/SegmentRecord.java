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

  public SegmentRecord() {}

  public int turnCount() {
    return turnIds == null ? 0 : turnIds.length;
  }
}
