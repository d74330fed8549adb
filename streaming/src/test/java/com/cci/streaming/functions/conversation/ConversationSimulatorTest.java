package com.cci.streaming.functions.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.kinesis.StreamRecord;
import com.cci.kinesis.Streams;
import com.cci.sim.GroundTruth;
import com.cci.sim.Scenario;
import com.cci.sim.SimulationOptions;
import com.cci.sim.SimulationSink;
import com.cci.sim.Simulator;
import com.cci.sim.SimulatorContent;
import com.cci.streaming.functions.bot.AuthFailureRule;
import com.cci.streaming.functions.bot.BotWindowRuleFunction;
import com.cci.streaming.functions.bot.FulfillmentErrorRule;
import com.cci.streaming.records.AlarmEvent;
import com.cci.streaming.records.FulfillmentRecord;
import com.cci.streaming.records.SegmentRecord;
import com.cci.streaming.testing.SimRecords;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * The conversation and bot rules against the simulator: records in arrival order through the
 * functions (harnesses, watermark 10 s behind arrival), alarms compared with the ground truth and
 * with the conversation turns the simulator emitted.
 */
class ConversationSimulatorTest {
  private static final ConversationRulesConfig CFG = ConversationRulesConfig.defaults();

  /** What one simulated run produced. */
  record Run(
      List<AlarmEvent> alarms,
      List<GroundTruth.QaLabelRow> qa,
      List<GroundTruth.ScenarioMarker> markers,
      Set<String> streakContacts,
      int conversationStateLeft,
      int timersLeft) {

    List<AlarmEvent> of(String rule, String state) {
      return alarms.stream().filter(a -> a.rule.equals(rule) && a.state.equals(state)).toList();
    }

    GroundTruth.ScenarioMarker marker(String type) {
      return markers.stream().filter(m -> m.type().equals(type)).findFirst().orElseThrow();
    }
  }

