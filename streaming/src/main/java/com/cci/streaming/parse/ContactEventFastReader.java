package com.cci.streaming.parse;

import com.cci.schemas.ctr.Channel;
import com.cci.schemas.events.AgentInfo;
import com.cci.schemas.events.ContactEvent;
import com.cci.schemas.events.ContactEventDetail;
import com.cci.schemas.events.QueueInfo;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;

/**
 * One pass of a streaming {@link JsonParser} over an EventBridge contact event straight into the
 * contract records ({@link ContactEvent}, {@link ContactEventDetail}, {@link QueueInfo}, {@link
 * AgentInfo}) — what {@link ContactEventParser} data-binds, without the data-binding machinery.
 * Only the fields the parser reads are decoded into the records; the others (envelope {@code
 * version}/{@code id}/{@code account}/{@code region}, {@code instanceArn}, the ARN of the agent,
 * ...) are type-checked and left null.
 *
 * <p><b>Conservative by design.</b> It only answers for records the typed read would read to the
 * same values: every field of the contract records has the token type the typed read accepts
 * (strings are strings, timestamps ISO-8601 strings in the fast format of {@link IsoTimestamps},
 * {@code resources} an array of strings, {@code tags} an object of strings), each field at most
 * once (aliases included), an envelope with a {@code detail} object, nothing after the root object.
 * Anything else — malformed JSON, a bare detail object, a number where a string belongs, a
 * timestamp needing {@code Instant.parse}, a duplicate field — returns {@code null} and the caller
 * falls back to the typed read, which decides and words the rejection exactly as before. Fields the
 * contract does not declare are skipped (the typed read ignores them too; they are still tokenized,
 * so broken JSON inside them is noticed). Fields the parser does not read ({@code resources},
 * {@code tags}, {@code segmentAttributes}, {@code customerVoiceActivity}) are checked but not kept.
 */
final class ContactEventFastReader {
  private ContactEventFastReader() {}

  /** The event, or null when the typed read must decide (see the class comment). */
  static ContactEvent read(byte[] utf8) {
    try (JsonParser p = ParseSupport.streamingParser(utf8)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      ContactEvent e = readEnvelope(p);
      if (e == null || p.nextToken() != null) {
        return null;
      }
      return e;
    } catch (IOException ex) {
      return null; // malformed: the typed read words the reason
    }
  }

  private static final int V_VERSION = 1;
  private static final int V_ID = 1 << 1;
  private static final int V_DETAIL_TYPE = 1 << 2;
  private static final int V_SOURCE = 1 << 3;
  private static final int V_ACCOUNT = 1 << 4;
  private static final int V_TIME = 1 << 5;
  private static final int V_REGION = 1 << 6;
  private static final int V_RESOURCES = 1 << 7;
  private static final int V_DETAIL = 1 << 8;

  /** Sentinel: the value is outside the fast path. */
  private static final String BAIL = new String("bail");

  // Field names in the order EventBridge writes them (FieldMatcher: predicted, not looked up).
  private static final FieldMatcher ENVELOPE_FIELDS =
      new FieldMatcher(
          "version",
          "id",
          "detail-type",
          "source",
          "account",
          "time",
          "region",
          "resources",
          "detail");
  private static final FieldMatcher DETAIL_FIELDS =
      new FieldMatcher(
          "eventType",
          "contactId",
          "channel",
          "instanceArn",
          "initiationMethod",
          "initiationTimestamp",
          "connectedToSystemTimestamp",
          "queueInfo",
          "agentInfo",
          "disconnectTimestamp");
  private static final FieldMatcher QUEUE_INFO_FIELDS =
      new FieldMatcher("queueArn", "queueType", "enqueueTimestamp");
  private static final FieldMatcher AGENT_INFO_FIELDS =
      new FieldMatcher("agentArn", "connectedToAgentTimestamp");
  private static final FieldMatcher VOICE_ACTIVITY_FIELDS =
      new FieldMatcher("greetingStartTimestamp", "greetingEndTimestamp");

