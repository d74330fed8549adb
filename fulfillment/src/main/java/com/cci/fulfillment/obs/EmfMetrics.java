package com.cci.fulfillment.obs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Per-intent metrics in CloudWatch Embedded Metric Format: a JSON log line that CloudWatch turns
 * into metrics with no API call. For each intent and outcome: {@code TurnCount} (Count) and {@code
 * TurnLatency} (Milliseconds, all values of the window as an EMF value array). Dimension sets
 * {@code [Service, Intent, Outcome]} and {@code [Service, Intent]}. Namespace {@code
 * CCI/Fulfillment} by default.
 *
 * <p>Turns are aggregated in memory and written by {@link #flush()}: the Lambda handler flushes at
 * the end of each invocation (so nothing waits in a frozen container), the webhook once a second.
 * An EMF value array holds at most 100 values, so a busy window is written as several lines.
 */
public final class EmfMetrics {
  static final int MAX_VALUES = 100;
  private static final JsonFactory JSON = new JsonFactory();

  private final String namespace;
  private final String service;
  private final LineWriter out;
  private final Clock clock;
  private Map<Key, List<Long>> window = new HashMap<>();

  private record Key(String intent, String outcome) {}

  public EmfMetrics(String namespace, String service, LineWriter out, Clock clock) {
    this.namespace = Objects.requireNonNull(namespace);
    this.service = Objects.requireNonNull(service);
    this.out = Objects.requireNonNull(out);
    this.clock = Objects.requireNonNull(clock);
  }

  /** Records one turn. */
  public void record(String intent, String outcome, long latencyMs) {
    Key k = new Key(intent == null ? "Unknown" : intent, outcome == null ? "UNKNOWN" : outcome);
    synchronized (this) {
      window.computeIfAbsent(k, x -> new ArrayList<>()).add(Math.max(0, latencyMs));
    }
  }

  /** Writes the window's metrics (if any) and starts a new window; returns the lines written. */
  public int flush() {
    Map<Key, List<Long>> done;
    synchronized (this) {
      if (window.isEmpty()) {
        return 0;
      }
      done = window;
      window = new HashMap<>();
    }
    long ts = clock.millis();
    int lines = 0;
    for (Map.Entry<Key, List<Long>> e : done.entrySet()) {
      List<Long> values = e.getValue();
      for (int from = 0; from < values.size(); from += MAX_VALUES) {
        List<Long> chunk = values.subList(from, Math.min(values.size(), from + MAX_VALUES));
        try {
          out.write(line(ts, e.getKey(), chunk));
          lines++;
        } catch (RuntimeException ignored) {
          // metrics must never break a turn
        }
      }
    }
    return lines;
  }

  String line(long ts, Key k, List<Long> latencies) {
    StringWriter w = new StringWriter(256 + latencies.size() * 4);
    try (JsonGenerator g = JSON.createGenerator(w)) {
      g.writeStartObject();
      g.writeObjectFieldStart("_aws");
      g.writeNumberField("Timestamp", ts);
      g.writeArrayFieldStart("CloudWatchMetrics");
      g.writeStartObject();
      g.writeStringField("Namespace", namespace);
      g.writeArrayFieldStart("Dimensions");
      g.writeStartArray();
      g.writeString("Service");
      g.writeString("Intent");
      g.writeString("Outcome");
      g.writeEndArray();
      g.writeStartArray();
      g.writeString("Service");
      g.writeString("Intent");
      g.writeEndArray();
      g.writeEndArray();
      g.writeArrayFieldStart("Metrics");
      metric(g, "TurnCount", "Count");
      metric(g, "TurnLatency", "Milliseconds");
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
      g.writeStringField("Service", service);
      g.writeStringField("Intent", k.intent());
      g.writeStringField("Outcome", k.outcome());
      g.writeNumberField("TurnCount", latencies.size());
      g.writeArrayFieldStart("TurnLatency");
      for (long v : latencies) {
        g.writeNumber(v);
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  private static void metric(JsonGenerator g, String name, String unit) throws IOException {
    g.writeStartObject();
    g.writeStringField("Name", name);
    g.writeStringField("Unit", unit);
    g.writeEndObject();
  }
}
