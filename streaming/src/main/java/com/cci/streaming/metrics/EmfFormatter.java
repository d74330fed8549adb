package com.cci.streaming.metrics;

import com.cci.schemas.Json;
import com.cci.streaming.records.QueueMetrics;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Turns one {@link QueueMetrics} window into one CloudWatch Embedded Metric Format (EMF) document:
 * a single-line JSON object whose {@code _aws} metadata tells CloudWatch Logs to extract the
 * metrics, so the job never calls {@code PutMetricData}.
 *
 * <pre>{@code
 * {"_aws":{"Timestamp":<window end, epoch ms>,
 *          "CloudWatchMetrics":[{"Namespace":"CCI/ContactCenter","Dimensions":[["Queue"]],
 *                                "Metrics":[{"Name":"Offered","Unit":"Count"}, ...]}]},
 *  "Queue":"Fraud","Offered":12,...,"QueueId":"...","WindowStart":"...","WindowEnd":"...","Open":true}
 * }</pre>
 *
 * Metrics (target members at the root): Offered, Answered, Abandoned (Count); AbandonmentRate and
 * ServiceLevel (Percent, 0–100); AvgWaitSeconds, MaxWaitSeconds, OldestWaitSeconds (Seconds);
 * InQueue (Count). The metric timestamp is the window end (event time), so a replay or a late
 * window lands on the minute it describes. QueueId, WindowStart, WindowEnd and Open are extra
 * members for log queries, not metrics.
 */
public final class EmfFormatter implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Default CloudWatch namespace. */
  public static final String DEFAULT_NAMESPACE = "CCI/ContactCenter";

  /** The single dimension. */
  public static final String QUEUE_DIMENSION = "Queue";

  /** A metric's name and CloudWatch unit. */
  public record MetricDefinition(String name, String unit) implements Serializable {}

  /** Every metric of a document, in order. */
  public static final List<MetricDefinition> METRICS =
      List.of(
          new MetricDefinition("Offered", "Count"),
          new MetricDefinition("Answered", "Count"),
          new MetricDefinition("Abandoned", "Count"),
          new MetricDefinition("AbandonmentRate", "Percent"),
          new MetricDefinition("ServiceLevel", "Percent"),
          new MetricDefinition("AvgWaitSeconds", "Seconds"),
          new MetricDefinition("MaxWaitSeconds", "Seconds"),
          new MetricDefinition("InQueue", "Count"),
          new MetricDefinition("OldestWaitSeconds", "Seconds"));

  private final String namespace;

  public EmfFormatter() {
    this(DEFAULT_NAMESPACE);
  }

  public EmfFormatter(String namespace) {
    if (namespace == null || namespace.isBlank() || namespace.length() > 255) {
      throw new IllegalArgumentException(
          "EMF namespace must be 1..255 characters: '" + namespace + "'");
    }
    this.namespace = namespace;
  }

  public String namespace() {
    return namespace;
  }

  /**
   * The EMF document for one window.
   *
   * @throws IllegalArgumentException when the queue name is missing (a dimension value must be a
   *     non-empty string) or a value is not finite
   */
  public String format(QueueMetrics m) {
    Objects.requireNonNull(m, "queue metrics");
    String queue = m.queue != null && !m.queue.isBlank() ? m.queue : m.queueId;
    if (queue == null || queue.isBlank()) {
      throw new IllegalArgumentException(
          "queue metrics without queue name or id cannot be a CloudWatch dimension: window "
              + m.windowStartMs
              + ".."
              + m.windowEndMs);
    }
    ObjectNode root = Json.mapper().createObjectNode();
    ObjectNode aws = root.putObject("_aws");
    aws.put("Timestamp", m.windowEndMs);
    ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
    directive.put("Namespace", namespace);
    directive.putArray("Dimensions").addArray().add(QUEUE_DIMENSION);
    ArrayNode metrics = directive.putArray("Metrics");
    for (MetricDefinition d : METRICS) {
      metrics.addObject().put("Name", d.name()).put("Unit", d.unit());
    }
    root.put(QUEUE_DIMENSION, queue);
    root.put("Offered", m.offered);
    root.put("Answered", m.answered);
    root.put("Abandoned", m.abandoned);
    root.put("AbandonmentRate", percent("AbandonmentRate", m.abandonmentRate));
    root.put("ServiceLevel", percent("ServiceLevel", m.serviceLevel));
    root.put("AvgWaitSeconds", finite("AvgWaitSeconds", m.avgWaitSeconds));
    root.put("MaxWaitSeconds", finite("MaxWaitSeconds", m.maxWaitSeconds));
    root.put("InQueue", m.inQueue);
    root.put("OldestWaitSeconds", finite("OldestWaitSeconds", m.oldestWaitSeconds));
    if (m.queueId != null) {
      root.put("QueueId", m.queueId);
    }
    root.put("WindowStart", Instant.ofEpochMilli(m.windowStartMs).toString());
    root.put("WindowEnd", Instant.ofEpochMilli(m.windowEndMs).toString());
    root.put("Open", m.open);
    try {
      return Json.mapper().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write EMF document: " + e.getMessage(), e);
    }
  }

  private static double percent(String name, double fraction) {
    // Rounded to 0.01 % so the log line stays short and stable.
    return Math.round(finite(name, fraction) * 10_000.0) / 100.0;
  }

  private static double finite(String name, double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("EMF metric " + name + " is not finite: " + v);
    }
    return v;
  }
}
