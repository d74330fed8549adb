package com.cci.streaming.io.kinesis;

import java.util.Objects;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.kinesis.source.KinesisStreamsSource;
import org.apache.flink.connector.kinesis.source.config.KinesisStreamsSourceConfigConstants;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Builds the job's Kinesis sources: the FLIP-27 {@link KinesisStreamsSource} of
 * flink-connector-kinesis 4.3, one per input stream, yielding each record's payload as a UTF-8
 * string (parsing, validation and event-time watermarks happen in the parse stage, so a record that
 * is not JSON still reaches the dead-letter output with its raw payload).
 *
 * <p>Sources are addressed by stream ARN (the connector requires it); endpoint, region and
 * credentials come from {@link KinesisConfig}. Shard discovery follows {@link
 * KinesisConfig#shardDiscoveryIntervalMs()}; the initial position only matters on a fresh start —
 * after a restore the source resumes from the sequence numbers in the checkpoint.
 */
public final class KinesisSourceFactory {
  private final KinesisConfig config;

  public KinesisSourceFactory(KinesisConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** The source for a logical input stream (e.g. {@code com.cci.kinesis.Streams.CTR}). */
  public KinesisStreamsSource<String> source(String logical) {
    return KinesisStreamsSource.<String>builder()
        .setStreamArn(config.streamArn(logical))
        .setSourceConfig(sourceConfiguration())
        .setDeserializationSchema(new SimpleStringSchema())
        .build();
  }

  /**
   * Adds the source for {@code logical} to the job, named and with uid {@code source-<logical>}
   * (stable uid: checkpointed shard positions are restored by it). The type is given explicitly:
   * the connector's generic source defeats Flink's type extraction. No watermarks here: the parse
   * stage assigns them from the records' own timestamps.
   */
  public DataStream<String> stream(StreamExecutionEnvironment env, String logical) {
    return env.fromSource(
            source(logical), WatermarkStrategy.noWatermarks(), "kinesis-" + logical, Types.STRING)
        .uid("source-" + logical)
        .name("source-" + logical);
  }

  /** The connector configuration: client properties plus the source options. */
  Configuration sourceConfiguration() {
    Configuration c = new Configuration();
    config.clientProperties().forEach((k, v) -> c.setString((String) k, (String) v));
    c.set(
        KinesisStreamsSourceConfigConstants.STREAM_INITIAL_POSITION,
        config.initialPosition() == KinesisConfig.InitialPosition.TRIM_HORIZON
            ? KinesisStreamsSourceConfigConstants.InitialPosition.TRIM_HORIZON
            : KinesisStreamsSourceConfigConstants.InitialPosition.LATEST);
    c.set(
        KinesisStreamsSourceConfigConstants.SHARD_DISCOVERY_INTERVAL_MILLIS,
        config.shardDiscoveryIntervalMs());
    return c;
  }
}
