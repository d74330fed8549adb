package com.cci.schemas.transcript;

import static com.cci.schemas.AwsFixtureSupport.records;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.cci.schemas.Fixtures;
import com.cci.schemas.Json;
import com.cci.schemas.SchemaKind;
import com.cci.schemas.ctr.Channel;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TranscriptParserTest {
  private static final SchemaKind KIND = SchemaKind.POST_CALL_TRANSCRIPT;
  private final TranscriptParser parser = new TranscriptParser();

  private static String fixture(String group, String file) {
    return Fixtures.read(KIND, group, file);
  }

  @Test
  void contactLensVoice() throws Exception {
    CallTranscript t = parser.parse(fixture("valid", "contact-lens-voice-1.1.0.json"));
    assertThat(t.format()).isEqualTo(TranscriptFormat.CONTACT_LENS_VOICE);
    assertThat(t.contactId()).isEqualTo("15a5cf14-3212-45a1-9f86-a8e97db8afaf");
    assertThat(t.instanceId()).isEqualTo("9a7f5c2e-3b1d-4c8e-9f60-2d7e1a4b8c01");
    assertThat(t.channel()).isEqualTo(Channel.VOICE);
    assertThat(t.languageCode()).isEqualTo("en-GB");
    assertThat(t.turns())
        .extracting(CallTranscript.Turn::role)
        .containsExactly(Role.AGENT, Role.CUSTOMER, Role.AGENT, Role.CUSTOMER);
    CallTranscript.Turn second = t.turns().get(1);
    assertThat(second.beginOffsetMillis()).isEqualTo(4600);
    assertThat(second.endOffsetMillis()).isEqualTo(9800);
    assertThat(second.sentiment()).isEqualTo(Sentiment.NEGATIVE);
    assertThat(second.text()).startsWith("Hi Sam, I lost my debit card");
    assertThat(second.loudness()).containsExactly(66.56, 70.06, 85.27, 82.22, 77.66);
    assertThat(second.meanLoudness()).isCloseTo(76.354, within(0.001));
    assertThat(t.matchedCategories()).containsExactly("CardLost");
    assertThat(t.summary()).startsWith("Customer reported a lost debit card");
    assertThat(t.overallSentiment())
        .containsEntry(Role.AGENT, 0.8)
        .containsEntry(Role.CUSTOMER, 1.9);
    assertThat(t.totalDurationMillis()).isEqualTo(18120L);
  }

  @Test
  void contactLensVoiceNewerVersionWithoutCustomerMetadata() throws Exception {
    CallTranscript t = parser.parse(fixture("valid", "contact-lens-voice-2022-no-metadata.json"));
    assertThat(t.format()).isEqualTo(TranscriptFormat.CONTACT_LENS_VOICE);
    assertThat(t.contactId()).isNull();
    assertThat(t.matchedCategories()).isEmpty();
    assertThat(t.summary()).isNull();
    assertThat(t.turns()).hasSize(4);
  }

  @Test
  void contactLensChat() throws Exception {
    CallTranscript t = parser.parse(fixture("valid", "contact-lens-chat.json"));
    assertThat(t.format()).isEqualTo(TranscriptFormat.CONTACT_LENS_CHAT);
    assertThat(t.channel()).isEqualTo(Channel.CHAT);
    assertThat(t.contactId()).isEqualTo("c2f8a1d0-6e4b-4a7c-9d3e-1b2a3c4d5e6f");
    // 8 items: 4 EVENT items (joined x2, left, ended) are not turns
    assertThat(t.turns())
        .extracting(CallTranscript.Turn::role)
        .containsExactly(Role.SYSTEM, Role.AGENT, Role.CUSTOMER, Role.AGENT);
    // offsets from the first item at 11:00:00.512
    assertThat(t.turns())
        .extracting(CallTranscript.Turn::beginOffsetMillis)
        .containsExactly(2878L, 51950L, 62590L, 89488L);
    assertThat(t.turns().get(2).endOffsetMillis()).isEqualTo(62590L);
    assertThat(t.turns().get(2).sentiment()).isEqualTo(Sentiment.NEGATIVE);
    assertThat(t.turns().get(0).sentiment()).isNull();
    assertThat(t.turns().get(0).loudness()).isEmpty();
    assertThat(t.matchedCategories()).containsExactly("agent-intro");
    assertThat(t.summary()).contains("mortgage");
    assertThat(t.overallSentiment()).isEqualTo(Map.of(Role.AGENT, 1.15, Role.CUSTOMER, -0.5));
    // 11:00:00.512 to 11:09:31.192
    assertThat(t.totalDurationMillis()).isEqualTo(570680L);
  }

  @Test
  void redactedChatWithoutParticipantRolesTakesRolesFromItems() throws Exception {
    CallTranscript t = parser.parse(fixture("valid", "contact-lens-chat-redacted.json"));
    assertThat(t.format()).isEqualTo(TranscriptFormat.CONTACT_LENS_CHAT);
    assertThat(t.turns())
        .extracting(CallTranscript.Turn::role)
        .containsExactly(Role.SYSTEM, Role.AGENT, Role.CUSTOMER, Role.AGENT);
    assertThat(t.turns().get(1).text()).contains("This is [PII].");
  }

  @Test
  void transcribeCallAnalytics() throws Exception {
    CallTranscript t = parser.parse(fixture("valid", "transcribe-call-analytics.json"));
    assertThat(t.format()).isEqualTo(TranscriptFormat.TRANSCRIBE_CALL_ANALYTICS);
    assertThat(t.contactId()).isNull();
    assertThat(t.languageCode()).isEqualTo("en-US");
    assertThat(t.turns())
        .extracting(CallTranscript.Turn::role)
        .containsExactly(Role.AGENT, Role.CUSTOMER, Role.AGENT, Role.CUSTOMER);
    CallTranscript.Turn second = t.turns().get(1);
    assertThat(second.id()).isEqualTo("4d2f3a5b-6c7e-4f80-9102-b3c4d5e6f7a8");
    assertThat(second.beginOffsetMillis()).isEqualTo(4160);
    assertThat(second.endOffsetMillis()).isEqualTo(7900);
    assertThat(second.loudness()).containsExactly(null, 80.22, 79.48, 82.81);
    assertThat(second.meanLoudness()).isCloseTo(80.8367, within(0.001));
    assertThat(t.matchedCategories()).containsExactly("positive-resolution");
    assertThat(t.summary()).startsWith("The customer wanted to cancel a credit card");
    assertThat(t.overallSentiment())
        .containsEntry(Role.AGENT, 2.5)
        .containsEntry(Role.CUSTOMER, 2.1);
    assertThat(t.totalDurationMillis()).isEqualTo(19860L);
  }

  @Test
  void formatIsDetectedFromContentNotFileName() throws Exception {
    Path dir = Files.createTempDirectory("transcripts");
    Path misnamed = dir.resolve("contact-lens-voice-analysis.json");
    Files.writeString(misnamed, fixture("valid", "transcribe-call-analytics.json"));
    try (var in = Files.newInputStream(misnamed)) {
      assertThat(parser.parse(in).format()).isEqualTo(TranscriptFormat.TRANSCRIBE_CALL_ANALYTICS);
    }
    byte[] chat = fixture("valid", "contact-lens-chat.json").getBytes(StandardCharsets.UTF_8);
    assertThat(parser.parse(chat).format()).isEqualTo(TranscriptFormat.CONTACT_LENS_CHAT);
  }

  @Test
  void simulatorFormatsMapOntoParserFormats() {
    assertThat(TranscriptFormat.of(com.cci.sim.content.TranscriptFormat.TCA))
        .isEqualTo(TranscriptFormat.TRANSCRIBE_CALL_ANALYTICS);
    assertThat(TranscriptFormat.of(com.cci.sim.content.TranscriptFormat.CONTACT_LENS_CHAT))
        .isEqualTo(TranscriptFormat.CONTACT_LENS_CHAT);
    assertThat(TranscriptFormat.of(com.cci.sim.content.TranscriptFormat.CONTACT_LENS_VOICE))
        .isEqualTo(TranscriptFormat.CONTACT_LENS_VOICE);
  }

  @Test
  void derivesDurationFromTurnsWhenNotGiven() throws Exception {
    ObjectNode root =
        (ObjectNode) Json.mapper().readTree(fixture("valid", "transcribe-call-analytics.json"));
    ((ObjectNode) root.get("ConversationCharacteristics"))
        .remove("TotalConversationDurationMillis");
    assertThat(parser.parse(root).totalDurationMillis()).isEqualTo(19860L);
  }

  static Stream<Arguments> invalidTranscripts() {
    return Stream.of(
        Arguments.of("array-not-object.json", "expected a JSON object, got ARRAY"),
        Arguments.of(
            "chat-bad-absolute-time.json", "Transcript[4].AbsoluteTime: expected an ISO-8601"),
        Arguments.of("chat-message-without-role.json", "Transcript[4].ParticipantRole: missing"),
        Arguments.of(
            "tca-loudness-not-array.json", "Transcript[1].LoudnessScores: expected an array"),
        Arguments.of(
            "tca-unknown-role.json",
            "Transcript[0].ParticipantRole: expected AGENT or CUSTOMER, got 'BOT'"),
        Arguments.of("voice-missing-transcript.json", "no 'Transcript'"),
        Arguments.of(
            "voice-offset-as-string.json",
            "Transcript[2].BeginOffsetMillis: expected a non-negative integer"),
        Arguments.of("voice-unknown-sentiment.json", "Transcript[1].Sentiment: expected POSITIVE"));
  }

  @Test
  void everyInvalidFixtureHasAnExpectedReason() {
    assertThat(Fixtures.invalid(KIND))
        .extracting(p -> p.getFileName().toString())
        .containsExactlyInAnyOrderElementsOf(
            invalidTranscripts().map(a -> (String) a.get()[0]).toList());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidTranscripts")
  void rejectsInvalidFixtureWithReason(String file, String reason) {
    String json = fixture("invalid", file);
    assertThatThrownBy(() -> parser.parse(json))
        .isInstanceOf(TranscriptFormatException.class)
        .hasMessageContaining(reason);
  }

  @Test
  void rejectsOtherUnusableFiles() throws Exception {
    assertThatThrownBy(() -> parser.parse("{\"Transcript\": [], \"LanguageCode\": \"en-US\"}"))
        .isInstanceOf(TranscriptFormatException.class)
        .hasMessageContaining("cannot tell the format");
    assertThatThrownBy(() -> parser.parse("{not json"))
        .isInstanceOf(TranscriptFormatException.class)
        .hasMessageContaining("not JSON");
    ObjectNode failed =
        (ObjectNode) Json.mapper().readTree(fixture("valid", "contact-lens-voice-1.1.0.json"));
    failed.put("JobStatus", "FAILED");
    assertThatThrownBy(() -> parser.parse(failed))
        .isInstanceOf(TranscriptFormatException.class)
        .hasMessageContaining("JobStatus is FAILED")
        .satisfies(
            e ->
                assertThat(((TranscriptFormatException) e).format())
                    .isEqualTo(TranscriptFormat.CONTACT_LENS_VOICE));
    ObjectNode backwards =
        (ObjectNode) Json.mapper().readTree(fixture("valid", "contact-lens-voice-1.1.0.json"));
    ((ObjectNode) backwards.get("Transcript").get(0))
        .put("EndOffsetMillis", 0)
        .put("BeginOffsetMillis", 10);
    assertThatThrownBy(() -> parser.parse(backwards))
        .hasMessageContaining("Transcript[0]: EndOffsetMillis 0 is before BeginOffsetMillis 10");
    ObjectNode unknownSpeaker =
        (ObjectNode)
            Json.mapper().readTree(fixture("valid", "contact-lens-voice-2022-no-metadata.json"));
    ((ObjectNode) unknownSpeaker.get("Transcript").get(0)).put("ParticipantId", "abc-123");
    assertThatThrownBy(() -> parser.parse(unknownSpeaker))
        .hasMessageContaining("Transcript[0].ParticipantId: 'abc-123' has no role in Participants");
  }

  @Test
  void validFixturesAllParse() throws Exception {
    for (Path p : Fixtures.valid(KIND)) {
      for (String json : records(p)) {
        CallTranscript t = parser.parse(json);
        assertThat(t.turns()).as(p.toString()).isNotEmpty();
        assertThat(t.languageCode()).isNotBlank();
      }
    }
  }

  @Test
  void parsingIsFast() throws Exception {
    byte[] voice =
        fixture("valid", "contact-lens-voice-1.1.0.json").getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < 2_000; i++) {
      parser.parse(voice); // warm-up
    }
    int n = 20_000;
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      parser.parse(voice);
    }
    double micros = (System.nanoTime() - start) / 1_000.0 / n;
    System.out.printf("TranscriptParser: %.1f us per %d-byte voice file%n", micros, voice.length);
    // generous bound for a shared 2-core machine; measured figures are in the report
    assertThat(micros).isLessThan(2_000.0);
  }
}
