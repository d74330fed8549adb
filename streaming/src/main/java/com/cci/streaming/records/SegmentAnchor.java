package com.cci.streaming.records;

/**
 * What {@code parse.SegmentClock} learns about a contact from the contact-event and CTR streams:
 * the connected-to-agent time (the origin of voice Contact Lens offsets), the earliest known time
 * of the contact, and whether the contact ended without ever reaching an agent. Flink POJO.
 */
public class SegmentAnchor {
  /** Where it came from: {@code CTR}, or the contact event type (CONNECTED_TO_AGENT, QUEUED…). */
  public String source;

  public String contactId;

  /** Event time of the record it was taken from, epoch ms. */
  public long eventTimeMs;

  /** Agent connected time, epoch ms; null when the record does not carry one. */
  public Long connectedToAgentMs;

  /** Earliest time the record tells about the contact (initiation, else its event time). */
  public long contactSeenMs;

  /** True only for a CTR without {@code Agent.ConnectedToAgentTimestamp}: no anchor will come. */
  public boolean neverConnected;

  public SegmentAnchor() {}

  /** From a contact event: its connected-to-agent time if it carries one. */
  public static SegmentAnchor of(ContactEventRecord e) {
    SegmentAnchor a = new SegmentAnchor();
    a.source = e.eventType;
    a.contactId = e.contactId;
    a.eventTimeMs = e.eventTimeMs;
    a.connectedToAgentMs = e.connectedToAgentMs;
    a.contactSeenMs =
        e.initiationMs != null ? Math.min(e.initiationMs, e.eventTimeMs) : e.eventTimeMs;
    return a;
  }

  /** From a CTR (written when the contact ended): the agent's connected time, or none ever. */
  public static SegmentAnchor of(CtrRecord c) {
    SegmentAnchor a = new SegmentAnchor();
    a.source = "CTR";
    a.contactId = c.contactId;
    a.eventTimeMs = c.lastUpdateMs;
    a.connectedToAgentMs = c.connectedToAgentMs;
    a.contactSeenMs =
        c.initiationMs != null ? Math.min(c.initiationMs, c.lastUpdateMs) : c.lastUpdateMs;
    a.neverConnected = c.connectedToAgentMs == null;
    return a;
  }

  @Override
  public String toString() {
    return source + " " + contactId + " connected=" + connectedToAgentMs;
  }
}
