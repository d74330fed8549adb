package com.cci.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.kinesis.Streams;
import com.cci.schemas.ctr.ContactRecord;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Ground truth is consistent with itself, with the summary and with the scenario's story. */
class GroundTruthTest {
  private static SimRun normal;
  private static SimRun incident;
  private static SimRun holiday;

  @BeforeAll
  static void runScenarios() {
    SimulationOptions opts = SimulationOptions.seed(11).withContacts(3000);
    normal = SimRun.of("normal-day", opts);
    incident = SimRun.of("incident", opts);
    holiday = SimRun.of("holiday", SimulationOptions.seed(11).withContacts(1500));
  }

  private static Map<String, long[]> totals(SimRun run) {
    // offered, answered, abandoned, closed, within30, last inQueue
    Map<String, long[]> t = new HashMap<>();
    for (GroundTruth.QueueMinute m : run.minutes) {
      long[] a = t.computeIfAbsent(m.queue(), k -> new long[6]);
      a[0] += m.offered();
      a[1] += m.answered();
      a[2] += m.abandoned();
      a[3] += m.closed();
      a[4] += m.answeredWithin30s();
      a[5] = m.inQueue();
    }
    return t;
  }

  @Test
  void offeredEqualsAnsweredPlusAbandonedPlusStillWaiting() {
    for (SimRun run : List.of(normal, incident, holiday)) {
      Map<String, long[]> t = totals(run);
      assertThat(t).hasSize(5);
      t.forEach(
          (q, a) -> {
            assertThat(a[0]).as("offered %s", q).isEqualTo(a[1] + a[2] + a[5]);
            SimulationSummary.QueueTotals s = run.summary.queues().get(q);
            assertThat(s.offered()).isEqualTo(a[0]);
            assertThat(s.answered()).isEqualTo(a[1]);
            assertThat(s.abandoned()).isEqualTo(a[2]);
            assertThat(s.stillWaiting()).isEqualTo(a[5]);
          });
    }
  }

  @Test
  void minuteRowsAgreeWithPerContactOutcomes() {
    for (SimRun run : List.of(normal, incident)) {
      Map<String, long[]> t = totals(run);
      Map<String, List<GroundTruth.ContactOutcome>> byQueue =
          run.outcomes.stream()
              .filter(o -> o.enqueueTimestamp() != null)
              .collect(Collectors.groupingBy(GroundTruth.ContactOutcome::queue));
      t.forEach(
          (q, a) -> {
            List<GroundTruth.ContactOutcome> os = byQueue.getOrDefault(q, List.of());
            assertThat((long) os.size()).as("queued contacts of %s", q).isEqualTo(a[0]);
            long answered =
                os.stream().filter(o -> o.outcome() == GroundTruth.Outcome.ANSWERED).count();
            long abandoned =
                os.stream().filter(o -> o.outcome() == GroundTruth.Outcome.ABANDONED).count();
            long within30 =
                os.stream()
                    .filter(o -> o.outcome() == GroundTruth.Outcome.ANSWERED)
                    .filter(o -> o.waitSeconds() <= 30.0)
                    .count();
            assertThat(answered).isEqualTo(a[1]);
            assertThat(abandoned).isEqualTo(a[2]);
            assertThat(within30).isEqualTo(a[4]);
          });
      long closed =
          run.outcomes.stream().filter(o -> o.outcome() == GroundTruth.Outcome.CLOSED).count();
      assertThat(t.values().stream().mapToLong(a -> a[3]).sum()).isEqualTo(closed);
    }
  }

  @Test
  void everyContactHasExactlyOneOutcome() {
    for (SimRun run : List.of(normal, incident, holiday)) {
      long contacts =
          run.summary.customerContacts()
              + run.summary.derivedContacts()
              + run.summary.attackerCalls();
      assertThat(run.outcomes).hasSize((int) contacts);
      assertThat(run.outcomes.stream().map(GroundTruth.ContactOutcome::contactId).distinct())
          .hasSize((int) contacts);
    }
  }

  @Test
  void abandonmentEmergesAndIsMuchHigherInTheIncident() {
    double normalRate = abandonRate(normal);
    double incidentRate = abandonRate(incident);
    assertThat(normalRate).isGreaterThan(0.0).isLessThan(0.10);
    assertThat(incidentRate).isGreaterThan(3 * normalRate).isGreaterThan(0.08);
    // ... and spikes while the agents are gone
    GroundTruth.ScenarioMarker drop =
        incident.markers.stream()
            .filter(m -> m.type().equals("AGENT_DROP_OFF"))
            .findFirst()
            .orElseThrow();
    long offered = 0;
    long abandoned = 0;
    for (GroundTruth.QueueMinute m : incident.minutes) {
      if (m.minute().compareTo(drop.from()) >= 0 && m.minute().compareTo(drop.to()) < 0) {
        offered += m.offered();
        abandoned += m.abandoned();
      }
    }
    assertThat((double) abandoned / offered).isGreaterThan(0.3).isGreaterThan(10 * normalRate);
    // Abandonment comes from patience vs wait: every abandoned contact waited, none answered.
    for (GroundTruth.ContactOutcome o : incident.outcomes) {
      if (o.outcome() == GroundTruth.Outcome.ABANDONED) {
        assertThat(o.answerTimestamp()).isNull();
        assertThat(o.waitSeconds()).isPositive();
      }
    }
  }

