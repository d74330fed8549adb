package com.cci.streaming.io.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.schemas.Json;
import com.cci.schemas.SchemaKind;
import com.cci.schemas.alarm.AlarmIds;
import com.cci.schemas.alarm.AlarmRule;
import com.cci.schemas.validation.ContractValidator;
import com.cci.streaming.records.AlarmEvent;
import com.cci.streaming.records.DeadLetter;
import com.cci.streaming.records.QueueMetrics;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KinesisSinkFactoryTest {
  static AlarmEvent alarm(String queue, long eventTime) {
    AlarmEvent a = new AlarmEvent();
    a.rule = AlarmRule.QUEUE_WAIT.name();
    a.alarmId = AlarmIds.of(AlarmRule.QUEUE_WAIT, queue, null, Instant.ofEpochMilli(eventTime));
    a.state = "RAISED";
    a.severity = "HIGH";
    a.queue = queue;
    a.value = 320;
    a.threshold = 300;
    a.eventTimeMs = eventTime;
    a.message = "A contact has waited 320 s in queue " + queue + " (threshold 300 s).";
    return a;
  }

  @Test
  void alarmsAreSerializedAsTheAlarmContract() throws Exception {
    long t = Instant.parse("2026-11-20T10:05:00Z").toEpochMilli();
    AlarmEvent a = alarm("Fraud", t);
    byte[] bytes = new AlarmSerializationSchema(() -> t + 150).serialize(a);
    String json = new String(bytes, StandardCharsets.UTF_8);

    assertThat(ContractValidator.shared().validate(SchemaKind.ALARM, json, "alarm").valid())
        .as(json)
        .isTrue();
    JsonNode n = Json.mapper().readTree(json);
    assertThat(n.get("alarmId").asText()).isEqualTo(a.alarmId);
    assertThat(n.get("emittedAt").asText()).isEqualTo("2026-11-20T10:05:00.150Z");
    assertThat(n.get("eventTime").asText()).isEqualTo("2026-11-20T10:05:00Z");
    assertThat(new KinesisSinkFactory.AlarmPartitionKey().apply(a)).isEqualTo(a.alarmId);
  }

  @Test
  void metricsAndDeadLettersAreJsonWithTheirPartitionKeys() throws Exception {
    QueueMetrics m = new QueueMetrics();
    m.queue = "Cards";
    m.queueId = "q-1";
    m.offered = 5;
    JsonNode mj = Json.mapper().readTree(new JsonSerializationSchema<QueueMetrics>().serialize(m));
    assertThat(mj.get("queue").asText()).isEqualTo("Cards");
    assertThat(mj.get("offered").asLong()).isEqualTo(5);
    assertThat(new KinesisSinkFactory.QueueMetricsPartitionKey().apply(m)).isEqualTo("Cards");

    DeadLetter d = DeadLetter.of("ctr", "{not json", "not JSON: unexpected end", 1L);
    JsonNode dj = Json.mapper().readTree(new JsonSerializationSchema<DeadLetter>().serialize(d));
    assertThat(dj.get("payload").asText()).isEqualTo("{not json");
    assertThat(dj.get("sourceStream").asText()).isEqualTo("ctr");
    assertThat(new KinesisSinkFactory.DeadLetterPartitionKey().apply(d)).isEqualTo("ctr");
  }

  @Test
  void partitionKeysFallBackAndStayWithinKinesisLimits() {
    AlarmEvent noId = alarm("Fraud", 0);
    noId.alarmId = null;
    assertThat(new KinesisSinkFactory.AlarmPartitionKey().apply(noId)).isEqualTo("Fraud");
    assertThat(new KinesisSinkFactory.AlarmPartitionKey().apply(new AlarmEvent()))
        .isEqualTo(PartitionKeys.FALLBACK);
    QueueMetrics m = new QueueMetrics();
    m.queue = "x".repeat(300);
    assertThat(new KinesisSinkFactory.QueueMetricsPartitionKey().apply(m)).hasSize(256);
  }

  @Test
  void sinksBuildForEveryOutput() {
    KinesisSinkFactory f =
        new KinesisSinkFactory(KinesisConfig.local(URI.create("http://127.0.0.1:1"), Map.of()));
    assertThat(f.alarms()).isNotNull();
    assertThat(f.queueMetrics()).isNotNull();
    assertThat(f.deadLetters()).isNotNull();
  }
}
