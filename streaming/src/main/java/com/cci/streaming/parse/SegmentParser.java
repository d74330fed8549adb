package com.cci.streaming.parse;

import com.cci.kinesis.Streams;
import com.cci.schemas.ctr.Channel;
import com.cci.schemas.lens.RealtimeSegmentEvent;
import com.cci.schemas.lens.Segment;
import com.cci.schemas.lens.SegmentEventType;
import com.cci.schemas.lens.SegmentTranscript;
import com.cci.schemas.transcript.Role;
import com.cci.schemas.transcript.Sentiment;
import com.cci.streaming.config.ParseSettings;
import com.cci.streaming.records.SegmentRecord;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

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
 */
public final class SegmentParser implements RecordParser<SegmentRecord> {
  private static final long serialVersionUID = 1L;

  /** {@link SegmentRecord#eventTimeMs} of a record whose time {@link SegmentClock} assigns. */
  public static final long UNTIMED = Long.MIN_VALUE;

  private static final ObjectReader READER = ParseSupport.readerFor(RealtimeSegmentEvent.class);
  private static final String[] NO_STRINGS = new String[0];

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
    RealtimeSegmentEvent e;
    try {
      e = READER.readValue(raw);
    } catch (IOException ex) {
      throw ParseSupport.rejected(ex);
    }
    SegmentRecord r = new SegmentRecord();
    r.contactId = ParseSupport.requireText("ContactId", e.contactId());
    boolean voice;
    String typeField;
    String typeValue;
    if (RealtimeSegmentEvent.VOICE_VERSION.equals(e.version())) {
      voice = true;
      typeField = "EventType";
      typeValue = e.eventType();
      if (e.streamingEventType() != null) {
        throw new RejectedRecordException("Version 1.0.0 (voice) with StreamingEventType");
      }
    } else if (RealtimeSegmentEvent.CHAT_VERSION.equals(e.version())) {
      voice = false;
      typeField = "StreamingEventType";
      typeValue = e.streamingEventType();
      if (e.eventType() != null) {
        throw new RejectedRecordException("Version 2.0.0 (chat) with EventType");
      }
    } else {
      throw new RejectedRecordException(
          e.version() == null
              ? "missing Version"
              : "Version '" + e.version() + "' is not 1.0.0 (voice) or 2.0.0 (chat)");
    }
    if (typeValue == null) {
      throw new RejectedRecordException("missing " + typeField);
    }
    SegmentEventType type = e.type();
    if (type == SegmentEventType.UNKNOWN) {
      throw new RejectedRecordException(
          typeField + " '" + typeValue + "' is not STARTED, SEGMENTS, COMPLETED or FAILED");
    }
    if (type == SegmentEventType.SEGMENTS && (e.segments() == null || e.segments().isEmpty())) {
      throw new RejectedRecordException("SEGMENTS event without Segments");
    }
    r.eventType = type.name();
    Channel ch = e.channel();
    r.channel = ch != null ? ch.name() : (voice ? "VOICE" : "CHAT");

    List<SegmentTranscript> turns = new ArrayList<>();
    if (e.segments() != null) {
      for (Segment s : e.segments()) {
        if (s != null && s.transcript() != null) {
          turns.add(s.transcript());
        }
      }
    }
    int n = turns.size();
    r.turnIds = new String[n];
    r.roles = new String[n];
    r.sentiments = new String[n];
    r.endOffsetsMs = new long[n];
    long latestAbsolute = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      SegmentTranscript t = turns.get(i);
      String where = "Segments Transcript " + i;
      r.turnIds[i] = ParseSupport.requireText(where + " Id", t.id());
      Role role = Role.fromWire(t.participantRole());
      if (role == null) {
        throw new RejectedRecordException(
            where + " ParticipantRole '" + t.participantRole() + "' is unknown");
      }
      r.roles[i] = role.name();
      if (t.sentiment() != null) {
        Sentiment s = Sentiment.fromWire(t.sentiment());
        if (s == null) {
          throw new RejectedRecordException(
              where + " Sentiment '" + t.sentiment() + "' is not POSITIVE/NEGATIVE/NEUTRAL/MIXED");
        }
        r.sentiments[i] = s.name();
      }
      r.endOffsetsMs[i] = t.endOffsetMillis() == null ? -1 : t.endOffsetMillis();
      if (!voice && t.time() != null && t.time().absoluteTime() != null) {
        latestAbsolute =
            Math.max(
                latestAbsolute,
                ParseSupport.requireTime(
                    where + " Time.AbsoluteTime",
                    t.time().absoluteTime(),
                    nowMs,
                    settings.maxFutureSkewMs));
      } else if (voice && t.endOffsetMillis() == null) {
        throw new RejectedRecordException(where + " (voice) without EndOffsetMillis");
      }
    }
    List<String> cats = e.matchedCategories();
    r.matchedCategories = cats.isEmpty() ? NO_STRINGS : cats.toArray(NO_STRINGS);
    r.eventTimeMs = latestAbsolute == Long.MIN_VALUE ? UNTIMED : latestAbsolute;
    return r;
  }
}
