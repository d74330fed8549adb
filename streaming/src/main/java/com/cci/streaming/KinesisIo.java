package com.cci.streaming;

import com.cci.streaming.config.JobConfig;

/**
 * Kinesis sources and sinks of the job. They are built by s-kinesis's {@code io.kinesis} factories
 * (KinesisSourceFactory, KinesisSinkFactory), which are not merged into this branch yet: until then
 * the Kinesis mode stops with a clear message (replay mode works).
 */
final class KinesisIo {
  private KinesisIo() {}

  static AlarmWorkflow.Inputs inputs(
      org.apache.flink.streaming.api.environment.StreamExecutionEnvironment env, JobConfig cfg) {
    throw new UnsupportedOperationException(
        "Kinesis I/O (io/kinesis, s-kinesis) is not part of this build yet; use --replay");
  }

  static AlarmWorkflow.SinkApplier sinks(JobConfig cfg) {
    throw new UnsupportedOperationException(
        "Kinesis I/O (io/kinesis, s-kinesis) is not part of this build yet; use --replay");
  }
}
