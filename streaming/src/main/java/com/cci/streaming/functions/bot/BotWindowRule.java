package com.cci.streaming.functions.bot;

import com.cci.schemas.alarm.AlarmRule;
import com.cci.streaming.records.FulfillmentRecord;
import com.cci.streaming.rules.Hysteresis;
import java.io.Serializable;

/**
 * A rule over bot fulfillment traffic in a sliding event-time window: which records are hits, how
 * the value is computed from (hits, total), when there is enough volume to judge, and its
 * thresholds. Evaluated by {@link BotWindowRuleFunction}.
 */
public interface BotWindowRule extends Serializable {
  AlarmRule rule();

  String severity();

  /** Window length, whole seconds, in ms. */
  long windowMs();

  Hysteresis thresholds();

  /** True when the record counts towards the rule's numerator. */
  boolean isHit(FulfillmentRecord r);

  /** The observed value in the rule's unit. */
  double value(long hits, long total);

  /** True when the window holds enough records to judge the value (minimum-volume guard). */
  boolean judged(long total);

  /** One sentence for the on-call person, for a RAISED or CLEARED record. */
  String message(boolean raised, double value, long hits, long total, long windowMs);
}
