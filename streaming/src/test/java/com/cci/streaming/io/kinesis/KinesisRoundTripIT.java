package com.cci.streaming.io.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.kinesis.KinesisPlayer;
import com.cci.kinesis.KinesisTail;
import com.cci.kinesis.PlayReport;
import com.cci.kinesis.StreamRecord;
import com.cci.kinesis.Streams;
import com.cci.kinesis.TailRecord;
import com.cci.local.LocalStackExtension;
import com.cci.schemas.Json;
import com.cci.schemas.SchemaKind;
import com.cci.schemas.alarm.AlarmIds;
import com.cci.schemas.alarm.AlarmRule;
import com.cci.schemas.validation.ContractValidator;
import com.cci.schemas.validation.ValidationResult;
import com.cci.streaming.records.AlarmEvent;
import com.cci.streaming.records.DeadLetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * The Kinesis source and sinks on their own, on kinesis-mock: a trivial job reads an input stream
 * through {@link KinesisSourceFactory} and writes every record to the alarm and dead-letter streams
 * through {@link KinesisSinkFactory}; everything put arrives, in the contract's shape, with the
 * documented partition keys.
 */
class KinesisRoundTripIT {
  static final String IN = "cci-rt-in";
  static final String ALARMS = "cci-rt-alarms";
  static final String DEAD = "cci-rt-dead-letter";
  static final int RECORDS = 60;

  @RegisterExtension
  static final LocalStackExtension STACK =
      LocalStackExtension.kinesis().ignoreEnvironment().streams(2, IN, ALARMS, DEAD);

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  /** Input record i -> a QUEUE_WAIT alarm whose fields derive from the record. */
  static final class ToAlarm implements MapFunction<String, AlarmEvent> {
    @Override
    public AlarmEvent map(String json) throws Exception {
      JsonNode n = Json.mapper().readTree(json);
      long t = n.get("t").asLong();
      String queue = n.get("queue").asText();
      AlarmEvent a = new AlarmEvent();
      a.rule = AlarmRule.QUEUE_WAIT.name();
      a.alarmId = AlarmIds.of(AlarmRule.QUEUE_WAIT, queue, null, Instant.ofEpochMilli(t));
      a.state = "RAISED";
      a.severity = "HIGH";
      a.queue = queue;
      a.value = n.get("wait").asDouble();
      a.threshold = 300;
      a.eventTimeMs = t;
      a.message = "Longest wait in " + queue + " is " + a.value + " s (threshold 300 s).";
      return a;
    }
  }

  /** Every input record also goes to the dead-letter stream, verbatim. */
  static final class ToDeadLetter implements MapFunction<String, DeadLetter> {
    @Override
    public DeadLetter map(String json) {
      return DeadLetter.of(Streams.CTR, json, "round-trip test", 0L);
    }
  }

  static String input(int i) {
    long t = Instant.parse("2026-11-20T10:00:00Z").toEpochMilli() + i * 1000L;
    return "{\"queue\":\"Q" + i + "\",\"t\":" + t + ",\"wait\":" + (300 + i) + "}";
  }

  @Test
  void recordsGoThroughSourceAndSinks() throws Exception {
    KinesisConfig cfg =
        KinesisConfig.local(
            STACK.kinesisEndpoint(),
            Map.of(
                "stream." + Streams.CTR, IN, "stream.alarms", ALARMS, "stream.dead-letter", DEAD));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    env.getConfig().disableGenericTypes();
    DataStream<String> in = new KinesisSourceFactory(cfg).stream(env, Streams.CTR);
    KinesisSinkFactory sinks = new KinesisSinkFactory(cfg);
    in.map(new ToAlarm())
        .uid("to-alarm")
        .name("to-alarm")
        .sinkTo(sinks.alarms())
        .uid("sink-alarms");
    in.map(new ToDeadLetter())
        .uid("to-dead-letter")
        .name("to-dead-letter")
        .sinkTo(sinks.deadLetters())
        .uid("sink-dead-letter");

    try (KinesisClient kinesis = STACK.clients().kinesis()) {
      KinesisTail alarmTail = new KinesisTail(kinesis, ALARMS, KinesisTail.Start.TRIM_HORIZON);
      KinesisTail deadTail = new KinesisTail(kinesis, DEAD, KinesisTail.Start.TRIM_HORIZON);
      long submitted = System.nanoTime();
      JobClient job = env.executeAsync("kinesis-round-trip");
      try {
        // First half before the job has started reading, second half while it runs.
        put(kinesis, 0, RECORDS / 2);
        List<TailRecord> alarms = new ArrayList<>(alarmTail.await(1, Duration.ofSeconds(60)));
        long startup = System.nanoTime() - submitted;
        System.out.printf(
            "connector start-up (submit -> first alarm readable): %d ms%n", startup / 1_000_000);
        put(kinesis, RECORDS / 2, RECORDS);
        alarms.addAll(alarmTail.await(RECORDS - alarms.size(), Duration.ofSeconds(60)));
        List<TailRecord> dead = deadTail.await(RECORDS, Duration.ofSeconds(60));

        Set<String> expectedIds = new HashSet<>();
        for (int i = 0; i < RECORDS; i++) {
          expectedIds.add(new ToAlarm().map(input(i)).alarmId);
        }
        assertThat(alarms).hasSize(RECORDS);
        for (TailRecord r : alarms) {
          ValidationResult v =
              ContractValidator.shared().validate(SchemaKind.ALARM, r.data(), r.sequenceNumber());
          assertThat(v.valid()).as("%s", v).isTrue();
          JsonNode n = Json.mapper().readTree(r.data());
          assertThat(r.partitionKey()).isEqualTo(n.get("alarmId").asText());
          assertThat(n.get("emittedAt")).isNotNull();
        }
        assertThat(alarms.stream().map(TailRecord::partitionKey).collect(Collectors.toSet()))
            .isEqualTo(expectedIds);

        assertThat(dead).hasSize(RECORDS);
        Set<String> payloads = new HashSet<>();
        for (TailRecord r : dead) {
          assertThat(r.partitionKey()).isEqualTo(Streams.CTR);
          JsonNode n = Json.mapper().readTree(r.data());
          assertThat(n.get("sourceStream").asText()).isEqualTo(Streams.CTR);
          payloads.add(n.get("payload").asText());
        }
        Set<String> sent = new HashSet<>();
        for (int i = 0; i < RECORDS; i++) {
          sent.add(input(i));
        }
        assertThat(payloads).isEqualTo(sent);
        // Nothing beyond what was put.
        assertThat(alarmTail.drain(Duration.ofSeconds(1), Duration.ofSeconds(3))).isEmpty();
      } finally {
        job.cancel().get();
      }
    }
  }

  private static void put(KinesisClient kinesis, int from, int to) {
    List<StreamRecord> records = new ArrayList<>();
    Instant now = Instant.now();
    for (int i = from; i < to; i++) {
      records.add(new StreamRecord(now, Streams.CTR, "contact-" + i, input(i)));
    }
    PlayReport report =
        KinesisPlayer.builder(kinesis)
            .speed(Double.POSITIVE_INFINITY)
            .streamName(l -> IN)
            .build()
            .play(records.iterator());
    assertThat(report.complete()).as(report.summary()).isTrue();
  }
}
