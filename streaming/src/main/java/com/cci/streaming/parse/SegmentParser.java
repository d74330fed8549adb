package com.cci.streaming.parse;

import com.cci.kinesis.Streams;
import com.cci.schemas.ctr.Channel;
import com.cci.schemas.lens.RealtimeSegmentEvent;
import com.cci.schemas.lens.SegmentEventType;
import com.cci.schemas.transcript.Role;
import com.cci.schemas.transcript.Sentiment;
import com.cci.streaming.config.ParseSettings;
import com.cci.streaming.records.SegmentRecord;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;

/**
 * Contact Lens real-time segment stream → {@link SegmentRecord}; only final transcript turns are
 * kept (utterance partials are dropped), with the matched categories.
 *
 * <p><b>Event time.</b> Chat (2.0.0) turns carry {@code Time.AbsoluteTime}: the event time is the
 * latest of them. Voice (1.0.0) events carry only offsets from the moment the contact was connected
 * to the agent (the Contact Lens analysis starts there), and STARTED/COMPLETED events of either
 * version carry no time at all: those records leave the parser <em>untimed</em> ({@link #UNTIMED})
 * and {@link SegmentClock} times them from the contact's CONNECTED_TO_AGENT event
 * (connected-to-agent + the largest {@code EndOffsetMillis}). Kinesis arrival time is never used.
 *
 * <p>Rejected: missing {@code ContactId}; a {@code Version} other than 1.0.0/2.0.0; the event type
 * field of the other version (voice needs {@code EventType}, chat {@code StreamingEventType}) or an
 * unknown value; SEGMENTS without {@code Segments}; transcript turns with an unknown role or
 * sentiment, or a non-numeric offset; implausible chat times. Accepted although the schema rejects
 * it: an utterance partial without offsets (partials are dropped).
 *
 * <p><b>Reading.</b> One pass of a streaming {@link JsonParser} over the record, reading only the
 * fields above with the strict types of the typed read (strings are strings, offsets whole numbers,
 * times ISO-8601 strings via {@link IsoTimestamps}); every other field — the transcript {@code
 * Content}, utterances, redaction, settings — is skipped without being decoded or type-checked
 * (decision 0004: reject exactly what the job cannot use). Malformed JSON, a truncated record and
 * content after the object are rejected as before.
 */
public final class SegmentParser implements RecordParser<SegmentRecord> {
  private static final long serialVersionUID = 1L;

  /** {@link SegmentRecord#eventTimeMs} of a record whose time {@link SegmentClock} assigns. */
  public static final long UNTIMED = Long.MIN_VALUE;

  private static final String[] NO_STRINGS = new String[0];
  private static final SegmentEventType[] EVENT_TYPES = SegmentEventType.values();

  /** Marks a turn without {@code EndOffsetMillis}. */
  private static final long NO_OFFSET = Long.MIN_VALUE;

  private final ParseSettings settings;

  public SegmentParser(ParseSettings settings) {
    this.settings = settings;
  }

  @Override
  public String stream() {
    return Streams.CONTACT_LENS;
  }

  @Override
  public Class<SegmentRecord> type() {
    return SegmentRecord.class;
  }

