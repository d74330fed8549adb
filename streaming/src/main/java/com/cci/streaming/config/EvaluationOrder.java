package com.cci.streaming.config;

import java.util.Locale;
import java.util.Set;

/**
 * In which order the live job's queue and bot rules see their records (group {@value #GROUP}, key
 * {@value #KEY}; docs/decisions/0006):
 *
 * <ul>
 *   <li>{@code arrival} (default): each record is evaluated as it arrives, the lowest latency (the
 *       record that crosses a threshold raises at once). The per-contact rules (FRAUD_CATEGORY,
 *       NEGATIVE_SENTIMENT) are reproducible; the queue and bot rules depend on how records of
 *       different shards interleave, which differs from run to run (and across a restore).
 *   <li>{@code event-time}: queue transitions and bot fulfillment records are buffered and applied
 *       in event-time order when the watermark passes them, and no rule decides anything on
 *       processing time (the QUEUE_WAIT fallback is off): every rule's alarms depend on the input
 *       records alone — a run restored from a checkpoint emits the same (alarmId, state) set as a
 *       failure-free one. The price is the watermark delay: the input's out-of-orderness bound (the
 *       longest of the streams a rule reads, CTRs included for the queue rules), and when a stream
 *       goes quiet, its idleness timeout.
 * </ul>
 *
 * Bounded inputs (replays) always run in event-time order, whatever this says.
 */
public enum EvaluationOrder {
  ARRIVAL("arrival"),
  EVENT_TIME("event-time");

  public static final String GROUP = "rules";
  public static final String KEY = "evaluation-order";

  private final String value;

  EvaluationOrder(String value) {
    this.value = value;
  }

  /** The configuration value ({@code arrival}, {@code event-time}). */
  public String value() {
    return value;
  }

  /**
   * Reads group {@value #GROUP}; {@link #ARRIVAL} when the group or key is missing.
   *
   * @throws ConfigException naming group and key for an unknown value or an unknown key in the
   *     group
   */
  public static EvaluationOrder from(PropertyGroups p) {
    for (String k : p.keys(GROUP)) {
      if (!Set.of(KEY).contains(k)) {
        throw ConfigException.of(GROUP, k, "unknown key (known: [" + KEY + "])");
      }
    }
    String v = p.string(GROUP, KEY, ARRIVAL.value);
    String norm = v.trim().toLowerCase(Locale.ROOT);
    for (EvaluationOrder o : values()) {
      if (o.value.equals(norm)) {
        return o;
      }
    }
    throw ConfigException.of(GROUP, KEY, "must be 'arrival' or 'event-time', was '" + v + "'");
  }
}
