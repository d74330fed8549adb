package com.cci.streaming.parse;

import com.cci.kinesis.Streams;
import com.cci.streaming.records.ContactEventRecord;
import com.cci.streaming.records.SegmentRecord;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Gives untimed Contact Lens segment records ({@link SegmentParser#UNTIMED}: every voice 1.0.0
 * event, and chat STARTED/COMPLETED) their event time, keyed by contact id.
 *
 * <p>Voice offsets count from the moment the contact was connected to the agent, so the anchor is
 * {@code connectedToAgentMs} from the contact-event stream (input 1: CONNECTED_TO_AGENT, or any
 * later event carrying {@code agentInfo.connectedToAgentTimestamp}). A record's time is anchor +
 * its largest {@code EndOffsetMillis}; a record without offsets gets the latest time already given
 * to the contact (or the anchor). Records that arrive before the anchor wait in keyed state for at
 * most {@code anchorWaitMs} of event time; then they are timed by the job's event-time clock when
 * they arrived (the watermark), and if even that is unknown they go to dead letter. Timed records
 * (chat turns with {@code AbsoluteTime}) pass straight through.
 *
 * <p>State per contact (anchor, latest time, waiting records) is cleared {@link #RETENTION_MS} of
 * event time after it was last touched. Kinesis arrival time is never used.
 */
public class SegmentClock
    extends KeyedCoProcessFunction<String, ContactEventRecord, SegmentRecord, SegmentRecord> {
  private static final long serialVersionUID = 1L;

  /** How long per-contact state lives after its last update (event time). */
  public static final long RETENTION_MS = 6 * 3600_000L;

  private final long anchorWaitMs;
  private final int maxDeadLetterPayloadChars;

  private transient ValueState<Long> anchor;
  private transient ValueState<Long> latest;
  private transient ValueState<Long> touched;
  private transient ValueState<Long> waitDeadline;
  private transient ValueState<Long> arrivalClock;
  private transient ListState<SegmentRecord> waiting;

  public SegmentClock(long anchorWaitMs, int maxDeadLetterPayloadChars) {
    this.anchorWaitMs = anchorWaitMs;
    this.maxDeadLetterPayloadChars = maxDeadLetterPayloadChars;
  }

  @Override
  public void open(OpenContext openContext) {
    anchor = getRuntimeContext().getState(new ValueStateDescriptor<>("anchor", Types.LONG));
    latest = getRuntimeContext().getState(new ValueStateDescriptor<>("latest", Types.LONG));
    touched = getRuntimeContext().getState(new ValueStateDescriptor<>("touched", Types.LONG));
    waitDeadline =
        getRuntimeContext().getState(new ValueStateDescriptor<>("waitDeadline", Types.LONG));
    arrivalClock =
        getRuntimeContext().getState(new ValueStateDescriptor<>("arrivalClock", Types.LONG));
    waiting =
        getRuntimeContext().getListState(new ListStateDescriptor<>("waiting", SegmentRecord.class));
  }

  @Override
  public void processElement1(ContactEventRecord e, Context ctx, Collector<SegmentRecord> out)
      throws Exception {
    if (e.connectedToAgentMs == null || anchor.value() != null) {
      return;
    }
    anchor.update(e.connectedToAgentMs);
    touch(ctx, e.eventTimeMs);
    Iterable<SegmentRecord> pending = waiting.get();
    if (pending != null) {
      for (SegmentRecord s : pending) {
        emit(s, e.connectedToAgentMs, out);
      }
    }
    waiting.clear();
    waitDeadline.clear();
    arrivalClock.clear();
  }

  @Override
  public void processElement2(SegmentRecord s, Context ctx, Collector<SegmentRecord> out)
      throws Exception {
    if (s.eventTimeMs != SegmentParser.UNTIMED) {
      remember(s.eventTimeMs);
      touch(ctx, s.eventTimeMs);
      out.collect(s);
      return;
    }
    Long a = anchor.value();
    if (a != null) {
      emit(s, a, out);
      touch(ctx, s.eventTimeMs);
      return;
    }
    waiting.add(s);
    long wm = ctx.timerService().currentWatermark();
    if (waitDeadline.value() == null) {
      long deadline = (wm == Long.MIN_VALUE ? 0 : wm) + anchorWaitMs;
      waitDeadline.update(deadline);
      ctx.timerService().registerEventTimeTimer(deadline);
      if (wm != Long.MIN_VALUE) {
        arrivalClock.update(wm);
      }
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<SegmentRecord> out)
      throws Exception {
    Long deadline = waitDeadline.value();
    if (deadline != null && timestamp >= deadline) {
      Long clock = arrivalClock.value();
      long wm = ctx.timerService().currentWatermark();
      if (clock == null && wm != Long.MIN_VALUE && wm != Long.MAX_VALUE) {
        clock = wm;
      }
      Iterable<SegmentRecord> pending = waiting.get();
      if (pending != null) {
        for (SegmentRecord s : pending) {
          if (clock != null) {
            s.eventTimeMs = Math.max(clock, latest.value() == null ? clock : latest.value());
            remember(s.eventTimeMs);
            out.collect(s);
          } else {
            ctx.output(
                DeadLetters.TAG,
                DeadLetters.of(
                    Streams.CONTACT_LENS,
                    s.contactId + " " + s.eventType + " (" + s.turnCount() + " turns)",
                    "segment could not be timed: no connected-to-agent time for contact "
                        + s.contactId
                        + " and no event-time clock",
                    ctx.timerService().currentProcessingTime(),
                    maxDeadLetterPayloadChars));
          }
        }
      }
      waiting.clear();
      waitDeadline.clear();
      arrivalClock.clear();
      touch(ctx, clock == null ? timestamp : clock);
    }
    Long t = touched.value();
    if (t != null && timestamp >= t + RETENTION_MS && waitDeadline.value() == null) {
      anchor.clear();
      latest.clear();
      touched.clear();
    }
  }

  private void emit(SegmentRecord s, long anchorMs, Collector<SegmentRecord> out) throws Exception {
    long maxOffset = -1;
    if (s.endOffsetsMs != null) {
      for (long o : s.endOffsetsMs) {
        maxOffset = Math.max(maxOffset, o);
      }
    }
    Long last = latest.value();
    s.eventTimeMs =
        maxOffset >= 0 ? anchorMs + maxOffset : Math.max(anchorMs, last == null ? anchorMs : last);
    remember(s.eventTimeMs);
    out.collect(s);
  }

  private void remember(long t) throws Exception {
    Long last = latest.value();
    if (last == null || t > last) {
      latest.update(t);
    }
  }

  /** Moves the retention timer to {@code t + RETENTION_MS} when t is later than before. */
  private void touch(Context ctx, long t) throws Exception {
    if (t == SegmentParser.UNTIMED) {
      return;
    }
    Long prev = touched.value();
    if (prev == null || t > prev) {
      if (prev != null) {
        ctx.timerService().deleteEventTimeTimer(prev + RETENTION_MS);
      }
      touched.update(t);
      ctx.timerService().registerEventTimeTimer(t + RETENTION_MS);
    }
  }
}