  @Override
  public SegmentRecord parse(String raw, long nowMs) throws RejectedRecordException {
    ParseSupport.precheck(raw, settings.maxRecordChars);
    Event e = SCRATCH.get().reset();
    try (JsonParser p = ParseSupport.streamingParser(raw)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new RejectedRecordException("not a JSON object");
      }
      readEvent(p, e);
      ParseSupport.requireEndOfInput(p);
    } catch (IOException ex) {
      throw ParseSupport.rejected(ex);
    }
    SegmentRecord r = new SegmentRecord();
    r.contactId = ParseSupport.requireText("ContactId", e.contactId);
    boolean voice;
    String typeField;
    String typeValue;
    if (RealtimeSegmentEvent.VOICE_VERSION.equals(e.version)) {
      voice = true;
      typeField = "EventType";
      typeValue = e.eventType;
      if (e.streamingEventType != null) {
        throw new RejectedRecordException("Version 1.0.0 (voice) with StreamingEventType");
      }
    } else if (RealtimeSegmentEvent.CHAT_VERSION.equals(e.version)) {
      voice = false;
      typeField = "StreamingEventType";
      typeValue = e.streamingEventType;
      if (e.eventType != null) {
        throw new RejectedRecordException("Version 2.0.0 (chat) with EventType");
      }
    } else {
      throw new RejectedRecordException(
          e.version == null
              ? "missing Version"
              : "Version '" + e.version + "' is not 1.0.0 (voice) or 2.0.0 (chat)");
    }
    if (typeValue == null) {
      throw new RejectedRecordException("missing " + typeField);
    }
    SegmentEventType type = eventType(typeValue);
    if (type == SegmentEventType.UNKNOWN) {
      throw new RejectedRecordException(
          typeField + " '" + typeValue + "' is not STARTED, SEGMENTS, COMPLETED or FAILED");
    }
    if (type == SegmentEventType.SEGMENTS && e.segments <= 0) {
      throw new RejectedRecordException("SEGMENTS event without Segments");
    }
    r.eventType = type.name();
    Channel ch = Channel.of(e.channel);
    r.channel = ch != null ? ch.name() : (voice ? "VOICE" : "CHAT");

