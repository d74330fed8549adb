package com.cci.streaming.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.streaming.AlarmWorkflow;
import com.cci.streaming.records.ContactEventRecord;
import com.cci.streaming.records.DeadLetter;
import com.cci.streaming.records.SegmentRecord;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class SegmentClockTest {
  static final long T0 = 1_763_650_800_000L; // 2026-11-20T15:00:00Z
  static final long WAIT = 600_000;

  static KeyedTwoInputStreamOperatorTestHarness<
          String, ContactEventRecord, SegmentRecord, SegmentRecord>
      harness() throws Exception {
    KeyedTwoInputStreamOperatorTestHarness<String, ContactEventRecord, SegmentRecord, SegmentRecord>
        h =
            new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(new SegmentClock(WAIT, 4096)),
                new AlarmWorkflow.ContactEventContact(),
                new AlarmWorkflow.SegmentContact(),
                Types.STRING);
    h.open();
    return h;
  }

  static ContactEventRecord connected(String contact, long at) {
    ContactEventRecord e = new ContactEventRecord();
    e.contactId = contact;
    e.eventType = "CONNECTED_TO_AGENT";
    e.connectedToAgentMs = at;
    e.eventTimeMs = at;
    return e;
  }

  static SegmentRecord voice(String contact, String type, long... endOffsets) {
    SegmentRecord s = new SegmentRecord();
    s.contactId = contact;
    s.channel = "VOICE";
    s.eventType = type;
    s.eventTimeMs = SegmentParser.UNTIMED;
    s.endOffsetsMs = endOffsets;
    s.turnIds = new String[endOffsets.length];
    s.roles = new String[endOffsets.length];
    s.sentiments = new String[endOffsets.length];
    s.matchedCategories = new String[0];
    return s;
  }

  static List<Long> times(List<SegmentRecord> out) {
    return out.stream().map(s -> s.eventTimeMs).toList();
  }

  @Test
  void voiceSegmentsAreTimedFromTheConnectedToAgentTime() throws Exception {
    try (var h = harness()) {
      h.processElement1(new StreamRecord<>(connected("c1", T0), T0));
      h.processElement2(new StreamRecord<>(voice("c1", "STARTED"), Long.MIN_VALUE));
      h.processElement2(new StreamRecord<>(voice("c1", "SEGMENTS", 3_000, 9_047), Long.MIN_VALUE));
      h.processElement2(new StreamRecord<>(voice("c1", "COMPLETED"), Long.MIN_VALUE));
      assertThat(times(h.extractOutputValues())).containsExactly(T0, T0 + 9_047, T0 + 9_047);
    }
  }

  @Test
  void segmentsBeforeTheAnchorWaitAndAreReleasedByIt() throws Exception {
    try (var h = harness()) {
      h.processWatermark1(new org.apache.flink.streaming.api.watermark.Watermark(T0));
      h.processWatermark2(new org.apache.flink.streaming.api.watermark.Watermark(T0));
      h.processElement2(new StreamRecord<>(voice("c2", "SEGMENTS", 5_000), Long.MIN_VALUE));
      assertThat(h.extractOutputValues()).isEmpty();
      assertThat(h.numEventTimeTimers()).isEqualTo(1);
      h.processElement1(new StreamRecord<>(connected("c2", T0 + 1_000), T0 + 1_000));
      assertThat(times(h.extractOutputValues())).containsExactly(T0 + 6_000);
    }
  }

  @Test
  void withoutAnAnchorTheJobClockTimesThemAfterTheWait() throws Exception {
    try (var h = harness()) {
      h.processWatermark1(new org.apache.flink.streaming.api.watermark.Watermark(T0));
      h.processWatermark2(new org.apache.flink.streaming.api.watermark.Watermark(T0));
      h.processElement2(new StreamRecord<>(voice("c3", "SEGMENTS", 5_000), Long.MIN_VALUE));
      h.processWatermark1(new org.apache.flink.streaming.api.watermark.Watermark(T0 + WAIT));
      h.processWatermark2(new org.apache.flink.streaming.api.watermark.Watermark(T0 + WAIT));
      assertThat(times(h.extractOutputValues())).containsExactly(T0);
      assertThat(h.getSideOutput(DeadLetters.TAG)).isNullOrEmpty();
    }
  }

  @Test
  void withoutAnyClockTheyAreDeadLetteredAtTheEnd() throws Exception {
    try (var h = harness()) {
      h.processElement2(new StreamRecord<>(voice("c4", "SEGMENTS", 5_000), Long.MIN_VALUE));
      h.processWatermark1(new org.apache.flink.streaming.api.watermark.Watermark(Long.MAX_VALUE));
      h.processWatermark2(new org.apache.flink.streaming.api.watermark.Watermark(Long.MAX_VALUE));
      assertThat(h.extractOutputValues()).isEmpty();
      List<DeadLetter> dead =
          h.getSideOutput(DeadLetters.TAG).stream().map(StreamRecord::getValue).toList();
      assertThat(dead)
          .singleElement()
          .satisfies(d -> assertThat(d.reason).contains("could not be timed"));
    }
  }

  @Test
  void stateAndTimersDrainAfterRetention() throws Exception {
    try (var h = harness()) {
      h.processElement1(new StreamRecord<>(connected("c5", T0), T0));
      h.processElement2(new StreamRecord<>(voice("c5", "SEGMENTS", 1_000), Long.MIN_VALUE));
      assertThat(h.numKeyedStateEntries()).isPositive();
      h.processWatermark1(
          new org.apache.flink.streaming.api.watermark.Watermark(
              T0 + SegmentClock.RETENTION_MS + 1_000));
      h.processWatermark2(
          new org.apache.flink.streaming.api.watermark.Watermark(
              T0 + SegmentClock.RETENTION_MS + 1_000));
      assertThat(h.numKeyedStateEntries()).isZero();
      assertThat(h.numEventTimeTimers()).isZero();
    }
  }

  @Test
  void waitingSegmentsSurviveSnapshotAndRestore() throws Exception {
    OperatorSubtaskState snapshot;
    try (var h = harness()) {
      h.processWatermark1(new org.apache.flink.streaming.api.watermark.Watermark(T0));
      h.processWatermark2(new org.apache.flink.streaming.api.watermark.Watermark(T0));
      h.processElement2(new StreamRecord<>(voice("c6", "SEGMENTS", 2_000), Long.MIN_VALUE));
      snapshot = h.snapshot(1L, 1L);
    }
    KeyedTwoInputStreamOperatorTestHarness<String, ContactEventRecord, SegmentRecord, SegmentRecord>
        restored =
            new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(new SegmentClock(WAIT, 4096)),
                new AlarmWorkflow.ContactEventContact(),
                new AlarmWorkflow.SegmentContact(),
                Types.STRING);
    try (restored) {
      restored.initializeState(snapshot);
      restored.open();
      restored.processElement1(new StreamRecord<>(connected("c6", T0 + 500), T0 + 500));
      assertThat(times(restored.extractOutputValues())).containsExactly(T0 + 2_500);
    }
  }
}
