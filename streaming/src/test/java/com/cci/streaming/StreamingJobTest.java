package com.cci.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.streaming.config.JobConfig;
import com.cci.streaming.config.PropertyGroups;
import java.time.Duration;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

class StreamingJobTest {
  @Test
  void checkpointingIsExactlyOnceAtTheConfiguredInterval() {
    JobConfig cfg = JobConfig.from(PropertyGroups.fromDevResource());
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    StreamingJob.configure(env, cfg.job(), true);
    assertThat(env.getCheckpointConfig().getCheckpointInterval()).isEqualTo(10_000);
    assertThat(env.getCheckpointConfig().getCheckpointingConsistencyMode())
        .isEqualTo(CheckpointingMode.EXACTLY_ONCE);
    assertThat(env.getCheckpointConfig().getMinPauseBetweenCheckpoints()).isEqualTo(2_000);
    assertThat(env.getParallelism()).isEqualTo(2);
    assertThat(env.getConfig().hasGenericTypesDisabled()).isTrue();
    assertThat(env.getBufferTimeout()).isEqualTo(10);
  }

  @Test
  void bufferTimeoutFollowsTheConfig() {
    PropertyGroups dev = PropertyGroups.fromDevResource();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    StreamingJob.configure(
        env, JobConfig.from(dev.with("job", "buffer-timeout", "5ms")).job(), false);
    assertThat(env.getBufferTimeout()).isEqualTo(5);
    StreamingJob.configure(env, JobConfig.from(dev.without("job", "buffer-timeout")).job(), false);
    assertThat(env.getBufferTimeout()).as("default").isEqualTo(10);
  }

  @Test
  void restartStrategyFollowsTheConfig() {
    PropertyGroups dev = PropertyGroups.fromDevResource();
    Configuration exp = StreamingJob.restartStrategy(JobConfig.from(dev).job());
    assertThat(exp.get(RestartStrategyOptions.RESTART_STRATEGY)).isEqualTo("exponential-delay");
    assertThat(exp.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF))
        .isEqualTo(Duration.ofMinutes(1));
    Configuration fixed =
        StreamingJob.restartStrategy(
            JobConfig.from(
                    dev.with("job", "restart.strategy", "fixed-delay")
                        .with("job", "restart.attempts", "3")
                        .with("job", "restart.delay", "5s"))
                .job());
    assertThat(fixed.get(RestartStrategyOptions.RESTART_STRATEGY)).isEqualTo("fixed-delay");
    assertThat(fixed.get(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS))
        .isEqualTo(3);
    assertThat(fixed.get(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY))
        .isEqualTo(Duration.ofSeconds(5));
  }
}
