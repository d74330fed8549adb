package com.cci.streaming.io;

import com.cci.kinesis.Streams;
import com.cci.streaming.AlarmWorkflow;
import com.cci.streaming.records.AlarmEvent;
import com.cci.streaming.records.DeadLetter;
import com.cci.streaming.records.QueueMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Replay mode I/O: bounded text-line sources over a simulator output directory ({@code ctr/},
 * {@code contact-events/}, {@code contact-lens/}, {@code fulfillment/}; every file below each,
 * hidden files skipped; a missing directory is an empty input) and JSON Lines sinks {@value
 * #ALARMS}, {@value #QUEUE_METRICS}, {@value #DEAD_LETTER} in the output directory (parallelism 1,
 * complete when the job ends).
 */
public final class ReplayIo {
  public static final String ALARMS = "alarms.jsonl";
  public static final String QUEUE_METRICS = "queue-metrics.jsonl";
  public static final String DEAD_LETTER = "dead-letter.jsonl";

  private ReplayIo() {}

  /**
   * The four raw inputs under {@code dir}, marked bounded (the job then runs on event time alone:
   * no processing-time QUEUE_WAIT fallback, see {@link AlarmWorkflow.Inputs#bounded()}).
   */
  public static AlarmWorkflow.Inputs inputs(StreamExecutionEnvironment env, Path dir) {
    return new AlarmWorkflow.Inputs(
        lines(env, dir, Streams.CTR),
        lines(env, dir, Streams.CONTACT_EVENTS),
        lines(env, dir, Streams.CONTACT_LENS),
        lines(env, dir, Streams.FULFILLMENT),
        true);
  }

  /** One bounded source of the lines of {@code <dir>/<stream>/}; empty when it does not exist. */
  public static DataStream<String> lines(StreamExecutionEnvironment env, Path dir, String stream) {
    Path sub = dir.resolve(stream);
    if (!Files.isDirectory(sub)) {
      return env.fromData(List.of(), Types.STRING)
          .name("replay " + stream + " (no directory)")
          .uid("source-" + stream);
    }
    FileSource<String> src =
        FileSource.forRecordStreamFormat(
                new TextLineInputFormat(),
                org.apache.flink.core.fs.Path.fromLocalFile(sub.toAbsolutePath().toFile()))
            .build();
    return env.fromSource(src, WatermarkStrategy.noWatermarks(), "replay " + stream)
        .uid("source-" + stream);
  }

  /** Sinks writing the three outputs as JSON Lines under {@code out}. */
  public static AlarmWorkflow.SinkApplier sinks(Path out) {
    return new FileSinks(out);
  }

  private static final class FileSinks implements AlarmWorkflow.SinkApplier {
    private final Path out;

    FileSinks(Path out) {
      this.out = out;
    }

    @Override
    public void apply(
        DataStream<AlarmEvent> alarms,
        DataStream<QueueMetrics> queueMetrics,
        DataStream<DeadLetter> deadLetters) {
      alarms
          .map(new JsonLines.AlarmJson())
          .name("alarm json")
          .uid("alarm-json")
          .setParallelism(1)
          .sinkTo(new LineFileSink(out, ALARMS))
          .name("file " + ALARMS)
          .uid("sink-alarms-file")
          .setParallelism(1);
      queueMetrics
          .map(new JsonLines.QueueMetricsJson())
          .name("queue-metrics json")
          .uid("queue-metrics-json")
          .setParallelism(1)
          .sinkTo(new LineFileSink(out, QUEUE_METRICS))
          .name("file " + QUEUE_METRICS)
          .uid("sink-queue-metrics-file")
          .setParallelism(1);
      deadLetters
          .map(new JsonLines.DeadLetterJson())
          .name("dead-letter json")
          .uid("dead-letter-json")
          .setParallelism(1)
          .sinkTo(new LineFileSink(out, DEAD_LETTER))
          .name("file " + DEAD_LETTER)
          .uid("sink-dead-letter-file")
          .setParallelism(1);
    }
  }
}
