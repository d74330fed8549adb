package com.cci.streaming.parse;

import com.cci.kinesis.Streams;
import com.cci.schemas.Json;
import com.cci.streaming.metrics.JobMetrics;
import com.cci.streaming.records.SegmentAnchor;
import com.cci.streaming.records.SegmentRecord;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Gives untimed Contact Lens segment records ({@link SegmentParser#UNTIMED}: every voice 1.0.0
 * event, and chat STARTED/COMPLETED) their event time, keyed by contact id. The result depends only
 * on the input records, never on arrival order across streams or on the watermark, so a replay of
 * the same input gives the same event times (and so the same alarm ids).
 *
 * <p><b>Anchor.</b> Voice offsets count from the moment the contact was connected to the agent.
 * That time comes from input 1 ({@link SegmentAnchor}): a contact event carrying {@code
 * agentInfo.connectedToAgentTimestamp} (CONNECTED_TO_AGENT, or a later event), or the contact's CTR
 * ({@code Agent.ConnectedToAgentTimestamp}); the first one to arrive is kept (a different later one
 * is counted in {@code segmentAnchorConflicts}). The anchor is cut to the whole second: CTR
 * timestamps have second precision (truncated), contact events milliseconds, and which of the two
 * arrives first differs from run to run; at whole seconds both give the same time, so segment times
 * (and alarm ids) do not depend on it. Segment times are therefore exact to within 1 s. QUEUED and
 * INITIATED events are <em>not</em> anchors (the queue wait between them and the agent is unknown,
 * any offset rule would shift every segment); they only tell when the contact started, see below. A
 * record's time is anchor + its largest {@code EndOffsetMillis}; a record without offsets gets the
 * latest time already given to the contact, at least the anchor.
 *
 * <p><b>Waiting.</b> A record that arrives before its anchor waits in keyed state until the anchor
 * arrives. When the contact's CTR says it never reached an agent, or no anchor arrived when the
 * watermark passes the contact's start (earliest INITIATED/QUEUED/CTR time seen) plus {@code
 * anchorWaitMs}, the waiting records go to dead letter with the reason; they are never stamped with
 * arrival or watermark time. While <em>nothing</em> but segments is known of the contact, the wait
 * has no event-time deadline: an untimed segment says nothing about its own time, and the Contact
 * Lens stream can be read far ahead of the contact events (a source started or resumed earlier, a
 * backlog on one stream), so a deadline from the watermark at arrival (as before) fired before the
 * contact's events were read and dead-lettered segments whose anchor came later ({@code
 * parse.segment.anchor-wait} in a few benchmark runs under load). Such records wait until the
 * contact's start becomes known (then start + wait), the end of a bounded input, or {@code
 * anchorWaitMs} of processing time (the memory bound of an unbounded run when all of a contact's
 * events and its CTR were lost). At the end of a bounded input (watermark MAX) every anchor has
 * been delivered, so which records are dead-lettered in a replay is decided by the data alone.
 *
 * <p>State per contact (anchor, start, latest time, waiting records; one {@link SegmentClockState}
 * value plus the waiting list) is cleared {@link #RETENTION_MS} of event time after it was last
 * touched (one event-time timer, moved forward when it fires early). Timed records (chat turns with
 * {@code AbsoluteTime}) pass straight through.
 *
 * <p><b>Time marks</b> ({@link SegmentRecord#timeOnly}, records no rule reads beyond their time)
 * are timed, wait and are dead-lettered like any record, but once timed they are counted in {@link
 * #TIME_MARKS_METRIC} instead of emitted: their time only moves the contact's latest time.
 */
public class SegmentClock
    extends KeyedCoProcessFunction<String, SegmentAnchor, SegmentRecord, SegmentRecord> {
  private static final long serialVersionUID = 1L;

  /** How long per-contact state lives after its last update (event time). */
  public static final long RETENTION_MS = 6 * 3600_000L;

  /**
   * Counter of {@link SegmentRecord#timeOnly time marks} absorbed: timed like every record (they
   * move the contact's latest time), then counted here instead of being emitted.
   */
  public static final String TIME_MARKS_METRIC = "segmentTimeMarks";

  /**
   * {@link SegmentClockState#waitDeadlineMs} while the contact's start is unknown: the event-time
   * timer at the end of the input (a processing-time timer bounds the wait in unbounded runs).
   */
  static final long START_UNKNOWN = Long.MAX_VALUE;

  private final long anchorWaitMs;
  private final int maxDeadLetterPayloadChars;

  private transient ValueState<SegmentClockState> clock;
  private transient ListState<SegmentRecord> waiting;
  private transient Counter deadLettered;
  private transient Counter anchorConflicts;
  private transient Counter timeMarks;

  public SegmentClock(long anchorWaitMs, int maxDeadLetterPayloadChars) {
    if (anchorWaitMs <= 0 || anchorWaitMs > RETENTION_MS) {
      throw new IllegalArgumentException(
          "anchor wait must be in (0, " + RETENTION_MS + "] ms, was " + anchorWaitMs);
    }
    this.anchorWaitMs = anchorWaitMs;
    this.maxDeadLetterPayloadChars = maxDeadLetterPayloadChars;
  }

  @Override
  public void open(OpenContext openContext) {
    clock =
        getRuntimeContext().getState(new ValueStateDescriptor<>("clock", SegmentClockState.class));
    waiting =
        getRuntimeContext().getListState(new ListStateDescriptor<>("waiting", SegmentRecord.class));
    deadLettered = JobMetrics.deadLettered(getRuntimeContext(), Streams.CONTACT_LENS);
    anchorConflicts = JobMetrics.group(getRuntimeContext()).counter("segmentAnchorConflicts");
    timeMarks = JobMetrics.group(getRuntimeContext()).counter(TIME_MARKS_METRIC);
  }

  private SegmentClockState state() throws Exception {
    SegmentClockState st = clock.value();
    return st != null ? st : new SegmentClockState();
  }

  @Override
  public void processElement1(SegmentAnchor a, Context ctx, Collector<SegmentRecord> out)
      throws Exception {
    SegmentClockState st = state();
    touch(ctx, st, a.eventTimeMs);
    if (st.contactSeenMs == null || a.contactSeenMs < st.contactSeenMs) {
      st.contactSeenMs = a.contactSeenMs;
    }
    Long known = st.anchorMs;
    if (a.connectedToAgentMs != null) {
      long at = wholeSecond(a.connectedToAgentMs);
      if (known != null) {
        if (known != at) {
          anchorConflicts.inc();
        }
        clock.update(st);
        return;
      }
      st.anchorMs = at;
      Iterable<SegmentRecord> pending = waiting.get();
      if (pending != null) {
        for (SegmentRecord s : pending) {
          emit(s, at, st, out);
        }
      }
      endWait(ctx, st);
      touch(ctx, st, st.latestMs == null ? at : st.latestMs);
    } else if (a.neverConnected && known == null) {
      st.neverConnected = true;
      deadLetterWaiting(ctx, neverConnectedReason(ctx.getCurrentKey()));
      endWait(ctx, st);
    } else if (st.waitDeadlineMs != null && st.waitDeadlineMs == START_UNKNOWN) {
      // the contact's start is known now: the wait counts from it
      cancelWaitTimers(ctx, st);
      arm(ctx, st);
    }
    clock.update(st);
  }

  @Override
  public void processElement2(SegmentRecord s, Context ctx, Collector<SegmentRecord> out)
      throws Exception {
    SegmentClockState st = state();
    if (s.eventTimeMs != SegmentParser.UNTIMED) {
      long t = s.eventTimeMs;
      remember(st, t);
      touch(ctx, st, t);
      clock.update(st);
      collect(s, out);
      return;
    }
    Long a = st.anchorMs;
    if (a != null) {
      long t = emit(s, a, st, out);
      touch(ctx, st, t);
      clock.update(st);
      return;
    }
    if (st.neverConnected) {
      deadLetter(ctx, s, neverConnectedReason(ctx.getCurrentKey()));
      return;
    }
    waiting.add(s);
    if (st.waitDeadlineMs == null) {
      arm(ctx, st);
    }
    clock.update(st);
  }

  /**
   * Deadline: the contact's start + the wait; while the start is unknown, the end of the input and
   * {@code anchorWaitMs} of processing time (see the class comment).
   */
  private void arm(Context ctx, SegmentClockState st) {
    if (st.contactSeenMs != null) {
      st.waitDeadlineMs = st.contactSeenMs + anchorWaitMs;
      ctx.timerService().registerEventTimeTimer(st.waitDeadlineMs);
      return;
    }
    st.waitDeadlineMs = START_UNKNOWN;
    ctx.timerService().registerEventTimeTimer(START_UNKNOWN);
    if (st.waitProcessingDeadlineMs == null) {
      st.waitProcessingDeadlineMs = ctx.timerService().currentProcessingTime() + anchorWaitMs;
      ctx.timerService().registerProcessingTimeTimer(st.waitProcessingDeadlineMs);
    }
  }

  /** Deletes the wait's timers (not the retention timer when it shares the time). */
  private void cancelWaitTimers(Context ctx, SegmentClockState st) {
    Long deadline = st.waitDeadlineMs;
    if (deadline != null && !deadline.equals(st.retentionTimerMs)) {
      ctx.timerService().deleteEventTimeTimer(deadline);
    }
    if (st.waitProcessingDeadlineMs != null) {
      ctx.timerService().deleteProcessingTimeTimer(st.waitProcessingDeadlineMs);
    }
    st.waitDeadlineMs = null;
    st.waitProcessingDeadlineMs = null;
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<SegmentRecord> out)
      throws Exception {
    SegmentClockState st = clock.value();
    if (st == null) {
      return;
    }
    if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME) {
      if (st.waitProcessingDeadlineMs != null && timestamp == st.waitProcessingDeadlineMs) {
        deadLetterWaiting(
            ctx,
            "Contact Lens segment could not be timed: nothing but segments was heard of contact "
                + ctx.getCurrentKey()
                + " (no contact event, no CTR) within "
                + anchorWaitMs / 1000
                + " s of processing time (parse.segment.anchor-wait)");
        endWait(ctx, st);
        if (st.touchedMs == null && st.retentionTimerMs == null) {
          clearAll(ctx, st); // nothing else was known of the contact
          return;
        }
        clock.update(st);
      }
      return;
    }
    Long deadline = st.waitDeadlineMs;
    if (deadline != null && timestamp == deadline) {
      long wm = ctx.timerService().currentWatermark();
      deadLetterWaiting(
          ctx,
          "Contact Lens segment could not be timed: no connected-to-agent time (CONNECTED_TO_AGENT event"
              + " or CTR Agent.ConnectedToAgentTimestamp) for contact "
              + ctx.getCurrentKey()
              + (wm == Long.MAX_VALUE || st.contactSeenMs == null
                  ? " by the end of the input"
                  : " within "
                      + anchorWaitMs / 1000
                      + " s of event time (parse.segment.anchor-wait; waiting since the contact's"
                      + " start "
                      + Instant.ofEpochMilli(st.contactSeenMs)
                      + ", deadline "
                      + Instant.ofEpochMilli(deadline)
                      + ", watermark "
                      + Instant.ofEpochMilli(wm)
                      + ")"));
      endWait(ctx, st);
    }
    Long t = st.touchedMs;
    if (st.waitDeadlineMs == null && (t == null || timestamp >= t + RETENTION_MS)) {
      clearAll(ctx, st);
      return;
    }
    if (st.retentionTimerMs != null && timestamp == st.retentionTimerMs) {
      // The retention timer is not moved on every touch (a delete + register per record): when it
      // fires before the contact's retention is up, it is set again for the current end.
      st.retentionTimerMs = null;
      if (t != null && t + RETENTION_MS > timestamp) {
        st.retentionTimerMs = t + RETENTION_MS;
        ctx.timerService().registerEventTimeTimer(st.retentionTimerMs);
      }
    }
    clock.update(st);
  }

  /** The anchor precision shared by contact events and CTRs (see the class comment). */
  static long wholeSecond(long epochMs) {
    return Math.floorDiv(epochMs, 1000L) * 1000L;
  }

  private String neverConnectedReason(String contactId) {
    return "Contact Lens segment could not be timed: the CTR of contact "
        + contactId
        + " has no Agent.ConnectedToAgentTimestamp (never connected to an agent)";
  }

  private void deadLetterWaiting(Context ctx, String reason) throws Exception {
    Iterable<SegmentRecord> pending = waiting.get();
    if (pending != null) {
      for (SegmentRecord s : pending) {
        deadLetter(ctx, s, reason);
      }
    }
  }

  private void deadLetter(Context ctx, SegmentRecord s, String reason) {
    String payload;
    try {
      payload = Json.mapper().writeValueAsString(s);
    } catch (JsonProcessingException e) {
      payload = s.contactId + " " + s.eventType + " (" + s.turnCount() + " turns)";
    }
    deadLettered.inc();
    ctx.output(
        DeadLetters.TAG,
        DeadLetters.of(
            Streams.CONTACT_LENS,
            payload,
            reason,
            ctx.timerService().currentProcessingTime(),
            maxDeadLetterPayloadChars));
  }

  private void endWait(Context ctx, SegmentClockState st) {
    cancelWaitTimers(ctx, st);
    waiting.clear();
  }

  private void clearAll(Context ctx, SegmentClockState st) {
    if (st.retentionTimerMs != null) {
      ctx.timerService().deleteEventTimeTimer(st.retentionTimerMs);
    }
    clock.clear();
    waiting.clear();
  }

  /** Gives {@code s} its time from the anchor, emits it and returns the time. */
  private long emit(
      SegmentRecord s, long anchorMs, SegmentClockState st, Collector<SegmentRecord> out) {
    long maxOffset = -1;
    if (s.endOffsetsMs != null) {
      for (long o : s.endOffsetsMs) {
        maxOffset = Math.max(maxOffset, o);
      }
    }
    Long last = st.latestMs;
    long t =
        maxOffset >= 0 ? anchorMs + maxOffset : Math.max(anchorMs, last == null ? anchorMs : last);
    s.eventTimeMs = t;
    remember(st, t);
    collect(s, out);
    return t;
  }

  /** Passes a timed record on; a time mark has done its work (the latest time) and is counted. */
  private void collect(SegmentRecord s, Collector<SegmentRecord> out) {
    if (s.timeOnly) {
      timeMarks.inc();
    } else {
      out.collect(s);
    }
  }

  private static void remember(SegmentClockState st, long t) {
    if (st.latestMs == null || t > st.latestMs) {
      st.latestMs = t;
    }
  }

  /**
   * Retention runs until {@code t + RETENTION_MS} when t is later than before; the timer is only
   * registered when none is pending (see {@link #onTimer}).
   */
  private void touch(Context ctx, SegmentClockState st, long t) {
    if (t == SegmentParser.UNTIMED) {
      return;
    }
    if (st.touchedMs == null || t > st.touchedMs) {
      st.touchedMs = t;
      if (st.retentionTimerMs == null) {
        st.retentionTimerMs = t + RETENTION_MS;
        ctx.timerService().registerEventTimeTimer(st.retentionTimerMs);
      }
    }
  }
}
