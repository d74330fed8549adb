package com.cci.streaming.functions.bot;

import static com.cci.streaming.testing.SimRecords.bot;
import static org.assertj.core.api.Assertions.assertThat;

import com.cci.schemas.alarm.AlarmIds;
import com.cci.schemas.alarm.AlarmRule;
import com.cci.streaming.functions.conversation.ConversationPipeline;
import com.cci.streaming.records.AlarmEvent;
import com.cci.streaming.records.FulfillmentRecord;
import com.cci.streaming.rules.Hysteresis;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class BotWindowRuleFunctionTest {
  private static final long T0 = Instant.parse("2026-11-20T15:00:00Z").toEpochMilli();
  private static final long MIN = 60_000;

  /** 5 % raise, 3 % clear, min 20 turns, 60 s window. */
  private static final BotWindowRule ERRORS =
      new FulfillmentErrorRule(60_000, Hysteresis.above(5, 3), 20, "HIGH");

  /** > 10 failures raise, <= 4 clear, 60 s window. */
  private static final BotWindowRule AUTH =
      new AuthFailureRule(60_000, Hysteresis.above(10, 4), "CRITICAL");

  private static KeyedOneInputStreamOperatorTestHarness<String, FulfillmentRecord, AlarmEvent>
      harness(BotWindowRule rule) throws Exception {
    var h =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new BotWindowRuleFunction(rule)),
            new ConversationPipeline.GlobalKey(),
            Types.STRING);
    h.getExecutionConfig().disableGenericTypes();
    return h;
  }

  private static void feed(
      KeyedOneInputStreamOperatorTestHarness<String, FulfillmentRecord, AlarmEvent> h,
      List<FulfillmentRecord> rs)
      throws Exception {
    for (FulfillmentRecord r : rs) {
      h.processElement(r, r.eventTimeMs);
    }
  }

  /** n turns spread evenly over [from, from + spanMs), the first {@code errors} failing. */
  private static List<FulfillmentRecord> traffic(
      long from, long spanMs, int n, int errors, String errorClass) {
    List<FulfillmentRecord> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(bot(from + spanMs * i / n, "SUCCESS", i < errors ? errorClass : null));
    }
    return out;
  }

  @Test
  void theFunctionsSerializeForShippingToTaskManagers() throws Exception {
    var cfg = com.cci.streaming.functions.conversation.ConversationRulesConfig.defaults();
    for (BotWindowRule rule :
        List.of(FulfillmentErrorRule.from(cfg), AuthFailureRule.from(cfg), ERRORS, AUTH)) {
      var copy =
          org.apache.flink.util.InstantiationUtil.clone(
              new BotWindowRuleFunction(rule), getClass().getClassLoader());
      assertThat(copy).isNotNull();
    }
  }

  @Test
  void theRecordThatPushesTheErrorRateOverRaisesAtOnce() throws Exception {
    try (var h = harness(ERRORS)) {
      h.open();
      feed(h, traffic(T0, 30_000, 40, 0, null)); // 40 good turns
      feed(h, traffic(T0 + 30_000, 1000, 2, 2, "BACKEND_ERROR")); // 2/42 = 4.8 %
      assertThat(h.extractOutputValues()).isEmpty();
      FulfillmentRecord third = bot(T0 + 31_500, "SUCCESS", "BACKEND_TIMEOUT"); // 3/43 = 7 %
      h.processElement(third, third.eventTimeMs);
      List<AlarmEvent> out = h.extractOutputValues();
      assertThat(out).hasSize(1);
      AlarmEvent a = out.get(0);
      assertThat(a.rule).isEqualTo("FULFILLMENT_ERRORS");
      assertThat(a.state).isEqualTo("RAISED");
      assertThat(a.queue).isNull();
      assertThat(a.value).isCloseTo(300.0 / 43, org.assertj.core.data.Offset.offset(1e-9));
      assertThat(a.threshold).isEqualTo(5.0);
      assertThat(a.eventTimeMs).isEqualTo(T0 + 31_500);
      assertThat(a.windowEndMs).isEqualTo(T0 + 32_000);
      assertThat(a.windowStartMs).isEqualTo(T0 + 32_000 - 60_000);
      assertThat(a.alarmId)
          .isEqualTo(
              AlarmIds.of(
                  AlarmRule.FULFILLMENT_ERRORS,
                  AlarmIds.GLOBAL_SCOPE,
                  Instant.ofEpochMilli(a.windowStartMs)));
      assertThat(a.message).contains("3 of 43");
    }
  }

  @Test
  void validationErrorsAreNotSystemErrorsAndLowVolumeIsNotJudged() throws Exception {
    try (var h = harness(ERRORS)) {
      h.open();
      feed(h, traffic(T0, 10_000, 30, 30, "VALIDATION"));
      assertThat(h.extractOutputValues()).isEmpty();
    }
    try (var h = harness(ERRORS)) {
      h.open();
      feed(h, traffic(T0, 10_000, 19, 19, "BACKEND_UNAVAILABLE")); // 100 % but only 19 turns
      assertThat(h.extractOutputValues()).isEmpty();
      h.processElement(bot(T0 + 11_000, "SUCCESS", null), T0 + 11_000); // 20th turn: 95 %
      assertThat(h.extractOutputValues()).extracting(a -> a.state).containsExactly("RAISED");
    }
  }

  @Test
  void hysteresisNoRepeatsWhileActiveClearsBelowTheClearThreshold() throws Exception {
    try (var h = harness(ERRORS)) {
      h.open();
      feed(h, traffic(T0, 60_000, 100, 10, "BACKEND_ERROR")); // errors early, 10 %
      assertThat(h.extractOutputValues()).hasSize(1);
      // the next minute: 100 good turns; errors slide out; 4 % is between clear and raise
      List<FulfillmentRecord> next = traffic(T0 + 60_000, 60_000, 100, 0, null);
      feed(h, next.subList(0, 1));
      assertThat(h.extractOutputValues()).hasSize(1);
      feed(h, next.subList(1, next.size()));
      List<AlarmEvent> out = h.extractOutputValues();
      assertThat(out).extracting(a -> a.state).containsExactly("RAISED", "CLEARED");
      assertThat(out.get(1).alarmId).isEqualTo(out.get(0).alarmId);
      assertThat(out.get(1).value).isLessThanOrEqualTo(3.0);
      assertThat(out.get(1).threshold).isEqualTo(3.0);
    }
  }

  @Test
  void authFailureSpikeRaisesAndClearsWhenTrafficStopsThenStateAndTimersDrain() throws Exception {
    try (var h = harness(AUTH)) {
      h.open();
      List<FulfillmentRecord> rs = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        rs.add(bot(T0 + i * 1000, i % 2 == 0 ? "FAILURE" : "LOCKED", null));
        rs.add(bot(T0 + i * 1000 + 500, "SUCCESS", null));
      }
      feed(h, rs);
      List<AlarmEvent> out = h.extractOutputValues();
      assertThat(out).hasSize(1);
      assertThat(out.get(0).rule).isEqualTo("AUTH_FAILURES");
      assertThat(out.get(0).severity).isEqualTo("CRITICAL");
      assertThat(out.get(0).value).isEqualTo(11.0); // the 11th failure raised it
      assertThat(out.get(0).eventTimeMs).isEqualTo(T0 + 10_000);
      assertThat(h.numKeyedStateEntries()).isGreaterThan(0);
      // no more traffic: the window slides on timers; clears once <= 4 failures remain
      h.processWatermark(T0 + 60_000 + 24_000);
      assertThat(h.extractOutputValues()).hasSize(1);
      h.processWatermark(T0 + 60_000 + 25_000);
      out = h.extractOutputValues();
      assertThat(out).extracting(a -> a.state).containsExactly("RAISED", "CLEARED");
      assertThat(out.get(1).value).isEqualTo(4.0);
      assertThat(out.get(1).eventTimeMs).isEqualTo(T0 + 85_000);
      h.processWatermark(T0 + 3 * MIN);
      assertThat(h.numKeyedStateEntries()).isZero();
      assertThat(h.numEventTimeTimers()).isZero();
      assertThat(h.extractOutputValues()).hasSize(2);
    }
  }

  @Test
  void recordsOlderThanTheWindowAreNotCounted() throws Exception {
    try (var h = harness(AUTH)) {
      h.open();
      h.processElement(bot(T0 + 5 * MIN, "SUCCESS", null), T0 + 5 * MIN);
      for (int i = 0; i < 20; i++) {
        h.processElement(bot(T0 + i, "FAILURE", null), T0 + i); // 5 minutes late
      }
      assertThat(h.extractOutputValues()).isEmpty();
      // out of order but inside the window: counted
      for (int i = 0; i < 11; i++) {
        h.processElement(bot(T0 + 5 * MIN - 30_000 + i, "FAILURE", null), T0 + 5 * MIN - 30_000);
      }
      assertThat(h.extractOutputValues()).hasSize(1);
    }
  }

  @Test
  void aLongGapEvictsEverythingAtOnce() throws Exception {
    try (var h = harness(AUTH)) {
      h.open();
      for (int i = 0; i < 8; i++) {
        h.processElement(bot(T0 + i * 1000, "FAILURE", null), T0 + i * 1000);
      }
      // 3 hours later: the old failures must not add up with the new ones
      long later = T0 + 180 * MIN;
      for (int i = 0; i < 10; i++) {
        h.processElement(bot(later + i * 1000, "FAILURE", null), later + i * 1000);
      }
      assertThat(h.extractOutputValues()).isEmpty();
      h.processElement(bot(later + 10_000, "FAILURE", null), later + 10_000);
      assertThat(h.extractOutputValues()).extracting(a -> a.value).containsExactly(11.0);
    }
  }

  @Test
  void snapshotAndRestoreMidStreamEqualsAnUninterruptedRun() throws Exception {
    List<FulfillmentRecord> input = new ArrayList<>();
    input.addAll(traffic(T0, 120_000, 200, 0, null));
    input.addAll(traffic(T0 + 120_000, 60_000, 100, 30, "INTERNAL"));
    input.addAll(traffic(T0 + 180_000, 120_000, 200, 2, "BACKEND_ERROR"));
    input.sort(java.util.Comparator.comparingLong(r -> r.eventTimeMs));
    long end = T0 + 10 * MIN;

    List<AlarmEvent> uninterrupted;
    try (var h = harness(ERRORS)) {
      h.open();
      feed(h, input);
      h.processWatermark(end);
      uninterrupted = h.extractOutputValues();
    }
    assertThat(uninterrupted).extracting(a -> a.state).containsExactly("RAISED", "CLEARED");

    int cut = 250; // inside the error burst, alarm active
    List<AlarmEvent> restored = new ArrayList<>();
    OperatorSubtaskState snapshot;
    try (var h = harness(ERRORS)) {
      h.open();
      feed(h, input.subList(0, cut));
      h.processWatermark(input.get(cut - 1).eventTimeMs - 5000);
      snapshot = h.snapshot(1, 1);
      restored.addAll(h.extractOutputValues());
    }
    assertThat(restored).hasSize(1);
    try (var h = harness(ERRORS)) {
      h.initializeState(snapshot);
      h.open();
      feed(h, input.subList(cut, input.size()));
      h.processWatermark(end);
      restored.addAll(h.extractOutputValues());
      assertThat(h.numKeyedStateEntries()).isZero();
      assertThat(h.numEventTimeTimers()).isZero();
    }
    assertThat(restored).containsExactlyElementsOf(uninterrupted);
  }
}
