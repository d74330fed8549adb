package com.cci.streaming.functions.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.streaming.records.CtrRecord;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class CtrDeduplicatorTest {
  private static final long HOUR = 3_600_000;
  private static final long T0 = 1_795_000_000_000L;

  static CtrRecord ctr(String id, long lastUpdate) {
    CtrRecord r = new CtrRecord();
    r.contactId = id;
    r.lastUpdateMs = lastUpdate;
    r.queueId = "q1";
    r.enqueueMs = lastUpdate - 60_000;
    return r;
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, CtrRecord, CtrRecord> harness()
      throws Exception {
    KeyedOneInputStreamOperatorTestHarness<String, CtrRecord, CtrRecord> h =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new CtrDeduplicator(24 * HOUR)),
            new QueueKeys.CtrContactId(),
            Types.STRING);
    h.open();
    return h;
  }

  private static List<String> seen(List<CtrRecord> out) {
    List<String> s = new ArrayList<>();
    for (CtrRecord r : out) {
      s.add(r.contactId + "@" + (r.lastUpdateMs - T0));
    }
    return s;
  }

  @Test
  void forwardsFirstAndNewerOnlyThenExpires() throws Exception {
    try (var h = harness()) {
      h.processElement(ctr("a", T0), T0);
      h.processElement(ctr("a", T0), T0); // exact re-emission
      h.processElement(ctr("b", T0 + 5), T0 + 5);
      h.processElement(ctr("a", T0 - 1000), T0); // older: dropped
      h.processElement(ctr("a", T0 + 300_000), T0 + 300_000); // newer: forwarded
      assertThat(seen(h.extractOutputValues())).containsExactly("a@0", "b@5", "a@300000");
      assertThat(h.numKeyedStateEntries()).isEqualTo(2);
      assertThat(h.numEventTimeTimers()).isEqualTo(2);

      h.processWatermark(new Watermark(T0 + 24 * HOUR + 10));
      assertThat(h.numKeyedStateEntries()).as("b expired, a (newer) not yet").isEqualTo(1);
      h.processWatermark(new Watermark(T0 + 25 * HOUR));
      assertThat(h.numKeyedStateEntries()).isZero();
      assertThat(h.numEventTimeTimers()).isZero();
      assertThat(h.numProcessingTimeTimers()).isZero();
    }
  }

  @Test
  void snapshotRestoreGivesTheSameOutput() throws Exception {
    List<CtrRecord> input =
        List.of(
            ctr("a", T0),
            ctr("b", T0 + 1),
            ctr("a", T0),
            ctr("c", T0 + 2),
            ctr("b", T0 + 1),
            ctr("a", T0 + 10),
            ctr("c", T0 - 5));
    List<String> uninterrupted;
    try (var h = harness()) {
      for (CtrRecord r : input) {
        h.processElement(r, r.lastUpdateMs);
      }
      uninterrupted = seen(h.extractOutputValues());
    }
    List<String> restored = new ArrayList<>();
    OperatorSubtaskState snap;
    try (var h = harness()) {
      for (CtrRecord r : input.subList(0, 3)) {
        h.processElement(r, r.lastUpdateMs);
      }
      restored.addAll(seen(h.extractOutputValues()));
      snap = h.snapshot(1, 1);
    }
    try (var h =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new CtrDeduplicator(24 * HOUR)),
            new QueueKeys.CtrContactId(),
            Types.STRING)) {
      h.initializeState(snap);
      h.open();
      for (CtrRecord r : input.subList(3, input.size())) {
        h.processElement(r, r.lastUpdateMs);
      }
      restored.addAll(seen(h.extractOutputValues()));
      h.processWatermark(new Watermark(Long.MAX_VALUE));
      assertThat(h.numKeyedStateEntries()).isZero();
      assertThat(h.numEventTimeTimers()).isZero();
    }
    assertThat(uninterrupted).containsExactly("a@0", "b@1", "c@2", "a@10");
    assertThat(restored).isEqualTo(uninterrupted);
  }
}
