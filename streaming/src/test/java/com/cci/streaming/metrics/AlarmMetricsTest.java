package com.cci.streaming.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.streaming.records.AlarmEvent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.junit.jupiter.api.Test;

class AlarmMetricsTest {
  static AlarmEvent alarm(String rule, String state) {
    AlarmEvent a = new AlarmEvent();
    a.rule = rule;
    a.state = state;
    a.alarmId = rule + state;
    return a;
  }

  @Test
  void countsRaisedAndClearedPerRuleAndPassesAlarmsThrough() {
    Map<String, Metric> metrics = new ConcurrentHashMap<>();
    AlarmMetrics f = new AlarmMetrics();
    f.bind(new EmfQueueMetricsSinkTest.RecordingGroup(metrics, ""));
    AlarmEvent first = alarm("QUEUE_WAIT", "RAISED");
    assertThat(f.map(first)).isSameAs(first);
    f.map(alarm("QUEUE_WAIT", "RAISED"));
    f.map(alarm("QUEUE_WAIT", "CLEARED"));
    f.map(alarm("FRAUD_CATEGORY", "RAISED"));

    assertThat(metrics)
        .containsOnlyKeys(
            "kinesisanalytics.Rule=QUEUE_WAIT.alarmsRaised",
            "kinesisanalytics.Rule=QUEUE_WAIT.alarmsCleared",
            "kinesisanalytics.Rule=FRAUD_CATEGORY.alarmsRaised");
    assertThat(((Counter) metrics.get("kinesisanalytics.Rule=QUEUE_WAIT.alarmsRaised")).getCount())
        .isEqualTo(2);
    assertThat(((Counter) metrics.get("kinesisanalytics.Rule=QUEUE_WAIT.alarmsCleared")).getCount())
        .isEqualTo(1);
  }
}
