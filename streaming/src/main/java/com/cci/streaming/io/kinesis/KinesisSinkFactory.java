package com.cci.streaming.io.kinesis;

import com.cci.kinesis.Streams;
import com.cci.streaming.records.AlarmEvent;
import com.cci.streaming.records.DeadLetter;
import com.cci.streaming.records.QueueMetrics;
import java.util.Objects;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.kinesis.sink.KinesisStreamsSink;
import org.apache.flink.connector.kinesis.sink.PartitionKeyGenerator;

/**
 * Builds the job's Kinesis sinks ({@link KinesisStreamsSink}, the async sink of
 * flink-connector-kinesis 4.3) for alarms, queue metrics and dead letters, each record one JSON
 * document.
 *
 * <p><b>Latency:</b> the connector buffers up to 5 s by default; here a record leaves after at most
 * {@link KinesisConfig#sinkMaxTimeInBufferMs()} (50 ms) or when {@link
 * KinesisConfig#sinkMaxBatchSize()} records are buffered, so an alarm reaches the stream well
 * within a second.
 *
 * <p><b>Errors ({@code failOnError = false}, deliberately):</b> entries that Kinesis rejects inside
 * a successful PutRecords call (throttling: {@code ProvisionedThroughputExceededException}, {@code
 * InternalFailure}) are re-queued and retried by the connector instead of failing the job — a
 * restart would replay from the last checkpoint and delay every alarm by the restart time, and
 * throttling is transient. Non-retryable errors (stream missing, access denied, invalid
 * credentials) still fail the job: the connector classifies them as fatal whatever this flag says,
 * and Flink's restart strategy takes over. Together with checkpointing (the sink flushes its buffer
 * before a checkpoint completes) delivery is at-least-once; consumers de-duplicate alarms on {@code
 * alarmId} + {@code state}.
 *
 * <p><b>Partition keys:</b> alarms by {@code alarmId} (so RAISED and CLEARED of one episode stay in
 * order on one shard); queue metrics by queue name (one queue's windows in order); dead letters by
 * source stream.
 */
public final class KinesisSinkFactory {
  private final KinesisConfig config;

  public KinesisSinkFactory(KinesisConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** Alarm stream sink: the {@code alarm} contract JSON, {@code emittedAt} stamped on the way. */
  public KinesisStreamsSink<AlarmEvent> alarms() {
    return build(Streams.ALARMS, new AlarmSerializationSchema(), new AlarmPartitionKey());
  }

  /** Queue-metrics stream sink: one JSON object per queue per slide. */
  public KinesisStreamsSink<QueueMetrics> queueMetrics() {
    return build(
        Streams.QUEUE_METRICS,
        new JsonSerializationSchema<QueueMetrics>(),
        new QueueMetricsPartitionKey());
  }

  /** Dead-letter stream sink: source stream, reason, raw payload. */
  public KinesisStreamsSink<DeadLetter> deadLetters() {
    return build(
        Streams.DEAD_LETTER,
        new JsonSerializationSchema<DeadLetter>(),
        new DeadLetterPartitionKey());
  }

  /** A sink for any logical stream, with the shared buffering and error settings. */
  public <T> KinesisStreamsSink<T> build(
      String logical, SerializationSchema<T> schema, PartitionKeyGenerator<T> keys) {
    return KinesisStreamsSink.<T>builder()
        .setKinesisClientProperties(config.clientProperties())
        .setStreamArn(config.streamArn(logical))
        .setSerializationSchema(schema)
        .setPartitionKeyGenerator(keys)
        .setFailOnError(false)
        .setMaxBatchSize(config.sinkMaxBatchSize())
        .setMaxInFlightRequests(config.sinkMaxInFlightRequests())
        .setMaxBufferedRequests(config.sinkMaxBufferedRequests())
        .setMaxTimeInBufferMS(config.sinkMaxTimeInBufferMs())
        .build();
  }

  /** Partition key of an alarm: its {@code alarmId}; the queue (or contact) if an id is missing. */
  public static final class AlarmPartitionKey implements PartitionKeyGenerator<AlarmEvent> {
    private static final long serialVersionUID = 1L;

    @Override
    public String apply(AlarmEvent a) {
      return PartitionKeys.firstNonBlank(a.alarmId, a.queue, a.contactId, a.rule);
    }
  }

  /** Partition key of queue metrics: the queue name (queue id if the name is missing). */
  public static final class QueueMetricsPartitionKey
      implements PartitionKeyGenerator<QueueMetrics> {
    private static final long serialVersionUID = 1L;

    @Override
    public String apply(QueueMetrics m) {
      return PartitionKeys.firstNonBlank(m.queue, m.queueId);
    }
  }

  /** Partition key of a dead letter: the logical source stream. */
  public static final class DeadLetterPartitionKey implements PartitionKeyGenerator<DeadLetter> {
    private static final long serialVersionUID = 1L;

    @Override
    public String apply(DeadLetter d) {
      return PartitionKeys.firstNonBlank(d.sourceStream);
    }
  }
}
