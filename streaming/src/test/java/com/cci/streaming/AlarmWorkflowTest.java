package com.cci.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.streaming.config.JobConfig;
import com.cci.streaming.config.PropertyGroups;
import com.cci.streaming.functions.bot.FulfillmentEventTimeOrder;
import com.cci.streaming.functions.queue.QueueRulesConfig;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

/**
 * How {@link AlarmWorkflow} configures the queue and bot rules for bounded (replay) and live inputs
 * in both evaluation orders.
 */
class AlarmWorkflowTest {
  @Test
  void boundedInputsRunTheQueueRulesInEventTimeOrderWithoutTheWaitFallback() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    DataStream<String> s = env.fromData(List.of("x"), Types.STRING);
    JobConfig cfg = JobConfig.from(PropertyGroups.fromDevResource());
    assertThat(cfg.queueRules().waitFallbackMs()).isPositive();

    QueueRulesConfig live = AlarmWorkflow.queueRules(new AlarmWorkflow.Inputs(s, s, s, s), cfg);
    assertThat(live.waitFallbackMs()).isEqualTo(cfg.queueRules().waitFallbackMs());
    assertThat(live.eventTimeOrder()).isFalse();

    QueueRulesConfig replay =
        AlarmWorkflow.queueRules(new AlarmWorkflow.Inputs(s, s, s, s, true), cfg);
    assertThat(replay.waitFallbackMs()).isZero();
    assertThat(replay.eventTimeOrder()).isTrue();
    assertThat(replay.windowLengthMs()).isEqualTo(cfg.queueRules().windowLengthMs());
    assertThat(replay.queues()).isEqualTo(cfg.queueRules().queues());
    assertThat(AlarmWorkflow.eventTimeOrder(new AlarmWorkflow.Inputs(s, s, s, s), cfg)).isFalse();
    assertThat(AlarmWorkflow.eventTimeOrder(new AlarmWorkflow.Inputs(s, s, s, s, true), cfg))
        .isTrue();
  }

  @Test
  void liveInputsRunInEventTimeOrderWhenConfigured() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    DataStream<String> s = env.fromData(List.of("x"), Types.STRING);
    JobConfig cfg =
        JobConfig.from(
            PropertyGroups.fromDevResource().with("rules", "evaluation-order", "event-time"));
    AlarmWorkflow.Inputs live = new AlarmWorkflow.Inputs(s, s, s, s);
    assertThat(AlarmWorkflow.eventTimeOrder(live, cfg)).isTrue();
    QueueRulesConfig q = AlarmWorkflow.queueRules(live, cfg);
    assertThat(q.eventTimeOrder()).isTrue();
    assertThat(q.waitFallbackMs()).isZero();
    // the bot rules read the fulfillment records through the event-time sorter
    AlarmWorkflow.define(env, live, cfg, (alarms, metrics, deadLetters) -> {});
    assertThat(env.getStreamGraph(false).getStreamNodes())
        .extracting(n -> n.getTransformationUID())
        .contains(FulfillmentEventTimeOrder.UID);
  }

  @Test
  void arrivalOrderHasNoSorterInFrontOfTheBotRules() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    DataStream<String> s = env.fromData(List.of("x"), Types.STRING);
    JobConfig cfg = JobConfig.from(PropertyGroups.fromDevResource());
    AlarmWorkflow.define(env, new AlarmWorkflow.Inputs(s, s, s, s), cfg, (a, m, d) -> {});
    assertThat(env.getStreamGraph(false).getStreamNodes())
        .extracting(n -> n.getTransformationUID())
        .doesNotContain(FulfillmentEventTimeOrder.UID);
  }
}
