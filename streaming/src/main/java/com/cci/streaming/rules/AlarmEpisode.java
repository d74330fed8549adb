package com.cci.streaming.rules;

import java.util.Objects;

/**
 * Keyed state of one rule for one scope (queue, contact or global): whether an alarm is active and
 * the id of the active episode. Flink POJO; kept in a {@code ValueState<AlarmEpisode>} (or a {@code
 * MapState<String, AlarmEpisode>} keyed by rule).
 */
public class AlarmEpisode {
  /** An alarm is RAISED and not yet CLEARED. */
  public boolean active;

  /** Id of the active (or last) episode. */
  public String alarmId;

  /** Event time the active episode started (its id derives from it), epoch ms. */
  public long startedAtMs;

  public AlarmEpisode() {}

  @Override
  public boolean equals(Object o) {
    return o instanceof AlarmEpisode e
        && active == e.active
        && startedAtMs == e.startedAtMs
        && Objects.equals(alarmId, e.alarmId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(active, alarmId, startedAtMs);
  }

  @Override
  public String toString() {
    return "AlarmEpisode{active=" + active + ", id=" + alarmId + ", startedAt=" + startedAtMs + "}";
  }
}
