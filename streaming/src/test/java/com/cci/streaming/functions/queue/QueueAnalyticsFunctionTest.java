package com.cci.streaming.functions.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.schemas.alarm.AlarmIds;
import com.cci.schemas.alarm.AlarmRule;
import com.cci.streaming.records.AlarmEvent;
import com.cci.streaming.records.QueueMetrics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

// A harness whose state never drains loops on window/expiry timers up to Long.MAX_VALUE: fail
// fast instead of holding the shared CPU (the thread is abandoned; the fork exits after the run).
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class QueueAnalyticsFunctionTest {
  /** A whole minute (Friday 2026-11-20 15:00 UTC, 10:00 in New York). */
  static final long T0 = Instant.parse("2026-11-20T15:00:00Z").toEpochMilli();

  static final long S = 1000;
  static final long MIN = 60_000;

  static QueueRulesConfig config(long fallbackSeconds) {
    Map<String, Properties> g = new HashMap<>();
    Properties d = new Properties();
    d.setProperty("wait.fallback.seconds", String.valueOf(fallbackSeconds));
    d.setProperty("size.raise", "3");
    d.setProperty("size.clear", "1");
    d.setProperty("abandonment.min.offered", "4");
    d.setProperty("service.level.min.volume", "4");
    g.put("queues.defaults", d);
    Properties cal = new Properties();
    cal.setProperty("time.zone", "America/New_York");
    cal.setProperty("holidays", "2026-11-26");
    g.put("calendar", cal);
    Properties q1 = new Properties();
    q1.setProperty("id", "q1");
    g.put("queue.General", q1);
    Properties q2 = new Properties();
    q2.setProperty("id", "q2");
    q2.setProperty("hours.FRIDAY", "08:00-09:00"); // closed at T0 (10:00 local)
    g.put("queue.Closed", q2);
    return QueueRulesConfig.from(g);
  }

  static QueueTransition tr(String kind, String id, long t, long enq) {
    return tr("q1", kind, id, t, enq);
  }

  static QueueTransition tr(String q, String kind, String id, long t, long enq) {
    return new QueueTransition(q, null, id, kind, T0 + t, T0 + enq, QueueTransition.FROM_EVENT);
  }

  static QueueTransition enq(String id, long t) {
    return tr(QueueTransition.ENQUEUED, id, t, t);
  }

  static KeyedOneInputStreamOperatorTestHarness<String, QueueTransition, QueueMetrics> harness(
      QueueRulesConfig cfg, OperatorSubtaskState restore) throws Exception {
    return harness(new QueueAnalyticsFunction(cfg), restore);
  }

  static KeyedOneInputStreamOperatorTestHarness<String, QueueTransition, QueueMetrics> harness(
      QueueAnalyticsFunction fn, OperatorSubtaskState restore) throws Exception {
    var h =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(fn), new QueueKeys.TransitionQueueId(), Types.STRING);
    if (restore != null) {
      h.initializeState(restore);
    }
    h.open();
    return h;
  }

  static void in(
      KeyedOneInputStreamOperatorTestHarness<String, QueueTransition, QueueMetrics> h,
      QueueTransition t)
      throws Exception {
    h.processElement(t, t.timeMs);
  }

  static List<AlarmEvent> alarms(
      KeyedOneInputStreamOperatorTestHarness<String, QueueTransition, QueueMetrics> h) {
    List<AlarmEvent> out = new ArrayList<>();
    var q = h.getSideOutput(QueueAnalyticsFunction.ALARMS);
    if (q != null) {
      for (StreamRecord<AlarmEvent> r : q) {
        out.add(r.getValue());
      }
    }
    return out;
  }

  static List<String> states(List<AlarmEvent> alarms) {
    List<String> s = new ArrayList<>();
    for (AlarmEvent a : alarms) {
      s.add(a.rule + " " + a.state + " " + (long) a.value);
    }
    return s;
  }

  static List<AlarmEvent> only(String rule, List<AlarmEvent> alarms) {
    return alarms.stream().filter(a -> a.rule.equals(rule)).toList();
  }

  static void assertDrained(
      KeyedOneInputStreamOperatorTestHarness<String, QueueTransition, QueueMetrics> h)
      throws Exception {
    h.processWatermark(new Watermark(Long.MAX_VALUE));
    h.setProcessingTime(Long.MAX_VALUE);
    assertThat(h.numKeyedStateEntries()).isZero();
    assertThat(h.numEventTimeTimers()).isZero();
    assertThat(h.numProcessingTimeTimers()).isZero();
  }

  @Test
  void windowMetricsWithInQueueAndOldestWaitAtTheWindowEnd() throws Exception {
    try (var h = harness(config(0), null)) {
      in(h, enq("c1", 10 * S));
      in(h, enq("c2", 20 * S));
      in(h, tr(QueueTransition.ANSWERED, "c1", 30 * S, 10 * S)); // 20 s: within 30 s
      in(h, enq("c3", 70 * S));
      in(h, tr(QueueTransition.ABANDONED, "c2", 80 * S, 20 * S)); // 60 s wait
      h.processWatermark(new Watermark(T0 + 2 * MIN));
      List<QueueMetrics> m = h.extractOutputValues();
      assertThat(m).hasSize(2);
      QueueMetrics w1 = m.get(0);
      assertThat(w1.queue).isEqualTo("General");
      assertThat(w1.windowStartMs).isEqualTo(T0 + MIN - 15 * MIN);
      assertThat(w1.windowEndMs).isEqualTo(T0 + MIN);
      assertThat(new long[] {w1.offered, w1.answered, w1.abandoned, w1.answeredWithinThreshold})
          .containsExactly(2, 1, 0, 1);
      assertThat(w1.inQueue).isEqualTo(1);
      assertThat(w1.oldestWaitSeconds).isEqualTo(40.0);
      assertThat(w1.open).isTrue();
      QueueMetrics w2 = m.get(1);
      assertThat(new long[] {w2.offered, w2.answered, w2.abandoned, w2.answeredWithinThreshold})
          .containsExactly(3, 1, 1, 1);
      assertThat(w2.inQueue).isEqualTo(1);
      assertThat(w2.oldestWaitSeconds).isEqualTo(50.0);
      assertThat(w2.avgWaitSeconds).isEqualTo(40.0);
      assertThat(w2.maxWaitSeconds).isEqualTo(60.0);
      assertThat(w2.abandonmentRate).isEqualTo(1.0 / 3);
      assertThat(w2.serviceLevel).isEqualTo(1.0 / 3);
      assertThat(alarms(h)).as("volume below the guards").isEmpty();

      in(h, tr(QueueTransition.ANSWERED, "c3", 130 * S, 70 * S));
      h.processWatermark(new Watermark(T0 + 30 * MIN));
      List<QueueMetrics> rest = h.extractOutputValues().subList(2, h.extractOutputValues().size());
      // windows keep coming while anything is inside them (the last answer at 2:10 is in the
      // windows ending 3:00 .. 17:00), then nothing
      assertThat(rest).hasSize(15);
      assertThat(rest.get(rest.size() - 1).answered).isEqualTo(1);
      assertThat(rest.get(rest.size() - 1).inQueue).isZero();
      assertThat(rest.get(rest.size() - 1).windowEndMs).isEqualTo(T0 + 17 * MIN);
      assertDrained(h);
    }
  }

  @Test
  void queueWaitFiresOnTheEventTimeTimerWithNoFurtherInputAndClearsWhenTheContactLeaves()
      throws Exception {
    try (var h = harness(config(0), null)) {
      in(h, enq("c1", 0));
      h.processWatermark(new Watermark(T0 + 300 * S));
      assertThat(alarms(h)).isEmpty();
      h.processWatermark(new Watermark(T0 + 301 * S));
      List<AlarmEvent> a = alarms(h);
      assertThat(states(a)).containsExactly("QUEUE_WAIT RAISED 301");
      assertThat(a.get(0).eventTimeMs).isEqualTo(T0 + 301 * S);
      assertThat(a.get(0).severity).isEqualTo("HIGH");
      assertThat(a.get(0).alarmId)
          .isEqualTo(
              AlarmIds.of(
                  AlarmRule.QUEUE_WAIT, "General", null, Instant.ofEpochMilli(T0 + 301 * S)));
      h.processWatermark(new Watermark(T0 + 600 * S));
      assertThat(alarms(h)).as("no repeats while active").hasSize(1);
      in(h, tr(QueueTransition.ABANDONED, "c1", 610 * S, 0));
      assertThat(states(alarms(h)))
          .containsExactly("QUEUE_WAIT RAISED 301", "QUEUE_WAIT CLEARED 0");
      assertDrained(h);
    }
  }

  @Test
  void queueWaitFiresOnProcessingTimeWhenTheWatermarkStalls() throws Exception {
    try (var h = harness(config(5), null)) {
      h.setProcessingTime(1_000);
      in(h, enq("c1", 0));
      in(h, enq("c2", 100 * S));
      // traffic stops: no watermark, no records; only processing time passes
      h.setProcessingTime(1_000 + 301 * S);
      assertThat(alarms(h)).as("waits for the fallback delay").isEmpty();
      h.setProcessingTime(1_000 + 306 * S);
      List<AlarmEvent> a = alarms(h);
      assertThat(states(a)).containsExactly("QUEUE_WAIT RAISED 301");
      assertThat(a.get(0).alarmId)
          .as("same id as the event-time path")
          .isEqualTo(
              AlarmIds.of(
                  AlarmRule.QUEUE_WAIT, "General", null, Instant.ofEpochMilli(T0 + 301 * S)));
      // when the watermark finally comes, no second RAISED
      h.processWatermark(new Watermark(T0 + 400 * S));
      assertThat(alarms(h)).hasSize(1);
      in(h, tr(QueueTransition.ANSWERED, "c1", 401 * S, 0));
      // c2 has waited 301 s at 401 s: still above the clear threshold
      assertThat(alarms(h)).hasSize(1);
      in(h, tr(QueueTransition.ANSWERED, "c2", 402 * S, 100 * S));
      assertThat(states(alarms(h)))
          .containsExactly("QUEUE_WAIT RAISED 301", "QUEUE_WAIT CLEARED 0");
      assertDrained(h);
    }
  }

  @Test
  void fallbackRearmsWhenALateDeliveredRecordMadeTheEstimateFallShort() throws Exception {
    try (var h = harness(config(5), null)) {
      h.setProcessingTime(0);
      in(h, enq("c1", 0));
      h.setProcessingTime(50 * S);
      in(h, enq("c2", 10 * S)); // event time 10 s delivered at 50 s: estimate now lags by 40 s
      h.setProcessingTime(306 * S);
      assertThat(alarms(h)).isEmpty();
      h.setProcessingTime(346 * S);
      assertThat(states(alarms(h))).containsExactly("QUEUE_WAIT RAISED 301");
      in(h, tr(QueueTransition.ANSWERED, "c1", 400 * S, 0));
      in(h, tr(QueueTransition.ANSWERED, "c2", 400 * S, 10 * S));
      assertDrained(h);
    }
  }

  @Test
  void queueWaitStillRaisesForAClosedQueue() throws Exception {
    try (var h = harness(config(0), null)) {
      in(h, tr("q2", QueueTransition.ENQUEUED, "c1", 0, 0));
      h.processWatermark(new Watermark(T0 + 302 * S));
      List<AlarmEvent> a = alarms(h);
      assertThat(states(a)).containsExactly("QUEUE_WAIT RAISED 301");
      assertThat(a.get(0).queue).isEqualTo("Closed");
      assertThat(h.extractOutputValues()).allSatisfy(m -> assertThat(m.open).isFalse());
    }
  }

  @Test
  void queueSizeRaisesOnceDoesNotFlapAtTheThresholdAndClearsPastTheClearThreshold()
      throws Exception {
    try (var h = harness(config(0), null)) {
      for (int i = 1; i <= 4; i++) {
        in(h, enq("c" + i, i * S));
      }
      assertThat(states(only("QUEUE_SIZE", alarms(h)))).containsExactly("QUEUE_SIZE RAISED 4");
      in(h, enq("c5", 5 * S));
      in(h, tr(QueueTransition.ANSWERED, "c1", 6 * S, S)); // 4
      in(h, tr(QueueTransition.ANSWERED, "c2", 7 * S, 2 * S)); // 3: at the raise threshold
      in(h, enq("c6", 8 * S)); // 4 again: still the same episode
      in(h, tr(QueueTransition.ANSWERED, "c3", 9 * S, 3 * S)); // 3
      in(h, tr(QueueTransition.ANSWERED, "c4", 10 * S, 4 * S)); // 2: above clear (1)
      assertThat(only("QUEUE_SIZE", alarms(h))).hasSize(1);
      in(h, tr(QueueTransition.ANSWERED, "c5", 11 * S, 5 * S)); // 1
      assertThat(states(only("QUEUE_SIZE", alarms(h))))
          .containsExactly("QUEUE_SIZE RAISED 4", "QUEUE_SIZE CLEARED 1");
      in(h, enq("c7", 12 * S)); // 2: not above 3
      assertThat(only("QUEUE_SIZE", alarms(h))).hasSize(2);
      List<AlarmEvent> a = only("QUEUE_SIZE", alarms(h));
      assertThat(a.get(0).alarmId).isEqualTo(a.get(1).alarmId);
      assertThat(a.get(0).severity).isEqualTo("MEDIUM");
      in(h, tr(QueueTransition.ANSWERED, "c6", 13 * S, 8 * S));
      in(h, tr(QueueTransition.TIMED_OUT, "c7", 14 * S, 12 * S));
      assertDrained(h);
    }
  }

  @Test
  void abandonmentNeedsTheMinimumVolumeRaisesAsTheRecordArrivesAndClearsWhenItSlidesOut()
      throws Exception {
    try (var h = harness(config(0), null)) {
      for (int i = 1; i <= 3; i++) {
        in(h, enq("c" + i, i * S));
        in(h, tr(QueueTransition.ABANDONED, "c" + i, i * S + 10 * S, i * S));
      }
      assertThat(only("ABANDONMENT_RATE", alarms(h))).as("3 offered < guard of 4").isEmpty();
      in(h, enq("c4", 20 * S));
      // the record that reaches the guard raises at once, before any window closes
      List<AlarmEvent> a = only("ABANDONMENT_RATE", alarms(h));
      assertThat(states(a)).containsExactly("ABANDONMENT_RATE RAISED 75");
      assertThat(a.get(0).windowEndMs).isEqualTo(T0 + MIN);
      assertThat(a.get(0).eventTimeMs).isEqualTo(T0 + 20 * S);
      assertThat(h.extractOutputValues()).isEmpty();
      in(h, tr(QueueTransition.ABANDONED, "c4", 25 * S, 20 * S));
      assertThat(only("ABANDONMENT_RATE", alarms(h))).as("no repeat").hasSize(1);
      h.processWatermark(new Watermark(T0 + 40 * MIN));
      a = only("ABANDONMENT_RATE", alarms(h));
      assertThat(states(a))
          .containsExactly("ABANDONMENT_RATE RAISED 75", "ABANDONMENT_RATE CLEARED 0");
      assertThat(a.get(1).windowEndMs).isEqualTo(T0 + 16 * MIN);
      assertDrained(h);
    }
  }

  @Test
  void noAbandonmentOrServiceLevelAlarmForAClosedQueue() throws Exception {
    try (var h = harness(config(0), null)) {
      for (int i = 1; i <= 6; i++) {
        in(h, tr("q2", QueueTransition.ENQUEUED, "c" + i, i * S, i * S));
        in(h, tr("q2", QueueTransition.ABANDONED, "c" + i, i * S + 40 * S, i * S));
      }
      h.processWatermark(new Watermark(T0 + 30 * MIN));
      assertThat(alarms(h)).isEmpty();
      assertThat(h.extractOutputValues()).isNotEmpty();
      assertThat(h.extractOutputValues().get(0).abandonmentRate).isEqualTo(1.0);
      assertDrained(h);
    }
  }

  @Test
  void serviceLevelRaisesBelowAndClearsAtWindowEmission() throws Exception {
    try (var h = harness(config(0), null)) {
      for (int i = 1; i <= 4; i++) {
        in(h, enq("c" + i, i * S));
        in(h, tr(QueueTransition.ANSWERED, "c" + i, i * S + 45 * S, i * S));
      }
      assertThat(states(alarms(h))).containsExactly("SERVICE_LEVEL RAISED 0");
      assertThat(alarms(h).get(0).severity).isEqualTo("MEDIUM");
      for (int i = 5; i <= 40; i++) {
        in(h, enq("c" + i, MIN + i * S));
        in(h, tr(QueueTransition.ANSWERED, "c" + i, MIN + i * S + 5 * S, MIN + i * S));
      }
      // 36 of 40 within 30 s = 90 % >= 85 % clear threshold
      List<AlarmEvent> a = alarms(h);
      assertThat(states(a)).containsExactly("SERVICE_LEVEL RAISED 0", "SERVICE_LEVEL CLEARED 85");
      assertDrained(h);
    }
  }

  @Test
  void aTransitionOlderThanTheLastEmittedWindowStillCorrectsLaterWindows() throws Exception {
    try (var h = harness(config(0), null)) {
      in(h, enq("c1", 10 * S));
      h.processWatermark(new Watermark(T0 + 3 * MIN));
      List<QueueMetrics> m = h.extractOutputValues();
      assertThat(m).extracting(x -> x.inQueue).containsExactly(1L, 1L, 1L);
      // the DISCONNECTED was lost; the CTR-derived abandon at 1:30 comes after 3:00 was emitted
      in(h, tr(QueueTransition.ABANDONED, "c1", 90 * S, 10 * S));
      h.processWatermark(new Watermark(T0 + 4 * MIN));
      QueueMetrics w4 = h.extractOutputValues().get(3);
      assertThat(w4.windowEndMs).isEqualTo(T0 + 4 * MIN);
      assertThat(w4.inQueue).isZero();
      assertThat(w4.abandoned).isEqualTo(1);
      assertThat(w4.offered).isEqualTo(1);
      assertDrained(h);
    }
  }

  @Test
  void atMostOneEpisodeStartsPerWindowSoNoIdIsRaisedTwice() throws Exception {
    try (var h = harness(config(0), null)) {
      for (int i = 1; i <= 4; i++) {
        in(h, enq("c" + i, i * S));
      }
      in(h, tr(QueueTransition.ABANDONED, "c1", 5 * S, S)); // 1 of 4: 25 % > 20
      for (int i = 5; i <= 7; i++) {
        in(h, enq("c" + i, (i + 1) * S)); // 1 of 7: 14 % <= 15, clears
      }
      in(h, tr(QueueTransition.ABANDONED, "c2", 9 * S, 2 * S)); // 2 of 7: 29 %, same window
      h.processWatermark(new Watermark(T0 + MIN)); // the window closes, still 29 %
      in(h, enq("c8", 61 * S)); // next window: 2 of 8 = 25 %
      List<AlarmEvent> a = only("ABANDONMENT_RATE", alarms(h));
      assertThat(states(a))
          .containsExactly(
              "ABANDONMENT_RATE RAISED 25",
              "ABANDONMENT_RATE CLEARED 14",
              "ABANDONMENT_RATE RAISED 25");
      assertThat(a.get(1).alarmId).isEqualTo(a.get(0).alarmId);
      assertThat(a.get(2).alarmId).isNotEqualTo(a.get(0).alarmId);
      assertThat(a.get(2).windowEndMs).isEqualTo(T0 + 2 * MIN);
      assertThat(a.get(2).alarmId)
          .isEqualTo(
              AlarmIds.of(
                  AlarmRule.ABANDONMENT_RATE,
                  "General",
                  null,
                  Instant.ofEpochMilli(T0 + 2 * MIN - 15 * MIN)));
      for (int i = 3; i <= 8; i++) {
        in(h, tr(QueueTransition.ANSWERED, "c" + i, 70 * S, 10 * S));
      }
      assertDrained(h);
    }
  }

  @Test
  void windowedRulesNeverGoBackToAWindowOlderThanOneAlreadyEvaluated() throws Exception {
    try (var h = harness(config(0), null)) {
      // records of the second minute arrive before the watermark has closed the first
      for (int i = 1; i <= 4; i++) {
        in(h, enq("c" + i, 60 * S + i * S));
      }
      in(h, tr(QueueTransition.ABANDONED, "c1", 70 * S, 61 * S));
      assertThat(states(only("ABANDONMENT_RATE", alarms(h))))
          .containsExactly("ABANDONMENT_RATE RAISED 25");
      // a record of the first minute, then the first window closes: on its own it is under the
      // volume guard, which would clear; it is older than the window already evaluated
      in(h, enq("c0", 10 * S));
      h.processWatermark(new Watermark(T0 + MIN));
      List<AlarmEvent> a = only("ABANDONMENT_RATE", alarms(h));
      assertThat(states(a)).containsExactly("ABANDONMENT_RATE RAISED 25");
      assertThat(h.extractOutputValues()).extracting(m -> m.windowEndMs).containsExactly(T0 + MIN);
      for (int i = 0; i <= 4; i++) {
        in(h, tr(QueueTransition.ANSWERED, "c" + i, 100 * S, 10 * S));
      }
      h.processWatermark(new Watermark(T0 + 20 * MIN));
      assertThat(states(only("ABANDONMENT_RATE", alarms(h))))
          .containsExactly("ABANDONMENT_RATE RAISED 25", "ABANDONMENT_RATE CLEARED 0");
      assertDrained(h);
    }
  }

  @Test
  void abandonmentRateCountsContactsCarriedIntoTheWindowAndStaysWithin100Percent()
      throws Exception {
    try (var h = harness(config(0), null)) {
      // 6 contacts offered in the first minute abandon after 16 minutes: their window has no
      // offers, abandoned / offered would be 6 / 0; they were all in the queue during it
      for (int i = 1; i <= 6; i++) {
        in(h, enq("c" + i, i * S));
      }
      for (int i = 1; i <= 6; i++) {
        in(h, tr(QueueTransition.ABANDONED, "c" + i, 16 * MIN + i * S, i * S));
      }
      h.processWatermark(new Watermark(Long.MAX_VALUE));
      List<QueueMetrics> m = h.extractOutputValues();
      assertThat(m).allSatisfy(x -> assertThat(x.abandonmentRate).isBetween(0.0, 1.0));
      QueueMetrics w17 =
          m.stream().filter(x -> x.windowEndMs == T0 + 17 * MIN).findFirst().orElseThrow();
      assertThat(w17.offered).isZero();
      assertThat(w17.abandoned).isEqualTo(6);
      assertThat(w17.abandonmentRate).isEqualTo(1.0);
      assertThat(only("ABANDONMENT_RATE", alarms(h)))
          .as("offered 0 is under the volume guard")
          .isEmpty();
    }
  }

  @Test
  void queueWaitRaisedByTheFallbackIsNotRaisedAgainByTheEventTimeTimer() throws Exception {
    try (var h = harness(config(5), null)) {
      h.setProcessingTime(0);
      in(h, enq("c1", 0));
      in(h, enq("c2", 10 * S));
      h.setProcessingTime(306 * S); // the watermark stalls: the fallback raises
      assertThat(states(alarms(h))).containsExactly("QUEUE_WAIT RAISED 301");
      in(h, tr(QueueTransition.ANSWERED, "c1", 305 * S, 0));
      in(h, tr(QueueTransition.ANSWERED, "c2", 320 * S, 10 * S));
      assertThat(states(alarms(h)))
          .containsExactly("QUEUE_WAIT RAISED 301", "QUEUE_WAIT CLEARED 0");
      // the watermark catches up: c1 (301 s) and c2 (311 s) breached while the episode was on
      h.processWatermark(new Watermark(T0 + 400 * S));
      assertThat(alarms(h)).hasSize(2);
      assertDrained(h);
    }
  }

  @Test
  void eventTimeOrderGivesTheSameOutputWhateverTheArrivalOrder() throws Exception {
    List<QueueTransition> ts = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      ts.add(enq("c" + i, i * 10 * S));
    }
    for (int i = 0; i < 12; i++) {
      String kind = i % 3 == 0 ? QueueTransition.ANSWERED : QueueTransition.ABANDONED;
      ts.add(tr(kind, "c" + i, i * 10 * S + (i % 4 + 1) * 15 * S, i * 10 * S));
    }
    QueueRulesConfig ordered = config(0).forReplay();
    assertThat(ordered.eventTimeOrder()).isTrue();
    assertThat(ordered.waitFallbackMs()).isZero();
    List<String> first = null;
    for (long seed = 1; seed <= 4; seed++) {
      // each contact's own transitions stay in order (they come from one tracker instance)
      List<QueueTransition> shuffled = new ArrayList<>(ts);
      java.util.Collections.shuffle(shuffled, new java.util.Random(seed));
      Map<String, Integer> seen = new HashMap<>();
      List<QueueTransition> arrival = new ArrayList<>();
      for (QueueTransition t : shuffled) {
        boolean exit = t.isExit();
        if (exit && !seen.containsKey(t.contactId)) {
          continue;
        }
        arrival.add(t);
        seen.put(t.contactId, 1);
      }
      for (QueueTransition t : ts) {
        if (t.isExit() && !arrival.contains(t)) {
          arrival.add(t);
        }
      }
      try (var h = harness(ordered, null)) {
        for (QueueTransition t : arrival) {
          in(h, t);
        }
        assertThat(alarms(h)).as("nothing before the watermark").isEmpty();
        h.processWatermark(new Watermark(T0 + 90 * S));
        h.processWatermark(new Watermark(Long.MAX_VALUE));
        List<String> out = render(h);
        assertThat(out).anyMatch(x -> x.startsWith("ABANDONMENT_RATE RAISED"));
        if (first == null) {
          first = out;
        } else {
          assertThat(out).as("arrival order " + seed).containsExactlyElementsOf(first);
        }
        assertDrained(h);
      }
    }
  }

  @Test
  void eventTimeOrderSnapshotRestoreKeepsThePendingTransitions() throws Exception {
    QueueRulesConfig ordered = config(0).forReplay();
    List<Object> input = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      input.add(enq("c" + i, i * 5 * S));
    }
    input.add(tr(QueueTransition.ABANDONED, "c0", 40 * S, 0));
    input.add(tr(QueueTransition.ABANDONED, "c1", 42 * S, 5 * S));
    input.add(new Watermark(T0 + 20 * S));
    input.add(tr(QueueTransition.ANSWERED, "c2", 50 * S, 10 * S));
    input.add(new Watermark(T0 + 2 * MIN));
    for (int i = 3; i < 6; i++) {
      input.add(tr(QueueTransition.ANSWERED, "c" + i, 130 * S, i * 5 * S));
    }
    input.add(new Watermark(Long.MAX_VALUE));
    int cut = 9; // after the watermark at 20 s: the exits at 40 and 42 s are still pending
    List<String> uninterrupted;
    try (var h = harness(ordered, null)) {
      feed(h, input);
      uninterrupted = render(h);
      assertDrained(h);
    }
    List<String> restored = new ArrayList<>();
    OperatorSubtaskState snap;
    try (var h = harness(ordered, null)) {
      feed(h, input.subList(0, cut));
      restored.addAll(render(h));
      snap = h.snapshot(1, 1);
    }
    try (var h = harness(ordered, snap)) {
      feed(h, input.subList(cut, input.size()));
      restored.addAll(render(h));
      assertDrained(h);
    }
    assertThat(uninterrupted).anyMatch(x -> x.startsWith("QUEUE_SIZE RAISED"));
    assertThat(uninterrupted).anyMatch(x -> x.startsWith("ABANDONMENT_RATE RAISED"));
    assertThat(restored).containsExactlyInAnyOrderElementsOf(uninterrupted);
  }

  @Test
  void switchedToArrivalOrderOnRestoreTheBufferedTransitionsAreStillApplied() throws Exception {
    QueueRulesConfig ordered = config(0).forReplay();
    OperatorSubtaskState snap;
    try (var h = harness(ordered, null)) {
      for (int i = 0; i < 3; i++) {
        in(h, enq("c" + i, i * 5 * S));
      }
      in(h, tr(QueueTransition.ABANDONED, "c0", 20 * S, 0));
      in(h, tr(QueueTransition.ANSWERED, "c1", 30 * S, 5 * S));
      in(h, tr(QueueTransition.ANSWERED, "c2", 40 * S, 10 * S));
      h.processWatermark(new Watermark(T0 + 6 * S)); // c0 and c1 enqueued, the rest pending
      snap = h.snapshot(1, 1);
    }
    List<QueueMetrics> windows = new ArrayList<>();
    try (var h = harness(config(0), snap)) { // restored with evaluation-order=arrival
      h.processWatermark(new Watermark(T0 + 2 * MIN));
      windows.addAll(h.extractOutputValues());
      assertDrained(h);
    }
    // the first window saw all three enqueues and the abandon, the pending ones included
    assertThat(windows).isNotEmpty();
    assertThat(windows.get(0).offered).isEqualTo(3);
    assertThat(windows.get(0).abandoned).isEqualTo(1);
    assertThat(windows.get(0).answered).isEqualTo(2);
  }

  @Test
  void snapshotRestoreGivesTheSameOutput() throws Exception {
    List<Object> input = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      input.add(enq("c" + i, i * 20 * S));
    }
    input.add(tr(QueueTransition.ABANDONED, "c0", 50 * S, 0));
    input.add(new Watermark(T0 + 2 * MIN));
    input.add(tr(QueueTransition.ANSWERED, "c1", 130 * S, 20 * S));
    input.add(tr(QueueTransition.ABANDONED, "c2", 140 * S, 40 * S));
    input.add(new Watermark(T0 + 6 * MIN)); // QUEUE_WAIT for c3 (enqueued at 60 s)
    input.add(tr(QueueTransition.ABANDONED, "c3", 370 * S, 60 * S));
    for (int i = 4; i < 8; i++) {
      input.add(tr(QueueTransition.ANSWERED, "c" + i, 380 * S + i * S, i * 20 * S));
    }
    input.add(new Watermark(Long.MAX_VALUE));
    int cut = 11;
    List<String> uninterrupted;
    try (var h = harness(config(0), null)) {
      feed(h, input);
      uninterrupted = render(h);
      assertDrained(h);
    }
    List<String> restored = new ArrayList<>();
    OperatorSubtaskState snap;
    try (var h = harness(config(0), null)) {
      feed(h, input.subList(0, cut));
      restored.addAll(render(h));
      snap = h.snapshot(1, 1);
    }
    try (var h = harness(config(0), snap)) {
      feed(h, input.subList(cut, input.size()));
      restored.addAll(render(h));
      assertDrained(h);
    }
    assertThat(uninterrupted).anyMatch(s -> s.startsWith("QUEUE_WAIT RAISED"));
    assertThat(uninterrupted).anyMatch(s -> s.startsWith("QUEUE_SIZE RAISED"));
    assertThat(uninterrupted.stream().filter(s -> s.startsWith("W ")).count()).isGreaterThan(15);
    assertThat(restored).containsExactlyInAnyOrderElementsOf(uninterrupted);
  }

  private static List<String> render(
      KeyedOneInputStreamOperatorTestHarness<String, QueueTransition, QueueMetrics> h) {
    List<String> s = new ArrayList<>();
    for (QueueMetrics m : h.extractOutputValues()) {
      s.add(
          "W "
              + (m.windowEndMs - T0) / 1000
              + " o="
              + m.offered
              + " a="
              + m.answered
              + " ab="
              + m.abandoned
              + " in="
              + m.inQueue
              + " oldest="
              + m.oldestWaitSeconds
              + " avg="
              + m.avgWaitSeconds);
    }
    for (AlarmEvent a : alarms(h)) {
      s.add(a.rule + " " + a.state + " " + a.alarmId + " " + a.eventTimeMs + " " + a.value);
    }
    return s;
  }

  /** Feeds transitions, watermarks and processing times (a Long: moves processing time on). */
  static void feed(
      KeyedOneInputStreamOperatorTestHarness<String, QueueTransition, QueueMetrics> h,
      List<Object> input)
      throws Exception {
    for (Object o : input) {
      if (o instanceof QueueTransition t) {
        in(h, t);
      } else if (o instanceof Watermark w) {
        h.processWatermark(w);
      } else {
        h.setProcessingTime(Math.max(h.getProcessingTime(), (Long) o));
      }
    }
  }
}
