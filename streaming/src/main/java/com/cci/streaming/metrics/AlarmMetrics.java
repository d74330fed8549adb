package com.cci.streaming.metrics;

import com.cci.streaming.records.AlarmEvent;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * Pass-through in front of the alarm sink that counts alarms per rule under {@value
 * JobMetrics#GROUP}: {@code alarmsRaised} / {@code alarmsCleared} with dimension {@code
 * Rule=<rule>}, so Managed Flink publishes "alarms raised per rule" to CloudWatch. Counters are
 * created on the first alarm of a rule.
 */
public final class AlarmMetrics extends RichMapFunction<AlarmEvent, AlarmEvent> {
  private static final long serialVersionUID = 1L;

  private transient MetricGroup group;
  private transient Map<String, Counter> counters;

  @Override
  public void open(OpenContext openContext) {
    bind(getRuntimeContext().getMetricGroup());
  }

  /** Uses {@code operatorGroup} for the counters (called by {@link #open}; tests). */
  void bind(MetricGroup operatorGroup) {
    this.group = operatorGroup;
    this.counters = new HashMap<>();
  }

  @Override
  public AlarmEvent map(AlarmEvent a) {
    String rule = a.rule == null || a.rule.isBlank() ? "UNKNOWN" : a.rule;
    boolean cleared = "CLEARED".equals(a.state);
    counters
        .computeIfAbsent(
            (cleared ? "c:" : "r:") + rule,
            k ->
                cleared
                    ? JobMetrics.alarmsCleared(group, rule)
                    : JobMetrics.alarmsRaised(group, rule))
        .inc();
    return a;
  }
}
