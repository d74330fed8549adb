package com.cci.schemas.lens;

import static com.cci.schemas.AwsFixtureSupport.assertSubsetOf;
import static com.cci.schemas.AwsFixtureSupport.assertValid;
import static com.cci.schemas.AwsFixtureSupport.records;
import static com.cci.schemas.AwsFixtureSupport.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.cci.schemas.Fixtures;
import com.cci.schemas.SchemaKind;
import com.cci.schemas.ctr.Channel;
import com.cci.schemas.transcript.Role;
import com.cci.schemas.transcript.Sentiment;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RealtimeSegmentEventTest {
  private static final SchemaKind KIND = SchemaKind.CONTACT_LENS_SEGMENT;

  private static List<RealtimeSegmentEvent> read(String file) throws Exception {
    List<RealtimeSegmentEvent> out = new ArrayList<>();
    for (String json : records(KIND, "valid", file)) {
      out.add(RealtimeSegmentEvent.fromJson(json));
    }
    return out;
  }

  @Test
  void voiceSessionVersion1() throws Exception {
    List<RealtimeSegmentEvent> events = read("voice-session.json");
    assertThat(events)
        .extracting(RealtimeSegmentEvent::type)
        .containsExactly(
            SegmentEventType.STARTED,
            SegmentEventType.SEGMENTS,
            SegmentEventType.SEGMENTS,
            SegmentEventType.COMPLETED);
    assertThat(events)
        .allSatisfy(
            e -> {
              assertThat(e.version()).isEqualTo(RealtimeSegmentEvent.VOICE_VERSION);
              assertThat(e.channel()).isEqualTo(Channel.VOICE);
              assertThat(e.language()).isEqualTo("en-GB");
              assertThat(e.contactId()).isEqualTo("15a5cf14-3212-45a1-9f86-a8e97db8afaf");
            });
    RealtimeSegmentEvent segments = events.get(1);
    List<TranscriptTurn> turns = segments.turns();
    assertThat(turns).hasSize(2);
    assertThat(turns.get(0).role()).isEqualTo(Role.AGENT);
    assertThat(turns.get(0).sentiment()).isEqualTo(Sentiment.NEUTRAL);
    assertThat(turns.get(0).beginOffsetMillis()).isEqualTo(19010L);
    assertThat(turns.get(0).endOffsetMillis()).isEqualTo(24598L);
    assertThat(turns.get(0).absoluteTime()).isNull();
    assertThat(turns.get(1).role()).isEqualTo(Role.CUSTOMER);
    assertThat(turns.get(1).sentiment()).isEqualTo(Sentiment.NEGATIVE);
    assertThat(turns.get(1).content()).startsWith("I lost my debit card");
    assertThat(segments.matchedCategories()).containsExactly("CardLost", "FraudConcern");
    assertThat(segments.segments().get(0).utterance().partialContent()).startsWith("Thank you");
    assertThat(segments.postContactSummary()).isNull();
    assertThat(events.get(2).postContactSummary().status()).isEqualTo("COMPLETED");
    assertThat(events.get(2).turns()).isEmpty();
    assertThat(events.get(0).turns()).isEmpty();
    assertThat(events.get(0).matchedCategories()).isEmpty();
  }

  @Test
  void voiceFailedEvent() throws Exception {
    RealtimeSegmentEvent e = read("voice-failed.json").get(0);
    assertThat(e.type()).isEqualTo(SegmentEventType.FAILED);
    assertThat(e.segments()).isNull();
  }

  @Test
  void chatSessionVersion2() throws Exception {
    List<RealtimeSegmentEvent> events = read("chat-session.json");
    assertThat(events)
        .extracting(RealtimeSegmentEvent::type)
        .containsExactly(
            SegmentEventType.STARTED,
            SegmentEventType.SEGMENTS,
            SegmentEventType.SEGMENTS,
            SegmentEventType.COMPLETED);
    assertThat(events)
        .allSatisfy(
            e -> {
              assertThat(e.version()).isEqualTo(RealtimeSegmentEvent.CHAT_VERSION);
              assertThat(e.channel()).isEqualTo(Channel.CHAT);
              assertThat(e.eventType()).isNull();
              // STARTED/SEGMENTS carry StreamingSettings, COMPLETED StreamingEventSettings
              assertThat(e.language()).isEqualTo("en-GB");
            });
    RealtimeSegmentEvent segments = events.get(1);
    List<TranscriptTurn> turns = segments.turns();
    assertThat(turns).extracting(TranscriptTurn::role).containsExactly(Role.AGENT, Role.CUSTOMER);
    assertThat(turns)
        .extracting(TranscriptTurn::sentiment)
        .containsExactly(Sentiment.NEUTRAL, Sentiment.NEGATIVE);
    assertThat(turns.get(1).absoluteTime()).isEqualTo(Instant.parse("2026-11-20T11:01:03.101Z"));
    assertThat(turns.get(1).beginOffsetMillis()).isNull();
    assertThat(segments.matchedCategories()).containsExactly("MortgageQuery");
    assertThat(segments.segments()).hasSize(6);
    assertThat(segments.segments().get(5).event().get("EventType").asText())
        .endsWith("participant.left");
    assertThat(events.get(2).postContactSummary().content()).contains("mortgage");
  }

  static Stream<Path> validFiles() {
    return Fixtures.valid(KIND).stream();
  }

  @ParameterizedTest
  @MethodSource("validFiles")
  void everyValidFixtureRoundTripsWithWireNames(Path file) throws Exception {
    for (String json : records(file)) {
      RealtimeSegmentEvent e = RealtimeSegmentEvent.fromJson(json);
      String written = e.toJson();
      JsonNode out = tree(written);
      assertThat(out.get("ContactId").asText()).isEqualTo(e.contactId());
      assertThat(out.has("EventType") || out.has("StreamingEventType")).isTrue();
      assertThat(out.has("turns") || out.has("type") || out.has("language")).isFalse();
      assertSubsetOf(out, tree(json), Set.of(), "$");
      assertValid(KIND, written);
      assertThat(RealtimeSegmentEvent.fromJson(written)).isEqualTo(e);
    }
  }
}
