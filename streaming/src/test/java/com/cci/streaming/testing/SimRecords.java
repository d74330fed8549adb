package com.cci.streaming.testing;

import com.cci.schemas.Json;
import com.cci.schemas.fulfillment.FulfillmentEvent;
import com.cci.schemas.lens.RealtimeSegmentEvent;
import com.cci.schemas.lens.TranscriptTurn;
import com.cci.streaming.records.FulfillmentRecord;
import com.cci.streaming.records.SegmentRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Test-only adapters from the simulator's wire JSON to the job's records, standing in for
 * s-platform's parse stage: Contact Lens segments via {@link RealtimeSegmentEvent}, fulfillment via
 * {@link FulfillmentEvent}. Voice segments carry only offsets into the call, so their event time is
 * the record's arrival (as Kinesis' ApproximateArrivalTimestamp would give); chat segments use the
 * last turn's AbsoluteTime when present.
 */
public final class SimRecords {
  private SimRecords() {}

  public static SegmentRecord segment(String json, long arrivalMs) {
    RealtimeSegmentEvent e;
    try {
      e = RealtimeSegmentEvent.fromJson(json);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    SegmentRecord r = new SegmentRecord();
    r.contactId = e.contactId();
    r.channel = e.channel() == null ? null : e.channel().name();
    r.eventType = e.type().name();
    List<TranscriptTurn> turns = e.turns();
    int n = turns.size();
    r.turnIds = new String[n];
    r.roles = new String[n];
    r.sentiments = new String[n];
    r.endOffsetsMs = new long[n];
    long t = arrivalMs;
    for (int i = 0; i < n; i++) {
      TranscriptTurn turn = turns.get(i);
      r.turnIds[i] = turn.id();
      r.roles[i] = turn.participantRole();
      r.sentiments[i] = turn.sentiment() == null ? null : turn.sentiment().name();
      r.endOffsetsMs[i] = turn.endOffsetMillis() == null ? -1 : turn.endOffsetMillis();
      if (turn.absoluteTime() != null) {
        t = turn.absoluteTime().toEpochMilli();
      }
    }
    r.eventTimeMs = t;
    r.matchedCategories = e.matchedCategories().toArray(new String[0]);
    return r;
  }

  public static FulfillmentRecord fulfillment(String json) {
    FulfillmentEvent e;
    try {
      e = Json.mapper().readValue(json, FulfillmentEvent.class);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    FulfillmentRecord r = new FulfillmentRecord();
    r.eventId = e.eventId();
    r.eventTimeMs = e.eventTime().toEpochMilli();
    r.tenantId = e.tenantId();
    r.contactId = e.contactId();
    r.channel = e.channel() == null ? null : e.channel().name();
    r.intent = e.intent();
    r.outcome = e.outcome() == null ? null : e.outcome().name();
    r.authResult = e.authResult() == null ? null : e.authResult().name();
    r.errorClass = e.errorClass() == null ? null : e.errorClass().name();
    r.queue = e.queue();
    r.latencyMs = e.latencyMs();
    return r;
  }

  /** A hand-made segment event with turns given as {@code id:ROLE:SENTIMENT} triples. */
  public static SegmentRecord turns(String contactId, long t, String... turns) {
    SegmentRecord r = new SegmentRecord();
    r.contactId = contactId;
    r.channel = "VOICE";
    r.eventType = "SEGMENTS";
    r.eventTimeMs = t;
    r.turnIds = new String[turns.length];
    r.roles = new String[turns.length];
    r.sentiments = new String[turns.length];
    r.endOffsetsMs = new long[turns.length];
    for (int i = 0; i < turns.length; i++) {
      String[] p = turns[i].split(":");
      r.turnIds[i] = p[0];
      r.roles[i] = p[1];
      r.sentiments[i] = p.length > 2 ? p[2] : null;
      r.endOffsetsMs[i] = -1;
    }
    r.matchedCategories = new String[0];
    return r;
  }

  public static SegmentRecord categories(String contactId, long t, String... categories) {
    SegmentRecord r = turns(contactId, t);
    r.matchedCategories = categories;
    return r;
  }

  public static SegmentRecord lifecycle(String contactId, long t, String eventType) {
    SegmentRecord r = turns(contactId, t);
    r.eventType = eventType;
    return r;
  }

  public static FulfillmentRecord bot(long t, String authResult, String errorClass) {
    FulfillmentRecord r = new FulfillmentRecord();
    r.eventId = "e-" + t + "-" + authResult + "-" + errorClass;
    r.eventTimeMs = t;
    r.tenantId = "t";
    r.contactId = "c-" + t;
    r.channel = "VOICE";
    r.intent = "Authenticate";
    r.outcome = errorClass == null ? "FULFILLED" : "FAILED";
    r.authResult = authResult;
    r.errorClass = errorClass;
    return r;
  }
}
