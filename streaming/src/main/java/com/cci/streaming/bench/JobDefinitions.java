package com.cci.streaming.bench;

import com.cci.kinesis.Streams;
import com.cci.streaming.StreamingJob;
import com.cci.streaming.config.JobConfig;
import com.cci.streaming.config.PropertyGroups;
import com.cci.streaming.io.kinesis.KinesisConfig;
import com.cci.streaming.io.kinesis.KinesisSinkFactory;
import com.cci.streaming.io.kinesis.KinesisSourceFactory;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** The job graphs the P2 benchmark can measure. */
final class JobDefinitions {
  static final String TRANSPORT = "transport";
  static final String FULL = "full";
  static final List<String> NAMES = List.of(FULL, TRANSPORT);

  private JobDefinitions() {}

  static void define(String name, StreamExecutionEnvironment env, KinesisConfig cfg) {
    switch (name) {
      case TRANSPORT -> transport(env, cfg);
      case FULL -> full(env, cfg);
      default -> throw new IllegalArgumentException("unknown job " + name + "; known: " + NAMES);
    }
  }

  /**
   * The whole job ({@code StreamingJob.defineOnKinesis}: parse, event time, queue and conversation
   * pipelines, all sinks) with the checked-in dev configuration pointed at the emulator, with its
   * checkpointing and restart settings.
   */
  static void full(StreamExecutionEnvironment env, KinesisConfig kc) {
    PropertyGroups props =
        PropertyGroups.fromDevResource()
            .with("kinesis", "endpoint", kc.endpoint().toString())
            .with(
                "kinesis", "sink.max-time-in-buffer-ms", Long.toString(kc.sinkMaxTimeInBufferMs()));
    JobConfig cfg = JobConfig.forKinesis(props);
    StreamingJob.configure(env, cfg.job(), true);
    StreamingJob.defineOnKinesis(env, cfg);
  }

  /** Kinesis source, the stateless fraud detector, Kinesis alarm sink. */
  static void transport(StreamExecutionEnvironment env, KinesisConfig cfg) {
    new KinesisSourceFactory(cfg)
        .stream(env, Streams.CONTACT_LENS)
            .flatMap(new FraudBreachDetector())
            .uid("bench-fraud-detector")
            .name("bench-fraud-detector")
            .sinkTo(new KinesisSinkFactory(cfg).alarms())
            .uid("sink-alarms")
            .name("sink-alarms");
  }
}
