package com.cci.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.streaming.config.JobConfig;
import com.cci.streaming.config.PropertyGroups;
import com.cci.streaming.functions.queue.QueueRulesConfig;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

/** How {@link AlarmWorkflow} configures the queue rules for bounded (replay) and live inputs. */
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
  }
}
