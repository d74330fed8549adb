package com.cci.streaming.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.schemas.Json;
import com.cci.streaming.records.QueueMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.Test;

class EmfQueueMetricsSinkTest {
  static final List<String> LINES = new CopyOnWriteArrayList<>();

  /** Records every metric registered, by its full name (group path + metric name). */
  static final class RecordingGroup extends UnregisteredMetricsGroup {
    final Map<String, Metric> metrics;
    final String prefix;

    RecordingGroup(Map<String, Metric> metrics, String prefix) {
      this.metrics = metrics;
      this.prefix = prefix;
    }

    @Override
    public MetricGroup addGroup(String name) {
      return new RecordingGroup(metrics, prefix + name + ".");
    }

    @Override
    public MetricGroup addGroup(String key, String value) {
      return new RecordingGroup(metrics, prefix + key + "=" + value + ".");
    }

    @Override
    public <C extends Counter> C counter(String name, C counter) {
      metrics.put(prefix + name, counter);
      return counter;
    }

    @Override
    public Counter counter(String name) {
      return counter(name, new org.apache.flink.metrics.SimpleCounter());
    }
  }

  @Test
  void writesOneLinePerWindowAndCountsUnderKinesisanalytics() throws Exception {
    LINES.clear();
    Map<String, Metric> metrics = new ConcurrentHashMap<>();
    var writer =
        new EmfQueueMetricsSink.Writer(
            new EmfFormatter(), LINES::add, new RecordingGroup(metrics, ""));
    QueueMetrics fraud = EmfFormatterTest.sample();
    QueueMetrics broken = EmfFormatterTest.sample();
    broken.queue = null;
    broken.queueId = null;
    QueueMetrics cards = EmfFormatterTest.sample();
    cards.queue = "Cards";

    writer.write(fraud, null);
    writer.write(broken, null);
    writer.write(cards, null);
    writer.flush(true);

    List<String> queues = new ArrayList<>();
    for (String l : LINES) {
      queues.add(Json.mapper().readTree(l).get("Queue").asText());
    }
    assertThat(queues).containsExactly("Fraud", "Cards");
    assertThat(((Counter) metrics.get("kinesisanalytics.emfLinesWritten")).getCount()).isEqualTo(2);
    assertThat(((Counter) metrics.get("kinesisanalytics.emfRejected")).getCount()).isEqualTo(1);
  }

  @Test
  void jobMetricsUseTheKinesisanalyticsGroupWithDimensions() {
    Map<String, Metric> metrics = new ConcurrentHashMap<>();
    RecordingGroup g = new RecordingGroup(metrics, "");
    JobMetrics.recordsIn(g, "ctr").inc(3);
    JobMetrics.deadLettered(g, "ctr").inc();
    JobMetrics.recordsOut(g, "alarms").inc(2);
    JobMetrics.alarmsRaised(g, "QUEUE_WAIT").inc();
    JobMetrics.alarmsCleared(g, "QUEUE_WAIT").inc();

    assertThat(metrics)
        .containsOnlyKeys(
            "kinesisanalytics.Stream=ctr.recordsIn",
            "kinesisanalytics.Stream=ctr.deadLettered",
            "kinesisanalytics.Stream=alarms.recordsOut",
            "kinesisanalytics.Rule=QUEUE_WAIT.alarmsRaised",
            "kinesisanalytics.Rule=QUEUE_WAIT.alarmsCleared");
    assertThat(((Counter) metrics.get("kinesisanalytics.Stream=ctr.recordsIn")).getCount())
        .isEqualTo(3);
  }
}
