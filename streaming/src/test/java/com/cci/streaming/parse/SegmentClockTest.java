package com.cci.streaming.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.streaming.AlarmWorkflow;
import com.cci.streaming.records.ContactEventRecord;
import com.cci.streaming.records.CtrRecord;
import com.cci.streaming.records.DeadLetter;
import com.cci.streaming.records.SegmentAnchor;
import com.cci.streaming.records.SegmentRecord;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class SegmentClockTest {
  static final long T0 = 1_763_650_800_000L; // 2026-11-20T15:00:00Z
  static final long WAIT = 600_000;

  static KeyedTwoInputStreamOperatorTestHarness<String, SegmentAnchor, SegmentRecord, SegmentRecord>
      harness() throws Exception {
    var h =
        new KeyedTwoInputStreamOperatorTestHarness<>(
            new KeyedCoProcessOperator<>(new SegmentClock(WAIT, 4096)),
            new AlarmWorkflow.AnchorContact(),
            new AlarmWorkflow.SegmentContact(),
            Types.STRING);
    h.open();
    return h;
  }

  static StreamRecord<SegmentAnchor> connected(String contact, long at) {
    ContactEventRecord e = new ContactEventRecord();
    e.contactId = contact;
    e.eventType = "CONNECTED_TO_AGENT";
    e.connectedToAgentMs = at;
    e.eventTimeMs = at;
    return new StreamRecord<>(SegmentAnchor.of(e), at);
  }

  static StreamRecord<SegmentAnchor> initiated(String contact, long at) {
    ContactEventRecord e = new ContactEventRecord();
    e.contactId = contact;
    e.eventType = "INITIATED";
    e.initiationMs = at;
    e.eventTimeMs = at;
    return new StreamRecord<>(SegmentAnchor.of(e), at);
  }

  static StreamRecord<SegmentAnchor> ctr(String contact, Long connectedAt, long lastUpdate) {
    CtrRecord c = new CtrRecord();
    c.contactId = contact;
    c.initiationMs = T0 - 60_000;
    c.connectedToAgentMs = connectedAt;
    c.lastUpdateMs = lastUpdate;
    return new StreamRecord<>(SegmentAnchor.of(c), lastUpdate);
  }

  static StreamRecord<SegmentRecord> voice(String contact, String type, long... endOffsets) {
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
    return new StreamRecord<>(s);
  }

  static void watermark(KeyedTwoInputStreamOperatorTestHarness<?, ?, ?, ?> h, long t)
      throws Exception {
    h.processWatermark1(new Watermark(t));
    h.processWatermark2(new Watermark(t));
  }

  static List<Long> times(List<SegmentRecord> out) {
    return out.stream().map(s -> s.eventTimeMs).toList();
  }

  static List<DeadLetter> dead(KeyedTwoInputStreamOperatorTestHarness<?, ?, ?, ?> h) {
    var side = h.getSideOutput(DeadLetters.TAG);
    return side == null ? List.of() : side.stream().map(StreamRecord::getValue).toList();
  }

  @Test
  void voiceSegmentsAreTimedFromTheConnectedToAgentTime() throws Exception {
    try (var h = harness()) {
      h.processElement1(connected("c1", T0));
      h.processElement2(voice("c1", "STARTED"));
      h.processElement2(voice("c1", "SEGMENTS", 3_000, 9_047));
      h.processElement2(voice("c1", "COMPLETED"));
      assertThat(times(h.extractOutputValues())).containsExactly(T0, T0 + 9_047, T0 + 9_047);
    }
  }

  @Test
  void timeMarksMoveTheContactsLatestTimeAndAreCountedNotEmitted() throws Exception {
    try (var h = harness()) {
      // a time mark waiting for the anchor, one after it: neither is emitted, but the COMPLETED
      // record (no offsets) is timed at the latest of them, as if they had been whole records
      h.processElement2(new StreamRecord<>(voice("c1", "SEGMENTS", 4_000).getValue().timeMark()));
      h.processElement1(connected("c1", T0));
      h.processElement2(voice("c1", "SEGMENTS", 3_000, 6_000));
      h.processElement2(
          new StreamRecord<>(voice("c1", "SEGMENTS", 8_000, 12_500).getValue().timeMark()));
      h.processElement2(voice("c1", "COMPLETED"));
      List<SegmentRecord> out = h.extractOutputValues();
      assertThat(out).extracting(r -> r.eventType).containsExactly("SEGMENTS", "COMPLETED");
      assertThat(times(out)).containsExactly(T0 + 6_000, T0 + 12_500);
      assertThat(out).noneMatch(r -> r.timeOnly);
      assertThat(dead(h)).isEmpty();
    }
  }

  @Test
  void aTimeMarkWithoutItsAnchorIsDeadLetteredLikeAnyRecord() throws Exception {
    try (var h = harness()) {
      h.processElement1(initiated("c2", T0));
      h.processElement2(new StreamRecord<>(voice("c2", "SEGMENTS", 4_000).getValue().timeMark()));
      watermark(h, T0 + WAIT);
      assertThat(h.extractOutputValues()).isEmpty();
      assertThat(dead(h)).hasSize(1);
      assertThat(dead(h).get(0).reason).contains("parse.segment.anchor-wait");
    }
  }

  @Test
  void theAnchorIsTheWholeSecondSoTheCtrAndTheEventGiveTheSameTimes() throws Exception {
    // CTR timestamps have second precision (15:08:42Z), the contact event milliseconds
    // (15:08:42.431Z): whichever arrives first, the segment gets the same time
    for (boolean ctrFirst : new boolean[] {true, false}) {
      try (var h = harness()) {
        h.processElement2(voice("c0", "SEGMENTS", 16_091));
        if (ctrFirst) {
          h.processElement1(ctr("c0", T0, T0 + 300_000));
          h.processElement1(connected("c0", T0 + 431));
        } else {
          h.processElement1(connected("c0", T0 + 431));
          h.processElement1(ctr("c0", T0, T0 + 300_000));
        }
        h.processElement2(voice("c0", "SEGMENTS", 20_000));
        assertThat(times(h.extractOutputValues()))
            .as("CTR first: " + ctrFirst)
            .containsExactly(T0 + 16_091, T0 + 20_000);
      }
    }
  }

  @Test
  void theCtrAnchorsWhenTheContactEventsDoNot() throws Exception {
    try (var h = harness()) {
      watermark(h, T0);
      h.processElement2(voice("c2", "SEGMENTS", 5_000));
      h.processElement2(voice("c2", "SEGMENTS", 8_000));
      assertThat(h.extractOutputValues()).isEmpty();
      h.processElement1(ctr("c2", T0 + 1_000, T0 + 300_000));
      assertThat(times(h.extractOutputValues())).containsExactly(T0 + 6_000, T0 + 9_000);
      h.processElement2(voice("c2", "COMPLETED"));
      assertThat(times(h.extractOutputValues())).endsWith(T0 + 9_000);
      assertThat(dead(h)).isEmpty();
    }
  }

  @Test
  void aLateAnchorReleasesSegmentsWithTheirOwnTimesWhateverTheWatermark() throws Exception {
    try (var h = harness()) {
      watermark(h, T0);
      h.processElement1(initiated("c3", T0 - 30_000));
      h.processElement2(voice("c3", "SEGMENTS", 5_000));
      // the watermark moves far (but stays within the wait after the contact started)
      watermark(h, T0 - 30_000 + WAIT - 1);
      assertThat(h.extractOutputValues()).isEmpty();
      h.processElement1(connected("c3", T0 + 1_000));
      assertThat(times(h.extractOutputValues())).containsExactly(T0 + 6_000);
      // the deadline timer is gone with the wait; only the retention timer is left
      assertThat(h.numEventTimeTimers()).isEqualTo(1);
      // a different anchor later (the CTR) does not re-time anything
      h.processElement1(ctr("c3", T0 + 2_000, T0 + 60_000));
      h.processElement2(voice("c3", "SEGMENTS", 7_000));
      assertThat(times(h.extractOutputValues())).containsExactly(T0 + 6_000, T0 + 8_000);
    }
  }

  @Test
  void withoutAnAnchorWithinTheWaitTheyAreDeadLetteredNeverStampedWithTheWatermark()
      throws Exception {
    try (var h = harness()) {
      watermark(h, T0);
      h.processElement1(initiated("c4", T0));
      h.processElement2(voice("c4", "SEGMENTS", 5_000));
      watermark(h, T0 + WAIT - 1);
      assertThat(dead(h)).isEmpty();
      watermark(h, T0 + WAIT);
      assertThat(h.extractOutputValues()).isEmpty();
      assertThat(dead(h))
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.reason)
                    .contains("could not be timed")
                    .contains("c4")
                    .contains("600 s of event time")
                    .contains("waiting since the contact's start " + Instant.ofEpochMilli(T0))
                    .contains("deadline " + Instant.ofEpochMilli(T0 + WAIT))
                    .contains("watermark " + Instant.ofEpochMilli(T0 + WAIT));
                assertThat(d.payload).contains("\"contactId\":\"c4\"");
              });
    }
  }

  @Test
  void aCtrWithoutAgentDeadLettersAtOnceAndLaterSegmentsToo() throws Exception {
    try (var h = harness()) {
      h.processElement2(voice("c5", "SEGMENTS", 5_000));
      h.processElement1(ctr("c5", null, T0 + 60_000));
      h.processElement2(voice("c5", "COMPLETED"));
      assertThat(h.extractOutputValues()).isEmpty();
      assertThat(dead(h))
          .hasSize(2)
          .allSatisfy(d -> assertThat(d.reason).contains("never connected to an agent"));
    }
  }

  /**
   * The benchmark's rare {@code parse.segment.anchor-wait} dead letters, deterministically: the
   * Contact Lens stream is read ahead of the contact events, so a contact's segments arrive while
   * nothing else is known of it and the watermark (other contacts' events) is hours behind them.
   * The wait used to be armed at that watermark + the wait and fired before the contact's events
   * were read; now it waits for the contact's start.
   */
  @Test
  void segmentsReadAheadOfTheirContactsEventsWaitForTheContactNotTheWatermark() throws Exception {
    try (var h = harness()) {
      watermark(h, T0);
      h.processElement2(voice("c6", "SEGMENTS", 5_000)); // nothing else known of c6 yet
      watermark(h, T0 + 3 * WAIT); // the contact events of other contacts move the watermark on
      assertThat(dead(h)).isEmpty();
      h.processElement1(initiated("c6", T0 + 3 * WAIT)); // c6's own events are read at last
      watermark(h, T0 + 3 * WAIT + 10_000);
      h.processElement1(connected("c6", T0 + 3 * WAIT + 20_000));
      assertThat(times(h.extractOutputValues())).containsExactly(T0 + 3 * WAIT + 25_000);
      assertThat(dead(h)).isEmpty();
      assertThat(h.numProcessingTimeTimers()).isZero();
    }
  }

  @Test
  void whenTheStartBecomesKnownTheWaitCountsFromIt() throws Exception {
    try (var h = harness()) {
      watermark(h, T0);
      h.processElement2(voice("c12", "SEGMENTS", 5_000));
      h.processElement1(initiated("c12", T0 + WAIT));
      assertThat(h.numProcessingTimeTimers()).isZero();
      watermark(h, T0 + 2 * WAIT - 1);
      assertThat(dead(h)).isEmpty();
      watermark(h, T0 + 2 * WAIT);
      assertThat(dead(h))
          .singleElement()
          .satisfies(
              d ->
                  assertThat(d.reason)
                      .contains(
                          "waiting since the contact's start " + Instant.ofEpochMilli(T0 + WAIT))
                      .contains("deadline " + Instant.ofEpochMilli(T0 + 2 * WAIT)));
      watermark(h, Long.MAX_VALUE);
      assertThat(h.numKeyedStateEntries()).isZero();
      assertThat(h.numEventTimeTimers()).isZero();
    }
  }

  @Test
  void withNothingElseKnownTheEndOfInputDeadLetters() throws Exception {
    try (var h = harness()) {
      h.processElement2(voice("c6", "SEGMENTS", 5_000));
      watermark(h, T0);
      watermark(h, T0 + 100 * WAIT);
      assertThat(dead(h)).isEmpty();
      watermark(h, Long.MAX_VALUE);
      assertThat(h.extractOutputValues()).isEmpty();
      assertThat(dead(h))
          .singleElement()
          .satisfies(d -> assertThat(d.reason).contains("c6").contains("by the end of the input"));
      assertThat(h.numKeyedStateEntries()).isZero();
      assertThat(h.numEventTimeTimers()).isZero();
      assertThat(h.numProcessingTimeTimers()).isZero();
    }
  }

  @Test
  void withNothingElseKnownTheWaitEndsAfterTheWaitInProcessingTime() throws Exception {
    try (var h = harness()) {
      h.setProcessingTime(1_000);
      watermark(h, T0);
      h.processElement2(voice("c13", "SEGMENTS", 5_000));
      h.processElement2(voice("c13", "SEGMENTS", 7_000));
      h.setProcessingTime(1_000 + WAIT - 1);
      assertThat(dead(h)).isEmpty();
      h.setProcessingTime(1_000 + WAIT);
      assertThat(dead(h))
          .hasSize(2)
          .allSatisfy(
              d ->
                  assertThat(d.reason)
                      .contains("nothing but segments was heard of contact c13")
                      .contains("600 s of processing time"));
      assertThat(h.numKeyedStateEntries()).isZero();
      assertThat(h.numEventTimeTimers()).isZero();
      assertThat(h.numProcessingTimeTimers()).isZero();
    }
  }

  @Test
  void stateAndTimersDrainAfterRetention() throws Exception {
    try (var h = harness()) {
      h.processElement1(initiated("c7", T0 - 10_000));
      h.processElement1(connected("c7", T0));
      h.processElement2(voice("c7", "SEGMENTS", 1_000));
      h.processElement1(initiated("c8", T0));
      h.processElement2(voice("c8", "SEGMENTS", 1_000));
      assertThat(h.numKeyedStateEntries()).isPositive();
      watermark(h, T0 + WAIT); // c8: dead letter
      watermark(h, T0 + SegmentClock.RETENTION_MS + 1_000);
      assertThat(dead(h)).hasSize(1);
      assertThat(h.numKeyedStateEntries()).isZero();
      assertThat(h.numEventTimeTimers()).isZero();
    }
  }

  @Test
  void retentionCountsFromTheLastTouchWithOneTimer() throws Exception {
    try (var h = harness()) {
      h.processElement1(connected("c11", T0));
      h.processElement2(voice("c11", "SEGMENTS", 1_000));
      long hour = 3_600_000L;
      h.processElement2(voice("c11", "SEGMENTS", hour)); // touched at T0 + 1 h
      // one retention timer, not one per touch (it is moved forward when it fires early)
      assertThat(h.numEventTimeTimers()).isEqualTo(1);
      watermark(h, T0 + SegmentClock.RETENTION_MS + 1_000); // past the first touch's retention
      assertThat(h.numKeyedStateEntries()).isPositive();
      assertThat(h.numEventTimeTimers()).isEqualTo(1);
      // the contact is still known: a later segment is timed from the same anchor
      h.processElement2(voice("c11", "SEGMENTS", 2 * hour));
      assertThat(times(h.extractOutputValues()))
          .containsExactly(T0 + 1_000, T0 + hour, T0 + 2 * hour);
      watermark(h, T0 + 2 * hour + SegmentClock.RETENTION_MS);
      assertThat(h.numKeyedStateEntries()).isZero();
      assertThat(h.numEventTimeTimers()).isZero();
    }
  }

  @Test
  void waitingSegmentsSurviveSnapshotAndRestore() throws Exception {
    OperatorSubtaskState snapshot;
    try (var h = harness()) {
      watermark(h, T0);
      h.processElement1(initiated("c9", T0));
      h.processElement2(voice("c9", "SEGMENTS", 2_000));
      h.processElement2(voice("c10", "SEGMENTS", 2_000));
      snapshot = h.snapshot(1L, 1L);
    }
    var restored =
        new KeyedTwoInputStreamOperatorTestHarness<>(
            new KeyedCoProcessOperator<>(new SegmentClock(WAIT, 4096)),
            new AlarmWorkflow.AnchorContact(),
            new AlarmWorkflow.SegmentContact(),
            Types.STRING);
    try (restored) {
      restored.initializeState(snapshot);
      restored.open();
      restored.processElement1(connected("c9", T0 + 1_000));
      assertThat(times(restored.extractOutputValues())).containsExactly(T0 + 3_000);
      watermark(restored, T0 + 10 * WAIT); // c10: nothing known but its segment, it still waits
      assertThat(dead(restored)).isEmpty();
      watermark(restored, Long.MAX_VALUE); // c10's wait survived the restore
      assertThat(dead(restored))
          .singleElement()
          .satisfies(d -> assertThat(d.reason).contains("c10").contains("end of the input"));
    }
  }
}