  private static double abandonRate(SimRun run) {
    long offered = 0;
    long abandoned = 0;
    for (SimulationSummary.QueueTotals t : run.summary.queues().values()) {
      offered += t.offered();
      abandoned += t.abandoned();
    }
    return (double) abandoned / offered;
  }

  @Test
  void holidayClosesEverythingButFraud() {
    Map<String, long[]> t = totals(holiday);
    assertThat(t.get("Fraud")[1]).as("Fraud answered").isPositive();
    assertThat(t.get("Fraud")[3]).as("Fraud closed").isZero();
    for (String q : List.of("General", "Accounts", "Cards", "Lending")) {
      assertThat(t.get(q)[0]).as("%s offered", q).isZero();
      assertThat(t.get(q)[3]).as("%s closed", q).isPositive();
    }
  }

  @Test
  void closedContactsGetTheClosedTreatmentInTheirRecords() throws JsonProcessingException {
    Map<String, GroundTruth.ContactOutcome> byId = new HashMap<>();
    holiday.outcomes.forEach(o -> byId.put(o.contactId(), o));
    int closedSeen = 0;
    for (var r : holiday.stream(Streams.CTR)) {
      ContactRecord ctr = ContactRecord.fromJson(r.json());
      GroundTruth.ContactOutcome o = byId.get(ctr.contactId());
      if (o.outcome() == GroundTruth.Outcome.CLOSED) {
        closedSeen++;
        assertThat(ctr.queue()).isNull();
        assertThat(ctr.agent()).isNull();
        assertThat(ctr.disconnectReason()).isEqualTo("CONTACT_FLOW_DISCONNECT");
      }
    }
    assertThat(closedSeen).isPositive();
    // no QUEUED event for a closed contact
    for (var r : holiday.stream(Streams.CONTACT_EVENTS)) {
      if (r.json().contains("\"eventType\":\"QUEUED\"")) {
        assertThat(byId.get(r.partitionKey()).outcome()).isNotEqualTo(GroundTruth.Outcome.CLOSED);
      }
    }
  }

  @Test
  void ctrsAgreeWithGroundTruthOutcomes() throws JsonProcessingException {
    Map<String, GroundTruth.ContactOutcome> byId = new HashMap<>();
    incident.outcomes.forEach(o -> byId.put(o.contactId(), o));
    for (var r : incident.stream(Streams.CTR)) {
      ContactRecord ctr = ContactRecord.fromJson(r.json());
      GroundTruth.ContactOutcome o = byId.get(ctr.contactId());
      assertThat(ctr.abandonedInQueue())
          .as(ctr.contactId())
          .isEqualTo(o.outcome() == GroundTruth.Outcome.ABANDONED);
      assertThat(ctr.answered()).isEqualTo(o.outcome() == GroundTruth.Outcome.ANSWERED);
      if (ctr.answered()) {
        // CTR seconds are truncated; ground truth has milliseconds.
        assertThat((double) ctr.answerWaitSeconds().getAsLong())
            .isBetween(o.waitSeconds() - 1.0, o.waitSeconds() + 1.0);
      }
    }
  }

  @Test
  void transfersAndCallbacksAreLinkedContacts() throws JsonProcessingException {
    Map<String, ContactRecord> ctrs = new HashMap<>();
    for (var r : normal.stream(Streams.CTR)) {
      ContactRecord c = ContactRecord.fromJson(r.json());
      ctrs.put(c.contactId(), c);
    }
    int transfers = 0;
    int callbacks = 0;
    for (ContactRecord c : ctrs.values()) {
      if ("TRANSFER".equals(c.initiationMethod()) || "CALLBACK".equals(c.initiationMethod())) {
        assertThat(c.previousContactId()).isNotNull();
        assertThat(c.initialContactId()).isNotNull();
        ContactRecord prev = ctrs.get(c.previousContactId());
        if (prev != null) {
          assertThat(prev.nextContactId()).isEqualTo(c.contactId());
        }
        if ("TRANSFER".equals(c.initiationMethod())) {
          transfers++;
        } else {
          callbacks++;
        }
      }
    }
    assertThat(transfers).isPositive();
    assertThat(normal.summary.transfers()).isPositive();
    assertThat(callbacks + incident.summary.callbacks()).isPositive();
  }

  @Test
  void scenarioEventsAreRecorded() {
    assertThat(incident.markers)
        .extracting(GroundTruth.ScenarioMarker::type)
        .contains("AGENT_DROP_OFF", "PIN_GUESSING_BURST", "BACKEND_ERROR_SPIKE", "ARRIVAL_SURGE");
    assertThat(
            incident.markers.stream()
                .filter(m -> m.type().equals("AGENT_DROP_OFF"))
                .mapToInt(GroundTruth.ScenarioMarker::count)
                .sum())
        .isPositive();
    assertThat(normal.markers).isEmpty();
  }
}
