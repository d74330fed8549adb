package com.cci.streaming.parse;

import static com.cci.streaming.parse.ParseSupport.optionalTime;
import static com.cci.streaming.parse.ParseSupport.requireText;

import com.cci.kinesis.Streams;
import com.cci.schemas.events.ContactEvent;
import com.cci.schemas.events.ContactEventDetail;
import com.cci.schemas.events.EventType;
import com.cci.streaming.config.ParseSettings;
import com.cci.streaming.records.ContactEventRecord;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.time.Instant;

/**
 * Contact-event stream (EventBridge "Amazon Connect Contact Event", or a bare detail object) →
 * {@link ContactEventRecord}.
 *
 * <p>Event time is the timestamp of what the event reports: INITIATED → {@code
 * initiationTimestamp}, CONNECTED_TO_SYSTEM → {@code connectedToSystemTimestamp}, QUEUED → {@code
 * queueInfo.enqueueTimestamp}, CONNECTED_TO_AGENT → {@code agentInfo.connectedToAgentTimestamp},
 * DISCONNECTED → {@code disconnectTimestamp}; when that is absent (and for other types) the
 * envelope {@code time} (whole seconds); a record with neither is rejected.
 *
 * <p>Rejected: envelopes whose {@code detail-type}/{@code source} are not Connect's, missing {@code
 * contactId} or {@code eventType}, an event type that is a known one in the wrong case, QUEUED
 * without a queue ARN, timestamps that are not ISO-8601 strings or implausible. Accepted although
 * the schema rejects it: DISCONNECTED (or CONNECTED_TO_AGENT) without its own timestamp — timed by
 * the envelope {@code time} (the brief's fallback). Unknown event types pass with their raw name
 * (AWS adds types; the queue pipeline ignores them).
 */
public final class ContactEventParser implements RecordParser<ContactEventRecord> {
  private static final long serialVersionUID = 1L;
  private static final ObjectReader ENVELOPE = ParseSupport.readerFor(ContactEvent.class);
  private static final ObjectReader DETAIL = ParseSupport.readerFor(ContactEventDetail.class);

  private final ParseSettings settings;

  public ContactEventParser(ParseSettings settings) {
    this.settings = settings;
  }

  @Override
  public String stream() {
    return Streams.CONTACT_EVENTS;
  }

  @Override
  public Class<ContactEventRecord> type() {
    return ContactEventRecord.class;
  }

  @Override
  public ContactEventRecord parse(String raw, long nowMs) throws RejectedRecordException {
    ParseSupport.precheck(raw, settings.maxRecordChars);
    byte[] utf8 = ParseSupport.utf8(raw);
    ContactEvent fast = ContactEventFastReader.read(utf8);
    if (fast != null) {
      try {
        checkEnvelope(fast);
        return toRecord(fast, fast.detail(), nowMs);
      } catch (RejectedRecordException rejected) {
        // fall through: the typed read below decides and words every rejection, as before
      }
    }
    return parseTyped(utf8, nowMs);
  }

  /**
   * The data-binding read (the reference behaviour): every record the fast reader leaves, and every
   * rejection.
   */
  ContactEventRecord parseTyped(byte[] utf8, long nowMs) throws RejectedRecordException {
    ContactEvent e;
    ContactEventDetail d;
    try {
      e = ENVELOPE.readValue(utf8);
      d = e.detail();
      if (d == null) {
        if (e.detailType() != null || e.source() != null || e.version() != null) {
          throw new RejectedRecordException("EventBridge envelope without 'detail'");
        }
        d = DETAIL.readValue(utf8); // a bare detail object
      } else {
        checkEnvelope(e);
      }
    } catch (IOException ex) {
      throw ParseSupport.rejected(ex);
    }
    return toRecord(e, d, nowMs);
  }

  /** An envelope with a detail: it must be Connect's. */
  private static void checkEnvelope(ContactEvent e) throws RejectedRecordException {
    if (e.detailType() == null) {
      throw new RejectedRecordException("missing detail-type");
    }
    if (!ContactEvent.DETAIL_TYPE.equals(e.detailType())) {
      throw new RejectedRecordException(
          "detail-type '" + e.detailType() + "' is not '" + ContactEvent.DETAIL_TYPE + "'");
    }
    if (e.source() != null && !ContactEvent.SOURCE.equals(e.source())) {
      throw new RejectedRecordException(
          "source '" + e.source() + "' is not '" + ContactEvent.SOURCE + "'");
    }
  }

  /** The checks on the read event and the record; {@code d} is the detail (or the bare object). */
  private ContactEventRecord toRecord(ContactEvent e, ContactEventDetail d, long nowMs)
      throws RejectedRecordException {
    long skew = settings.maxFutureSkewMs;
    ContactEventRecord r = new ContactEventRecord();
    r.contactId = requireText("detail.contactId", d.contactId());
    String rawType = requireText("detail.eventType", d.eventType());
    EventType type = d.type();
    if (type == EventType.UNKNOWN) {
      for (EventType t : EventType.values()) {
        if (t.name().equalsIgnoreCase(rawType.trim())) {
          throw new RejectedRecordException(
              "detail.eventType '" + rawType + "' must be upper case (" + t.name() + ")");
        }
      }
    }
    r.eventType = type == EventType.UNKNOWN ? rawType : type.name();
    r.channel = d.channel() == null ? null : d.channel().name();
    r.initiationMethod = d.initiationMethod();
    r.previousContactId = d.previousContactId();
    r.queueId = d.queueId();
    r.initiationMs =
        optionalTime("detail.initiationTimestamp", d.initiationTimestamp(), nowMs, skew);
    r.disconnectMs =
        optionalTime("detail.disconnectTimestamp", d.disconnectTimestamp(), nowMs, skew);
    Long connectedToSystemMs =
        optionalTime(
            "detail.connectedToSystemTimestamp", d.connectedToSystemTimestamp(), nowMs, skew);
    if (d.queueInfo() != null) {
      r.enqueueMs =
          optionalTime(
              "detail.queueInfo.enqueueTimestamp", d.queueInfo().enqueueTimestamp(), nowMs, skew);
    }
    if (d.agentInfo() != null) {
      r.connectedToAgentMs =
          optionalTime(
              "detail.agentInfo.connectedToAgentTimestamp",
              d.agentInfo().connectedToAgentTimestamp(),
              nowMs,
              skew);
    }
    if (type == EventType.QUEUED && r.queueId == null) {
      throw new RejectedRecordException("QUEUED event without detail.queueInfo.queueArn");
    }
    Long own =
        switch (type) {
          case INITIATED -> r.initiationMs;
          case CONNECTED_TO_SYSTEM -> connectedToSystemMs;
          case QUEUED -> r.enqueueMs;
          case CONNECTED_TO_AGENT -> r.connectedToAgentMs;
          case DISCONNECTED -> r.disconnectMs;
          default -> null;
        };
    if (own != null) {
      r.eventTimeMs = own;
    } else {
      Instant envelopeTime = e.time();
      if (envelopeTime == null) {
        throw new RejectedRecordException(
            "no event time: " + rawType + " event without its timestamp and without 'time'");
      }
      r.eventTimeMs = ParseSupport.requireTime("time", envelopeTime, nowMs, skew);
    }
    return r;
  }
}
