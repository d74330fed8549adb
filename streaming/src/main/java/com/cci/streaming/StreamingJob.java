package com.cci.streaming;

import com.cci.streaming.config.JobConfig;
import com.cci.streaming.config.JobSettings;
import com.cci.streaming.config.PropertyGroups;
import java.nio.file.Path;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The job's main on Amazon Managed Service for Apache Flink: load and validate the configuration
 * (runtime properties; a file given as the first argument, or the checked-in dev JSON, when not on
 * Managed Flink), set checkpointing and the restart strategy, build the graph with {@link
 * AlarmWorkflow} on Kinesis sources and sinks, execute. Local runs go through {@code
 * com.cci.streaming.cli.StreamingCommand}.
 */
public final class StreamingJob {
  private StreamingJob() {}

  public static void main(String[] args) throws Exception {
    PropertyGroups props = PropertyGroups.load(args.length > 0 ? Path.of(args[0]) : null);
    JobConfig cfg = JobConfig.forKinesis(props);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    configure(env, cfg.job(), true);
    defineOnKinesis(env, cfg);
    env.execute("cci-streaming");
  }

  /** The job graph on Kinesis sources and sinks. */
  public static AlarmWorkflow.Outputs defineOnKinesis(
      StreamExecutionEnvironment env, JobConfig cfg) {
    return AlarmWorkflow.define(env, KinesisIo.inputs(env, cfg), cfg, KinesisIo.sinks(cfg));
  }

  /**
   * Applies parallelism, the network buffer timeout, checkpointing (exactly-once, interval and
   * minimum pause from the config) and the restart strategy; {@code checkpointing} false for
   * bounded replay runs.
   */
  public static void configure(
      StreamExecutionEnvironment env, JobSettings s, boolean checkpointing) {
    env.getConfig().disableGenericTypes();
    if (s.parallelism > 0) {
      env.setParallelism(s.parallelism);
    }
    env.setBufferTimeout(s.bufferTimeout.toMillis());
    if (checkpointing) {
      env.enableCheckpointing(s.checkpointInterval.toMillis()); // exactly-once is the default mode
      env.getCheckpointConfig().setMinPauseBetweenCheckpoints(s.checkpointMinPause.toMillis());
    }
    env.configure(restartStrategy(s));
  }

  /** The restart strategy settings as Flink configuration. */
  public static Configuration restartStrategy(JobSettings s) {
    Configuration c = new Configuration();
    switch (s.restartStrategy) {
      case FIXED_DELAY -> {
        c.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        c.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, s.restartAttempts);
        c.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, s.restartDelay);
      }
      case EXPONENTIAL -> {
        c.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
        c.set(
            RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF,
            s.restartDelay);
        c.set(
            RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF,
            s.restartMaxDelay);
      }
    }
    return c;
  }
}
