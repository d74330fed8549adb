package com.cci.streaming.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.streaming.config.ParseSettings;
import com.cci.streaming.records.ContactEventRecord;
import com.cci.streaming.records.CtrRecord;
import com.cci.streaming.records.DeadLetter;
import com.cci.streaming.records.FulfillmentRecord;
import com.cci.streaming.records.SegmentRecord;
import java.time.Instant;
import java.util.List;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** Parse functions on a harness: parsed records out, rejects to the side output, nothing lost. */
class ParseFunctionTest {
  static final long NOW = MalformedCorpusTest.NOW;
  static final ParseSettings PS = ParseSettings.defaults();

  static <T> OneInputStreamOperatorTestHarness<String, T> harness(RecordParser<T> p)
      throws Exception {
    var h =
        new OneInputStreamOperatorTestHarness<>(new ProcessOperator<>(new ParseFunction<>(p, 300)));
    h.open();
    h.setProcessingTime(NOW);
    return h;
  }

  @Test
  void ctrParsesAndRejectsSideBySide() throws Exception {
    try (var h = harness(new CtrParser(PS))) {
      String ok =
          "{\"ContactId\":\"c-1\",\"Channel\":\"voice\",\"InitiationMethod\":\"INBOUND\","
              + "\"InitiationTimestamp\":\"2026-11-20T15:00:00Z\","
              + "\"LastUpdateTimestamp\":\"2026-11-20T15:09:00Z\","
              + "\"DisconnectTimestamp\":\"2026-11-20T15:08:00Z\",\"DisconnectReason\":\"CUSTOMER_DISCONNECT\","
              + "\"Queue\":{\"ARN\":\"arn:aws:connect:us-east-1:1:instance/i/queue/q-9\",\"Name\":\"Fraud\","
              + "\"EnqueueTimestamp\":\"2026-11-20T15:01:00Z\",\"DequeueTimestamp\":\"2026-11-20T15:04:00Z\"},"
              + "\"Agent\":null,\"NewFieldFromAws\":{\"x\":1}}";
      h.processElement(ok, 1);
      h.processElement("not json " + "y".repeat(400), 2);
      List<CtrRecord> out = h.extractOutputValues();
      assertThat(out)
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c.contactId).isEqualTo("c-1");
                assertThat(c.channel).isEqualTo("VOICE");
                assertThat(c.queueId).isEqualTo("q-9");
                assertThat(c.queueName).isEqualTo("Fraud");
                assertThat(c.enqueueMs)
                    .isEqualTo(Instant.parse("2026-11-20T15:01:00Z").toEpochMilli());
                assertThat(c.dequeueMs)
                    .isEqualTo(Instant.parse("2026-11-20T15:04:00Z").toEpochMilli());
                assertThat(c.connectedToAgentMs).isNull();
                assertThat(c.abandonedInQueue()).isTrue();
                assertThat(c.lastUpdateMs)
                    .isEqualTo(Instant.parse("2026-11-20T15:09:00Z").toEpochMilli());
              });
      List<DeadLetter> dead =
          h.getSideOutput(DeadLetters.TAG).stream().map(StreamRecord::getValue).toList();
      assertThat(dead)
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.reason).isEqualTo("not a JSON object: starts with 'n' at char 0");
                assertThat(d.payload).hasSize(300); // cut to the configured cap
                assertThat(d.payloadLength).isEqualTo(409);
              });
    }
  }

  @Test
  void contactEventTimeIsTheTimeOfWhatItReports() throws Exception {
    String env =
        "{\"version\":\"0\",\"id\":\"e\",\"detail-type\":\"Amazon Connect Contact Event\","
            + "\"source\":\"aws.connect\",\"time\":\"2026-11-20T15:10:00Z\",\"detail\":%s}";
    String queued =
        "{\"eventType\":\"QUEUED\",\"contactId\":\"c\",\"channel\":\"VOICE\","
            + "\"initiationTimestamp\":\"2026-11-20T15:00:00.100Z\",\"queueInfo\":{\"queueArn\":"
            + "\"arn:aws:connect:us-east-1:1:instance/i/queue/q1\",\"enqueueTimestamp\":\"2026-11-20T15:01:02.345Z\"}}";
    String connected =
        "{\"eventType\":\"CONNECTED_TO_AGENT\",\"contactId\":\"c\",\"AgentInfo\":{\"AgentArn\":\"a\","
            + "\"ConnectedToAgentTimestamp\":\"2026-11-20T15:03:00.500Z\"}}";
    String disconnectedNoTs = "{\"eventType\":\"DISCONNECTED\",\"contactId\":\"c\"}";
    String unknownType = "{\"eventType\":\"SOMETHING_NEW\",\"contactId\":\"c\"}";
    try (var h = harness(new ContactEventParser(PS))) {
      h.processElement(String.format(env, queued), 1);
      h.processElement(String.format(env, connected), 2);
      h.processElement(String.format(env, disconnectedNoTs), 3);
      h.processElement(String.format(env, unknownType), 4);
      h.processElement(connected, 5); // bare detail: no envelope time needed, it has its own
      h.processElement(disconnectedNoTs, 6); // bare, no time at all: rejected
      List<ContactEventRecord> out = h.extractOutputValues();
      assertThat(out)
          .extracting(e -> e.eventType)
          .containsExactly(
              "QUEUED",
              "CONNECTED_TO_AGENT",
              "DISCONNECTED",
              "SOMETHING_NEW",
              "CONNECTED_TO_AGENT");
      assertThat(out)
          .extracting(e -> Instant.ofEpochMilli(e.eventTimeMs).toString())
          .containsExactly(
              "2026-11-20T15:01:02.345Z",
              "2026-11-20T15:03:00.500Z",
              "2026-11-20T15:10:00Z",
              "2026-11-20T15:10:00Z",
              "2026-11-20T15:03:00.500Z");
      assertThat(out.get(0).queueId).isEqualTo("q1");
      assertThat(h.getSideOutput(DeadLetters.TAG))
          .singleElement()
          .satisfies(
              r -> assertThat(r.getValue().reason).startsWith("no event time: DISCONNECTED"));
    }
  }

  @Test
  void segmentsKeepFinalTurnsAndCategories() throws Exception {
    String chat =
        "{\"Version\":\"2.0.0\",\"Channel\":\"CHAT\",\"ContactId\":\"c\",\"StreamingEventType\":\"SEGMENTS\","
            + "\"Segments\":[{\"Transcript\":{\"Id\":\"t1\",\"ParticipantRole\":\"CUSTOMER\",\"Content\":\"x\","
            + "\"Time\":{\"AbsoluteTime\":\"2026-11-20T15:04:07.987Z\"},\"Sentiment\":\"NEGATIVE\"}},"
            + "{\"Categories\":{\"MatchedDetails\":{\"FraudSuspected\":{}}}}]}";
    String voice =
        "{\"Version\":\"1.0.0\",\"Channel\":\"VOICE\",\"ContactId\":\"v\",\"EventType\":\"SEGMENTS\","
            + "\"Segments\":[{\"Utterance\":{\"Id\":\"u\",\"PartialContent\":\"a\",\"BeginOffsetMillis\":1,"
            + "\"EndOffsetMillis\":2}},{\"Transcript\":{\"Id\":\"t2\",\"ParticipantRole\":\"AGENT\","
            + "\"Content\":\"a b\",\"BeginOffsetMillis\":1,\"EndOffsetMillis\":9047,\"Sentiment\":\"POSITIVE\"}},"
            + "{\"Categories\":{\"MatchedCategories\":[\"Escalation\"]}}]}";
    try (var h = harness(new SegmentParser(PS))) {
      h.processElement(chat, 1);
      h.processElement(voice, 2);
      List<SegmentRecord> out = h.extractOutputValues();
      assertThat(out).hasSize(2);
      SegmentRecord c = out.get(0);
      assertThat(c.eventTimeMs).isEqualTo(Instant.parse("2026-11-20T15:04:07.987Z").toEpochMilli());
      assertThat(c.roles).containsExactly("CUSTOMER");
      assertThat(c.sentiments).containsExactly("NEGATIVE");
      assertThat(c.matchedCategories).containsExactly("FraudSuspected");
      SegmentRecord v = out.get(1);
      assertThat(v.eventTimeMs).isEqualTo(SegmentParser.UNTIMED);
      assertThat(v.turnIds).containsExactly("t2");
      assertThat(v.endOffsetsMs).containsExactly(9047L);
      assertThat(v.matchedCategories).containsExactly("Escalation");
    }
  }

  @Test
  void fulfillmentMapsEveryField() throws Exception {
    String ok =
        "{\"eventId\":\"e1\",\"eventTime\":\"2026-11-20T15:00:23.230Z\",\"tenantId\":\"t\",\"contactId\":\"c\","
            + "\"sessionIdHash\":\"h\",\"channel\":\"VOICE\",\"botId\":\"B\",\"botAliasId\":\"A\",\"localeId\":\"en_US\","
            + "\"intent\":\"Authenticate\",\"invocationSource\":\"DialogCodeHook\",\"outcome\":\"FAILED\","
            + "\"latencyMs\":201,\"authResult\":\"FAILURE\",\"authAttempt\":2,\"errorClass\":\"BACKEND_TIMEOUT\"}";
    try (var h = harness(new FulfillmentParser(PS))) {
      h.processElement(ok, 1);
      FulfillmentRecord f = h.extractOutputValues().get(0);
      assertThat(f.eventId).isEqualTo("e1");
      assertThat(f.eventTimeMs).isEqualTo(Instant.parse("2026-11-20T15:00:23.230Z").toEpochMilli());
      assertThat(f.outcome).isEqualTo("FAILED");
      assertThat(f.authResult).isEqualTo("FAILURE");
      assertThat(f.errorClass).isEqualTo("BACKEND_TIMEOUT");
      assertThat(f.isAuthFailure()).isTrue();
      assertThat(f.isError()).isTrue();
      assertThat(f.latencyMs).isEqualTo(201);
    }
  }
}
