package com.cci.streaming.functions.queue;

import com.cci.schemas.alarm.AlarmRule;
import com.cci.streaming.records.AlarmEvent;
import com.cci.streaming.rules.AlarmEpisode;
import com.cci.streaming.rules.AlarmLifecycle;
import java.io.Serializable;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The four queue rules on top of {@link AlarmLifecycle} (which alone decides RAISED/CLEARED and the
 * alarm ids). Stateless: the caller passes the rule's {@link AlarmEpisode} and stores it back.
 *
 * <ul>
 *   <li>QUEUE_WAIT (seconds, queue-scoped): the oldest waiting contact has waited longer than the
 *       raise threshold. Raised only from the breach instant (enqueue + threshold, whole seconds),
 *       so the id and event time are the same whichever timer noticed; cleared when the oldest
 *       contact still waiting has waited no more than the clear threshold (the long waiter left).
 *       Applies whether or not the queue is open.
 *   <li>QUEUE_SIZE (contacts): contacts waiting now. Applies whether or not the queue is open.
 *   <li>ABANDONMENT_RATE (percent, windowed): abandoned ÷ contacts in the queue during the window
 *       ({@link QueueWindowMetrics#abandonmentRate}; optionally without short abandons), only while
 *       the queue is open and offered ≥ the minimum volume; an active alarm is cleared when the
 *       queue closes or the volume falls below the guard.
 *   <li>SERVICE_LEVEL (percent, windowed, BELOW): per the queue's formula, same guard and hours.
 * </ul>
 */
public final class QueueAlarmRules implements Serializable {
  private static final long serialVersionUID = 1L;

  /** QUEUE_WAIT breach instant for a contact enqueued at {@code enqueueMs}. */
  public static long waitBreachAt(QueueRules r, long enqueueMs) {
    return enqueueMs + (long) Math.floor(r.waitTime().raiseAt()) * 1000L + 1000L;
  }

  /** Raises QUEUE_WAIT for the oldest waiting contact (enqueued at {@code oldestEnqueueMs}). */
  public AlarmEvent waitBreached(AlarmEpisode ep, QueueRules r, long oldestEnqueueMs) {
    if (ep.active) {
      return null;
    }
    long at = waitBreachAt(r, oldestEnqueueMs);
    double wait = (at - oldestEnqueueMs) / 1000.0;
    return withMessage(
        lifecycle(AlarmRule.QUEUE_WAIT, r.waitSeverity())
            .evaluate(
                ep,
                r.waitTime(),
                new AlarmLifecycle.Observation(r.name(), null, wait, null, null, at, null)),
        () ->
            String.format(
                Locale.ROOT,
                "Queue %s: a contact has been waiting %.0f s (threshold %.0f s).",
                r.name(),
                wait,
                r.waitTime().raiseAt()));
  }

  /**
   * Re-checks an active QUEUE_WAIT at {@code t}: clears it when the longest current wait is within
   * the clear threshold ({@code oldestWaitSeconds} 0 when nobody waits).
   */
  public AlarmEvent waitRecheck(AlarmEpisode ep, QueueRules r, double oldestWaitSeconds, long t) {
    if (!ep.active || t < ep.startedAtMs) {
      return null; // an observation from before the breach (a timer behind a fallback raise)
    }
    return withMessage(
        lifecycle(AlarmRule.QUEUE_WAIT, r.waitSeverity())
            .evaluate(
                ep,
                r.waitTime(),
                new AlarmLifecycle.Observation(
                    r.name(), null, oldestWaitSeconds, null, null, t, null)),
        () ->
            String.format(
                Locale.ROOT,
                "Queue %s: longest wait back to %.0f s (clear at %.0f s).",
                r.name(),
                oldestWaitSeconds,
                r.waitTime().clearAt()));
  }

  /** QUEUE_SIZE on the number of contacts waiting at {@code t}. */
  public AlarmEvent size(AlarmEpisode ep, QueueRules r, long waiting, long t) {
    return withMessage(
        lifecycle(AlarmRule.QUEUE_SIZE, r.sizeSeverity())
            .evaluate(
                ep,
                r.size(),
                new AlarmLifecycle.Observation(r.name(), null, waiting, null, null, t, null)),
        () ->
            String.format(
                Locale.ROOT,
                "Queue %s: %d contacts waiting (raise above %.0f, clear at %.0f).",
                r.name(),
                waiting,
                r.size().raiseAt(),
                r.size().clearAt()));
  }

  /**
   * ABANDONMENT_RATE on window {@code [startMs, endMs)} as seen at {@code t}, with {@code
   * waitingAtEnd} contacts waiting at its end (see {@link QueueWindowMetrics#abandonmentRate}).
   */
  public AlarmEvent abandonment(
      AlarmEpisode ep,
      QueueRules r,
      QueueBucket w,
      long waitingAtEnd,
      long startMs,
      long endMs,
      long t,
      boolean open) {
    AlarmLifecycle lc = lifecycle(AlarmRule.ABANDONMENT_RATE, r.abandonmentSeverity());
    long offered = w.offered - (r.abandonmentExcludesShort() ? w.shortAbandoned : 0);
    double pct = QueueWindowMetrics.abandonmentRate(r, w, waitingAtEnd) * 100.0;
    if (!open || offered < r.abandonmentMinOffered()) {
      return withMessage(
          lc.clear(ep, r.abandonment().clearAt(), obs(r, pct, startMs, endMs, t, null)),
          () ->
              "Queue "
                  + r.name()
                  + ": abandonment alarm ends ("
                  + (!open ? "queue closed" : "volume " + offered + " below the guard")
                  + ").");
    }
    return withMessage(
        lc.evaluate(ep, r.abandonment(), obs(r, pct, startMs, endMs, t, null)),
        () ->
            String.format(
                Locale.ROOT,
                "Queue %s: %.1f %% abandoned (%d of %d contacts in the queue, %d offered) in the"
                    + " last %d min (raise above %.0f %%, clear at %.0f %%).",
                r.name(),
                pct,
                w.abandoned,
                QueueWindowMetrics.present(w, waitingAtEnd),
                w.offered,
                (endMs - startMs) / 60_000,
                r.abandonment().raiseAt(),
                r.abandonment().clearAt()));
  }

  /** SERVICE_LEVEL on window {@code [startMs, endMs)} as seen at {@code t}. */
  public AlarmEvent serviceLevel(
      AlarmEpisode ep,
      QueueRules r,
      QueueBucket w,
      long startMs,
      long endMs,
      long t,
      boolean open) {
    AlarmLifecycle lc = lifecycle(AlarmRule.SERVICE_LEVEL, r.serviceLevelSeverity());
    long volume = r.formula().volume(w.offered, w.answered, w.shortAbandoned);
    double pct = QueueWindowMetrics.serviceLevel(r, w) * 100.0;
    if (!open || volume < r.serviceLevelMinVolume()) {
      return withMessage(
          lc.clear(ep, r.serviceLevel().clearAt(), obs(r, pct, startMs, endMs, t, null)),
          () ->
              "Queue "
                  + r.name()
                  + ": service-level alarm ends ("
                  + (!open ? "queue closed" : "volume " + volume + " below the guard")
                  + ").");
    }
    return withMessage(
        lc.evaluate(ep, r.serviceLevel(), obs(r, pct, startMs, endMs, t, null)),
        () ->
            String.format(
                Locale.ROOT,
                "Queue %s: service level %.1f %% (%d answered within %d s) in the last %d min (raise"
                    + " below %.0f %%, clear at %.0f %%).",
                r.name(),
                pct,
                w.answeredWithin,
                r.serviceLevelSeconds(),
                (endMs - startMs) / 60_000,
                r.serviceLevel().raiseAt(),
                r.serviceLevel().clearAt()));
  }

  /**
   * Sets the message of an alarm that fires; rules are evaluated on every transition and timer, so
   * the message (String.format) is only built for the rare evaluation that raises or clears.
   */
  private static AlarmEvent withMessage(AlarmEvent a, Supplier<String> message) {
    if (a != null) {
      a.message = message.get();
    }
    return a;
  }

  private static AlarmLifecycle.Observation obs(
      QueueRules r, double value, long startMs, long endMs, long t, String message) {
    return new AlarmLifecycle.Observation(r.name(), null, value, startMs, endMs, t, message);
  }

  private static AlarmLifecycle lifecycle(AlarmRule rule, String severity) {
    return new AlarmLifecycle(rule, severity);
  }
}
