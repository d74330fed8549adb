package com.cci.streaming.records;

import com.cci.schemas.alarm.Alarm;
import java.util.Objects;

/**
 * An alarm state change inside the job (Flink POJO); {@link #toContract()} turns it into the
 * contract's {@link Alarm} at the sink. Field meanings are those of the {@code alarm} schema.
 */
public class AlarmEvent {
  public String alarmId;

  /** {@code com.cci.schemas.alarm.AlarmRule} name. */
  public String rule;

  /** RAISED or CLEARED. */
  public String state;

  /** CRITICAL, HIGH, MEDIUM or LOW. */
  public String severity;

  /** Queue name; null for rules not scoped to a queue. */
  public String queue;

  /** Contact id for per-contact rules; else null. */
  public String contactId;

  public double value;
  public double threshold;

  /** Window bounds for windowed rules (epoch ms), else null. */
  public Long windowStartMs;

  public Long windowEndMs;

  /** Event time of the record that caused the change (or the timer's time), epoch ms. */
  public long eventTimeMs;

  /** Human sentence for the on-call person. */
  public String message;

  public AlarmEvent() {}

  /**
   * The contract record; {@code emittedAtMs} is stamped at the sink (processing time, the only
   * non-deterministic field).
   */
  public Alarm toContract(long emittedAtMs) {
    return AlarmContractMapper.toContract(this, emittedAtMs);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AlarmEvent a
        && Double.compare(value, a.value) == 0
        && Double.compare(threshold, a.threshold) == 0
        && eventTimeMs == a.eventTimeMs
        && Objects.equals(alarmId, a.alarmId)
        && Objects.equals(rule, a.rule)
        && Objects.equals(state, a.state)
        && Objects.equals(severity, a.severity)
        && Objects.equals(queue, a.queue)
        && Objects.equals(contactId, a.contactId)
        && Objects.equals(windowStartMs, a.windowStartMs)
        && Objects.equals(windowEndMs, a.windowEndMs)
        && Objects.equals(message, a.message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(alarmId, state);
  }

  @Override
  public String toString() {
    return state
        + " "
        + rule
        + " "
        + (queue != null ? queue : contactId)
        + " value="
        + value
        + " threshold="
        + threshold
        + " id="
        + alarmId;
  }
}
