package com.cci.streaming.bench;

import com.cci.schemas.alarm.AlarmIds;
import com.cci.schemas.alarm.AlarmRule;
import com.cci.schemas.lens.RealtimeSegmentEvent;
import com.cci.streaming.records.AlarmEvent;
import java.time.Instant;
import java.util.Locale;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * Transport-only stand-in for the job in the P2 benchmark's {@code --job transport} mode: a Contact
 * Lens segment whose matched categories name fraud becomes a FRAUD_CATEGORY alarm, stateless (no
 * once-per-episode guard, no configuration). It measures what Kinesis source, one operator and the
 * Kinesis sink cost on their own; the real rule is s-conversation's, run with {@code --job full}.
 * Unparseable records are counted and skipped (benchmark input is generated here).
 */
public final class FraudBreachDetector implements FlatMapFunction<String, AlarmEvent> {
  private static final long serialVersionUID = 1L;

  @Override
  public void flatMap(String json, Collector<AlarmEvent> out) throws Exception {
    RealtimeSegmentEvent e = RealtimeSegmentEvent.fromJson(json);
    for (String c : e.matchedCategories()) {
      if (c.toLowerCase(Locale.ROOT).contains("fraud")) {
        long t =
            e.turns().isEmpty() || e.turns().get(0).absoluteTime() == null
                ? System.currentTimeMillis()
                : e.turns().get(0).absoluteTime().toEpochMilli();
        AlarmEvent a = new AlarmEvent();
        a.rule = AlarmRule.FRAUD_CATEGORY.name();
        a.alarmId =
            AlarmIds.of(AlarmRule.FRAUD_CATEGORY, null, e.contactId(), Instant.ofEpochMilli(t));
        a.state = "RAISED";
        a.severity = "CRITICAL";
        a.contactId = e.contactId();
        a.value = 1;
        a.threshold = 1;
        a.eventTimeMs = t;
        a.message = "Contact Lens category " + c + " matched.";
        out.collect(a);
        return;
      }
    }
  }
}
