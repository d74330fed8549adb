package com.cci.streaming.parse;

import com.cci.streaming.metrics.JobMetrics;
import com.cci.streaming.records.DeadLetter;
import java.util.Objects;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The parse stage of one input stream: raw JSON in, the stream's POJO out, rejected records (with
 * the reason) to the {@link DeadLetters#TAG} side output. Never throws on bad data, so one bad
 * record never restarts the job.
 *
 * <p>Metrics ({@link JobMetrics}: group {@code kinesisanalytics}, dimension {@code Stream=<logical
 * name>}, so Managed Flink publishes them): {@code recordsIn}, {@code recordsOut}, {@code
 * deadLettered}; in = out + dead-lettered. The same totals are kept as accumulators ({@link
 * #ACC_IN} etc.).
 *
 * @param <T> the stream's POJO
 */
public class ParseFunction<T> extends ProcessFunction<String, T> {
  private static final long serialVersionUID = 1L;

  /** Metric group Managed Flink forwards to CloudWatch ({@link JobMetrics#GROUP}). */
  public static final String METRIC_GROUP = JobMetrics.GROUP;

  /** Dimension of the per-stream counters ({@link JobMetrics#STREAM}). */
  public static final String STREAM_DIMENSION = JobMetrics.STREAM;

  /**
   * Accumulator name prefixes (suffix: the stream): job-end totals for the replay CLI and tests
   * (the metrics above are for monitoring).
   */
  public static final String ACC_IN = "in.";

  public static final String ACC_OUT = "parsed.";
  public static final String ACC_DEAD = "dead.";

  private final RecordParser<T> parser;
  private final int maxDeadLetterPayloadChars;
  private transient Counter in;
  private transient Counter out;
  private transient Counter dead;
  private transient LongCounter inTotal;
  private transient LongCounter outTotal;
  private transient LongCounter deadTotal;

  public ParseFunction(RecordParser<T> parser, int maxDeadLetterPayloadChars) {
    this.parser = Objects.requireNonNull(parser, "parser");
    this.maxDeadLetterPayloadChars = maxDeadLetterPayloadChars;
  }

  @Override
  public void open(OpenContext openContext) {
    MetricGroup g = getRuntimeContext().getMetricGroup();
    in = JobMetrics.recordsIn(g, parser.stream());
    out = JobMetrics.recordsOut(g, parser.stream());
    dead = JobMetrics.deadLettered(g, parser.stream());
    inTotal = accumulator(ACC_IN);
    outTotal = accumulator(ACC_OUT);
    deadTotal = accumulator(ACC_DEAD);
  }

  private LongCounter accumulator(String prefix) {
    LongCounter c = new LongCounter();
    getRuntimeContext().addAccumulator(prefix + parser.stream(), c);
    return c;
  }

  @Override
  public void processElement(String raw, Context ctx, Collector<T> collector) {
    in.inc();
    inTotal.add(1);
    long now = ctx.timerService().currentProcessingTime();
    String reason;
    try {
      T parsed = parser.parse(raw, now);
      out.inc();
      outTotal.add(1);
      collector.collect(parsed);
      return;
    } catch (RejectedRecordException e) {
      reason = e.getMessage();
    } catch (RuntimeException e) {
      // A bug in a parser must not restart the job on one record: dead-letter it, say why.
      reason = "parser error: " + e;
    }
    dead.inc();
    deadTotal.add(1);
    DeadLetter d = DeadLetters.of(parser.stream(), raw, reason, now, maxDeadLetterPayloadChars);
    ctx.output(DeadLetters.TAG, d);
  }

  /** The stream this function parses. */
  public String stream() {
    return parser.stream();
  }
}
