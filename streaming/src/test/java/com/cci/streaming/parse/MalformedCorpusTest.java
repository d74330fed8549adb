package com.cci.streaming.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.kinesis.Streams;
import com.cci.streaming.config.ParseSettings;
import com.cci.streaming.records.DeadLetter;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The malformed-record corpus: every record goes to the dead-letter side output with a reason
 * naming the problem; nothing is emitted and nothing throws.
 */
class MalformedCorpusTest {
  static final long NOW = Instant.parse("2026-11-20T16:00:00Z").toEpochMilli();
  static final ParseSettings PS = ParseSettings.defaults();

  static final String CTR_OK =
      "{\"ContactId\":\"c-1\",\"Channel\":\"VOICE\",\"InitiationTimestamp\":\"2026-11-20T15:00:00Z\","
          + "\"LastUpdateTimestamp\":\"2026-11-20T15:05:00Z\"}";
  static final String EVENT_OK =
      "{\"version\":\"0\",\"id\":\"e\",\"detail-type\":\"Amazon Connect Contact Event\","
          + "\"source\":\"aws.connect\",\"time\":\"2026-11-20T15:00:01Z\",\"detail\":{"
          + "\"eventType\":\"INITIATED\",\"contactId\":\"c-1\",\"channel\":\"VOICE\","
          + "\"initiationTimestamp\":\"2026-11-20T15:00:00.500Z\"}}";

  static Stream<Arguments> corpus() {
    String big = "{\"ContactId\":\"" + "x".repeat(300_000) + "\"}";
    return Stream.of(
        // stream, raw, reason must contain
        Arguments.of(Streams.CTR, "", "empty record"),
        Arguments.of(Streams.CTR, "   ", "whitespace only"),
        Arguments.of(Streams.CTR, CTR_OK.substring(0, 60), "truncated JSON"),
        Arguments.of(Streams.CTR, "\u0000\u0001\u00ff\ufffdPK", "binary"),
        Arguments.of(Streams.CTR, "{\u0001\u0002garbage", "malformed JSON"),
        Arguments.of(Streams.CTR, "[1,2,3]", "not a JSON object"),
        Arguments.of(Streams.CTR, big, "exceeds the cap of 262144 chars"),
        Arguments.of(Streams.CTR, CTR_OK.replace("\"c-1\"", "{\"id\":1}"), "ContactId"),
        Arguments.of(
            Streams.CTR, CTR_OK.replace("\"ContactId\":\"c-1\",", ""), "missing ContactId"),
        Arguments.of(
            Streams.CTR,
            CTR_OK.replace("\"2026-11-20T15:05:00Z\"", "\"20/11/2026 15:05\""),
            "LastUpdateTimestamp"),
        Arguments.of(
            Streams.CTR,
            CTR_OK.replace("\"2026-11-20T15:05:00Z\"", "1763650000"),
            "LastUpdateTimestamp"),
        Arguments.of(
            Streams.CTR,
            CTR_OK.replace("2026-11-20T15:05:00Z", "2036-11-20T15:05:00Z"),
            "is in the future"),
        Arguments.of(
            Streams.CTR,
            CTR_OK.replace("2026-11-20T15:05:00Z", "1970-01-01T00:00:00Z"),
            "implausibly old"),
        Arguments.of(
            Streams.CTR,
            "{\"AWSAccountId\":\"1\",\"AgentARN\":\"arn:aws:connect:us-east-1:1:instance/i/agent/a\","
                + "\"EventType\":\"HEART_BEAT\",\"EventTimestamp\":\"2026-11-20T15:00:00Z\","
                + "\"CurrentAgentSnapshot\":{}}",
            "agent event on the CTR stream"),
        Arguments.of(Streams.CTR, CTR_OK + "{}", "malformed JSON"),
        Arguments.of(Streams.CONTACT_EVENTS, EVENT_OK.replace("\"c-1\"", "17"), "detail.contactId"),
        Arguments.of(
            Streams.CONTACT_EVENTS,
            EVENT_OK.replace("\"contactId\":\"c-1\",", ""),
            "missing detail.contactId"),
        Arguments.of(
            Streams.CONTACT_EVENTS,
            EVENT_OK.replace("\"INITIATED\"", "\"initiated\""),
            "must be upper case"),
        Arguments.of(
            Streams.CONTACT_EVENTS,
            EVENT_OK.replace("\"INITIATED\"", "\"QUEUED\""),
            "QUEUED event without detail.queueInfo.queueArn"),
        Arguments.of(
            Streams.CONTACT_EVENTS,
            EVENT_OK.replace("Amazon Connect Contact Event", "Something Else"),
            "detail-type 'Something Else'"),
        Arguments.of(
            Streams.CONTACT_EVENTS,
            EVENT_OK.replace("2026-11-20T15:00:00.500Z", "2099-01-01T00:00:00Z"),
            "in the future"),
        Arguments.of(Streams.CONTACT_EVENTS, "{\"foo\":1}", "missing detail.contactId"),
        Arguments.of(
            Streams.CONTACT_LENS,
            "{\"Version\":\"1.0.0\",\"Channel\":\"VOICE\",\"EventType\":\"STARTED\"}",
            "missing ContactId"),
        Arguments.of(
            Streams.CONTACT_LENS,
            "{\"Version\":\"3.0.0\",\"ContactId\":\"c\",\"EventType\":\"STARTED\"}",
            "Version '3.0.0'"),
        Arguments.of(
            Streams.CONTACT_LENS,
            "{\"Version\":\"1.0.0\",\"ContactId\":\"c\",\"EventType\":\"SEGMENTS\",\"Segments\":"
                + "[{\"Transcript\":{\"Id\":\"t\",\"ParticipantRole\":\"CUSTOMER\","
                + "\"EndOffsetMillis\":\"soon\",\"Sentiment\":\"NEGATIVE\"}}]}",
            "EndOffsetMillis"),
        Arguments.of(
            Streams.CONTACT_LENS,
            "{\"Version\":\"2.0.0\",\"ContactId\":\"c\",\"StreamingEventType\":\"SEGMENTS\","
                + "\"Segments\":[{\"Transcript\":{\"Id\":\"t\",\"ParticipantRole\":\"CUSTOMER\","
                + "\"Time\":{\"AbsoluteTime\":\"2030-01-01T00:00:00Z\"}}}]}",
            "in the future"),
        Arguments.of(
            Streams.FULFILLMENT,
            "{\"eventId\":\"e\",\"eventTime\":\"yesterday\",\"outcome\":\"FULFILLED\","
                + "\"authResult\":\"NONE\"}",
            "eventTime"),
        Arguments.of(
            Streams.FULFILLMENT,
            "{\"eventId\":\"e\",\"eventTime\":\"2026-11-20T15:00:00.000Z\",\"outcome\":\"MAYBE\","
                + "\"authResult\":\"NONE\"}",
            "outcome"),
        Arguments.of(
            Streams.FULFILLMENT,
            "{\"eventTime\":\"2026-11-20T15:00:00.000Z\",\"outcome\":\"FULFILLED\","
                + "\"authResult\":\"NONE\"}",
            "missing eventId"),
        Arguments.of(
            Streams.FULFILLMENT,
            "{\"eventId\":\"e\",\"eventTime\":\"2026-11-20T15:00:00.000Z\",\"outcome\":\"FAILED\","
                + "\"authResult\":\"NONE\",\"latencyMs\":\"fast\"}",
            "latencyMs"));
  }

