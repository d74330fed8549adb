package com.cci.streaming.rules;

import com.cci.schemas.alarm.AlarmIds;
import com.cci.schemas.alarm.AlarmRule;
import com.cci.streaming.records.AlarmEvent;
import java.io.Serializable;
import java.time.Instant;

/**
 * The one place that decides RAISED / CLEARED for every rule: raise once when the value breaches,
 * nothing while active, clear once when it recovers past the clear threshold. Pure (no Flink
 * state): callers keep the {@link AlarmEpisode} in keyed state and store it back when {@link
 * #evaluate} returns a change.
 *
 * <p><b>Ids.</b> An episode's id is {@link AlarmIds#of(AlarmRule, String, String, Instant)} of its
 * start: the observation's {@code windowStartMs} when it has one (windowed rules), else its {@code
 * eventTimeMs}. Episodes of one rule and scope start strictly later than each other: after an
 * episode clears, a breach whose start is not after the cleared episode's start (a window that
 * raised, cleared and breaches again, two observations at the same instant, a late observation)
 * does not start a new episode, so <b>every id is RAISED exactly once and CLEARED at most once,
 * after its RAISED</b> — provided the caller keeps the cleared {@link AlarmEpisode} (see there).
 * For windowed rules this also means at most one episode starts per window.
 */
public final class AlarmLifecycle implements Serializable {
  private static final long serialVersionUID = 1L;

  private final AlarmRule rule;
  private final String severity;

  public AlarmLifecycle(AlarmRule rule, String severity) {
    this.rule = rule;
    this.severity = severity;
  }

  /** What a rule observed at one point in event time. */
  public record Observation(
      String queue,
      String contactId,
      double value,
      Long windowStartMs,
      Long windowEndMs,
      long eventTimeMs,
      String message) {}

  /**
   * Applies an observation to the episode state.
   *
   * @param episode current state, mutated in place (never null: pass a new one for empty state)
   * @return the RAISED or CLEARED event, or null when nothing changes
   */
  public AlarmEvent evaluate(AlarmEpisode episode, Hysteresis thresholds, Observation o) {
    if (!episode.active) {
      if (!thresholds.breaches(o.value())) {
        return null;
      }
      long start = o.windowStartMs() != null ? o.windowStartMs() : o.eventTimeMs();
      return start(episode, start, o) ? event(episode, "RAISED", thresholds.raiseAt(), o) : null;
    }
    if (thresholds.recovered(o.value())) {
      return end(episode, thresholds.clearAt(), o);
    }
    return null;
  }

  /**
   * Whether a new episode starting at {@code startMs} may be raised now: none is active and none
   * started at or after that instant (its id would be taken).
   */
  public static boolean canStart(AlarmEpisode episode, long startMs) {
    return !episode.active && (episode.alarmId == null || startMs > episode.startedAtMs);
  }

  private boolean start(AlarmEpisode episode, long startMs, Observation o) {
    if (!canStart(episode, startMs)) {
      return false;
    }
    episode.active = true;
    episode.startedAtMs = startMs;
    episode.endedAtMs = 0;
    episode.alarmId = AlarmIds.of(rule, o.queue(), o.contactId(), Instant.ofEpochMilli(startMs));
    return true;
  }

  private AlarmEvent end(AlarmEpisode episode, double threshold, Observation o) {
    episode.active = false;
    episode.endedAtMs = o.eventTimeMs();
    return event(episode, "CLEARED", threshold, o);
  }

  /**
   * Raises unconditionally (per-contact rules such as FRAUD_CATEGORY), once per episode; null while
   * one is active or when the last one started at or after {@code o.eventTimeMs()}.
   */
  public AlarmEvent raiseOnce(AlarmEpisode episode, double threshold, Observation o) {
    return start(episode, o.eventTimeMs(), o) ? event(episode, "RAISED", threshold, o) : null;
  }

  /** Clears an active episode (e.g. the contact ended); null when none is active. */
  public AlarmEvent clear(AlarmEpisode episode, double threshold, Observation o) {
    if (!episode.active) {
      return null;
    }
    return end(episode, threshold, o);
  }

  private AlarmEvent event(AlarmEpisode episode, String state, double threshold, Observation o) {
    AlarmEvent a = new AlarmEvent();
    a.alarmId = episode.alarmId;
    a.rule = rule.name();
    a.state = state;
    a.severity = severity;
    a.queue = o.queue();
    a.contactId = o.contactId();
    a.value = o.value();
    a.threshold = threshold;
    a.windowStartMs = o.windowStartMs();
    a.windowEndMs = o.windowEndMs();
    a.eventTimeMs = o.eventTimeMs();
    a.message = o.message();
    return a;
  }
}