  static Run run(String scenario, SimulationOptions options) throws Exception {
    List<GroundTruth.QaLabelRow> qa = new ArrayList<>();
    List<GroundTruth.ScenarioMarker> markers = new ArrayList<>();
    SimulationSink side =
        new SimulationSink() {
          @Override
          public void qaLabels(GroundTruth.QaLabelRow row) {
            qa.add(row);
          }

          @Override
          public void scenarioEvent(GroundTruth.ScenarioMarker row) {
            markers.add(row);
          }
        };
    Simulator sim =
        new Simulator(
            Scenario.load(scenario),
            options,
            SimulatorContent.generator(),
            SimulatorContent.renderer());
    // the oracle: per contact, customer sentiments in stream order (turn ids once)
    Map<String, List<String>> customerTurns = new HashMap<>();
    Set<String> seenTurns = new HashSet<>();
    List<AlarmEvent> alarms = new ArrayList<>();
    try (var conv =
            new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new ConversationRulesFunction(CFG)),
                new ConversationPipeline.ContactKey(),
                Types.STRING);
        var errors = botHarness(new BotWindowRuleFunction(FulfillmentErrorRule.from(CFG)));
        var auth = botHarness(new BotWindowRuleFunction(AuthFailureRule.from(CFG)))) {
      conv.getExecutionConfig().disableGenericTypes();
      conv.open();
      errors.open();
      auth.open();
      long watermark = Long.MIN_VALUE;
      int n = 0;
      for (var it = sim.records(side); it.hasNext(); ) {
        StreamRecord sr = it.next();
        long arrival = sr.arrival().toEpochMilli();
        if (sr.stream().equals(Streams.CONTACT_LENS)) {
          SegmentRecord r = SimRecords.segment(sr.json(), arrival);
          conv.processElement(r, r.eventTimeMs);
          for (int i = 0; i < r.turnCount(); i++) {
            if ("CUSTOMER".equals(r.roles[i]) && seenTurns.add(r.contactId + "/" + r.turnIds[i])) {
              customerTurns
                  .computeIfAbsent(r.contactId, k -> new ArrayList<>())
                  .add(r.sentiments[i]);
            }
          }
        } else if (sr.stream().equals(Streams.FULFILLMENT)) {
          FulfillmentRecord f = SimRecords.fulfillment(sr.json());
          errors.processElement(f, f.eventTimeMs);
          auth.processElement(f, f.eventTimeMs);
        }
        if (++n % 200 == 0 && arrival - 10_000 > watermark) {
          watermark = arrival - 10_000;
          conv.processWatermark(watermark);
          errors.processWatermark(watermark);
          auth.processWatermark(watermark);
        }
      }
      conv.processWatermark(Long.MAX_VALUE);
      errors.processWatermark(Long.MAX_VALUE);
      auth.processWatermark(Long.MAX_VALUE);
      alarms.addAll(conv.extractOutputValues());
      alarms.addAll(errors.extractOutputValues());
      alarms.addAll(auth.extractOutputValues());
      Set<String> streaks =
          customerTurns.entrySet().stream()
              .filter(e -> hasNegativeRun(e.getValue(), CFG.negativeStreakTurns))
              .map(Map.Entry::getKey)
              .collect(Collectors.toSet());
      return new Run(
          alarms,
          qa,
          markers,
          streaks,
          conv.numKeyedStateEntries() + errors.numKeyedStateEntries() + auth.numKeyedStateEntries(),
          conv.numEventTimeTimers() + errors.numEventTimeTimers() + auth.numEventTimeTimers());
    }
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, FulfillmentRecord, AlarmEvent>
      botHarness(BotWindowRuleFunction f) throws Exception {
    var h =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(f), new ConversationPipeline.GlobalKey(), Types.STRING);
    h.getExecutionConfig().disableGenericTypes();
    return h;
  }

  /** Straight reading of the rule: k NEGATIVE customer turns in a row, anything else resets. */
  private static boolean hasNegativeRun(List<String> sentiments, int k) {
    int run = 0;
    for (String s : sentiments) {
      if (s == null) {
        continue;
      }
      run = "NEGATIVE".equals(s) ? run + 1 : 0;
      if (run >= k) {
        return true;
      }
    }
    return false;
  }

  private static List<String> contacts(List<AlarmEvent> alarms) {
    return alarms.stream().map(a -> a.contactId).toList();
  }

  @Test
  void incidentHour() throws Exception {
    Run run =
        run(
            "incident",
            SimulationOptions.seed(7).withStartTime(LocalTime.of(10, 0)).withHours(1.0));

    // FRAUD_CATEGORY: exactly one per contact the ground truth gives the FraudSuspected category
    Set<String> fraudTruth =
        run.qa().stream()
            .filter(q -> q.categories().contains("FraudSuspected"))
            .map(GroundTruth.QaLabelRow::contactId)
            .collect(Collectors.toSet());
    Set<String> flagged =
        run.qa().stream()
            .filter(GroundTruth.QaLabelRow::fraudSuspected)
            .map(GroundTruth.QaLabelRow::contactId)
            .collect(Collectors.toSet());
    List<String> fraudRaised = contacts(run.of("FRAUD_CATEGORY", "RAISED"));
    assertThat(fraudTruth).hasSizeGreaterThan(50);
    assertThat(fraudRaised).doesNotHaveDuplicates();
    assertThat(new HashSet<>(fraudRaised)).isEqualTo(fraudTruth).containsAll(flagged);
    assertThat(run.of("FRAUD_CATEGORY", "RAISED")).allMatch(a -> a.severity.equals("CRITICAL"));
    assertThat(contacts(run.of("FRAUD_CATEGORY", "CLEARED")))
        .containsExactlyInAnyOrderElementsOf(fraudRaised);

    // NEGATIVE_SENTIMENT: the contacts whose emitted turns hold a negative run of K
    List<String> negRaised = contacts(run.of("NEGATIVE_SENTIMENT", "RAISED"));
    assertThat(run.streakContacts()).hasSizeGreaterThan(50);
    assertThat(new LinkedHashSet<>(negRaised)).isEqualTo(run.streakContacts());
    Set<String> negativeTruth =
        run.qa().stream()
            .filter(GroundTruth.QaLabelRow::negativeCustomer)
            .map(GroundTruth.QaLabelRow::contactId)
            .collect(Collectors.toSet());
    assertThat(negativeTruth).containsAll(negRaised);
    assertThat(run.of("NEGATIVE_SENTIMENT", "CLEARED")).hasSameSizeAs(negRaised);

    // AUTH_FAILURES: one episode raised by the PIN-guessing burst, cleared after it
    var burst = run.marker("PIN_GUESSING_BURST");
    List<AlarmEvent> authRaised = run.of("AUTH_FAILURES", "RAISED");
    assertThat(authRaised).hasSize(1);
    assertThat(Instant.ofEpochMilli(authRaised.get(0).eventTimeMs))
        .isBetween(Instant.parse(burst.from()), Instant.parse(burst.to()));
    assertThat(run.of("AUTH_FAILURES", "CLEARED")).hasSize(1);
    assertThat(Instant.ofEpochMilli(run.of("AUTH_FAILURES", "CLEARED").get(0).eventTimeMs))
        .isAfter(Instant.parse(burst.to()));

    // FULFILLMENT_ERRORS: one episode during the backend error spike
    var spike = run.marker("BACKEND_ERROR_SPIKE");
    List<AlarmEvent> errRaised = run.of("FULFILLMENT_ERRORS", "RAISED");
    assertThat(errRaised).hasSize(1);
    assertThat(Instant.ofEpochMilli(errRaised.get(0).eventTimeMs))
        .isBetween(Instant.parse(spike.from()), Instant.parse(spike.from()).plusSeconds(300));
    assertThat(Instant.ofEpochMilli(run.of("FULFILLMENT_ERRORS", "CLEARED").get(0).eventTimeMs))
        .isAfter(Instant.parse(spike.to()));

    System.out.printf(
        "incident: FRAUD_CATEGORY %d (truth %d), NEGATIVE_SENTIMENT %d (streaks %d), AUTH %s, ERRORS %s%n",
        fraudRaised.size(),
        fraudTruth.size(),
        negRaised.size(),
        run.streakContacts().size(),
        authRaised,
        errRaised);

    // everything drains at the end
    assertThat(run.conversationStateLeft()).isZero();
    assertThat(run.timersLeft()).isZero();
    assertThat(run.alarms().stream().map(a -> a.alarmId + a.state)).doesNotHaveDuplicates();
  }

  @Test
  void normalDayRaisesNoBotAlarms() throws Exception {
    Run run = run("normal-day", SimulationOptions.seed(7));
    System.out.printf(
        "normal-day: %d alarms, NEGATIVE_SENTIMENT streak contacts %d%n",
        run.alarms().size(), run.streakContacts().size());
    assertThat(run.of("FULFILLMENT_ERRORS", "RAISED")).isEmpty();
    assertThat(run.of("AUTH_FAILURES", "RAISED")).isEmpty();
    assertThat(new HashSet<>(contacts(run.of("NEGATIVE_SENTIMENT", "RAISED"))))
        .isEqualTo(run.streakContacts());
    assertThat(run.conversationStateLeft()).isZero();
    assertThat(run.timersLeft()).isZero();
  }
}
