package com.cci.streaming.functions.conversation;

import static com.cci.streaming.testing.SimRecords.categories;
import static com.cci.streaming.testing.SimRecords.lifecycle;
import static com.cci.streaming.testing.SimRecords.turns;
import static org.assertj.core.api.Assertions.assertThat;

import com.cci.schemas.alarm.AlarmIds;
import com.cci.schemas.alarm.AlarmRule;
import com.cci.streaming.config.PropertyGroups;
import com.cci.streaming.records.AlarmEvent;
import com.cci.streaming.records.SegmentRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class ConversationRulesFunctionTest {
  private static final long T0 = Instant.parse("2026-11-20T15:00:00Z").toEpochMilli();
  private static final String C = "contact-1";

  private static KeyedOneInputStreamOperatorTestHarness<String, SegmentRecord, AlarmEvent> harness(
      ConversationRulesConfig cfg) throws Exception {
    var h =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new ConversationRulesFunction(cfg)),
            new ConversationPipeline.ContactKey(),
            Types.STRING);
    h.getExecutionConfig().disableGenericTypes();
    return h;
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, SegmentRecord, AlarmEvent> open()
      throws Exception {
    var h = harness(ConversationRulesConfig.defaults());
    h.open();
    return h;
  }

  private static void feed(
      KeyedOneInputStreamOperatorTestHarness<String, SegmentRecord, AlarmEvent> h,
      SegmentRecord... rs)
      throws Exception {
    for (SegmentRecord r : rs) {
      h.processElement(r, r.eventTimeMs);
    }
  }

  @Test
  void theFunctionSerializesForShippingToTaskManagers() throws Exception {
    var copy =
        org.apache.flink.util.InstantiationUtil.clone(
            new ConversationRulesFunction(ConversationRulesConfig.defaults()),
            getClass().getClassLoader());
    try (var h =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(copy),
            new ConversationPipeline.ContactKey(),
            Types.STRING)) {
      h.open();
      feed(h, categories(C, T0, "FraudSuspected"));
      assertThat(h.extractOutputValues()).hasSize(1);
    }
  }

  @Test
  void threeNegativeCustomerTurnsRaiseOnceAndAgentTurnsDoNotBreakTheStreak() throws Exception {
    try (var h = open()) {
      feed(
          h,
          turns(C, T0, "a1:AGENT:POSITIVE", "c1:CUSTOMER:NEGATIVE"),
          turns(C, T0 + 1000, "a2:AGENT:NEUTRAL", "c2:CUSTOMER:NEGATIVE", "a3:AGENT:NEGATIVE"));
      assertThat(h.extractOutputValues()).isEmpty();
      feed(h, turns(C, T0 + 2000, "c3:CUSTOMER:NEGATIVE"));
      List<AlarmEvent> out = h.extractOutputValues();
      assertThat(out).hasSize(1);
      AlarmEvent a = out.get(0);
      assertThat(a.rule).isEqualTo("NEGATIVE_SENTIMENT");
      assertThat(a.state).isEqualTo("RAISED");
      assertThat(a.severity).isEqualTo("HIGH");
      assertThat(a.contactId).isEqualTo(C);
      assertThat(a.queue).isNull();
      assertThat(a.value).isEqualTo(3.0);
      assertThat(a.threshold).isEqualTo(3.0);
      assertThat(a.eventTimeMs).isEqualTo(T0 + 2000);
      assertThat(a.alarmId)
          .isEqualTo(
              AlarmIds.of(AlarmRule.NEGATIVE_SENTIMENT, null, C, Instant.ofEpochMilli(T0 + 2000)));
      // still negative: no repeat while active
      feed(h, turns(C, T0 + 3000, "c4:CUSTOMER:NEGATIVE", "c5:CUSTOMER:NEGATIVE"));
      assertThat(h.extractOutputValues()).hasSize(1);
    }
  }

  @Test
  void aNonNegativeCustomerTurnResetsTheStreak() throws Exception {
    try (var h = open()) {
      feed(
          h,
          turns(C, T0, "c1:CUSTOMER:NEGATIVE", "c2:CUSTOMER:NEGATIVE"),
          turns(C, T0 + 1000, "c3:CUSTOMER:MIXED"),
          turns(C, T0 + 2000, "c4:CUSTOMER:NEGATIVE", "c5:CUSTOMER:NEGATIVE"));
      assertThat(h.extractOutputValues()).isEmpty();
      // a customer turn without sentiment (not analysed) neither counts nor resets
      feed(h, turns(C, T0 + 3000, "c6:CUSTOMER"), turns(C, T0 + 4000, "c7:CUSTOMER:NEGATIVE"));
      assertThat(h.extractOutputValues()).extracting(a -> a.state).containsExactly("RAISED");
    }
  }

  @Test
  void aRedeliveredTurnIdDoesNotCountTwice() throws Exception {
    try (var h = open()) {
      SegmentRecord first = turns(C, T0, "c1:CUSTOMER:NEGATIVE", "c2:CUSTOMER:NEGATIVE");
      feed(h, first, turns(C, T0, "c1:CUSTOMER:NEGATIVE", "c2:CUSTOMER:NEGATIVE"));
      feed(h, turns(C, T0 + 500, "c2:CUSTOMER:NEGATIVE"));
      assertThat(h.extractOutputValues()).isEmpty();
      feed(h, turns(C, T0 + 1000, "c3:CUSTOMER:NEGATIVE"));
      assertThat(h.extractOutputValues()).hasSize(1);
    }
  }

  @Test
  void recoveryClearsAndALaterStreakIsANewEpisodeWithANewId() throws Exception {
    try (var h = open()) {
      feed(h, turns(C, T0, "c1:CUSTOMER:NEGATIVE", "c2:CUSTOMER:NEGATIVE", "c3:CUSTOMER:NEGATIVE"));
      feed(h, turns(C, T0 + 1000, "c4:CUSTOMER:NEUTRAL", "c5:CUSTOMER:NEGATIVE"));
      feed(h, turns(C, T0 + 2000, "c6:CUSTOMER:POSITIVE"));
      assertThat(h.extractOutputValues()).extracting(a -> a.state).containsExactly("RAISED");
      feed(h, turns(C, T0 + 3000, "c7:CUSTOMER:NEUTRAL"));
      List<AlarmEvent> out = h.extractOutputValues();
      assertThat(out).extracting(a -> a.state).containsExactly("RAISED", "CLEARED");
      assertThat(out.get(1).alarmId).isEqualTo(out.get(0).alarmId);
      assertThat(out.get(1).value).isEqualTo(2.0);
      assertThat(out.get(1).eventTimeMs).isEqualTo(T0 + 3000);
      feed(
          h,
          turns(
              C,
              T0 + 4000,
              "c8:CUSTOMER:NEGATIVE",
              "c9:CUSTOMER:NEGATIVE",
              "c10:CUSTOMER:NEGATIVE"));
      out = h.extractOutputValues();
      assertThat(out).extracting(a -> a.state).containsExactly("RAISED", "CLEARED", "RAISED");
      assertThat(out.get(2).alarmId).isNotEqualTo(out.get(0).alarmId);
    }
  }

  @Test
  void fraudCategoryRaisesCriticalAtOnceOncePerContactAndClearsAtContactEnd() throws Exception {
    try (var h = open()) {
      feed(h, categories(C, T0, "Escalation"));
      assertThat(h.extractOutputValues()).isEmpty();
      feed(h, categories(C, T0 + 1000, "Complaint", "suspected-FRAUD-ring"));
      feed(h, categories(C, T0 + 2000, "FraudSuspected"), categories(C, T0 + 3000, "Fraud"));
      List<AlarmEvent> out = h.extractOutputValues();
      assertThat(out).hasSize(1);
      assertThat(out.get(0).rule).isEqualTo("FRAUD_CATEGORY");
      assertThat(out.get(0).severity).isEqualTo("CRITICAL");
      assertThat(out.get(0).eventTimeMs).isEqualTo(T0 + 1000);
      assertThat(out.get(0).message).contains("suspected-FRAUD-ring");
      feed(h, lifecycle(C, T0 + 9000, "COMPLETED"));
      out = h.extractOutputValues();
      assertThat(out).extracting(a -> a.state).containsExactly("RAISED", "CLEARED");
      assertThat(out.get(1).alarmId).isEqualTo(out.get(0).alarmId);
      assertThat(out.get(1).eventTimeMs).isEqualTo(T0 + 9000);
    }
  }

  @Test
  void theFraudPatternIsConfigurable() throws Exception {
    Properties p = new Properties();
    p.setProperty("fraudCategoryPattern", "AccountTakeover|Mule.*");
    p.setProperty("fraudSeverity", "high");
    var cfg = ConversationRulesConfig.from(PropertyGroups.of(Map.of("rules.conversation", p)));
    try (var h = harness(cfg)) {
      h.open();
      feed(h, categories(C, T0, "FraudSuspected"), categories("c2", T0, "MuleAccount"));
      List<AlarmEvent> out = h.extractOutputValues();
      assertThat(out).extracting(a -> a.contactId).containsExactly("c2");
      assertThat(out.get(0).severity).isEqualTo("HIGH");
    }
  }

  @Test
  void completedClearsOpenAlarmsIgnoresLateSegmentsAndStateAndTimersDrain() throws Exception {
    try (var h = open()) {
      feed(
          h,
          turns(C, T0, "c1:CUSTOMER:NEGATIVE", "c2:CUSTOMER:NEGATIVE", "c3:CUSTOMER:NEGATIVE"),
          categories(C, T0 + 100, "FraudSuspected"),
          turns("other", T0, "x1:CUSTOMER:POSITIVE"));
      assertThat(h.numKeyedStateEntries()).isGreaterThan(0);
      feed(h, lifecycle(C, T0 + 5000, "COMPLETED"));
      assertThat(h.extractOutputValues())
          .extracting(a -> a.rule + " " + a.state)
          .containsExactly(
              "NEGATIVE_SENTIMENT RAISED",
              "FRAUD_CATEGORY RAISED",
              "NEGATIVE_SENTIMENT CLEARED",
              "FRAUD_CATEGORY CLEARED");
      // a late duplicate after COMPLETED does not re-raise
      feed(
          h,
          categories(C, T0 + 100, "FraudSuspected"),
          turns(
              C,
              T0 + 6000,
              "c9:CUSTOMER:NEGATIVE",
              "c10:CUSTOMER:NEGATIVE",
              "c11:CUSTOMER:NEGATIVE"));
      assertThat(h.extractOutputValues()).hasSize(4);
      feed(h, lifecycle("other", T0 + 1000, "FAILED"));
      // retention passes: everything drains
      h.processWatermark(T0 + 5000 + 10 * 60_000);
      assertThat(h.numKeyedStateEntries()).isZero();
      assertThat(h.numEventTimeTimers()).isZero();
      assertThat(h.extractOutputValues()).hasSize(4);
    }
  }

  @Test
  void aFraudCategoryReportedOnlyAfterTheContactEndedRaisesItsOneAlarmAndClearsIt()
      throws Exception {
    try (var h = open()) {
      feed(h, turns(C, T0, "c1:CUSTOMER:NEUTRAL"), lifecycle(C, T0 + 5000, "COMPLETED"));
      feed(h, categories(C, T0 + 4000, "FraudSuspected"));
      List<AlarmEvent> out = h.extractOutputValues();
      assertThat(out)
          .extracting(a -> a.rule + " " + a.state)
          .containsExactly("FRAUD_CATEGORY RAISED", "FRAUD_CATEGORY CLEARED");
      assertThat(out.get(0).message).contains("after the contact ended");
      feed(h, categories(C, T0 + 4500, "FraudSuspected"));
      assertThat(h.extractOutputValues()).hasSize(2);
      h.processWatermark(T0 + 5000 + 10 * 60_000);
      assertThat(h.numKeyedStateEntries()).isZero();
      assertThat(h.numEventTimeTimers()).isZero();
    }
  }

  @Test
  void theTombstoneCountsFromTheWatermarkWhenTheEndArrivesBehindIt() throws Exception {
    try (var h = open()) {
      h.processWatermark(T0 + 60 * 60_000); // the job's clock is an hour ahead of this contact
      feed(h, categories(C, T0, "FraudSuspected"), lifecycle(C, T0 + 5000, "COMPLETED"));
      assertThat(h.extractOutputValues()).hasSize(2);
      h.processWatermark(T0 + 60 * 60_000 + 1);
      assertThat(h.numKeyedStateEntries()).isGreaterThan(0); // still remembered
      feed(h, categories(C, T0 + 1000, "FraudSuspected")); // late duplicate: no re-raise
      assertThat(h.extractOutputValues()).hasSize(2);
      h.processWatermark(T0 + 70 * 60_000);
      assertThat(h.numKeyedStateEntries()).isZero();
      assertThat(h.numEventTimeTimers()).isZero();
    }
  }

  @Test
  void anIdleContactIsClearedAndDroppedAfterTheTimeout() throws Exception {
    try (var h = open()) {
      feed(h, categories(C, T0, "FraudSuspected"));
      // activity keeps it alive past the first deadline: the timer is re-armed, not fired
      feed(h, turns(C, T0 + 90 * 60_000, "c1:CUSTOMER:NEUTRAL"));
      h.processWatermark(T0 + 2 * 3_600_000L + 1);
      assertThat(h.extractOutputValues()).hasSize(1);
      assertThat(h.numKeyedStateEntries()).isGreaterThan(0);
      h.processWatermark(
          T0 + 90 * 60_000 + 2 * 3_600_000L + ConversationRulesFunction.TIMER_GRANULARITY_MS);
      List<AlarmEvent> out = h.extractOutputValues();
      assertThat(out).extracting(a -> a.state).containsExactly("RAISED", "CLEARED");
      assertThat(out.get(1).message).contains("idle");
      // the contact reappears (held back upstream): its fraud alarm is not raised again
      long idleAt = T0 + 90 * 60_000 + 2 * 3_600_000L;
      feed(h, categories(C, idleAt + 60_000, "FraudSuspected"));
      assertThat(h.extractOutputValues()).hasSize(2);
      h.processWatermark(idleAt + 2 * 3_600_000L);
      assertThat(h.numKeyedStateEntries()).isZero();
      assertThat(h.numEventTimeTimers()).isZero();
    }
  }

  @Test
  void snapshotAndRestoreMidStreamEqualsAnUninterruptedRun() throws Exception {
    List<SegmentRecord> input = new ArrayList<>();
    for (int c = 0; c < 5; c++) {
      String id = "contact-" + c;
      long t = T0 + c * 10_000;
      input.add(turns(id, t, "a0:AGENT:POSITIVE", "c0:CUSTOMER:NEGATIVE"));
      input.add(turns(id, t + 1000, "c1:CUSTOMER:NEGATIVE", "a1:AGENT:NEUTRAL"));
      input.add(categories(id, t + 1500, c % 2 == 0 ? "FraudSuspected" : "Complaint"));
      input.add(turns(id, t + 2000, "c1:CUSTOMER:NEGATIVE", "c2:CUSTOMER:NEGATIVE"));
      input.add(turns(id, t + 3000, "c3:CUSTOMER:POSITIVE", "c4:CUSTOMER:NEUTRAL"));
      input.add(lifecycle(id, t + 4000, "COMPLETED"));
    }
    input.sort(java.util.Comparator.comparingLong(r -> r.eventTimeMs));
    long end = T0 + 3_600_000;

    List<AlarmEvent> uninterrupted;
    try (var h = open()) {
      feed(h, input.toArray(new SegmentRecord[0]));
      h.processWatermark(end);
      uninterrupted = h.extractOutputValues();
    }
    assertThat(uninterrupted).hasSize(5 * 2 + 3 * 2);

    int cut = input.size() / 2;
    List<AlarmEvent> restored = new ArrayList<>();
    OperatorSubtaskState snapshot;
    try (var h = open()) {
      feed(h, input.subList(0, cut).toArray(new SegmentRecord[0]));
      h.processWatermark(input.get(cut - 1).eventTimeMs);
      snapshot = h.snapshot(1, 1);
      restored.addAll(h.extractOutputValues());
    }
    try (var h = harness(ConversationRulesConfig.defaults())) {
      h.initializeState(snapshot);
      h.open();
      feed(h, input.subList(cut, input.size()).toArray(new SegmentRecord[0]));
      h.processWatermark(end);
      restored.addAll(h.extractOutputValues());
      assertThat(h.numKeyedStateEntries()).isZero();
      assertThat(h.numEventTimeTimers()).isZero();
    }
    assertThat(restored).containsExactlyElementsOf(uninterrupted);
  }
}
