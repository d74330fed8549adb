package com.cci.streaming.functions.bot;

import com.cci.streaming.records.AlarmEvent;
import com.cci.streaming.records.FulfillmentRecord;
import com.cci.streaming.rules.AlarmLifecycle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Evaluates one {@link BotWindowRule} over a sliding event-time window of bot fulfillment records,
 * as each record arrives: the record that pushes the value over the raise threshold raises the
 * alarm at once; hysteresis via {@link AlarmLifecycle}.
 *
 * <p>State per key (the scope; the pipeline keys everything by {@code *}, the whole contact
 * center): one {@link SecondBucket} per event-time second in a {@code MapState} and running totals
 * in a {@link SlidingWindowState}. Each record costs one bucket read/write; buckets are evicted as
 * the window end moves forward (at most one per elapsed second). Every new bucket registers an
 * event-time timer for the moment it leaves the window, so the window keeps sliding (and an alarm
 * can clear) when traffic stops; when the window is empty all state is dropped. A record that moves
 * the window end past bucket expiries whose timers have not fired yet (it ran ahead of the
 * watermark) first judges the window at each of those instants, as the timers would have: the
 * window is judged at every instant it changes, whichever comes first, so records fed in event-time
 * order ({@link FulfillmentEventTimeOrder}: replays, {@code evaluation-order=event-time}) give the
 * same alarms however the watermark advanced.
 *
 * <p>Records older than the window start (relative to the newest record seen) are counted in the
 * {@code lateRecords} metric and not added. Below the minimum volume the rule is not judged (no
 * raise, no clear); an empty window clears an active alarm.
 */
