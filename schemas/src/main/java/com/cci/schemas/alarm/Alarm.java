package com.cci.schemas.alarm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * A real-time alarm state change (contract kind {@code alarm}).
 *
 * <p>An episode is one {@link AlarmState#RAISED} record and, when the condition ends, one {@link
 * AlarmState#CLEARED} record. <b>Both carry the same {@code alarmId}</b>, computed once when the
 * episode is raised by {@link AlarmIds#of(AlarmRule, String, String, Instant)} from the rule, the
 * scope and the episode's event-time start; a consumer pairs them by id, and a replay of the same
 * input yields the same ids.
 *
 * @param alarmId deterministic episode id (UUID string)
 * @param rule the rule that fired
 * @param state RAISED or CLEARED
 * @param severity how urgent
 * @param queue queue the alarm is about; null when the rule is not queue-scoped
 * @param contactId contact the alarm is about (per-contact rules), else null
 * @param value observed value in the rule's unit
 * @param threshold configured threshold
 * @param windowStart start of the event-time window measured; null for per-contact rules
 * @param windowEnd end of that window; null for per-contact rules
 * @param eventTime event time of the observation that caused this state change
 * @param emittedAt wall-clock emission time (not part of the id)
 * @param message one human sentence, never with customer PII
 * @param details rule-specific flat extras, may be null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Alarm(
    @JsonProperty("alarmId") String alarmId,
    @JsonProperty("rule") AlarmRule rule,
    @JsonProperty("state") AlarmState state,
    @JsonProperty("severity") Severity severity,
    @JsonProperty("queue") String queue,
    @JsonProperty("contactId") String contactId,
    @JsonProperty("value") double value,
    @JsonProperty("threshold") double threshold,
    @JsonProperty("windowStart") Instant windowStart,
    @JsonProperty("windowEnd") Instant windowEnd,
    @JsonProperty("eventTime") Instant eventTime,
    @JsonProperty("emittedAt") Instant emittedAt,
    @JsonProperty("message") String message,
    @JsonProperty("details") Map<String, Object> details) {

  public Alarm {
    details = details == null ? null : new TreeMap<>(details);
  }

  /**
   * The CLEARED record that ends this (RAISED) episode: same id, rule, severity, scope and
   * threshold; the value, window and times of the observation that cleared it.
   */
  public Alarm cleared(
      double clearValue,
      Instant clearWindowStart,
      Instant clearWindowEnd,
      Instant clearEventTime,
      Instant clearEmittedAt,
      String clearMessage) {
    if (state != AlarmState.RAISED) {
      throw new IllegalStateException(
          "only a RAISED alarm can be cleared; " + alarmId + " is " + state);
    }
    return new Alarm(
        alarmId,
        rule,
        AlarmState.CLEARED,
        severity,
        queue,
        contactId,
        clearValue,
        threshold,
        clearWindowStart,
        clearWindowEnd,
        clearEventTime,
        clearEmittedAt,
        clearMessage,
        null);
  }
}
