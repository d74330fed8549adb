package com.cci.streaming.functions.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.streaming.records.ContactEventRecord;
import com.cci.streaming.records.CtrRecord;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class ContactQueueTrackerTest {
  static final long T0 = 1_795_000_000_000L;
  static final long MIN = 60_000;
  static final long TIMEOUT = 240 * MIN;
  static final long RETENTION = 24 * 60 * MIN;
  static final long GRACE = RETENTION; // tombstone after the CTR

  static ContactEventRecord event(String type, String id, long at, Long enq, Long answer) {
    ContactEventRecord e = new ContactEventRecord();
    e.eventType = type;
    e.contactId = id;
    e.eventTimeMs = at / 1000 * 1000;
    if (enq != null) {
      e.queueId = "q1";
      e.enqueueMs = enq;
    }
    e.connectedToAgentMs = answer;
    e.disconnectMs = "DISCONNECTED".equals(type) ? at : null;
    return e;
  }

  static CtrRecord ctr(String id, long lastUpdate, Long enq, Long answer, Long dequeue) {
    CtrRecord r = new CtrRecord();
    r.contactId = id;
    r.lastUpdateMs = lastUpdate;
    r.queueId = enq == null ? null : "q1";
    r.queueName = enq == null ? null : "General";
    r.enqueueMs = enq;
    r.connectedToAgentMs = answer;
    r.dequeueMs = dequeue;
    r.disconnectMs = dequeue;
    return r;
  }

  static KeyedTwoInputStreamOperatorTestHarness<
          String, ContactEventRecord, CtrRecord, QueueTransition>
      harness(OperatorSubtaskState restore) throws Exception {
    var h =
        new KeyedTwoInputStreamOperatorTestHarness<>(
            new KeyedCoProcessOperator<>(new ContactQueueTracker(TIMEOUT, RETENTION)),
            new QueueKeys.EventContactId(),
            new QueueKeys.CtrContactId(),
            Types.STRING);
    if (restore != null) {
      h.initializeState(restore);
    }
    h.open();
    return h;
  }

  static List<String> out(List<QueueTransition> ts) {
    List<String> s = new ArrayList<>();
    for (QueueTransition t : ts) {
      s.add(t.contactId + " " + t.kind + " " + (t.timeMs - T0) + " " + t.source);
    }
    return s;
  }

  static void ev(
      KeyedTwoInputStreamOperatorTestHarness<String, ContactEventRecord, CtrRecord, QueueTransition>
          h,
      ContactEventRecord e)
      throws Exception {
    h.processElement1(e, e.eventTimeMs);
  }

  @Test
  void inOrderEventsGiveEnqueueThenAnswerAndStateDrains() throws Exception {
    try (var h = harness(null)) {
      ev(h, event("INITIATED", "c1", T0, null, null));
      ev(h, event("QUEUED", "c1", T0 + 1000, T0 + 1000, null));
      ev(h, event("CONNECTED_TO_AGENT", "c1", T0 + 21_500, T0 + 1000, T0 + 21_500));
      ev(h, event("DISCONNECTED", "c1", T0 + 400_000, T0 + 1000, T0 + 21_500));
      assertThat(out(h.extractOutputValues()))
          .containsExactly("c1 ENQUEUED 1000 EVENT", "c1 ANSWERED 21500 EVENT");
      h.processElement2(ctr("c1", T0 + 460_000, T0 + 1000, T0 + 21_000, T0 + 21_000), T0 + 460_000);
      h.processBothWatermarks(new Watermark(T0 + 470_000));
      assertThat(h.extractOutputValues()).as("the CTR agrees; nothing new").hasSize(2);
      assertThat(h.numKeyedStateEntries()).as("tombstone until the grace ends").isEqualTo(1);
      h.processBothWatermarks(new Watermark(T0 + 460_000 + GRACE));
      assertThat(h.numKeyedStateEntries()).isZero();
      assertThat(h.numEventTimeTimers()).isZero();
    }
  }

  @Test
  void disconnectedBeforeQueuedIsAnAbandonAndTheLateQueuedIsIgnored() throws Exception {
    try (var h = harness(null)) {
      ev(h, event("DISCONNECTED", "c2", T0 + 4000, T0 + 1000, null));
      ev(h, event("QUEUED", "c2", T0 + 1000, T0 + 1000, null));
      ev(h, event("CONNECTED_TO_AGENT", "c3", T0 + 2500, T0 + 2000, T0 + 2500));
      ev(h, event("QUEUED", "c3", T0 + 2000, T0 + 2000, null));
      assertThat(out(h.extractOutputValues()))
          .containsExactly(
              "c2 ENQUEUED 1000 EVENT",
              "c2 ABANDONED 4000 EVENT",
              "c3 ENQUEUED 2000 EVENT",
              "c3 ANSWERED 2500 EVENT");
    }
  }

  @Test
  void lostDisconnectIsResolvedByTheCtrOnceTheWatermarkPassesIt() throws Exception {
    try (var h = harness(null)) {
      ev(h, event("QUEUED", "c4", T0, T0, null));
      // DISCONNECTED lost; the CTR says it left the queue without an agent at T0+90s.
      h.processElement2(ctr("c4", T0 + 120_000, T0, null, T0 + 90_000), T0 + 120_000);
      assertThat(out(h.extractOutputValues())).containsExactly("c4 ENQUEUED 0 EVENT");
      h.processBothWatermarks(new Watermark(T0 + 119_999));
      assertThat(h.extractOutputValues()).hasSize(1);
      h.processBothWatermarks(new Watermark(T0 + 120_000));
      assertThat(out(h.extractOutputValues()))
          .containsExactly("c4 ENQUEUED 0 EVENT", "c4 ABANDONED 90000 CTR");
      h.processBothWatermarks(new Watermark(T0 + 120_000 + GRACE));
      assertThat(h.numKeyedStateEntries()).isZero();
      assertThat(h.numEventTimeTimers()).isZero();
    }
  }

  @Test
  void allEventsLostTheCtrSuppliesEnqueueAndAnswer() throws Exception {
    try (var h = harness(null)) {
      h.processElement2(ctr("c5", T0 + 500_000, T0, T0 + 40_000, T0 + 40_000), T0 + 500_000);
      h.processBothWatermarks(new Watermark(T0 + 500_000));
      assertThat(out(h.extractOutputValues()))
          .containsExactly("c5 ENQUEUED 0 CTR", "c5 ANSWERED 40000 CTR");
    }
  }

  @Test
  void ctrReadBeforeTheEventsDoesNotOverrideTheirMillisecondTimes() throws Exception {
    try (var h = harness(null)) {
      // the CTR stream's reader ran ahead: its second-precision times must not win
      h.processElement2(ctr("c6", T0 + 300_000, T0, T0 + 12_000, T0 + 12_000), T0 + 300_000);
      ev(h, event("QUEUED", "c6", T0 + 400, T0 + 400, null));
      ev(h, event("CONNECTED_TO_AGENT", "c6", T0 + 12_700, T0 + 400, T0 + 12_700));
      h.processBothWatermarks(new Watermark(T0 + 300_000));
      assertThat(out(h.extractOutputValues()))
          .containsExactly("c6 ENQUEUED 400 EVENT", "c6 ANSWERED 12700 EVENT");
    }
  }

  @Test
  void contactWithNeitherExitNorCtrTimesOut() throws Exception {
    try (var h = harness(null)) {
      ev(h, event("QUEUED", "c7", T0, T0, null));
      h.processBothWatermarks(new Watermark(T0 + TIMEOUT - 1));
      assertThat(h.extractOutputValues()).hasSize(1);
      h.processBothWatermarks(new Watermark(T0 + TIMEOUT));
      assertThat(out(h.extractOutputValues()))
          .containsExactly("c7 ENQUEUED 0 EVENT", "c7 TIMED_OUT " + TIMEOUT + " TIMEOUT");
      // a CTR after the timeout changes nothing
      h.processElement2(ctr("c7", T0 + TIMEOUT + MIN, T0, null, T0 + 3 * MIN), T0 + TIMEOUT + MIN);
      h.processBothWatermarks(new Watermark(T0 + TIMEOUT + MIN + GRACE));
      assertThat(h.extractOutputValues()).hasSize(2);
      assertThat(h.numKeyedStateEntries()).isZero();
      assertThat(h.numEventTimeTimers()).isZero();
    }
  }

  @Test
  void contactsThatNeverQueueKeepNoState() throws Exception {
    try (var h = harness(null)) {
      ev(h, event("INITIATED", "c8", T0, null, null));
      ev(h, event("CONNECTED_TO_SYSTEM", "c8", T0 + 10, null, null));
      ev(h, event("DISCONNECTED", "c8", T0 + 50_000, null, null));
      h.processElement2(ctr("c8", T0 + 80_000, null, null, null), T0 + 80_000);
      assertThat(h.extractOutputValues()).isEmpty();
      assertThat(h.numKeyedStateEntries()).isZero();
      assertThat(h.numEventTimeTimers()).isZero();
    }
  }

  @Test
  void transferIsANewContactInTheTargetQueue() throws Exception {
    try (var h = harness(null)) {
      ev(h, event("QUEUED", "a", T0, T0, null));
      ev(h, event("CONNECTED_TO_AGENT", "a", T0 + 5000, T0, T0 + 5000));
      ContactEventRecord q = event("QUEUED", "b", T0 + 200_000, T0 + 200_000, null);
      q.queueId = "q2";
      q.previousContactId = "a";
      ev(h, q);
      List<QueueTransition> out = h.extractOutputValues();
      assertThat(out(out))
          .containsExactly(
              "a ENQUEUED 0 EVENT", "a ANSWERED 5000 EVENT", "b ENQUEUED 200000 EVENT");
      assertThat(out.get(2).queueId).isEqualTo("q2");
    }
  }

  @Test
  void snapshotRestoreGivesTheSameOutput() throws Exception {
    List<Object> input =
        List.of(
            event("QUEUED", "x", T0, T0, null),
            event("DISCONNECTED", "y", T0 + 9000, T0 + 2000, null),
            ctr("z", T0 + 200_000, T0 + 1000, T0 + 30_000, T0 + 30_000),
            event("QUEUED", "y", T0 + 2000, T0 + 2000, null),
            new Watermark(T0 + 100_000),
            ctr("x", T0 + 250_000, T0, null, T0 + 220_000),
            new Watermark(T0 + 300_000),
            new Watermark(T0 + 300_000 + GRACE + RETENTION));
    List<String> uninterrupted;
    try (var h = harness(null)) {
      feed(h, input);
      uninterrupted = out(h.extractOutputValues());
      assertThat(h.numKeyedStateEntries()).isZero();
      assertThat(h.numEventTimeTimers()).isZero();
    }
    List<String> restored = new ArrayList<>();
    OperatorSubtaskState snap;
    try (var h = harness(null)) {
      feed(h, input.subList(0, 5));
      restored.addAll(out(h.extractOutputValues()));
      snap = h.snapshot(1, 1);
    }
    try (var h = harness(snap)) {
      feed(h, input.subList(5, input.size()));
      restored.addAll(out(h.extractOutputValues()));
      assertThat(h.numKeyedStateEntries()).isZero();
      assertThat(h.numEventTimeTimers()).isZero();
    }
    assertThat(uninterrupted)
        .containsExactly(
            "x ENQUEUED 0 EVENT",
            "y ENQUEUED 2000 EVENT",
            "y ABANDONED 9000 EVENT",
            "z ENQUEUED 1000 CTR",
            "z ANSWERED 30000 CTR",
            "x ABANDONED 220000 CTR");
    assertThat(restored).isEqualTo(uninterrupted);
  }

  private static void feed(
      KeyedTwoInputStreamOperatorTestHarness<String, ContactEventRecord, CtrRecord, QueueTransition>
          h,
      List<Object> input)
      throws Exception {
    for (Object o : input) {
      if (o instanceof ContactEventRecord e) {
        ev(h, e);
      } else if (o instanceof CtrRecord c) {
        h.processElement2(c, c.lastUpdateMs);
      } else {
        h.processBothWatermarks((Watermark) o);
      }
    }
  }
}
