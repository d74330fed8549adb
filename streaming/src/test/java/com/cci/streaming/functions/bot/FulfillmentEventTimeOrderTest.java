package com.cci.streaming.functions.bot;

import static com.cci.streaming.testing.SimRecords.bot;
import static org.assertj.core.api.Assertions.assertThat;

import com.cci.streaming.functions.conversation.ConversationPipeline;
import com.cci.streaming.records.AlarmEvent;
import com.cci.streaming.records.FulfillmentRecord;
import com.cci.streaming.rules.Hysteresis;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The bot rules in event-time order: {@link FulfillmentEventTimeOrder} releases one sequence of
 * records whatever the arrival order and watermark steps, and {@link BotWindowRuleFunction} fed
 * that sequence raises and clears the same alarms however far the watermark had got (expiries
 * caught up by records that run ahead of it).
 */
// A harness whose state never drains loops on window/expiry timers up to Long.MAX_VALUE: fail
// fast instead of holding the shared CPU (the thread is abandoned; the fork exits after the run).
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FulfillmentEventTimeOrderTest {
  private static final long T0 = Instant.parse("2026-11-20T15:00:00Z").toEpochMilli();
  private static final long BOUND = 5_000; // out-of-orderness of the shuffled arrivals

  /** 5 % raise, 3 % clear, min 20 turns, 60 s window. */
  private static final BotWindowRule ERRORS =
      new FulfillmentErrorRule(60_000, Hysteresis.above(5, 3), 20, "HIGH");

  /** > 10 failures raise, <= 4 clear, 60 s window. */
  private static final BotWindowRule AUTH =
      new AuthFailureRule(60_000, Hysteresis.above(10, 4), "CRITICAL");

  private static KeyedOneInputStreamOperatorTestHarness<
          String, FulfillmentRecord, FulfillmentRecord>
      sorter() throws Exception {
    var h =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new FulfillmentEventTimeOrder()),
            new ConversationPipeline.GlobalKey(),
            Types.STRING);
    h.getExecutionConfig().disableGenericTypes();
    return h;
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, FulfillmentRecord, AlarmEvent> rule(
      BotWindowRule rule) throws Exception {
    var h =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new BotWindowRuleFunction(rule)),
            new ConversationPipeline.GlobalKey(),
            Types.STRING);
    h.getExecutionConfig().disableGenericTypes();
    return h;
  }

  /**
   * Ten minutes of bot traffic with two error bursts and two PIN-guessing bursts separated by quiet
   * gaps (so alarms raise, clear on window expiry and raise again), several records per millisecond
   * and second; in event-time order.
   */
  static List<FulfillmentRecord> traffic() {
    List<FulfillmentRecord> out = new ArrayList<>();
    Random rnd = new Random(11);
    for (int i = 0; i < 900; i++) {
      long t = T0 + (long) i * 400;
      boolean errorBurst = (i >= 150 && i < 260) || (i >= 600 && i < 680);
      boolean pinBurst = (i >= 300 && i < 360) || (i >= 700 && i < 740);
      if (i >= 400 && i < 560) {
        continue; // quiet: both windows empty out, alarms clear on expiry
      }
      String error = errorBurst && rnd.nextInt(4) == 0 ? "BACKEND_ERROR" : null;
      String auth = pinBurst && rnd.nextBoolean() ? "FAILURE" : "SUCCESS";
      out.add(bot(t, auth, error));
      if (i % 7 == 0) { // same millisecond, other fields
        out.add(bot(t, "SUCCESS", "VALIDATION")); // the customer's error: no system error
      }
    }
    out.sort(FulfillmentEventTimeOrder.ORDER);
    return out;
  }

  /**
   * {@code records} in a random arrival order within {@link #BOUND} of event time, each followed
   * now and then (random steps) by the watermark max seen − bound − 1, as the job's bounded
   * out-of-orderness strategy emits it; then the end of input.
   */
  static List<Object> arrival(List<FulfillmentRecord> records, long seed) {
    Random rnd = new Random(seed);
    List<long[]> keyed = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      keyed.add(new long[] {records.get(i).eventTimeMs + rnd.nextInt((int) BOUND), i});
    }
    keyed.sort(Comparator.comparingLong((long[] k) -> k[0]).thenComparingLong(k -> k[1]));
    List<Object> out = new ArrayList<>();
    long max = Long.MIN_VALUE;
    for (long[] k : keyed) {
      FulfillmentRecord r = records.get((int) k[1]);
      out.add(r);
      max = Math.max(max, r.eventTimeMs);
      if (rnd.nextInt(1 + (int) (seed % 40)) == 0) {
        out.add(new Watermark(max - BOUND - 1));
      }
    }
    out.add(new Watermark(Long.MAX_VALUE));
    return out;
  }

  /** Plays records and watermarks into a harness. */
  private static <O> void play(
      KeyedOneInputStreamOperatorTestHarness<String, FulfillmentRecord, O> h, List<Object> input)
      throws Exception {
    for (Object o : input) {
      if (o instanceof Watermark w) {
        h.processWatermark(w);
      } else {
        FulfillmentRecord r = (FulfillmentRecord) o;
        h.processElement(r, r.eventTimeMs);
      }
    }
  }

  /** The sorter's output: records and watermarks, in the order it emitted them. */
  @SuppressWarnings("unchecked")
  private static List<Object> emitted(
      KeyedOneInputStreamOperatorTestHarness<String, FulfillmentRecord, FulfillmentRecord> h) {
    List<Object> out = new ArrayList<>();
    for (Object o : h.getOutput()) {
      if (o instanceof Watermark) {
        out.add(o);
      } else if (o instanceof StreamRecord<?> r) {
        out.add(((StreamRecord<FulfillmentRecord>) r).getValue());
      }
    }
    return out;
  }

  /** The records among {@code emitted}, as "time id" (FulfillmentRecord has no equals). */
  private static List<String> records(List<Object> emitted) {
    return emitted.stream()
        .filter(o -> o instanceof FulfillmentRecord)
        .map(o -> id((FulfillmentRecord) o))
        .toList();
  }

  private static List<String> ids(List<FulfillmentRecord> rs) {
    return rs.stream().map(FulfillmentEventTimeOrderTest::id).toList();
  }

  private static String id(FulfillmentRecord r) {
    return r.eventTimeMs + " " + r.eventId;
  }

  /** Sorter then rule, the sorter's output (records and watermarks) piped into the rule. */
  private static List<AlarmEvent> sortedThenRule(List<Object> arrival, BotWindowRule rule)
      throws Exception {
    List<Object> sorted;
    try (var s = sorter()) {
      s.open();
      play(s, arrival);
      assertThat(s.numKeyedStateEntries()).isZero();
      assertThat(s.numEventTimeTimers()).isZero();
      sorted = emitted(s);
    }
    try (var h = rule(rule)) {
      h.open();
      play(h, sorted);
      assertThat(h.numKeyedStateEntries()).isZero();
      assertThat(h.numEventTimeTimers()).isZero();
      return h.extractOutputValues();
    }
  }

  @Test
  void shuffledArrivalsAreReleasedInOneOrderAndTheStateAndTimersDrain() throws Exception {
    List<FulfillmentRecord> expected = traffic();
    for (long seed = 1; seed <= 6; seed++) {
      List<Object> in = arrival(expected, seed);
      assertThat(records(in)).as("the arrival order is shuffled").isNotEqualTo(ids(expected));
      try (var s = sorter()) {
        s.open();
        play(s, in);
        assertThat(records(emitted(s)))
            .as("seed %d", seed)
            .containsExactlyElementsOf(ids(expected));
        assertThat(s.numKeyedStateEntries()).isZero();
        assertThat(s.numEventTimeTimers()).isZero();
      }
    }
  }

  @Test
  void recordsAreHeldUntilTheWatermarkPassesTheirSecond() throws Exception {
    try (var s = sorter()) {
      s.open();
      s.processElement(bot(T0 + 1_200, "SUCCESS", null), T0 + 1_200);
      s.processElement(bot(T0 + 300, "FAILURE", null), T0 + 300);
      s.processElement(bot(T0 + 1_100, "LOCKED", null), T0 + 1_100);
      assertThat(s.extractOutputValues()).isEmpty();
      s.processWatermark(T0 + 998);
      assertThat(s.extractOutputValues()).isEmpty(); // second T0 not over yet
      s.processWatermark(T0 + 999);
      assertThat(s.extractOutputValues()).extracting(r -> r.eventTimeMs).containsExactly(T0 + 300);
      s.processWatermark(T0 + 1_999);
      assertThat(s.extractOutputValues())
          .extracting(r -> r.eventTimeMs)
          .containsExactly(T0 + 300, T0 + 1_100, T0 + 1_200);
      assertThat(s.numKeyedStateEntries()).isZero();
      assertThat(s.numEventTimeTimers()).isZero();
    }
  }

  @Test
  void aRecordBehindTheWatermarkIsPassedOnAtOnce() throws Exception {
    try (var s = sorter()) {
      s.open();
      s.processWatermark(T0 + 10_000);
      s.processElement(bot(T0 + 12_000, "SUCCESS", null), T0 + 12_000);
      FulfillmentRecord late = bot(T0 + 4_000, "FAILURE", null);
      s.processElement(late, late.eventTimeMs);
      assertThat(s.extractOutputValues())
          .extracting(r -> r.eventTimeMs)
          .containsExactly(T0 + 4_000);
      assertThat(s.numKeyedStateEntries()).isOne(); // the on-time record waits
      s.processWatermark(T0 + 13_000);
      assertThat(s.extractOutputValues()).hasSize(2);
      assertThat(s.numKeyedStateEntries()).isZero();
      assertThat(s.numEventTimeTimers()).isZero();
    }
  }

  @Test
  void botRulesFedInEventTimeOrderRaiseAndClearTheSameAlarmsWhateverTheArrivalOrder()
      throws Exception {
    List<FulfillmentRecord> records = traffic();
    for (BotWindowRule rule : List.of(ERRORS, AUTH)) {
      List<AlarmEvent> first = sortedThenRule(arrival(records, 1), rule);
      // two episodes each: raised in a burst, cleared on expiry in the quiet gap, raised again
      assertThat(first)
          .as(rule.rule().name())
          .extracting(a -> a.state)
          .containsExactly("RAISED", "CLEARED", "RAISED", "CLEARED");
      for (long seed = 2; seed <= 8; seed++) {
        assertThat(sortedThenRule(arrival(records, seed), rule))
            .as("%s, arrival order %d vs 1", rule.rule(), seed)
            .containsExactlyElementsOf(first);
      }
    }
  }

  @Test
  void expiriesRunAheadOfByARecordAreJudgedAsTheirTimersWouldJudgeThem() throws Exception {
    // 12 failures (raise), a gap, 12 more: the first burst's expiries clear the alarm in the gap
    List<FulfillmentRecord> rs = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      rs.add(bot(T0 + i * 1000L, "FAILURE", null));
    }
    for (int i = 0; i < 12; i++) {
      rs.add(bot(T0 + 100_000 + i * 1000L, "FAILURE", null));
    }
    List<AlarmEvent> timersFirst;
    try (var h = rule(AUTH)) { // the watermark follows every record: expiry timers fire in time
      h.open();
      for (FulfillmentRecord r : rs) {
        h.processWatermark(r.eventTimeMs); // expiries up to this instant fire before the record
        h.processElement(r, r.eventTimeMs);
      }
      h.processWatermark(Long.MAX_VALUE);
      timersFirst = h.extractOutputValues();
      assertThat(h.numKeyedStateEntries()).isZero();
      assertThat(h.numEventTimeTimers()).isZero();
    }
    assertThat(timersFirst)
        .extracting(a -> a.state)
        .containsExactly("RAISED", "CLEARED", "RAISED", "CLEARED");
    // cleared at the expiry that left 4 failures in the window: second 7's (T0 + 67 s)
    assertThat(timersFirst.get(1).eventTimeMs).isEqualTo(T0 + 67_000);
    assertThat(timersFirst.get(1).value).isEqualTo(4.0);
    try (var h = rule(AUTH)) { // no watermark until the end: the records run ahead of the timers
      h.open();
      for (FulfillmentRecord r : rs) {
        h.processElement(r, r.eventTimeMs);
      }
      h.processWatermark(Long.MAX_VALUE);
      assertThat(h.extractOutputValues()).containsExactlyElementsOf(timersFirst);
      assertThat(h.numKeyedStateEntries()).isZero();
      assertThat(h.numEventTimeTimers()).isZero();
    }
  }

  @Test
  void snapshotRestoreWithRecordsInTheBufferEqualsAnUninterruptedRun() throws Exception {
    List<Object> in = arrival(traffic(), 3);
    List<String> uninterrupted;
    try (var s = sorter()) {
      s.open();
      play(s, in);
      uninterrupted = records(emitted(s));
    }
    int cut = in.size() / 2;
    List<String> restored = new ArrayList<>();
    OperatorSubtaskState snapshot;
    try (var s = sorter()) {
      s.open();
      play(s, in.subList(0, cut));
      assertThat(s.numKeyedStateEntries()).as("records wait in the buffer").isPositive();
      assertThat(s.numEventTimeTimers()).isPositive();
      snapshot = s.snapshot(1, 1);
      restored.addAll(records(emitted(s)));
    }
    try (var s = sorter()) {
      s.initializeState(snapshot);
      s.open();
      play(s, in.subList(cut, in.size()));
      restored.addAll(records(emitted(s)));
      assertThat(s.numKeyedStateEntries()).isZero();
      assertThat(s.numEventTimeTimers()).isZero();
    }
    assertThat(restored).containsExactlyElementsOf(uninterrupted);
  }

  @Test
  void theSorterSerializesForShippingToTaskManagers() throws Exception {
    assertThat(
            org.apache.flink.util.InstantiationUtil.clone(
                new FulfillmentEventTimeOrder(), getClass().getClassLoader()))
        .isNotNull();
  }
}
