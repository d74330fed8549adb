package com.cci.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.kinesis.StreamRecord;
import com.cci.kinesis.Streams;
import com.cci.schemas.ctr.ContactRecord;
import com.cci.schemas.events.ContactEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Records are delivered like Kinesis would hold them: arrival order, jitter, loss, duplicates. */
class DeliveryTest {
  private static SimRun run;

  @BeforeAll
  static void simulate() {
    run = SimRun.of("normal-day", SimulationOptions.seed(5).withContacts(4000));
  }

  @Test
  void recordsComeInArrivalOrder() {
    assertThat(run.records).isNotEmpty();
    Instant prev = Instant.MIN;
    for (StreamRecord r : run.records) {
      assertThat(r.arrival()).isAfterOrEqualTo(prev);
      prev = r.arrival();
    }
    assertThat(run.summary.clampedArrivals()).isZero();
    // only records in flight are held back: memory does not grow with the run
    assertThat(run.summary.bufferHighWater()).isPositive().isLessThan(run.records.size() / 10);
  }

  @Test
  void contactEventsArriveAfterTheyHappenAndSomeOutOfOrder() throws Exception {
    int outOfOrder = 0;
    Instant latestEventTime = Instant.MIN;
    for (StreamRecord r : run.stream(Streams.CONTACT_EVENTS)) {
      ContactEvent e = ContactEvent.read(r.json());
      Instant happened = eventTime(e);
      assertThat(r.arrival()).isAfterOrEqualTo(happened);
      // bounded jitter
      assertThat(r.arrival()).isBefore(happened.plusSeconds(11));
      if (happened.isBefore(latestEventTime)) {
        outOfOrder++;
      } else {
        latestEventTime = happened;
      }
    }
    assertThat(outOfOrder).isPositive();
  }

  private static Instant eventTime(ContactEvent e) {
    var d = e.detail();
    return switch (d.type()) {
      case INITIATED -> d.initiationTimestamp();
      case CONNECTED_TO_SYSTEM -> d.connectedToSystemTimestamp();
      case QUEUED -> d.queueInfo().enqueueTimestamp();
      case CONNECTED_TO_AGENT -> d.agentInfo().connectedToAgentTimestamp();
      case DISCONNECTED -> d.disconnectTimestamp();
      default -> throw new AssertionError("unexpected event type " + d.eventType());
    };
  }

  @Test
  void lostEventsAreMissingFromTheStreamAndRecordedInGroundTruth() throws Exception {
    assertThat(run.lost).isNotEmpty();
    Set<String> delivered = new HashSet<>();
    for (StreamRecord r : run.stream(Streams.CONTACT_EVENTS)) {
      ContactEvent e = ContactEvent.read(r.json());
      delivered.add(e.detail().contactId() + "/" + e.detail().eventType());
    }
    for (GroundTruth.LostEvent l : run.lost) {
      assertThat(delivered).doesNotContain(l.contactId() + "/" + l.eventType());
    }
    assertThat(run.lost.stream().map(GroundTruth.LostEvent::eventType)).contains("DISCONNECTED");
  }

  @Test
  void someEventsUseTheAgentInfoCaseVariant() {
    long variant =
        run.stream(Streams.CONTACT_EVENTS).stream()
            .filter(r -> r.json().contains("\"AgentInfo\":"))
            .count();
    long camel =
        run.stream(Streams.CONTACT_EVENTS).stream()
            .filter(r -> r.json().contains("\"agentInfo\":"))
            .count();
    assertThat(variant).isPositive().isLessThan(camel);
  }

