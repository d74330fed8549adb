package com.cci.streaming.functions.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.kinesis.StreamRecord;
import com.cci.kinesis.Streams;
import com.cci.schemas.Json;
import com.cci.sim.GroundTruth;
import com.cci.sim.Scenario;
import com.cci.sim.SimulationOptions;
import com.cci.sim.SimulationSink;
import com.cci.sim.Simulator;
import com.cci.sim.SimulatorContent;
import com.cci.streaming.records.ContactEventRecord;
import com.cci.streaming.records.CtrRecord;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With contact events lost (10 % here, 0.2 % in the scenarios) the CTRs must resolve every contact:
 * the simulator's records go through {@link CtrDeduplicator} and {@link ContactQueueTracker}
 * harnesses in arrival order, and every contact that queued must end up with exactly one ENQUEUED
 * and the exit the ground truth says, in the same minute; nobody whose DISCONNECTED was lost stays
 * in the queue.
 */
class LostEventReconciliationTest {
  private static final long BOUND = 30_000;

  @Test
  void everyQueuedContactGetsItsGroundTruthOutcome(@TempDir Path dir) throws Exception {
    Scenario scenario = withEventLoss("incident", 0.10, dir);
    Simulator sim =
        new Simulator(
            scenario,
            SimulationOptions.seed(3)
                .withContacts(1500)
                .withStartTime(java.time.LocalTime.of(9, 30))
                .withHours(3.0),
            SimulatorContent.generator(),
            SimulatorContent.renderer());
    List<GroundTruth.ContactOutcome> outcomes = new ArrayList<>();
    List<GroundTruth.LostEvent> lost = new ArrayList<>();
    SimulationSink side =
        new SimulationSink() {
          @Override
          public void contactOutcome(GroundTruth.ContactOutcome row) {
            outcomes.add(row);
          }

          @Override
          public void lostEvent(GroundTruth.LostEvent row) {
            lost.add(row);
          }
        };
    QueueRulesConfig cfg = SimRecords.devConfig();
    List<QueueTransition> transitions = new ArrayList<>();
    try (var dedup =
            new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new CtrDeduplicator(cfg.contactRetentionMs())),
                new QueueKeys.CtrContactId(),
                Types.STRING);
        var tracker =
            new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(new ContactQueueTracker(cfg)),
                new QueueKeys.EventContactId(),
                new QueueKeys.CtrContactId(),
                Types.STRING)) {
      dedup.open();
      tracker.open();
      long maxTs = Long.MIN_VALUE;
      long watermark = Long.MIN_VALUE;
      int forwarded = 0;
      Simulator.RecordIterator it = sim.records(side);
      while (it.hasNext()) {
        StreamRecord r = it.next();
        long ts;
        if (r.stream().equals(Streams.CONTACT_EVENTS)) {
          ContactEventRecord e = SimRecords.event(r);
          ts = e.eventTimeMs;
          tracker.processElement1(e, ts);
        } else if (r.stream().equals(Streams.CTR)) {
          CtrRecord c = SimRecords.ctr(r);
          ts = c.lastUpdateMs;
          dedup.processElement(c, ts);
          List<CtrRecord> out = dedup.extractOutputValues();
          for (CtrRecord u : out.subList(forwarded, out.size())) {
            tracker.processElement2(u, u.lastUpdateMs);
          }
          forwarded = out.size();
        } else {
          continue;
        }
        maxTs = Math.max(maxTs, ts);
        if (maxTs - BOUND > watermark) {
          watermark = maxTs - BOUND;
          tracker.processBothWatermarks(new Watermark(watermark));
        }
      }
      tracker.processBothWatermarks(new Watermark(Long.MAX_VALUE));
      dedup.processWatermark(new Watermark(Long.MAX_VALUE));
      transitions.addAll(tracker.extractOutputValues());
      assertThat(tracker.numKeyedStateEntries()).isZero();
      assertThat(tracker.numEventTimeTimers()).isZero();
      assertThat(dedup.numKeyedStateEntries()).isZero();
    }

    Map<String, String> queueIdByName = new HashMap<>();
    cfg.queues().forEach((id, r) -> queueIdByName.put(r.name(), id));
    Map<String, List<QueueTransition>> byContact = new HashMap<>();
    for (QueueTransition t : transitions) {
      byContact.computeIfAbsent(t.contactId, k -> new ArrayList<>()).add(t);
    }
    int queued = 0;
    int resolvedByCtr = 0;
    int lostDisconnects = 0;
    for (GroundTruth.ContactOutcome o : outcomes) {
      List<QueueTransition> ts = byContact.remove(o.contactId());
      if (o.enqueueTimestamp() == null) {
        assertThat(ts).as("never queued: " + o.contactId()).isNull();
        continue;
      }
      queued++;
      assertThat(ts).as("transitions of " + o.contactId()).isNotNull().hasSize(2);
      QueueTransition enq = ts.get(0);
      QueueTransition exit = ts.get(1);
      assertThat(enq.kind).isEqualTo(QueueTransition.ENQUEUED);
      assertThat(enq.queueId).isEqualTo(queueIdByName.get(o.queue()));
      assertThat(minute(enq.timeMs)).isEqualTo(minute(o.enqueueTimestamp()));
      switch (o.outcome()) {
        case ANSWERED -> {
          assertThat(exit.kind).isEqualTo(QueueTransition.ANSWERED);
          assertThat(minute(exit.timeMs)).isEqualTo(minute(o.answerTimestamp()));
        }
        case ABANDONED -> {
          assertThat(exit.kind).as(o.toString()).isEqualTo(QueueTransition.ABANDONED);
          assertThat(minute(exit.timeMs)).isEqualTo(minute(o.abandonTimestamp()));
        }
        default -> assertThat(exit.kind).as(o.toString()).isEqualTo(QueueTransition.TIMED_OUT);
      }
      if (QueueTransition.FROM_CTR.equals(exit.source)) {
        resolvedByCtr++;
      }
      if (o.lostEvents() != null
          && o.lostEvents().contains("DISCONNECTED")
          && o.outcome() == GroundTruth.Outcome.ABANDONED) {
        lostDisconnects++;
        assertThat(exit.source).isEqualTo(QueueTransition.FROM_CTR);
      }
    }
    assertThat(byContact).as("transitions for contacts without an outcome").isEmpty();
    System.out.printf(
        "loss 10%%: %d lost events, %d queued contacts, %d exits resolved by CTRs, %d abandons whose"
            + " DISCONNECTED was lost%n",
        lost.size(), queued, resolvedByCtr, lostDisconnects);
    assertThat(lost).hasSizeGreaterThan(100);
    assertThat(lostDisconnects).isPositive();
    assertThat(resolvedByCtr).isGreaterThanOrEqualTo(lostDisconnects);
  }

  private static long minute(long ms) {
    return Math.floorDiv(ms, 60_000L);
  }

  private static long minute(String iso) {
    return minute(Instant.parse(iso).toEpochMilli());
  }

  static Scenario withEventLoss(String name, double loss, Path dir) throws Exception {
    try (InputStream in =
        Scenario.class.getClassLoader().getResourceAsStream("scenarios/" + name + ".json")) {
      ObjectNode root = (ObjectNode) Json.mapper().readTree(in);
      ((ObjectNode) root.get("shares")).put("eventLoss", loss);
      Path p = dir.resolve(name + "-loss.json");
      Files.writeString(p, Json.mapper().writeValueAsString(root));
      return Scenario.load(p.toString());
    }
  }
}
