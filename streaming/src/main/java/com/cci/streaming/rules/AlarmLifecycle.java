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
      episode.active = true;
      episode.startedAtMs = start;
      episode.alarmId = AlarmIds.of(rule, o.queue(), o.contactId(), Instant.ofEpochMilli(start));
      return event(episode, "RAISED", thresholds.raiseAt(), o);
    }
    if (thresholds.recovered(o.value())) {
      episode.active = false;
      return event(episode, "CLEARED", thresholds.clearAt(), o);
    }
    return null;
  }

  /** Raises unconditionally (per-contact rules such as FRAUD_CATEGORY), once per episode. */
  public AlarmEvent raiseOnce(AlarmEpisode episode, double threshold, Observation o) {
    if (episode.active) {
      return null;
    }
    episode.active = true;
    episode.startedAtMs = o.eventTimeMs();
    episode.alarmId =
        AlarmIds.of(rule, o.queue(), o.contactId(), Instant.ofEpochMilli(o.eventTimeMs()));
    return event(episode, "RAISED", threshold, o);
  }

  /** Clears an active episode (e.g. the contact ended); null when none is active. */
  public AlarmEvent clear(AlarmEpisode episode, double threshold, Observation o) {
    if (!episode.active) {
      return null;
    }
    episode.active = false;
    return event(episode, "CLEARED", threshold, o);
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