  private static ContactEvent readEnvelope(JsonParser p) throws IOException {
    int seen = 0;
    String detailType = null;
    String source = null;
    Instant time = null;
    ContactEventDetail detail = null;
    String name = null;
    while ((name = ENVELOPE_FIELDS.nextName(p, name)) != null) {
      JsonToken v = p.nextToken();
      int bit;
      switch (name) {
        case "version" -> {
          bit = V_VERSION;
          if (!isText(p, v)) {
            return null;
          }
        }
        case "id" -> {
          bit = V_ID;
          if (!isText(p, v)) {
            return null;
          }
        }
        case "detail-type" -> {
          bit = V_DETAIL_TYPE;
          detailType = text(p, v);
          if (detailType == BAIL) {
            return null;
          }
        }
        case "source" -> {
          bit = V_SOURCE;
          source = text(p, v);
          if (source == BAIL) {
            return null;
          }
        }
        case "account" -> {
          bit = V_ACCOUNT;
          if (!isText(p, v)) {
            return null;
          }
        }
        case "region" -> {
          bit = V_REGION;
          if (!isText(p, v)) {
            return null;
          }
        }
        case "time" -> {
          bit = V_TIME;
          if (v == JsonToken.VALUE_STRING) {
            time = instant(p);
            if (time == null) {
              return null;
            }
          } else if (v != JsonToken.VALUE_NULL) {
            return null;
          }
        }
        case "resources" -> {
          bit = V_RESOURCES;
          if (!stringArrayOrNull(p, v)) {
            return null;
          }
        }
        case "detail" -> {
          bit = V_DETAIL;
          if (v != JsonToken.START_OBJECT) {
            return null; // null or not an object: the typed read decides
          }
          detail = readDetail(p);
          if (detail == null) {
            return null;
          }
        }
        default -> {
          bit = 0;
          p.skipChildren();
        }
      }
      if ((seen & bit) != 0) {
        return null; // duplicate field
      }
      seen |= bit;
    }
    if (p.currentToken() != JsonToken.END_OBJECT || detail == null) {
      return null; // a bare detail object (or no detail): the typed read handles that shape
    }
    // version, id, account, region and resources are checked, not kept: the parser does not read
    // them
    return new ContactEvent(null, null, detailType, source, null, time, null, null, detail);
  }

  private static final int D_EVENT_TYPE = 1;
  private static final int D_CONTACT_ID = 1 << 1;
  private static final int D_INITIAL_CONTACT_ID = 1 << 2;
  private static final int D_PREVIOUS_CONTACT_ID = 1 << 3;
  private static final int D_RELATED_CONTACT_ID = 1 << 4;
  private static final int D_CHANNEL = 1 << 5;
  private static final int D_INSTANCE_ARN = 1 << 6;
  private static final int D_INITIATION_METHOD = 1 << 7;
  private static final int D_INITIATION_TS = 1 << 8;
  private static final int D_CONNECTED_TO_SYSTEM_TS = 1 << 9;
  private static final int D_DISCONNECT_TS = 1 << 10;
  private static final int D_SCHEDULED_TS = 1 << 11;
  private static final int D_QUEUE_INFO = 1 << 12;
  private static final int D_AGENT_INFO = 1 << 13;
  private static final int D_VOICE_ACTIVITY = 1 << 14;
  private static final int D_TAGS = 1 << 15;
  private static final int D_SEGMENT_ATTRIBUTES = 1 << 16;

  /** Sentinel instant: the value is outside the fast path. */
  private static final Instant BAIL_TIME = Instant.ofEpochSecond(-1, 1);

