package com.cci.streaming;

import com.cci.kinesis.Streams;
import com.cci.streaming.config.JobConfig;
import com.cci.streaming.io.kinesis.KinesisConfig;
import com.cci.streaming.io.kinesis.KinesisSinkFactory;
import com.cci.streaming.io.kinesis.KinesisSourceFactory;
import com.cci.streaming.metrics.AlarmMetrics;
import com.cci.streaming.metrics.EmfFormatter;
import com.cci.streaming.metrics.EmfQueueMetricsSink;
import com.cci.streaming.records.AlarmEvent;
import com.cci.streaming.records.DeadLetter;
import com.cci.streaming.records.QueueMetrics;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Kinesis sources and sinks of the job, built by the {@code io.kinesis} factories from group {@code
 * kinesis} ({@link KinesisConfig}); queue metrics also go to the log as CloudWatch EMF.
 */
final class KinesisIo {
  private KinesisIo() {}

  static AlarmWorkflow.Inputs inputs(StreamExecutionEnvironment env, JobConfig cfg) {
    return inputs(env, KinesisConfig.from(cfg.properties()));
  }

  static AlarmWorkflow.Inputs inputs(StreamExecutionEnvironment env, KinesisConfig kc) {
    KinesisSourceFactory f = new KinesisSourceFactory(kc);
    return new AlarmWorkflow.Inputs(
        f.stream(env, Streams.CTR),
        f.stream(env, Streams.CONTACT_EVENTS),
        f.stream(env, Streams.CONTACT_LENS),
        f.stream(env, Streams.FULFILLMENT));
  }

  static AlarmWorkflow.SinkApplier sinks(JobConfig cfg) {
    return new Sinks(KinesisConfig.from(cfg.properties()));
  }

  /** Alarms, queue metrics and dead letters to their Kinesis streams; queue metrics also as EMF. */
  static final class Sinks implements AlarmWorkflow.SinkApplier {
    private final KinesisSinkFactory factory;

    Sinks(KinesisConfig kc) {
      this.factory = new KinesisSinkFactory(kc);
    }

    @Override
    public void apply(
        DataStream<AlarmEvent> alarms,
        DataStream<QueueMetrics> queueMetrics,
        DataStream<DeadLetter> deadLetters) {
      alarms
          .map(new AlarmMetrics())
          .name("alarm metrics")
          .uid("alarm-metrics")
          .sinkTo(factory.alarms())
          .name("kinesis alarms")
          .uid("sink-alarms");
      queueMetrics
          .sinkTo(factory.queueMetrics())
          .name("kinesis queue-metrics")
          .uid("sink-queue-metrics");
      queueMetrics
          .sinkTo(new EmfQueueMetricsSink(EmfFormatter.DEFAULT_NAMESPACE))
          .name("emf queue-metrics")
          .uid("sink-queue-metrics-emf");
      deadLetters.sinkTo(factory.deadLetters()).name("kinesis dead-letter").uid("sink-dead-letter");
    }
  }
}