  @ParameterizedTest(name = "{index} {0} {2}")
  @MethodSource("corpus")
  void everyMalformedRecordIsDeadLetteredWithAReason(String stream, String raw, String reason)
      throws Exception {
    ParseFunction<?> fn = new ParseFunction<>(parser(stream), PS.deadLetterMaxPayloadChars);
    try (OneInputStreamOperatorTestHarness<String, ?> h =
        new OneInputStreamOperatorTestHarness<>(new ProcessOperator<>(fn))) {
      h.open();
      h.setProcessingTime(NOW);
      h.processElement(raw, 1L);
      assertThat(h.extractOutputValues()).isEmpty();
      List<DeadLetter> dead =
          h.getSideOutput(DeadLetters.TAG).stream().map(r -> r.getValue()).toList();
      assertThat(dead).hasSize(1);
      DeadLetter d = dead.get(0);
      assertThat(d.sourceStream).isEqualTo(stream);
      assertThat(d.reason).contains(reason).doesNotStartWith("parser error");
      assertThat(d.payloadLength).isEqualTo(raw.length());
      assertThat(d.payload).isEqualTo(raw.substring(0, Math.min(raw.length(), 262144)));
      assertThat(d.rejectedAtMs).isEqualTo(NOW);
    }
  }

  static RecordParser<?> parser(String stream) {
    return switch (stream) {
      case Streams.CTR -> new CtrParser(PS);
      case Streams.CONTACT_EVENTS -> new ContactEventParser(PS);
      case Streams.CONTACT_LENS -> new SegmentParser(PS);
      case Streams.FULFILLMENT -> new FulfillmentParser(PS);
      default -> throw new IllegalArgumentException(stream);
    };
  }
}
