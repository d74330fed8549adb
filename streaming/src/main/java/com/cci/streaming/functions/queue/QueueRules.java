package com.cci.streaming.functions.queue;

import com.cci.streaming.rules.Hysteresis;
import java.io.Serializable;

/**
 * Everything the job needs to know about one queue: identity, service-level definition, the four
 * queue rules' thresholds (with hysteresis), their severities and the queue's hours. Built by
 * {@link QueueRulesConfig}; immutable.
 *
 * @param name queue name as alarms and metrics show it
 * @param queueId last part of the queue ARN (the key of the per-queue state)
 * @param serviceLevelSeconds answered within this many seconds counts towards service level
 * @param formula service-level formula
 * @param shortAbandonSeconds abandons after a wait under this many seconds are "short"
 * @param abandonmentExcludesShort abandonment rate = (abandoned − short) / (offered − short)
 * @param waitTime QUEUE_WAIT thresholds on the oldest waiting contact, seconds
 * @param abandonment ABANDONMENT_RATE thresholds, percent
 * @param abandonmentMinOffered the window needs at least this many offered for ABANDONMENT_RATE
 * @param serviceLevel SERVICE_LEVEL thresholds, percent (BELOW)
 * @param serviceLevelMinVolume the formula's denominator must reach this for SERVICE_LEVEL
 * @param size QUEUE_SIZE thresholds, contacts waiting
 * @param hours hours of operation and holidays
 */
public record QueueRules(
    String name,
    String queueId,
    int serviceLevelSeconds,
    ServiceLevelFormula formula,
    int shortAbandonSeconds,
    boolean abandonmentExcludesShort,
    Hysteresis waitTime,
    String waitSeverity,
    Hysteresis abandonment,
    long abandonmentMinOffered,
    String abandonmentSeverity,
    Hysteresis serviceLevel,
    long serviceLevelMinVolume,
    String serviceLevelSeverity,
    Hysteresis size,
    String sizeSeverity,
    OperatingHours hours)
    implements Serializable {

  /** The same rules under another identity (a queue seen in the data but not configured). */
  public QueueRules forUnconfigured(String queueId, String name) {
    return new QueueRules(
        name,
        queueId,
        serviceLevelSeconds,
        formula,
        shortAbandonSeconds,
        abandonmentExcludesShort,
        waitTime,
        waitSeverity,
        abandonment,
        abandonmentMinOffered,
        abandonmentSeverity,
        serviceLevel,
        serviceLevelMinVolume,
        serviceLevelSeverity,
        size,
        sizeSeverity,
        hours);
  }
}