  private static ContactEventDetail readDetail(JsonParser p) throws IOException {
    int seen = 0;
    String eventType = null;
    String contactId = null;
    String previousContactId = null;
    Channel channel = null;
    String initiationMethod = null;
    Instant initiation = null;
    Instant connectedToSystem = null;
    Instant disconnect = null;
    Instant scheduled = null;
    QueueInfo queueInfo = null;
    AgentInfo agentInfo = null;
    String name = null;
    while ((name = DETAIL_FIELDS.nextName(p, name)) != null) {
      JsonToken v = p.nextToken();
      int bit;
      String s = null;
      Instant ts = null;
      switch (name) {
        case "eventType" -> {
          bit = D_EVENT_TYPE;
          s = eventType = text(p, v);
        }
        case "contactId" -> {
          bit = D_CONTACT_ID;
          s = contactId = text(p, v);
        }
        case "initialContactId" -> {
          bit = D_INITIAL_CONTACT_ID;
          s = checkedText(p, v);
        }
        case "previousContactId" -> {
          bit = D_PREVIOUS_CONTACT_ID;
          s = previousContactId = text(p, v);
        }
        case "relatedContactId" -> {
          bit = D_RELATED_CONTACT_ID;
          s = checkedText(p, v);
        }
        case "instanceArn" -> {
          bit = D_INSTANCE_ARN;
          s = checkedText(p, v);
        }
        case "initiationMethod" -> {
          bit = D_INITIATION_METHOD;
          s = initiationMethod = text(p, v);
        }
        case "channel" -> {
          bit = D_CHANNEL;
          s = text(p, v);
          if (s != null && s != BAIL) {
            if (s.isBlank()) {
              return null; // blank channel: the typed read decides
            }
            channel = channel(s);
          }
        }
        case "initiationTimestamp" -> {
          bit = D_INITIATION_TS;
          ts = initiation = timestamp(p, v);
        }
        case "connectedToSystemTimestamp" -> {
          bit = D_CONNECTED_TO_SYSTEM_TS;
          ts = connectedToSystem = timestamp(p, v);
        }
        case "disconnectTimestamp" -> {
          bit = D_DISCONNECT_TS;
          ts = disconnect = timestamp(p, v);
        }
        case "scheduledTimestamp" -> {
          bit = D_SCHEDULED_TS;
          ts = scheduled = timestamp(p, v);
        }
        case "queueInfo", "QueueInfo" -> {
          bit = D_QUEUE_INFO;
          if (v == JsonToken.START_OBJECT) {
            queueInfo = readQueueInfo(p);
            if (queueInfo == null) {
              return null;
            }
          } else if (v != JsonToken.VALUE_NULL) {
            return null;
          }
        }
        case "agentInfo", "AgentInfo" -> {
          bit = D_AGENT_INFO;
          if (v == JsonToken.START_OBJECT) {
            agentInfo = readAgentInfo(p);
            if (agentInfo == null) {
              return null;
            }
          } else if (v != JsonToken.VALUE_NULL) {
            return null;
          }
        }
        case "customerVoiceActivity", "CustomerVoiceActivity" -> {
          bit = D_VOICE_ACTIVITY;
          if (v == JsonToken.START_OBJECT) {
            if (!voiceActivity(p)) {
              return null;
            }
          } else if (v != JsonToken.VALUE_NULL) {
            return null;
          }
        }
        case "tags" -> {
          bit = D_TAGS;
          if (!stringMapOrNull(p, v)) {
            return null;
          }
        }
        case "segmentAttributes" -> {
          bit = D_SEGMENT_ATTRIBUTES; // any JSON (read as a tree)
          p.skipChildren();
        }
        default -> {
          bit = 0;
          p.skipChildren();
        }
      }
      if (s == BAIL || ts == BAIL_TIME || (seen & bit) != 0) {
        return null;
      }
      seen |= bit;
    }
    if (p.currentToken() != JsonToken.END_OBJECT) {
      return null;
    }
    return new ContactEventDetail(
        eventType,
        contactId,
        null,
        previousContactId,
        null,
        channel,
        null,
        initiationMethod,
        initiation,
        connectedToSystem,
        disconnect,
        scheduled,
        queueInfo,
        agentInfo,
        null,
        null,
        null);
  }

  private static QueueInfo readQueueInfo(JsonParser p) throws IOException {
    int seen = 0;
    String arn = null;
    Instant enqueue = null;
    String name = null;
    while ((name = QUEUE_INFO_FIELDS.nextName(p, name)) != null) {
      JsonToken v = p.nextToken();
      int bit;
      String s = null;
      Instant ts = null;
      switch (name) {
        case "queueArn", "QueueArn" -> {
          bit = 1;
          s = arn = text(p, v);
        }
        case "queueType", "QueueType" -> {
          bit = 2;
          s = checkedText(p, v);
        }
        case "enqueueTimestamp", "EnqueueTimestamp" -> {
          bit = 4;
          ts = enqueue = timestamp(p, v);
        }
        default -> {
          bit = 0;
          p.skipChildren();
        }
      }
      if (s == BAIL || ts == BAIL_TIME || (seen & bit) != 0) {
        return null;
      }
      seen |= bit;
    }
    return p.currentToken() == JsonToken.END_OBJECT ? new QueueInfo(arn, null, enqueue) : null;
  }

