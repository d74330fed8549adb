package com.cci.streaming.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cci.kinesis.StreamRecord;
import com.cci.kinesis.Streams;
import com.cci.schemas.Fixtures;
import com.cci.schemas.SchemaKind;
import com.cci.schemas.lens.RealtimeSegmentEvent;
import com.cci.schemas.lens.TranscriptTurn;
import com.cci.sim.Scenario;
import com.cci.sim.SimulationOptions;
import com.cci.sim.Simulator;
import com.cci.sim.SimulatorContent;
import com.cci.streaming.config.ParseSettings;
import com.cci.streaming.records.SegmentRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The streaming {@link SegmentParser} against the contract's data-bound view ({@link
 * RealtimeSegmentEvent#turns()}, {@link RealtimeSegmentEvent#matchedCategories()}, {@link
 * RealtimeSegmentEvent#type()}): same output on simulator records and the valid fixtures, and the
 * strict field types on what the job reads.
 */
class SegmentParserTest {
  /** Far enough ahead that no simulated time is "in the future". */
  private static final long NOW = Instant.parse("2099-01-01T00:00:00Z").toEpochMilli();

  private final SegmentParser parser = new SegmentParser(ParseSettings.defaults());

  @Test
  void agreesWithTheDataBoundContractViewOnSimulatedRecords() throws Exception {
    Simulator sim =
        new Simulator(
            Scenario.load("incident"),
            SimulationOptions.seed(7),
            SimulatorContent.generator(),
            SimulatorContent.renderer());
    int voice = 0;
    int chat = 0;
    int withCategories = 0;
    for (Iterator<StreamRecord> it = sim.records(null); it.hasNext() && voice + chat < 6000; ) {
      StreamRecord r = it.next();
      if (!Streams.CONTACT_LENS.equals(r.stream())) {
        continue;
      }
      SegmentRecord got = assertAgrees(r.json());
      if (got.matchedCategories.length > 0) {
        withCategories++;
      }
      if (got.eventTimeMs == SegmentParser.UNTIMED) {
        voice++;
      } else {
        chat++;
      }
    }
    assertThat(voice).isGreaterThan(100);
    assertThat(chat).isGreaterThan(100);
    assertThat(withCategories).isGreaterThan(10);
  }

  @Test
  void agreesWithTheDataBoundContractViewOnValidFixtures() throws Exception {
    int n = 0;
    for (Path f : Fixtures.valid(SchemaKind.CONTACT_LENS_SEGMENT)) {
      for (String rec : ContractFixturesParseTest.records(f)) {
        assertAgrees(rec);
        n++;
      }
    }
    assertThat(n).isGreaterThanOrEqualTo(2);
  }

  private SegmentRecord assertAgrees(String raw) throws Exception {
    RealtimeSegmentEvent e = RealtimeSegmentEvent.fromJson(raw);
    SegmentRecord r = parser.parse(raw, NOW);
    assertThat(r.contactId).isEqualTo(e.contactId());
    assertThat(r.eventType).isEqualTo(e.type().name());
    if (e.channel() != null) {
      assertThat(r.channel).isEqualTo(e.channel().name());
    }
    List<TranscriptTurn> turns = e.turns();
    assertThat(r.turnIds).hasSize(turns.size());
    long latest = Long.MIN_VALUE;
    for (int i = 0; i < turns.size(); i++) {
      TranscriptTurn t = turns.get(i);
      assertThat(r.turnIds[i]).isEqualTo(t.id());
      assertThat(r.roles[i]).isEqualTo(t.role().name());
      assertThat(r.sentiments[i]).isEqualTo(t.sentiment() == null ? null : t.sentiment().name());
      assertThat(r.endOffsetsMs[i])
          .isEqualTo(t.endOffsetMillis() == null ? -1 : t.endOffsetMillis());
      if (RealtimeSegmentEvent.CHAT_VERSION.equals(e.version()) && t.absoluteTime() != null) {
        latest = Math.max(latest, t.absoluteTime().toEpochMilli());
      }
    }
    assertThat(r.eventTimeMs).isEqualTo(latest == Long.MIN_VALUE ? SegmentParser.UNTIMED : latest);
    assertThat(r.matchedCategories).containsExactlyElementsOf(e.matchedCategories());
    return r;
  }