    int n = e.turns;
    r.turnIds = new String[n];
    r.roles = new String[n];
    r.sentiments = new String[n];
    r.endOffsetsMs = new long[n];
    long latestAbsolute = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      r.turnIds[i] = e.ids[i];
      if (r.turnIds[i] == null || r.turnIds[i].isBlank()) {
        throw new RejectedRecordException("missing " + where(i) + " Id");
      }
      String wireRole = e.roles[i];
      Role role = Role.fromWire(wireRole);
      if (role == null) {
        throw new RejectedRecordException(
            where(i) + " ParticipantRole '" + wireRole + "' is unknown");
      }
      r.roles[i] = role.name();
      String wireSentiment = e.sentiments[i];
      if (wireSentiment != null) {
        Sentiment s = Sentiment.fromWire(wireSentiment);
        if (s == null) {
          throw new RejectedRecordException(
              where(i)
                  + " Sentiment '"
                  + wireSentiment
                  + "' is not POSITIVE/NEGATIVE/NEUTRAL/MIXED");
        }
        r.sentiments[i] = s.name();
      }
      boolean hasEnd = e.endOffsets[i] != NO_OFFSET;
      r.endOffsetsMs[i] = hasEnd ? e.endOffsets[i] : -1;
      Instant absolute = e.times[i];
      if (!voice && absolute != null) {
        latestAbsolute = Math.max(latestAbsolute, absoluteTime(absolute, i, nowMs));
      } else if (voice && !hasEnd) {
        throw new RejectedRecordException(where(i) + " (voice) without EndOffsetMillis");
      }
    }
    r.matchedCategories =
        e.categories == null || e.categories.isEmpty()
            ? NO_STRINGS
            : e.categories.toArray(NO_STRINGS);
    r.eventTimeMs = latestAbsolute == Long.MIN_VALUE ? UNTIMED : latestAbsolute;
    return r;
  }

  /** A turn's plausible AbsoluteTime in epoch ms; the field name is built only for a rejection. */
  private long absoluteTime(Instant t, int turn, long nowMs) throws RejectedRecordException {
    long skew = settings.maxFutureSkewMs;
    long sec = t.getEpochSecond();
    if (sec > ParseSupport.MIN_PLAUSIBLE_MS / 1000 && sec < Long.MAX_VALUE / 2000) {
      long ms = t.toEpochMilli();
      if (ms >= ParseSupport.MIN_PLAUSIBLE_MS && ms <= nowMs + skew) {
        return ms;
      }
    }
    return ParseSupport.requireTime(where(turn) + " Time.AbsoluteTime", t, nowMs, skew);
  }

  private static String where(int turn) {
    return "Segments Transcript " + turn;
  }

  /** The event type as {@link RealtimeSegmentEvent#type()} reads it: exact upper-case names. */
  private static SegmentEventType eventType(String wire) {
    for (SegmentEventType t : EVENT_TYPES) {
      if (t != SegmentEventType.UNKNOWN && t.name().equals(wire)) {
        return t;
      }
    }
    return SegmentEventType.UNKNOWN;
  }

  // Field names by the order Contact Lens writes them (FieldMatcher: predicted, not looked up).
  private static final int V_VERSION = 0;
  private static final int V_CHANNEL = 1;
  private static final int V_CONTACT_ID = 4;
  private static final int V_LANGUAGE_CODE = 5;
  private static final int V_OUTPUT_TYPE = 6;
  private static final int V_EVENT_TYPE = 7;
  private static final int V_STREAMING_EVENT_TYPE = 8;
  private static final int V_SEGMENTS = 10;

  /**
   * Top level; voice: ContactId, LanguageCode, EventType, Segments; chat: OutputType, Streaming…
   */
  private static final FieldMatcher EVENT =
      new FieldMatcher(
              "Version",
              "Channel",
              "AccountId",
              "InstanceId",
              "ContactId",
              "LanguageCode",
              "OutputType",
              "EventType",
              "StreamingEventType",
              "StreamingSettings",
              "Segments")
          .withSuccessors(
              V_LANGUAGE_CODE, V_EVENT_TYPE,
              V_EVENT_TYPE, V_SEGMENTS,
              V_OUTPUT_TYPE, V_STREAMING_EVENT_TYPE);

  private static final int S_UTTERANCE = 0;
  private static final int S_TRANSCRIPT = 1;
  private static final int S_CATEGORIES = 2;

  /** The one key of a Segments element (predicted: the previous element's). */
  private static final FieldMatcher SEGMENT =
      new FieldMatcher(
          "Utterance", "Transcript", "Categories", "Issues", "PostContactSummary", "Event");

  /** Utterance partials: skipped, not read. */
  private static final FieldMatcher UTTERANCE =
      new FieldMatcher(
          "Id",
          "TranscriptId",
          "ParticipantId",
          "ParticipantRole",
          "PartialContent",
          "BeginOffsetMillis",
          "EndOffsetMillis");

  private static final int T_ID = 0;
  private static final int T_PARTICIPANT_ROLE = 2;
  private static final int T_DISPLAY_NAME = 3;
  private static final int T_CONTENT = 4;
  private static final int T_CONTENT_TYPE = 5;
  private static final int T_BEGIN_OFFSET = 6;
  private static final int T_END_OFFSET = 7;
  private static final int T_TIME = 8;
  private static final int T_SENTIMENT = 9;

  /** Voice transcript order (no DisplayName, ContentType or Time). */
  private static final FieldMatcher TRANSCRIPT_VOICE =
      new FieldMatcher(
              "Id",
              "ParticipantId",
              "ParticipantRole",
              "DisplayName",
              "Content",
              "ContentType",
              "BeginOffsetMillis",
              "EndOffsetMillis",
              "Time",
              "Sentiment",
              "IssuesDetected")
          .withSuccessors(
              T_PARTICIPANT_ROLE, T_CONTENT, T_CONTENT, T_BEGIN_OFFSET, T_END_OFFSET, T_SENTIMENT);

  /** Chat transcript order (DisplayName, ContentType, Time; no offsets). */
  private static final FieldMatcher TRANSCRIPT_CHAT =
      TRANSCRIPT_VOICE.withSuccessors(
          T_PARTICIPANT_ROLE,
          T_DISPLAY_NAME,
          T_CONTENT,
          T_CONTENT_TYPE,
          T_CONTENT_TYPE,
          T_TIME,
          T_TIME,
          T_SENTIMENT);

  /** Top level: the fields the job reads; everything else is skipped unread. */
  private static void readEvent(JsonParser p, Event e) throws IOException, RejectedRecordException {
    int f = FieldMatcher.OTHER;
    while ((f = EVENT.next(p, EVENT.after(f))) != FieldMatcher.END) {
      p.nextToken();
      switch (f) {
        case V_VERSION -> e.version = ParseSupport.text(p, "Version", -1, "");
        case V_CHANNEL -> e.channel = ParseSupport.text(p, "Channel", -1, "");
        case V_CONTACT_ID -> e.contactId = ParseSupport.text(p, "ContactId", -1, "");
        case V_EVENT_TYPE -> e.eventType = ParseSupport.text(p, "EventType", -1, "");
        case V_STREAMING_EVENT_TYPE ->
            e.streamingEventType = ParseSupport.text(p, "StreamingEventType", -1, "");
        case V_SEGMENTS -> readSegments(p, e);
        default -> p.skipChildren();
      }
    }
  }

  private static void readSegments(JsonParser p, Event e)
      throws IOException, RejectedRecordException {
    e.segments = -1;
    e.turns = 0;
    e.categories = null;
    if (!ParseSupport.arrayOrNull(p, "Segments", -1, "")) {
      return;
    }
    // Chat transcripts are written in another field order than voice ones (a prediction only).
    FieldMatcher transcript =
        RealtimeSegmentEvent.CHAT_VERSION.equals(e.version) ? TRANSCRIPT_CHAT : TRANSCRIPT_VOICE;
    int index = 0;
    int key = S_UTTERANCE;
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t == JsonToken.START_OBJECT) {
        key = readSegment(p, e, index, transcript, key);
      } else if (t != JsonToken.VALUE_NULL) {
        throw ParseSupport.wrongType(ParseSupport.path("Segments", index, ""), "an object", t);
      }
      index++;
    }
    e.segments = index;
  }

  /** One Segments element; returns its (last) key, the prediction for the next element. */
  private static int readSegment(
      JsonParser p, Event e, int index, FieldMatcher transcript, int predicted)
      throws IOException, RejectedRecordException {
    int f;
    int last = predicted;
    while ((f = SEGMENT.next(p, last)) != FieldMatcher.END) {
      JsonToken v = p.nextToken();
      switch (f) {
        case S_UTTERANCE -> {
          if (v == JsonToken.START_OBJECT) {
            UTTERANCE.skipObject(p);
          } else {
            p.skipChildren();
          }
        }
        case S_TRANSCRIPT -> {
          if (ParseSupport.objectOrNull(p, "Segments", index, ".Transcript")) {
            readTranscript(p, e, index, transcript);
          }
        }
        case S_CATEGORIES -> {
          if (ParseSupport.objectOrNull(p, "Segments", index, ".Categories")) {
            readCategories(p, e, index);
          }
        }
        default -> p.skipChildren();
      }
      if (f >= 0) {
        last = f;
      }
    }
    return last;
  }

  private static void readTranscript(JsonParser p, Event e, int index, FieldMatcher fields)
      throws IOException, RejectedRecordException {
    String id = null;
    String role = null;
    String sentiment = null;
    long end = NO_OFFSET;
    Instant absolute = null;
    int f = FieldMatcher.OTHER;
    while ((f = fields.next(p, fields.after(f))) != FieldMatcher.END) {
      p.nextToken();
      switch (f) {
        case T_ID -> id = ParseSupport.text(p, "Segments", index, ".Transcript.Id");
        case T_PARTICIPANT_ROLE ->
            role = ParseSupport.text(p, "Segments", index, ".Transcript.ParticipantRole");
        case T_SENTIMENT ->
            sentiment = ParseSupport.text(p, "Segments", index, ".Transcript.Sentiment");
        case T_BEGIN_OFFSET -> // not used, but a broken offset means a broken producer
            ParseSupport.wholeNumber(p, "Segments", index, ".Transcript.BeginOffsetMillis");
        case T_END_OFFSET -> {
          Long v = ParseSupport.wholeNumber(p, "Segments", index, ".Transcript.EndOffsetMillis");
          end = v == null ? NO_OFFSET : v;
        }
        case T_TIME -> {
          absolute = null;
          if (ParseSupport.objectOrNull(p, "Segments", index, ".Transcript.Time")) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String timeField = p.currentName();
              p.nextToken();
              if ("AbsoluteTime".equals(timeField)) {
                absolute =
                    ParseSupport.timestamp(p, "Segments", index, ".Transcript.Time.AbsoluteTime");
              } else {
                p.skipChildren();
              }
            }
          }
        }
        default -> p.skipChildren();
      }
    }
    e.addTurn(id, role, sentiment, end, absolute);
  }

  /** Category names: MatchedCategories (non-blank, stripped) then the MatchedDetails keys. */
  private static void readCategories(JsonParser p, Event e, int index)
      throws IOException, RejectedRecordException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "MatchedCategories" -> {
          if (ParseSupport.arrayOrNull(p, "Segments", index, ".Categories.MatchedCategories")) {
            JsonToken t;
            int k = 0;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
              if (t == JsonToken.VALUE_STRING) {
                String c = p.getText();
                if (!c.isBlank()) {
                  e.category(c.strip());
                }
              } else if (t != JsonToken.VALUE_NULL) {
                throw ParseSupport.wrongType(
                    ParseSupport.path(
                        "Segments", index, ".Categories.MatchedCategories[" + k + "]"),
                    "a string",
                    t);
              }
              k++;
            }
          }
        }
        case "MatchedDetails" -> {
          if (ParseSupport.objectOrNull(p, "Segments", index, ".Categories.MatchedDetails")) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              e.category(p.currentName().strip());
              p.nextToken();
              p.skipChildren();
            }
          }
        }
        default -> p.skipChildren();
      }
    }
  }

  /** One {@link Event} per thread, reset per record (its arrays grow once, then are reused). */
  private static final ThreadLocal<Event> SCRATCH = ThreadLocal.withInitial(Event::new);

  /** What {@link #parse} reads from one record, before the checks. */
  private static final class Event {
    String version;
    String channel;
    String contactId;
    String eventType;
    String streamingEventType;

    /** Elements of Segments; -1 when absent or null. */
    int segments = -1;

    int turns;
    String[] ids = new String[8];
    String[] roles = new String[8];
    String[] sentiments = new String[8];
    long[] endOffsets = new long[8];
    Instant[] times = new Instant[8];
    LinkedHashSet<String> categories;

    /** Ready for the next record; the record built from the last one holds no reference here. */
    Event reset() {
      version = null;
      channel = null;
      contactId = null;
      eventType = null;
      streamingEventType = null;
      segments = -1;
      Arrays.fill(ids, 0, turns, null);
      Arrays.fill(roles, 0, turns, null);
      Arrays.fill(sentiments, 0, turns, null);
      Arrays.fill(times, 0, turns, null);
      turns = 0;
      categories = null;
      return this;
    }

    void addTurn(String id, String role, String sentiment, long end, Instant time) {
      if (turns == ids.length) {
        int cap = turns * 2;
        ids = Arrays.copyOf(ids, cap);
        roles = Arrays.copyOf(roles, cap);
        sentiments = Arrays.copyOf(sentiments, cap);
        endOffsets = Arrays.copyOf(endOffsets, cap);
        times = Arrays.copyOf(times, cap);
      }
      ids[turns] = id;
      roles[turns] = role;
      sentiments[turns] = sentiment;
      endOffsets[turns] = end;
      times[turns] = time;
      turns++;
    }

    void category(String name) {
      if (categories == null) {
        categories = new LinkedHashSet<>();
      }
      categories.add(name);
    }
  }
}
