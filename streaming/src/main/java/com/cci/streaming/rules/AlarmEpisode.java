package com.cci.streaming.rules;

import java.util.Objects;

/**
 * Keyed state of one rule for one scope (queue, contact or global): whether an alarm is active and
 * the id and start of the active (or, once cleared, the last) episode. Flink POJO; kept in a {@code
 * ValueState<AlarmEpisode>} (or a {@code MapState<String, AlarmEpisode>} keyed by rule).
 *
 * <p>Keep it after the episode clears (with {@code active = false}) for as long as observations
 * from the same event time can still arrive: {@link AlarmLifecycle} then never starts a second
 * episode at or before {@link #startedAtMs}, so no alarm id is RAISED twice.
 */
public class AlarmEpisode {
  /** An alarm is RAISED and not yet CLEARED. */
  public boolean active;

  /** Id of the active (or last) episode. */
  public String alarmId;

  /** Event time the active (or last) episode started (its id derives from it), epoch ms. */
  public long startedAtMs;

  /** Event time of the observation that cleared the last episode, epoch ms (0 while active). */
  public long endedAtMs;

  public AlarmEpisode() {}

  @Override
  public boolean equals(Object o) {
    return o instanceof AlarmEpisode e
        && active == e.active
        && startedAtMs == e.startedAtMs
        && endedAtMs == e.endedAtMs
        && Objects.equals(alarmId, e.alarmId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(active, alarmId, startedAtMs, endedAtMs);
  }

  @Override
  public String toString() {
    return "AlarmEpisode{active="
        + active
        + ", id="
        + alarmId
        + ", startedAt="
        + startedAtMs
        + ", endedAt="
        + endedAtMs
        + "}";
  }
}