public class BotWindowRuleFunction
    extends KeyedProcessFunction<String, FulfillmentRecord, AlarmEvent> {
  private static final long serialVersionUID = 1L;

  private final BotWindowRule rule;
  private final AlarmLifecycle lifecycle;
  private final long windowSec;

  private transient ValueState<SlidingWindowState> window;
  private transient MapState<Long, SecondBucket> buckets;
  private transient Counter lateRecords;

  public BotWindowRuleFunction(BotWindowRule rule) {
    this.rule = rule;
    this.lifecycle = new AlarmLifecycle(rule.rule(), rule.severity());
    this.windowSec = rule.windowMs() / 1000;
    if (windowSec < 1 || rule.windowMs() % 1000 != 0) {
      throw new IllegalArgumentException("window must be whole seconds, got " + rule.windowMs());
    }
  }

  @Override
  public void open(Configuration parameters) {
    window =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("window", SlidingWindowState.class));
    buckets =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "buckets", Types.LONG, TypeInformation.of(SecondBucket.class)));
    lateRecords = getRuntimeContext().getMetricGroup().counter("lateRecords");
  }

  @Override
  public void processElement(FulfillmentRecord r, Context ctx, Collector<AlarmEvent> out)
      throws Exception {
    long sec = Math.floorDiv(r.eventTimeMs, 1000);
    SlidingWindowState w = window.value();
    if (w == null) {
      w = new SlidingWindowState();
      w.endSec = sec;
      w.oldestSec = sec;
    }
    if (sec <= w.endSec - windowSec) {
      lateRecords.inc();
      return;
    }
    if (sec > w.endSec) {
      w = catchUp(w, sec, out);
      slideTo(w, sec);
    }
    boolean hit = rule.isHit(r);
    SecondBucket b = buckets.get(sec);
    if (b == null) {
      b = new SecondBucket();
      if (sec < w.oldestSec) {
        w.oldestSec = sec;
      }
      ctx.timerService().registerEventTimeTimer((sec + windowSec) * 1000);
    }
    b.total++;
    w.total++;
    if (hit) {
      b.hits++;
      w.hits++;
    }
    buckets.put(sec, b);
    evaluate(w, r.eventTimeMs, out);
    window.update(w);
  }

  /**
   * Before a record moves the window end to {@code sec}: the expiries of the buckets that leave the
   * window by then, in time order, each judged as its timer would (slide to that second, evaluate
   * at it). So the window is judged at every instant it changes whether the expiry timer fires
   * before this record (the watermark got there first) or after it: with records in event-time
   * order ({@link FulfillmentEventTimeOrder}) the alarms do not depend on how far the watermark had
   * got. When the window empties on the way, its state is dropped as {@link #onTimer} drops it.
   *
   * @return the state to go on with (a fresh one when the window emptied)
   */
  private SlidingWindowState catchUp(SlidingWindowState w, long sec, Collector<AlarmEvent> out)
      throws Exception {
    long lastLeaving = sec - windowSec; // buckets up to this second leave the window by sec
    if (lastLeaving < w.oldestSec) {
      return w;
    }
    List<Long> leaving = new ArrayList<>();
    if (lastLeaving - w.oldestSec < windowSec) {
      for (long s = w.oldestSec; s <= lastLeaving; s++) {
        if (buckets.contains(s)) {
          leaving.add(s);
        }
      }
    } else {
      for (Long s : buckets.keys()) {
        if (s <= lastLeaving) {
          leaving.add(s);
        }
      }
      Collections.sort(leaving);
    }
    for (long s : leaving) {
      long expiry = s + windowSec;
      if (expiry <= w.endSec) {
        continue; // judged already (cannot happen: a bucket in the window expires after its end)
      }
      slideTo(w, expiry);
      evaluate(w, expiry * 1000, out);
      if (w.total == 0) {
        buckets.clear();
        SlidingWindowState fresh = new SlidingWindowState();
        fresh.endSec = sec;
        fresh.oldestSec = sec;
        return fresh;
      }
    }
    return w;
  }

  /**
   * A bucket's expiry: slide the window end to this time and re-judge (traffic may have stopped).
   * Nothing to judge when a record already moved the window to or past this second ({@link
   * #catchUp} judged this instant then).
   */
  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<AlarmEvent> out)
      throws Exception {
    SlidingWindowState w = window.value();
    if (w == null) {
      return;
    }
    long sec = Math.floorDiv(timestamp, 1000);
    if (sec > w.endSec) {
      slideTo(w, sec);
      evaluate(w, timestamp, out);
    }
    if (w.total == 0) {
      window.clear();
      buckets.clear();
    } else {
      window.update(w);
    }
  }

  /** Moves the window end to {@code newEndSec}, evicting buckets that fall out of it. */
  private void slideTo(SlidingWindowState w, long newEndSec) throws Exception {
    long newStartSec = newEndSec - windowSec + 1;
    if (newStartSec > w.oldestSec) {
      if (newStartSec - w.oldestSec <= windowSec) {
        for (long s = w.oldestSec; s < newStartSec; s++) {
          SecondBucket b = buckets.get(s);
          if (b != null) {
            subtract(w, b);
            buckets.remove(s);
          }
        }
      } else {
        for (Iterator<Map.Entry<Long, SecondBucket>> it = buckets.iterator(); it.hasNext(); ) {
          Map.Entry<Long, SecondBucket> e = it.next();
          if (e.getKey() < newStartSec) {
            subtract(w, e.getValue());
            it.remove();
          }
        }
      }
      w.oldestSec = newStartSec;
    }
    w.endSec = newEndSec;
  }

  private static void subtract(SlidingWindowState w, SecondBucket b) {
    w.total -= b.total;
    w.hits -= b.hits;
  }

  private void evaluate(SlidingWindowState w, long eventTimeMs, Collector<AlarmEvent> out) {
    long windowEndMs = (w.endSec + 1) * 1000;
    long windowStartMs = windowEndMs - rule.windowMs();
    AlarmEvent e;
    double value = rule.value(w.hits, w.total);
    if (w.total == 0) {
      e =
          lifecycle.clear(
              w.episode,
              rule.thresholds().clearAt(),
              new AlarmLifecycle.Observation(
                  null, null, value, windowStartMs, windowEndMs, eventTimeMs, null));
    } else if (rule.judged(w.total)) {
      e =
          lifecycle.evaluate(
              w.episode,
              rule.thresholds(),
              new AlarmLifecycle.Observation(
                  null, null, value, windowStartMs, windowEndMs, eventTimeMs, null));
    } else {
      e = null;
    }
    if (e != null) {
      e.message = rule.message("RAISED".equals(e.state), value, w.hits, w.total, rule.windowMs());
      out.collect(e);
    }
  }
}
