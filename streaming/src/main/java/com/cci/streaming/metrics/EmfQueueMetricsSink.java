package com.cci.streaming.metrics;

import com.cci.streaming.records.QueueMetrics;
import java.io.Serializable;
import java.util.Objects;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flink sink writing each {@link QueueMetrics} as one CloudWatch Embedded Metric Format line
 * ({@link EmfFormatter}) to the log; CloudWatch Logs extracts the metrics, the job never calls
 * {@code PutMetricData}.
 *
 * <p>By default lines go to the SLF4J logger {@value #LOGGER_NAME} at INFO, message only: route
 * that logger in the log configuration to an appender whose layout is the bare message ({@code
 * %m%n}) on stdout or a dedicated CloudWatch log stream. <b>Caveat for Managed Flink:</b> its
 * application log wraps every message in its own JSON envelope, and CloudWatch only extracts EMF
 * from log events that are the EMF document themselves; there, forward the logger's events (e.g. a
 * subscription filter on {@code "_aws"} that re-puts {@code message}) or use the {@code
 * kinesisanalytics} Flink metrics ({@link JobMetrics}), which Managed Flink publishes natively.
 *
 * <p>A window that cannot be a metric (no queue name or id, non-finite value) is logged as a
 * warning and counted in {@code emfRejected}; it never fails the job. Stateless: nothing to
 * checkpoint (at-least-once like every log).
 */
public final class EmfQueueMetricsSink implements Sink<QueueMetrics> {
  private static final long serialVersionUID = 1L;

  /** Logger the EMF lines are written to. */
  public static final String LOGGER_NAME = "cci.emf";

  /** Where lines go: serializable so the sink can ship it to task managers. */
  @FunctionalInterface
  public interface LineOutput extends Serializable {
    void write(String line);
  }

  private final EmfFormatter formatter;
  private final LineOutput output;

  /** EMF lines in namespace {@code namespace} to logger {@value #LOGGER_NAME}. */
  public EmfQueueMetricsSink(String namespace) {
    this(new EmfFormatter(namespace), new LoggerOutput());
  }

  public EmfQueueMetricsSink(EmfFormatter formatter, LineOutput output) {
    this.formatter = Objects.requireNonNull(formatter, "formatter");
    this.output = Objects.requireNonNull(output, "output");
  }

  @Override
  @SuppressWarnings("deprecation")
  public SinkWriter<QueueMetrics> createWriter(Sink.InitContext context) {
    return new Writer(formatter, output, context.metricGroup());
  }

  @Override
  public SinkWriter<QueueMetrics> createWriter(WriterInitContext context) {
    return new Writer(formatter, output, context.metricGroup());
  }

  /** Writes EMF lines to {@link #LOGGER_NAME}. */
  public static final class LoggerOutput implements LineOutput {
    private static final long serialVersionUID = 1L;

    @Override
    public void write(String line) {
      LoggerHolder.EMF.info(line);
    }
  }

  private static final class LoggerHolder {
    static final Logger EMF = LoggerFactory.getLogger(LOGGER_NAME);
  }

  /** The writer: format, write, count. */
  static final class Writer implements SinkWriter<QueueMetrics> {
    private static final Logger LOG = LoggerFactory.getLogger(EmfQueueMetricsSink.class);
    private final EmfFormatter formatter;
    private final LineOutput output;
    private final Counter written;
    private final Counter rejected;

    Writer(EmfFormatter formatter, LineOutput output, MetricGroup metrics) {
      this.formatter = formatter;
      this.output = output;
      this.written = JobMetrics.emfLinesWritten(metrics);
      this.rejected = JobMetrics.group(metrics).counter("emfRejected");
    }

    @Override
    public void write(QueueMetrics element, Context context) {
      String line;
      try {
        line = formatter.format(element);
      } catch (IllegalArgumentException e) {
        rejected.inc();
        LOG.warn("queue metrics not written as EMF: {}", e.getMessage());
        return;
      }
      output.write(line);
      written.inc();
    }

    @Override
    public void flush(boolean endOfInput) {
      // Lines are handed to the logger immediately; nothing is buffered here.
    }

    @Override
    public void close() {}
  }
}
