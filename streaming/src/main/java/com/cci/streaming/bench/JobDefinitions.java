package com.cci.streaming.bench;

import com.cci.kinesis.Streams;
import com.cci.streaming.io.kinesis.KinesisConfig;
import com.cci.streaming.io.kinesis.KinesisSinkFactory;
import com.cci.streaming.io.kinesis.KinesisSourceFactory;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** The job graphs the P2 benchmark can measure. */
final class JobDefinitions {
  static final String TRANSPORT = "transport";
  static final List<String> NAMES = List.of(TRANSPORT);

  private JobDefinitions() {}

  static void define(String name, StreamExecutionEnvironment env, KinesisConfig cfg) {
    switch (name) {
      case TRANSPORT -> transport(env, cfg);
      default -> throw new IllegalArgumentException("unknown job " + name + "; known: " + NAMES);
    }
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
