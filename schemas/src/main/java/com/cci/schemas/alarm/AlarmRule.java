package com.cci.schemas.alarm;

/**
 * The real-time alarm rules. Each rule has a scope: a queue, one contact, or (for bot-traffic rules
 * without a queue) the whole contact center.
 */
public enum AlarmRule {
  /** Longest (or average) time callers have waited in a queue, seconds. Queue-scoped. */
  QUEUE_WAIT(Scope.QUEUE, false),
  /** Share of queued contacts that hung up before an agent answered, percent. Queue, windowed. */
  ABANDONMENT_RATE(Scope.QUEUE, true),
  /** Share of contacts answered within the target time, percent. Queue, windowed. */
  SERVICE_LEVEL(Scope.QUEUE, true),
  /** Contacts waiting in a queue. Queue-scoped. */
  QUEUE_SIZE(Scope.QUEUE, false),
  /** A customer turned negative during a live contact (Contact Lens sentiment). Per contact. */
  NEGATIVE_SENTIMENT(Scope.CONTACT, false),
  /** A live contact matched the fraud category (Contact Lens categories). Per contact. */
  FRAUD_CATEGORY(Scope.CONTACT, false),
  /** Share of bot fulfillment turns that failed, percent. Windowed; queue optional. */
  FULFILLMENT_ERRORS(Scope.QUEUE_OR_GLOBAL, true),
  /** Failed or locked caller authentications in the bot. Windowed; queue optional. */
  AUTH_FAILURES(Scope.QUEUE_OR_GLOBAL, true);

  /** What an alarm of a rule is about. */
  public enum Scope {
    QUEUE,
    CONTACT,
    QUEUE_OR_GLOBAL
  }

  private final Scope scope;
  private final boolean windowed;

  AlarmRule(Scope scope, boolean windowed) {
    this.scope = scope;
    this.windowed = windowed;
  }

  public Scope scope() {
    return scope;
  }

  /** The rule measures over an event-time window, so its alarms carry windowStart/windowEnd. */
  public boolean windowed() {
    return windowed;
  }
}
