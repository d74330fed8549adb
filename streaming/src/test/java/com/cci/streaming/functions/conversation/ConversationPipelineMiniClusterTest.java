package com.cci.streaming.functions.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.kinesis.StreamRecord;
import com.cci.kinesis.Streams;
import com.cci.sim.Scenario;
import com.cci.sim.SimulationOptions;
import com.cci.sim.Simulator;
import com.cci.sim.SimulatorContent;
import com.cci.streaming.records.AlarmEvent;
import com.cci.streaming.records.FulfillmentRecord;
import com.cci.streaming.records.SegmentRecord;
import com.cci.streaming.testing.SimRecords;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link ConversationPipeline#define} on a MiniCluster at parallelism 2 over the incident hour: the
 * same alarm episodes (ids and states) as the functions produce in the harness run of {@link
 * ConversationSimulatorTest}, with POJO serializers only (generic types disabled).
 */
class ConversationPipelineMiniClusterTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  private static final SimulationOptions INCIDENT_HOUR =
      SimulationOptions.seed(7).withStartTime(LocalTime.of(10, 0)).withHours(1.0);

  @Test
  void sameEpisodesAsTheFunctionsAtParallelismTwo() throws Exception {
    List<SegmentRecord> segments = new ArrayList<>();
    List<FulfillmentRecord> fulfillment = new ArrayList<>();
    Simulator sim =
        new Simulator(
            Scenario.load("incident"),
            INCIDENT_HOUR,
            SimulatorContent.generator(),
            SimulatorContent.renderer());
    for (var it = sim.records(null); it.hasNext(); ) {
      StreamRecord r = it.next();
      if (r.stream().equals(Streams.CONTACT_LENS)) {
        segments.add(SimRecords.segment(r.json(), r.arrival().toEpochMilli()));
      } else if (r.stream().equals(Streams.FULFILLMENT)) {
        fulfillment.add(SimRecords.fulfillment(r.json()));
      }
    }

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    env.getConfig().disableGenericTypes();
    DataStream<SegmentRecord> seg =
        env.fromData(segments)
            .assignTimestampsAndWatermarks(
                WatermarkStrategy.<SegmentRecord>forBoundedOutOfOrderness(Duration.ofSeconds(10))
                    .withTimestampAssigner(new SegmentTime()));
    DataStream<FulfillmentRecord> ful =
        env.fromData(fulfillment)
            .assignTimestampsAndWatermarks(
                WatermarkStrategy.<FulfillmentRecord>forBoundedOutOfOrderness(
                        Duration.ofSeconds(10))
                    .withTimestampAssigner(new FulfillmentTime()));
    List<AlarmEvent> alarms = new ArrayList<>();
    try (var it =
        ConversationPipeline.define(seg, ful, ConversationRulesConfig.defaults())
            .executeAndCollect()) {
      it.forEachRemaining(alarms::add);
    }

    ConversationSimulatorTest.Run reference =
        ConversationSimulatorTest.run("incident", INCIDENT_HOUR);
    assertThat(episodes(alarms)).isEqualTo(episodes(reference.alarms()));
    assertThat(alarms).hasSameSizeAs(reference.alarms());
    assertThat(alarms.stream().filter(a -> a.rule.equals("FRAUD_CATEGORY")).count())
        .isGreaterThan(100);
  }

  private static Set<String> episodes(List<AlarmEvent> alarms) {
    return alarms.stream()
        .map(a -> a.rule + " " + a.state + " " + a.alarmId)
        .collect(Collectors.toSet());
  }

  static final class SegmentTime implements SerializableTimestampAssigner<SegmentRecord> {
    @Override
    public long extractTimestamp(SegmentRecord r, long previous) {
      return r.eventTimeMs;
    }
  }

  static final class FulfillmentTime implements SerializableTimestampAssigner<FulfillmentRecord> {
    @Override
    public long extractTimestamp(FulfillmentRecord r, long previous) {
      return r.eventTimeMs;
    }
  }
}