  private static AgentInfo readAgentInfo(JsonParser p) throws IOException {
    int seen = 0;
    Instant connected = null;
    String name = null;
    while ((name = AGENT_INFO_FIELDS.nextName(p, name)) != null) {
      JsonToken v = p.nextToken();
      int bit;
      String s = null;
      Instant ts = null;
      switch (name) {
        case "agentArn", "AgentArn" -> {
          bit = 1;
          s = checkedText(p, v);
        }
        case "connectedToAgentTimestamp", "ConnectedToAgentTimestamp" -> {
          bit = 2;
          ts = connected = timestamp(p, v);
        }
        default -> {
          bit = 0;
          p.skipChildren();
        }
      }
      if (s == BAIL || ts == BAIL_TIME || (seen & bit) != 0) {
        return null;
      }
      seen |= bit;
    }
    return p.currentToken() == JsonToken.END_OBJECT ? new AgentInfo(null, connected) : null;
  }

  /** {@code customerVoiceActivity}: checked like the typed read, not kept. */
  private static boolean voiceActivity(JsonParser p) throws IOException {
    int seen = 0;
    String name = null;
    while ((name = VOICE_ACTIVITY_FIELDS.nextName(p, name)) != null) {
      JsonToken v = p.nextToken();
      int bit;
      switch (name) {
        case "greetingStartTimestamp", "GreetingStartTimestamp" -> bit = 1;
        case "greetingEndTimestamp", "GreetingEndTimestamp" -> bit = 2;
        default -> {
          p.skipChildren();
          continue;
        }
      }
      if (timestamp(p, v) == BAIL_TIME || (seen & bit) != 0) {
        return false;
      }
      seen |= bit;
    }
    return p.currentToken() == JsonToken.END_OBJECT;
  }

  /** A string, null for JSON null, {@link #BAIL} for anything else. */
  private static String text(JsonParser p, JsonToken v) throws IOException {
    if (v == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    if (v == JsonToken.VALUE_NULL) {
      return null;
    }
    if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
      p.skipChildren();
    }
    return BAIL;
  }

  private static final Channel[] CHANNELS = Channel.values();

  /** {@link Channel#of} without its upper-casing copy for the exact names. */
  private static Channel channel(String wire) {
    for (Channel c : CHANNELS) {
      if (c.name().equals(wire)) {
        return c;
      }
    }
    return Channel.of(wire);
  }

  /** A string or JSON null (not decoded: a field the parser does not read)? */
  private static boolean isText(JsonParser p, JsonToken v) throws IOException {
    return checkedText(p, v) != BAIL;
  }

  /** {@code null} for a string or JSON null (not decoded), {@link #BAIL} for anything else. */
  private static String checkedText(JsonParser p, JsonToken v) throws IOException {
    if (v == JsonToken.VALUE_STRING || v == JsonToken.VALUE_NULL) {
      return null;
    }
    if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
      p.skipChildren();
    }
    return BAIL;
  }

  /** A fast-format ISO-8601 string, null for JSON null, {@link #BAIL_TIME} for anything else. */
  private static Instant timestamp(JsonParser p, JsonToken v) throws IOException {
    if (v == JsonToken.VALUE_STRING) {
      Instant i = instant(p);
      return i == null ? BAIL_TIME : i;
    }
    if (v == JsonToken.VALUE_NULL) {
      return null;
    }
    if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
      p.skipChildren();
    }
    return BAIL_TIME;
  }

  /** The current string as an instant when it is in the fast format, else null. */
  private static Instant instant(JsonParser p) throws IOException {
    return IsoTimestamps.fastInstant(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
  }

  /** JSON null, or an array of strings/nulls (a {@code List<String>}). */
  private static boolean stringArrayOrNull(JsonParser p, JsonToken v) throws IOException {
    if (v == JsonToken.VALUE_NULL) {
      return true;
    }
    if (v != JsonToken.START_ARRAY) {
      return false;
    }
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NULL) {
      // element is fine
    }
    return t == JsonToken.END_ARRAY;
  }

  /** JSON null, or an object of strings/nulls (a {@code Map<String, String>}). */
  private static boolean stringMapOrNull(JsonParser p, JsonToken v) throws IOException {
    if (v == JsonToken.VALUE_NULL) {
      return true;
    }
    if (v != JsonToken.START_OBJECT) {
      return false;
    }
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      JsonToken value = p.nextToken();
      if (value != JsonToken.VALUE_STRING && value != JsonToken.VALUE_NULL) {
        return false;
      }
    }
    return t == JsonToken.END_OBJECT;
  }
}
