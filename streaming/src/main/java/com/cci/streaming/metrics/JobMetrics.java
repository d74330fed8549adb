package com.cci.streaming.metrics;

import java.util.Objects;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * The job's custom Flink metrics, registered under the {@value #GROUP} group so Amazon Managed
 * Service for Apache Flink publishes them to CloudWatch (namespace {@code AWS/KinesisAnalytics};
 * the key/value sub-groups become dimensions). Counters only: CloudWatch shows Count, Gauge and
 * Meter, not Histogram.
 *
 * <p>Use from a rich function's {@code open}:
 *
 * <pre>{@code
 * this.in = JobMetrics.recordsIn(getRuntimeContext(), Streams.CTR);
 * this.dead = JobMetrics.deadLettered(getRuntimeContext(), Streams.CTR);
 * }</pre>
 *
 * Metric names (per operator subtask; Managed Flink sums them per application at the chosen metrics
 * level): {@code recordsIn}, {@code recordsOut}, {@code deadLettered} with dimension {@code
 * Stream}; {@code alarmsRaised}, {@code alarmsCleared} with dimension {@code Rule}; {@code
 * emfLinesWritten}.
 */
public final class JobMetrics {
  /** The group Managed Flink forwards to CloudWatch. */
  public static final String GROUP = "kinesisanalytics";

  /** Dimension of per-stream counters. */
  public static final String STREAM = "Stream";

  /** Dimension of per-rule counters. */
  public static final String RULE = "Rule";

  private JobMetrics() {}

  /** The {@value #GROUP} group of an operator's metric group. */
  public static MetricGroup group(MetricGroup operatorGroup) {
    return Objects.requireNonNull(operatorGroup, "metric group").addGroup(GROUP);
  }

  /** The {@value #GROUP} group of a rich function. */
  public static MetricGroup group(RuntimeContext ctx) {
    return group(ctx.getMetricGroup());
  }

  /** Records read from a logical input stream (before parsing). */
  public static Counter recordsIn(RuntimeContext ctx, String stream) {
    return recordsIn(ctx.getMetricGroup(), stream);
  }

  public static Counter recordsIn(MetricGroup g, String stream) {
    return perStream(g, stream).counter("recordsIn");
  }

  /** Records parsed and passed on (or written, for an output stream). */
  public static Counter recordsOut(RuntimeContext ctx, String stream) {
    return recordsOut(ctx.getMetricGroup(), stream);
  }

  public static Counter recordsOut(MetricGroup g, String stream) {
    return perStream(g, stream).counter("recordsOut");
  }

  /** Records of a logical stream sent to the dead-letter output. */
  public static Counter deadLettered(RuntimeContext ctx, String stream) {
    return deadLettered(ctx.getMetricGroup(), stream);
  }

  public static Counter deadLettered(MetricGroup g, String stream) {
    return perStream(g, stream).counter("deadLettered");
  }

  /** Alarms raised by a rule ({@code com.cci.schemas.alarm.AlarmRule} name). */
  public static Counter alarmsRaised(RuntimeContext ctx, String rule) {
    return alarmsRaised(ctx.getMetricGroup(), rule);
  }

  public static Counter alarmsRaised(MetricGroup g, String rule) {
    return perRule(g, rule).counter("alarmsRaised");
  }

  /** Alarms cleared by a rule. */
  public static Counter alarmsCleared(RuntimeContext ctx, String rule) {
    return alarmsCleared(ctx.getMetricGroup(), rule);
  }

  public static Counter alarmsCleared(MetricGroup g, String rule) {
    return perRule(g, rule).counter("alarmsCleared");
  }

  /** EMF documents written by {@link EmfQueueMetricsSink}. */
  public static Counter emfLinesWritten(MetricGroup g) {
    return group(g).counter("emfLinesWritten");
  }

  private static MetricGroup perStream(MetricGroup g, String stream) {
    return group(g).addGroup(STREAM, requireName(stream, "stream"));
  }

  private static MetricGroup perRule(MetricGroup g, String rule) {
    return group(g).addGroup(RULE, requireName(rule, "rule"));
  }

  private static String requireName(String v, String what) {
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException(what + " name must not be blank");
    }
    return v;
  }
}