  @Test
  void ctrsArriveAfterAfterContactWorkAndDuplicatesAreLaterUpdates() throws Exception {
    Map<String, List<ContactRecord>> byId = new HashMap<>();
    Map<String, List<Instant>> arrivals = new HashMap<>();
    int lowercase = 0;
    for (StreamRecord r : run.stream(Streams.CTR)) {
      ContactRecord c = ContactRecord.fromJson(r.json());
      byId.computeIfAbsent(c.contactId(), k -> new ArrayList<>()).add(c);
      arrivals.computeIfAbsent(c.contactId(), k -> new ArrayList<>()).add(r.arrival());
      assertThat(r.partitionKey()).isEqualTo(c.contactId());
      assertThat(r.arrival()).isAfter(c.lastUpdateTimestamp());
      if (c.agent() != null) {
        assertThat(r.arrival()).isAfter(c.agent().afterContactWorkEndTimestamp());
        assertThat(c.lastUpdateTimestamp())
            .isAfterOrEqualTo(c.agent().afterContactWorkEndTimestamp());
      }
      if (r.json().contains("\"Channel\":\"voice\"") || r.json().contains("\"Channel\":\"chat\"")) {
        lowercase++;
      }
    }
    assertThat(lowercase).isPositive();
    int duplicates = 0;
    for (var e : byId.entrySet()) {
      List<ContactRecord> list = e.getValue();
      assertThat(list.size()).isBetween(1, 2);
      if (list.size() == 2) {
        duplicates++;
        assertThat(list.get(1).isNewerThan(list.get(0))).isTrue();
        assertThat(list.get(1).contactId()).isEqualTo(list.get(0).contactId());
      }
    }
    assertThat(duplicates).isEqualTo(run.summary.duplicateCtrs()).isPositive();
    // Ground truth counts the emissions too
    long emitted = run.outcomes.stream().mapToLong(GroundTruth.ContactOutcome::ctrEmissions).sum();
    assertThat(emitted).isEqualTo(run.stream(Streams.CTR).size());
  }

  @Test
  void lateCtrsArriveLongAfterTheirLastUpdate() throws Exception {
    Set<String> late = new HashSet<>();
    run.outcomes.stream()
        .filter(GroundTruth.ContactOutcome::lateCtr)
        .forEach(o -> late.add(o.contactId()));
    assertThat(late).isNotEmpty();
    int lateSeen = 0;
    for (StreamRecord r : run.stream(Streams.CTR)) {
      ContactRecord c = ContactRecord.fromJson(r.json());
      if (late.contains(c.contactId())
          && r.arrival().isAfter(c.lastUpdateTimestamp().plusSeconds(60))) {
        lateSeen++;
      }
    }
    assertThat(lateSeen).isGreaterThanOrEqualTo(late.size());
  }

  @Test
  void selfServedContactsOnlyTalkToTheBot() throws Exception {
    Set<String> selfServed = new HashSet<>();
    run.outcomes.stream()
        .filter(o -> o.outcome() == GroundTruth.Outcome.SELF_SERVED)
        .forEach(o -> selfServed.add(o.contactId()));
    assertThat(selfServed).isNotEmpty();
    Set<String> withFulfillment = new HashSet<>();
    for (StreamRecord r : run.stream(Streams.FULFILLMENT)) {
      withFulfillment.add(r.partitionKey());
    }
    for (StreamRecord r : run.stream(Streams.CONTACT_EVENTS)) {
      if (selfServed.contains(r.partitionKey())) {
        String type = ContactEvent.read(r.json()).detail().eventType();
        assertThat(type).isIn("INITIATED", "CONNECTED_TO_SYSTEM", "DISCONNECTED");
      }
    }
    for (StreamRecord r : run.stream(Streams.CTR)) {
      if (selfServed.contains(r.partitionKey())) {
        ContactRecord c = ContactRecord.fromJson(r.json());
        assertThat(c.queue()).isNull();
        assertThat(c.agent()).isNull();
      }
    }
    assertThat(withFulfillment).containsAll(selfServed);
  }

  @Test
  void iteratorYieldsTheSameRecordsAsThePushRun() {
    FakeContent content = new FakeContent();
    Simulator sim =
        new Simulator(
            Scenario.load("normal-day"),
            SimulationOptions.seed(5).withContacts(300).withHours(6.0),
            content,
            content);
    SimRun pushed = new SimRun();
    sim.run(pushed);
    SimRun side = new SimRun();
    Simulator.RecordIterator it = sim.records(side);
    List<StreamRecord> pulled = new ArrayList<>();
    it.forEachRemaining(pulled::add);
    assertThat(pulled).isEqualTo(pushed.records);
    assertThat(side.outcomes).isEqualTo(pushed.outcomes);
    assertThat(it.summary().records().values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(pulled.size());
  }
}
