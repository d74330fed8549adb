package com.cci.streaming.bench;

import com.cci.schemas.Json;
import com.cci.streaming.records.FulfillmentRecord;
import com.cci.streaming.records.SegmentRecord;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Stand-in parse stage for the benchmark until s-platform's parsers ({@code
 * com.cci.streaming.parse}) are merged: one Jackson tree per record, fields picked out into the
 * job's records. No validation, no dead-letter handling — so it is at most as expensive as the real
 * parse stage; swap it for the real parsers when they exist.
 */
final class ProvisionalParsers {
  private ProvisionalParsers() {}

  static JsonNode tree(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("benchmark input does not parse: " + e.getMessage(), e);
    }
  }

  /** Voice segments carry no absolute time: event time is the Kinesis arrival time given. */
  static SegmentRecord segment(String json, long arrivalMs) {
    JsonNode n = tree(json);
    SegmentRecord r = new SegmentRecord();
    r.contactId = n.path("ContactId").asText(null);
    r.channel = n.path("Channel").asText(null);
    JsonNode type = n.get("EventType");
    r.eventType = (type != null ? type : n.path("StreamingEventType")).asText(null);
    long t = arrivalMs;
    List<JsonNode> turns = new ArrayList<>(4);
    List<String> categories = new ArrayList<>(2);
    for (JsonNode s : n.path("Segments")) {
      JsonNode tr = s.get("Transcript");
      if (tr != null) {
        turns.add(tr);
        JsonNode abs = tr.path("Time").get("AbsoluteTime");
        if (abs != null) {
          t = Instant.parse(abs.asText()).toEpochMilli();
        }
      }
      JsonNode c = s.get("Categories");
      if (c != null) {
        for (JsonNode name : c.path("MatchedCategories")) {
          categories.add(name.asText());
        }
        c.path("MatchedDetails").fieldNames().forEachRemaining(categories::add);
      }
    }
    int k = turns.size();
    r.turnIds = new String[k];
    r.roles = new String[k];
    r.sentiments = new String[k];
    r.endOffsetsMs = new long[k];
    for (int i = 0; i < k; i++) {
      JsonNode tr = turns.get(i);
      r.turnIds[i] = tr.path("Id").asText(null);
      r.roles[i] = tr.path("ParticipantRole").asText(null);
      r.sentiments[i] = tr.path("Sentiment").asText(null);
      r.endOffsetsMs[i] = tr.path("EndOffsetMillis").asLong(-1);
    }
    r.matchedCategories = categories.toArray(new String[0]);
    r.eventTimeMs = t;
    return r;
  }

  static FulfillmentRecord fulfillment(String json) {
    JsonNode n = tree(json);
    FulfillmentRecord r = new FulfillmentRecord();
    r.eventId = n.path("eventId").asText(null);
    r.eventTimeMs = Instant.parse(n.path("eventTime").asText()).toEpochMilli();
    r.tenantId = n.path("tenantId").asText(null);
    r.contactId = n.path("contactId").asText(null);
    r.channel = n.path("channel").asText(null);
    r.intent = n.path("intent").asText(null);
    r.outcome = n.path("outcome").asText(null);
    r.authResult = n.path("authResult").asText(null);
    r.errorClass = n.path("errorClass").asText(null);
    r.queue = n.path("queue").asText(null);
    r.latencyMs = n.path("latencyMs").asLong();
    return r;
  }
}
