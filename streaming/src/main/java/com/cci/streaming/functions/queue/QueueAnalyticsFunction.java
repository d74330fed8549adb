package com.cci.streaming.functions.queue;

import com.cci.streaming.records.AlarmEvent;
import com.cci.streaming.records.QueueMetrics;
import com.cci.streaming.rules.AlarmEpisode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.ListTypeInfo;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Per-queue live state, sliding-window metrics and the queue rules, keyed by queue id, from the
 * {@link QueueTransition}s of {@link ContactQueueTracker}.
 *
 * <p><b>Attribution</b> (the simulator's ground truth uses the same): offered at the enqueue time,
 * answered at the answer time, abandoned at the abandon time; "answered within N s" when answer −
 * enqueue ≤ N s; waits (answer or abandon − enqueue) at the time the contact left. Event time is
 * cut into slide-long slices {@code [k·slide, (k+1)·slide)}; a window {@code [end − length, end)}
 * is the sum of its slices and is emitted once, when the watermark passes {@code end}, with the
 * contacts waiting at {@code end} (entered before it, not left before it) and the oldest wait
 * {@code end − earliest enqueue} of those.
 *
 * <p>Windows are emitted every slide while the queue has anything inside the window, contacts
 * waiting or a windowed alarm active (an empty window then clears it through the volume guard);
 * after that a quiet queue emits nothing until its next contact. Transitions older than the last
 * emitted window end are applied to the live state and later windows but cannot change emitted ones
 * (counted in {@code lateTransitions}).
 *
 * <p><b>Rules</b> ({@link QueueAlarmRules}) go to the side output {@link #ALARMS}. QUEUE_SIZE is
 * evaluated on every transition. The windowed rules (ABANDONMENT_RATE, SERVICE_LEVEL) are evaluated
 * on every transition over the window that ends at the next slide boundary after it (everything up
 * to this record; the latency goal) and once more when that window closes (complete), by one
 * definition ({@code evaluateWindowed}: same slices, same hours check at {@code end − 1}, same
 * waiting-at-end count) — so the two evaluations of a window can only differ by the records that
 * arrived in between. Window time only moves forward per queue: a record of an older window, or a
 * window closing after records of a later window were evaluated (records run ahead of the
 * watermark), re-evaluates nothing older than the newest window evaluated. With {@link
 * com.cci.streaming.rules.AlarmLifecycle} starting at most one episode per window, no id repeats.
 *
 * <p>QUEUE_WAIT is raised by an event-time timer at each contact's breach instant and, when {@code
 * wait.fallback.seconds} &gt; 0 (never in event-time order), by a processing-time timer as well: if
 * the watermark stalls because traffic stopped (idle sources hold it back), the processing-time
 * timer fires after the event time the queue would have reached (last transition time + elapsed
 * processing time) plus the fallback delay. Both paths raise with the breach instant of the oldest
 * contact that breached after the last episode ended, so the id is the same whichever fires first,
 * and the second finds the episode active (or already ended) and raises nothing.
 *
 * <p>Alarm episodes are kept in state after they clear (the lifecycle needs the last start) and are
 * dropped with the rest of the queue's state when it goes quiet.
 */
public class QueueAnalyticsFunction
    extends KeyedProcessFunction<String, QueueTransition, QueueMetrics> {
  private static final long serialVersionUID = 1L;

  /** Side output of RAISED/CLEARED queue alarms. */
  public static final OutputTag<AlarmEvent> ALARMS =
      new OutputTag<>("queue-alarms", TypeInformation.of(AlarmEvent.class));

  private static final String SIZE = "QUEUE_SIZE";
  private static final String WAIT = "QUEUE_WAIT";
  private static final String ABANDONMENT = "ABANDONMENT_RATE";
  private static final String SERVICE_LEVEL = "SERVICE_LEVEL";

  private final QueueRulesConfig cfg;
  private final QueueAlarmRules rules = new QueueAlarmRules();
  private transient ValueState<QueueLiveState> live;
  private transient MapState<Long, QueueBucket> slices;
  private transient MapState<String, QueuedContact> contacts;
  private transient MapState<String, AlarmEpisode> episodes;
  private transient MapState<Long, List<QueueTransition>> pending;
  private transient Counter late;

  /** Whether QUEUE_WAIT checks skip the scan below the bound (false only in equivalence tests). */
  private final boolean waitScanBound;

  /** QUEUE_WAIT scans run by this instance (tests: the bound must actually skip some). */
  private transient long waitScans;

  public QueueAnalyticsFunction(QueueRulesConfig cfg) {
    this(cfg, true);
  }

  /** {@code waitScanBound} false: scan on every check, the reference for equivalence tests. */
  QueueAnalyticsFunction(QueueRulesConfig cfg, boolean waitScanBound) {
    this.cfg = cfg;
    this.waitScanBound = waitScanBound;
  }

  long waitScans() {
    return waitScans;
  }

  @Override
  public void open(OpenContext ctx) {
    live = getRuntimeContext().getState(new ValueStateDescriptor<>("live", QueueLiveState.class));
    slices =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "slices", Types.LONG, TypeInformation.of(QueueBucket.class)));
    contacts =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "contacts", Types.STRING, TypeInformation.of(QueuedContact.class)));
    episodes =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "episodes", Types.STRING, TypeInformation.of(AlarmEpisode.class)));
    pending =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "pending",
                    Types.LONG,
                    new ListTypeInfo<>(TypeInformation.of(QueueTransition.class))));
    late = getRuntimeContext().getMetricGroup().counter("lateTransitions");
  }

  /** Transitions at the same instant: enqueues first, then exits, each by contact id. */
  private static final Comparator<QueueTransition> SAME_INSTANT_ORDER =
      Comparator.comparing((QueueTransition t) -> t.isExit())
          .thenComparing(t -> t.contactId, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(t -> t.kind)
          .thenComparingLong(t -> t.enqueueMs);

  private long sliceOf(long t) {
    return Math.floorDiv(t, cfg.slideMs()) * cfg.slideMs();
  }

  @Override
  public void processElement(QueueTransition tr, Context ctx, Collector<QueueMetrics> out)
      throws Exception {
    if (!cfg.eventTimeOrder()) {
      applyTransition(tr, ctx);
      return;
    }
    long applyAt = tr.timeMs;
    if (QueueTransition.FROM_CTR.equals(tr.source) && ctx.timestamp() != null) {
      // A repair from a CTR (lost contact events) is known from the CTR on: the tracker emits it
      // when the contact events' watermark passes the CTR's time, far behind the transition's own
      // time. Applied at the CTR's time, not on arrival, so whether a QUEUE_WAIT breach instant
      // before it raised depends on event time only, not on how far this function's watermark had
      // got when the repair arrived (the size of the upstream watermark steps).
      applyAt = Math.max(applyAt, ctx.timestamp());
    }
    if (applyAt > ctx.timerService().currentWatermark()) {
      // applied by the timer at that time, with everything else up to then, in a fixed order
      List<QueueTransition> at = pending.get(applyAt);
      if (at == null) {
        at = new ArrayList<>();
      }
      at.add(tr);
      pending.put(applyAt, at);
      ctx.timerService().registerEventTimeTimer(applyAt);
      return;
    }
    applyTransition(tr, ctx);
  }

  /**
   * Applies the pending transitions up to {@code ts} in event-time order. Only event-time order
   * buffers; in arrival order this still drains what a savepoint taken in event-time order left
   * (the evaluation order was switched on restore), so nothing is stranded.
   */
  private void applyPending(long ts, Context ctx) throws Exception {
    if (pending.isEmpty()) {
      return;
    }
    List<Long> due = new ArrayList<>();
    for (Long k : pending.keys()) {
      if (k <= ts) {
        due.add(k);
      }
    }
    Collections.sort(due);
    for (Long k : due) {
      List<QueueTransition> at = new ArrayList<>(pending.get(k));
      pending.remove(k);
      at.sort(SAME_INSTANT_ORDER);
      for (QueueTransition tr : at) {
        applyTransition(tr, ctx);
      }
    }
    if (pending.isEmpty()) {
      pending.clear(); // removal can leave an empty map behind in the heap backend
    }
  }

  /** Applies one transition to the live state, slices and rules. */
  private void applyTransition(QueueTransition tr, Context ctx) throws Exception {
    QueueLiveState s = live.value();
    if (s == null) {
      s = new QueueLiveState();
    }
    if (tr.queueName != null) {
      s.queueName = tr.queueName;
    }
    QueueRules r = cfg.rulesFor(ctx.getCurrentKey(), s.queueName);
    long t = tr.timeMs;
    if (s.lastWindowEndMs != Long.MIN_VALUE && t < s.lastWindowEndMs) {
      late.inc();
    }
    if (t > s.maxTimeMs) {
      s.maxTimeMs = t;
      s.maxTimeSeenAtProcMs = ctx.timerService().currentProcessingTime();
    }
    long slice = sliceOf(t);
    QueueBucket b = slices.get(slice);
    if (b == null) {
      b = new QueueBucket();
    }
    boolean changed = false;
    if (QueueTransition.ENQUEUED.equals(tr.kind)) {
      if (!contacts.contains(tr.contactId)) {
        contacts.put(tr.contactId, new QueuedContact(tr.enqueueMs));
        s.waiting++;
        b.offered++;
        changed = true;
        long breach = QueueAlarmRules.waitBreachAt(r, tr.enqueueMs);
        ctx.timerService().registerEventTimeTimer(breach);
        lowerWaitScanBound(s, r, breach);
        if (cfg.waitFallbackMs() > 0) {
          long ahead = Math.max(0, breach - s.maxTimeMs);
          ctx.timerService()
              .registerProcessingTimeTimer(
                  ctx.timerService().currentProcessingTime() + ahead + cfg.waitFallbackMs());
        }
      }
    } else {
      QueuedContact q = contacts.get(tr.contactId);
      if (q == null || q.exitMs == null) {
        if (q != null) {
          q.exitMs = t;
          contacts.put(tr.contactId, q);
          s.waiting--;
        }
        changed = true;
        long wait = t - tr.enqueueMs;
        switch (tr.kind) {
          case QueueTransition.ANSWERED -> {
            b.answered++;
            if (wait <= r.serviceLevelSeconds() * 1000L) {
              b.answeredWithin++;
            }
            addWait(b, wait);
          }
          case QueueTransition.ABANDONED -> {
            b.abandoned++;
            if (wait < r.shortAbandonSeconds() * 1000L) {
              b.shortAbandoned++;
            }
            addWait(b, wait);
          }
          default -> b.timedOut++;
        }
      }
    }
    if (!changed) {
      return;
    }
    if (s.lastWindowEndMs == Long.MIN_VALUE
        || slice >= s.lastWindowEndMs + cfg.slideMs() - cfg.windowLengthMs()) {
      slices.put(slice, b);
    }
    long end = slice + cfg.slideMs();
    if (s.lastWindowEndMs != Long.MIN_VALUE) {
      end = Math.max(end, s.lastWindowEndMs + cfg.slideMs());
    }
    if (s.nextWindowEndMs == Long.MIN_VALUE || end < s.nextWindowEndMs) {
      // The first window this transition is in (an earlier transition may arrive after a later
      // one). A timer already set for a later end stays; it fires as a plain QUEUE_WAIT check.
      s.nextWindowEndMs = end;
      ctx.timerService().registerEventTimeTimer(end);
    }
    final long waiting = s.waiting;
    apply(SIZE, ep -> rules.size(ep, r, waiting, t), ctx);
    if (tr.isExit() && active(WAIT)) {
      // only an active QUEUE_WAIT is re-checked (waitRecheck ignores an inactive episode)
      Long oldest = oldestWaitingEnqueue(t);
      double oldestWait = oldest == null ? 0.0 : (t - oldest) / 1000.0;
      apply(WAIT, ep -> rules.waitRecheck(ep, r, oldestWait, t), ctx);
    }
    // The window this record falls in, unless a later one was already evaluated or closed:
    // windowed rules only ever move forward in window time (no going back to an older window).
    long windowEnd = Math.max(slice + cfg.slideMs(), s.evalWindowEndMs);
    if (s.lastWindowEndMs != Long.MIN_VALUE) {
      windowEnd = Math.max(windowEnd, s.lastWindowEndMs + cfg.slideMs());
    }
    evaluateWindowed(r, s, windowEnd, t, ctx);
    live.update(s);
  }

  private static void addWait(QueueBucket b, long waitMs) {
    b.waitSumMs += waitMs;
    b.waitCount++;
    b.waitMaxMs = Math.max(b.waitMaxMs, waitMs);
  }

  /**
   * Window {@code [end − length, end)} as the transitions processed so far tell, from one pass over
   * the slices: the sum of its slices and the contacts waiting at {@code end} — waiting now minus
   * those offered from {@code end} on plus those that left from {@code end} on (the slices from
   * {@code end} on are all kept). A function of the slices, so the same however it is reached.
   * Slices before {@code dropBefore} are removed in the same pass (after being counted).
   */
  private WindowAtEnd windowAt(QueueLiveState s, long end, long dropBefore) throws Exception {
    QueueBucket w = new QueueBucket();
    long waiting = s.waiting;
    long start = end - cfg.windowLengthMs();
    Iterator<Map.Entry<Long, QueueBucket>> it = slices.iterator();
    while (it.hasNext()) {
      Map.Entry<Long, QueueBucket> e = it.next();
      long k = e.getKey();
      QueueBucket b = e.getValue();
      if (k >= end) {
        waiting += b.answered + b.abandoned + b.timedOut - b.offered;
      } else if (k >= start) {
        w.add(b);
      }
      if (k < dropBefore) {
        it.remove();
      }
    }
    return new WindowAtEnd(w, Math.max(0, waiting));
  }

  /** A window's sum and the contacts waiting at its end. */
  private record WindowAtEnd(QueueBucket sum, long waitingAtEnd) {}

  /**
   * The windowed rules on window {@code [end − length, end)} as it stands (its slices so far),
   * observed at {@code t}. The one definition used both as records arrive and when the window
   * closes, so the two cannot disagree about the same contents; {@code end} must not be before
   * {@link QueueLiveState#evalWindowEndMs}.
   */
  private void evaluateWindowed(QueueRules r, QueueLiveState s, long end, long t, Context ctx)
      throws Exception {
    WindowAtEnd w = windowAt(s, end, Long.MIN_VALUE);
    evaluateWindowed(r, s, end, w.sum(), w.waitingAtEnd(), t, ctx);
  }

  private void evaluateWindowed(
      QueueRules r,
      QueueLiveState s,
      long end,
      QueueBucket w,
      long waitingAtEnd,
      long t,
      Context ctx)
      throws Exception {
    long start = end - cfg.windowLengthMs();
    boolean open = r.hours().isOpen(end - 1);
    s.evalWindowEndMs = end;
    apply(ABANDONMENT, ep -> rules.abandonment(ep, r, w, waitingAtEnd, start, end, t, open), ctx);
    apply(SERVICE_LEVEL, ep -> rules.serviceLevel(ep, r, w, start, end, t, open), ctx);
  }

  /** Earliest enqueue among contacts still waiting just after {@code t}, or null. */
  private Long oldestWaitingEnqueue(long t) throws Exception {
    Long oldest = null;
    for (QueuedContact q : contacts.values()) {
      boolean waiting = q.enqueueMs <= t && (q.exitMs == null || q.exitMs > t);
      if (waiting && (oldest == null || q.enqueueMs < oldest)) {
        oldest = q.enqueueMs;
      }
    }
    return oldest;
  }

  private interface Evaluation {
    AlarmEvent apply(AlarmEpisode episode) throws Exception;
  }

  private void apply(String rule, Evaluation f, Context ctx) throws Exception {
    AlarmEpisode ep = episodes.get(rule);
    if (ep == null) {
      ep = new AlarmEpisode();
    }
    AlarmEvent a = f.apply(ep);
    if (a == null) {
      return;
    }
    ctx.output(ALARMS, a);
    // kept after CLEARED too: the lifecycle must see the last episode's start to never reuse its id
    episodes.put(rule, ep);
  }

  private boolean active(String rule) throws Exception {
    AlarmEpisode ep = episodes.get(rule);
    return ep != null && ep.active;
  }

  private boolean anyActive() throws Exception {
    for (AlarmEpisode ep : episodes.values()) {
      if (ep.active) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void onTimer(long ts, OnTimerContext ctx, Collector<QueueMetrics> out) throws Exception {
    if (ctx.timeDomain() == TimeDomain.EVENT_TIME) {
      applyPending(ts, ctx);
    }
    QueueLiveState s = live.value();
    if (s == null) {
      return;
    }
    QueueRules r = cfg.rulesFor(ctx.getCurrentKey(), s.queueName);
    long now = ts;
    if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME) {
      // Event time the queue has reached if time went on since the last transition.
      long elapsed = Math.max(0, ts - s.maxTimeSeenAtProcMs - cfg.waitFallbackMs());
      now = Math.max(ctx.timerService().currentWatermark(), s.maxTimeMs + elapsed);
    } else if (ts == s.nextWindowEndMs) {
      emitWindow(ts, s, r, ctx, out);
    }
    checkWait(now, s, r, ctx);
    if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME && !active(WAIT)) {
      rearmFallback(now, ts, r, ctx);
    }
    if (s.nextWindowEndMs == Long.MIN_VALUE
        && s.waiting == 0
        && contacts.isEmpty()
        && slices.isEmpty()
        && pending.isEmpty()
        && !anyActive()) {
      // quiet queue: a later contact starts from scratch (windows after this one's last)
      live.clear();
      episodes.clear();
    } else {
      live.update(s);
    }
  }

  /**
   * The estimate of event time behind a fallback timer can fall short (a later transition was
   * delivered late): keep one fallback timer pending for the next breach of a waiting contact.
   */
  private void rearmFallback(long now, long procNow, QueueRules r, Context ctx) throws Exception {
    long next = Long.MAX_VALUE;
    for (QueuedContact q : contacts.values()) {
      if (q.exitMs == null) {
        long at = QueueAlarmRules.waitBreachAt(r, q.enqueueMs);
        if (at > now) {
          next = Math.min(next, at);
        }
      }
    }
    if (next != Long.MAX_VALUE) {
      ctx.timerService().registerProcessingTimeTimer(procNow + (next - now));
    }
  }

  /**
   * QUEUE_WAIT at {@code t}: raise for the oldest contact past its breach instant; re-check. A
   * contact whose breach instant is not after the end of the last episode was covered by it (it
   * waited while that alarm was active) and starts no new one.
   *
   * <p>The scan for a breach runs only when it can find one: {@link QueueLiveState#waitScanFromMs}
   * bounds the breach instants of the contacts that could still raise (uncovered, still waiting at
   * their breach instant) from below — every enqueue lowers it, every scan sets it exactly, and
   * between scans that set only shrinks (exits, removals, a later episode end) — so a check before
   * it would find nothing. Without the bound every per-contact breach timer scanned every queued
   * contact while no episode was active.
   */
  private void checkWait(long t, QueueLiveState s, QueueRules r, Context ctx) throws Exception {
    AlarmEpisode last = episodes.get(WAIT);
    if (last == null || !last.active) {
      // (an active episode raises nothing: waitBreached ignores it, so no scan then)
      long offset = QueueAlarmRules.waitBreachAt(r, 0);
      if (!waitScanBound || s.waitScanOffsetMs != offset || t >= s.waitScanFromMs) {
        waitScans++;
        long coveredUpTo = last != null ? last.endedAtMs : Long.MIN_VALUE;
        Long breached = null;
        long bound = Long.MAX_VALUE;
        for (QueuedContact q : contacts.values()) {
          long at = QueueAlarmRules.waitBreachAt(r, q.enqueueMs);
          if (at > coveredUpTo && (q.exitMs == null || q.exitMs > at)) {
            bound = Math.min(bound, at);
            if (at <= t && (breached == null || q.enqueueMs < breached)) {
              breached = q.enqueueMs;
            }
          }
        }
        s.waitScanFromMs = bound;
        s.waitScanOffsetMs = offset;
        if (breached != null) {
          long e = breached;
          apply(WAIT, ep -> rules.waitBreached(ep, r, e), ctx);
        }
      }
    }
    if (!active(WAIT)) {
      return; // waitRecheck only acts on an active episode
    }
    Long oldest = oldestWaitingEnqueue(t);
    double oldestWait = oldest == null ? 0.0 : (t - oldest) / 1000.0;
    apply(WAIT, ep -> rules.waitRecheck(ep, r, oldestWait, t), ctx);
  }

  /** An enqueue's breach instant lowers the scan bound (or leaves it unknown, see above). */
  private static void lowerWaitScanBound(QueueLiveState s, QueueRules r, long breach) {
    if (s.waitScanOffsetMs == QueueAlarmRules.waitBreachAt(r, 0)) {
      s.waitScanFromMs = Math.min(s.waitScanFromMs, breach);
    } else {
      s.waitScanFromMs = Long.MIN_VALUE;
    }
  }

  private void emitWindow(
      long end, QueueLiveState s, QueueRules r, OnTimerContext ctx, Collector<QueueMetrics> out)
      throws Exception {
    long start = end - cfg.windowLengthMs();
    // the window's first slice is in no window still to come: dropped in the same pass
    WindowAtEnd at = windowAt(s, end, end + cfg.slideMs() - cfg.windowLengthMs());
    QueueBucket w = at.sum();
    long waitingAtEnd = at.waitingAtEnd();
    long inQueue = 0;
    Long oldest = null;
    Iterator<Map.Entry<String, QueuedContact>> it = contacts.iterator();
    while (it.hasNext()) {
      QueuedContact q = it.next().getValue();
      if (q.waitingAt(end)) {
        inQueue++;
        if (oldest == null || q.enqueueMs < oldest) {
          oldest = q.enqueueMs;
        }
      } else if (q.exitMs != null && q.exitMs < end) {
        it.remove(); // left before every window still to come
      }
    }
    // removal through iterators can leave an empty map behind in the heap backend
    if (contacts.isEmpty()) {
      contacts.clear();
    }
    if (slices.isEmpty()) {
      slices.clear();
    }
    boolean open = r.hours().isOpen(end - 1);
    out.collect(QueueWindowMetrics.of(r, w, start, end, inQueue, waitingAtEnd, oldest, open));
    s.lastWindowEndMs = end;
    if (end >= s.evalWindowEndMs) {
      // the complete window; skipped when records of a later window were already evaluated
      evaluateWindowed(r, s, end, w, waitingAtEnd, end - 1, ctx);
    }
    boolean more =
        s.waiting > 0 || !slices.isEmpty() || active(ABANDONMENT) || active(SERVICE_LEVEL);
    if (more) {
      s.nextWindowEndMs = end + cfg.slideMs();
      ctx.timerService().registerEventTimeTimer(s.nextWindowEndMs);
    } else {
      s.nextWindowEndMs = Long.MIN_VALUE;
    }
  }
}
