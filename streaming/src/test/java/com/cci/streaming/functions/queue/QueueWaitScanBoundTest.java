package com.cci.streaming.functions.queue;

import static com.cci.streaming.functions.queue.QueueAnalyticsFunctionTest.MIN;
import static com.cci.streaming.functions.queue.QueueAnalyticsFunctionTest.S;
import static com.cci.streaming.functions.queue.QueueAnalyticsFunctionTest.T0;
import static com.cci.streaming.functions.queue.QueueAnalyticsFunctionTest.config;
import static com.cci.streaming.functions.queue.QueueAnalyticsFunctionTest.feed;
import static org.assertj.core.api.Assertions.assertThat;

import com.cci.schemas.Json;
import com.cci.streaming.records.AlarmEvent;
import com.cci.streaming.records.QueueMetrics;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The QUEUE_WAIT scan bound ({@link QueueLiveState#waitScanFromMs}) only skips scans that would
 * find nothing: on random traffic (two queues, waits around the 300 s threshold, lost exits, exits
 * without an enqueue, records out of order, stalling watermarks, the processing-time fallback, a
 * snapshot and restore part-way) the function emits exactly what it emits when it scans on every
 * check — every queue-metrics record and every alarm, field by field, in the same order (and the
 * same across a restore) — while running far fewer scans.
 */
@Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class QueueWaitScanBoundTest {
  private static final int SCENARIOS = 100;

  private record Run(List<String> out, long scans) {}

  @Test
  void arrivalOrderWithTheProcessingTimeFallbackGivesTheSameOutputAsScanningEveryTime()
      throws Exception {
    compare(config(5), "arrival");
  }

  @Test
  void eventTimeOrderGivesTheSameOutputAsScanningEveryTime() throws Exception {
    compare(config(0).inEventTimeOrder(), "event-time");
  }

  private static void compare(QueueRulesConfig cfg, String order) throws Exception {
    long scansWith = 0;
    long scansWithout = 0;
    int waitRaised = 0;
    for (int seed = 1; seed <= SCENARIOS; seed++) {
      List<Object> input = scenario(new Random(seed));
      int cut = input.size() / 2;
      Run reference = run(cfg, false, input, -1);
      Run bounded = run(cfg, true, input, -1);
      assertThat(bounded.out()).as(order + " seed " + seed).isEqualTo(reference.out());
      // A restore itself may change what late records do (the restored watermark starts over);
      // the bound, kept in state, must not change anything more: compare restore with restore.
      Run restored = run(cfg, true, input, cut);
      Run restoredReference = run(cfg, false, input, cut);
      assertThat(restored.out())
          .as(order + " seed " + seed + ", restored at " + cut)
          .isEqualTo(restoredReference.out());
      scansWith += bounded.scans();
      scansWithout += reference.scans();
      waitRaised +=
          (int) reference.out().stream().filter(s -> s.contains("\"QUEUE_WAIT\"")).count();
    }
    // the comparison is only worth something if QUEUE_WAIT is raised and cleared often
    assertThat(waitRaised).as("QUEUE_WAIT alarms over all scenarios").isGreaterThan(SCENARIOS);
    assertThat(scansWith).as("scans with the bound").isLessThan(scansWithout / 3);
  }

  /**
   * Contacts entering two queues over ~40 minutes; each waits 0–10 min (the wait threshold is 300
   * s) and leaves answered or abandoned, or its exit is lost (timed out by the tracker); some exits
   * arrive with no enqueue. Records are delivered out of order within a few minutes; watermarks
   * trail the records and sometimes stall while processing time runs on (the fallback's case).
   */
  private static List<Object> scenario(Random rnd) {
    List<QueueTransition> trs = new ArrayList<>();
    int contacts = 5 + rnd.nextInt(40);
    for (int i = 0; i < contacts; i++) {
      String q = rnd.nextInt(4) == 0 ? "q2" : "q1";
      String id = "c" + i;
      long enq = rnd.nextInt(40 * 60) * S;
      long wait = rnd.nextInt(10) < 6 ? rnd.nextInt(300) * S : rnd.nextInt(600) * S;
      boolean enqueueSeen = rnd.nextInt(12) != 0;
      if (enqueueSeen) {
        trs.add(tr(q, QueueTransition.ENQUEUED, id, enq, enq));
      }
      int exit = rnd.nextInt(10);
      if (exit < 6) {
        trs.add(tr(q, QueueTransition.ANSWERED, id, enq + wait, enq));
      } else if (exit < 9) {
        trs.add(tr(q, QueueTransition.ABANDONED, id, enq + wait, enq));
      } else {
        // the exit was lost: the tracker times the contact out (here 20 min after the enqueue)
        trs.add(
            new QueueTransition(
                q,
                null,
                id,
                QueueTransition.TIMED_OUT,
                T0 + enq + 20 * MIN,
                T0 + enq,
                QueueTransition.FROM_TIMEOUT));
      }
    }
    trs.sort((a, b) -> Long.compare(a.timeMs, b.timeMs));
    // out of order: each record moves a random distance (up to ~3 min of traffic) later
    for (int i = trs.size() - 1; i > 0; i--) {
      if (rnd.nextInt(3) == 0) {
        int j = Math.min(trs.size() - 1, i + rnd.nextInt(6));
        Collections.swap(trs, i, j);
      }
    }
    // ... but each contact's own transitions stay in order (the tracker emits ENQUEUED first)
    java.util.Map<String, Integer> firstAt = new java.util.HashMap<>();
    for (int i = 0; i < trs.size(); i++) {
      QueueTransition t = trs.get(i);
      Integer first = firstAt.putIfAbsent(t.contactId, i);
      if (first != null && QueueTransition.ENQUEUED.equals(t.kind)) {
        Collections.swap(trs, first, i);
      }
    }
    List<Object> input = new ArrayList<>();
    long maxTime = Long.MIN_VALUE;
    long watermark = Long.MIN_VALUE;
    long proc = 0;
    for (QueueTransition t : trs) {
      input.add(t);
      maxTime = Math.max(maxTime, t.timeMs);
      proc += rnd.nextInt(3) * S;
      input.add(proc);
      int w = rnd.nextInt(10);
      if (w < 4) {
        long next = maxTime - rnd.nextInt(3) * MIN;
        if (next > watermark) {
          watermark = next;
          input.add(new Watermark(watermark));
        }
      } else if (w == 4) {
        proc += rnd.nextInt(400) * S; // the watermark stalls while time runs on
        input.add(proc);
      }
    }
    input.add(proc + 20 * MIN);
    input.add(new Watermark(Long.MAX_VALUE));
    return input;
  }

  private static QueueTransition tr(String q, String kind, String id, long t, long enq) {
    return new QueueTransition(q, null, id, kind, T0 + t, T0 + enq, QueueTransition.FROM_EVENT);
  }

  /** Runs the input; with {@code cut} ≥ 0 snapshots there and goes on in a restored harness. */
  private static Run run(QueueRulesConfig cfg, boolean bound, List<Object> input, int cut)
      throws Exception {
    List<String> out = new ArrayList<>();
    long scans = 0;
    OperatorSubtaskState snap = null;
    int from = 0;
    if (cut >= 0) {
      try (var h = harness(cfg, bound, null)) {
        h.setProcessingTime(0);
        feed(h, input.subList(0, cut));
        out.addAll(render(h));
        snap = h.snapshot(1, 1);
        scans += fn(h).waitScans();
      }
      from = cut;
    }
    try (var h = harness(cfg, bound, snap)) {
      if (snap == null) {
        h.setProcessingTime(0);
      }
      feed(h, input.subList(from, input.size()));
      h.setProcessingTime(Long.MAX_VALUE);
      out.addAll(render(h));
      scans += fn(h).waitScans();
      assertThat(h.numKeyedStateEntries()).as("state drained").isZero();
      assertThat(h.numEventTimeTimers()).as("event-time timers drained").isZero();
    }
    return new Run(out, scans);
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, QueueTransition, QueueMetrics>
      harness(QueueRulesConfig cfg, boolean bound, OperatorSubtaskState restore) throws Exception {
    return QueueAnalyticsFunctionTest.harness(new QueueAnalyticsFunction(cfg, bound), restore);
  }

  private static QueueAnalyticsFunction fn(
      KeyedOneInputStreamOperatorTestHarness<String, QueueTransition, QueueMetrics> h) {
    @SuppressWarnings("unchecked")
    var op = (KeyedProcessOperator<String, QueueTransition, QueueMetrics>) h.getOperator();
    return (QueueAnalyticsFunction) op.getUserFunction();
  }

  /** Every output record, whole, in emission order (metrics then alarms). */
  private static List<String> render(
      KeyedOneInputStreamOperatorTestHarness<String, QueueTransition, QueueMetrics> h)
      throws Exception {
    List<String> s = new ArrayList<>();
    for (QueueMetrics m : h.extractOutputValues()) {
      s.add(Json.mapper().writeValueAsString(m));
    }
    var alarms = h.getSideOutput(QueueAnalyticsFunction.ALARMS);
    if (alarms != null) {
      for (StreamRecord<AlarmEvent> r : alarms) {
        s.add(Json.mapper().writeValueAsString(r.getValue()));
      }
    }
    return s;
  }
}