  private static String chat(String segments) {
    return "{\"Version\":\"2.0.0\",\"ContactId\":\"c\",\"StreamingEventType\":\"SEGMENTS\","
        + "\"Segments\":"
        + segments
        + "}";
  }

  private static final String TURN =
      "{\"Transcript\":{\"Id\":\"t1\",\"ParticipantRole\":\"CUSTOMER\",\"Content\":\"hi\","
          + "\"Time\":{\"AbsoluteTime\":\"2026-11-20T15:00:02.165Z\"}}}";

  @Test
  void readsCategoriesOnceInOrderFromBothShapes() throws Exception {
    SegmentRecord r =
        parser.parse(
            chat(
                "[{\"Categories\":{\"MatchedCategories\":[\" fraud \",\"\",null,\"fraud\"],"
                    + "\"MatchedDetails\":{\"fraud\":{\"PointsOfInterest\":[]},"
                    + "\"complaint\":{}}}},"
                    + TURN
                    + ",null]"),
            NOW);
    assertThat(r.matchedCategories).containsExactly("fraud", "complaint");
    assertThat(r.turnIds).containsExactly("t1");
    assertThat(r.eventTimeMs).isEqualTo(Instant.parse("2026-11-20T15:00:02.165Z").toEpochMilli());
  }

  @Test
  void fieldsTheJobDoesNotReadAreSkippedUnchecked() throws Exception {
    String odd =
        TURN.replace("\"Content\":\"hi\"", "\"Content\":{\"nested\":[1,2,{\"x\":null}]}")
            .replace("{\"Transcript\"", "{\"Utterance\":42,\"Transcript\"");
    SegmentRecord r =
        parser.parse(
            chat("[" + odd + "]").replace("{\"Version\"", "{\"AccountId\":7,\"Version\""), NOW);
    assertThat(r.turnIds).containsExactly("t1");
  }

  @Test
  void wrongTypesOnReadFieldsAreRejectedWithThePath() {
    assertThatThrownBy(() -> parser.parse(chat("[" + TURN.replace("\"t1\"", "5") + "]"), NOW))
        .isInstanceOf(RejectedRecordException.class)
        .hasMessage("field 'Segments[0].Transcript.Id': expected a string, not a whole number");
    assertThatThrownBy(
            () ->
                parser.parse(
                    chat(
                        "[null,"
                            + TURN.replace("\"Content\"", "\"EndOffsetMillis\":1.5,\"C\"")
                            + "]"),
                    NOW))
        .isInstanceOf(RejectedRecordException.class)
        .hasMessage(
            "field 'Segments[1].Transcript.EndOffsetMillis': expected a whole number, not a"
                + " fractional number");
    assertThatThrownBy(() -> parser.parse(chat("{}"), NOW))
        .isInstanceOf(RejectedRecordException.class)
        .hasMessage("field 'Segments': expected an array, not an object");
    assertThatThrownBy(
            () ->
                parser.parse(chat("[" + TURN.replace("15:00:02.165Z", "15:00:02.165") + "]"), NOW))
        .isInstanceOf(RejectedRecordException.class)
        .hasMessage(
            "field 'Segments[0].Transcript.Time.AbsoluteTime': cannot read"
                + " 2026-11-20T15:00:02.165 as an ISO-8601 timestamp");
    assertThatThrownBy(
            () ->
                parser.parse(
                    chat("[" + TURN.replace("\"2026-11-20T15:00:02.165Z\"", "17") + "]"), NOW))
        .isInstanceOf(RejectedRecordException.class)
        .hasMessage(
            "field 'Segments[0].Transcript.Time.AbsoluteTime': timestamp must be an ISO-8601"
                + " string, not VALUE_NUMBER_INT");
    assertThatThrownBy(() -> parser.parse(chat("[" + TURN + "]") + " {}", NOW))
        .isInstanceOf(RejectedRecordException.class)
        .hasMessage("malformed JSON: content after the end of the object");
    assertThatThrownBy(() -> parser.parse(chat("[" + TURN + "]").replace("}}}]}", "}}"), NOW))
        .isInstanceOf(RejectedRecordException.class)
        .hasMessageStartingWith("truncated JSON");
  }
}
