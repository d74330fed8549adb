package com.cci.streaming.functions.bot;

import com.cci.schemas.alarm.AlarmRule;
import com.cci.streaming.functions.conversation.ConversationRulesConfig;
import com.cci.streaming.records.FulfillmentRecord;
import com.cci.streaming.rules.Hysteresis;
import java.util.Locale;

/**
 * FULFILLMENT_ERRORS: share of bot fulfillment turns that failed with a system error ({@link
 * FulfillmentRecord#isError()}: backend timeouts, errors, unavailability, internal errors; not the
 * customer's invalid input) in the window, percent. Judged only with at least {@code
 * errorMinVolume} turns in the window, so a quiet night's single failure is not a 100 % spike.
 */
public final class FulfillmentErrorRule implements BotWindowRule {
  private static final long serialVersionUID = 1L;

  private final long windowMs;
  private final Hysteresis thresholds;
  private final long minVolume;
  private final String severity;

  public FulfillmentErrorRule(
      long windowMs, Hysteresis thresholds, long minVolume, String severity) {
    this.windowMs = windowMs;
    this.thresholds = thresholds;
    this.minVolume = minVolume;
    this.severity = severity;
  }

  public static FulfillmentErrorRule from(ConversationRulesConfig cfg) {
    return new FulfillmentErrorRule(
        cfg.errorWindowMs, cfg.errorPercent, cfg.errorMinVolume, cfg.errorSeverity);
  }

  @Override
  public AlarmRule rule() {
    return AlarmRule.FULFILLMENT_ERRORS;
  }

  @Override
  public String severity() {
    return severity;
  }

  @Override
  public long windowMs() {
    return windowMs;
  }

  @Override
  public Hysteresis thresholds() {
    return thresholds;
  }

  @Override
  public boolean isHit(FulfillmentRecord r) {
    return r.isError();
  }

  @Override
  public double value(long hits, long total) {
    return total == 0 ? 0 : 100.0 * hits / total;
  }

  @Override
  public boolean judged(long total) {
    return total >= minVolume;
  }

  @Override
  public String message(boolean raised, double value, long hits, long total, long windowMs) {
    return String.format(
        Locale.ROOT,
        "bot fulfillment system errors %s: %.1f %% (%d of %d turns) in the last %d s",
        raised ? "high" : "back to normal",
        value,
        hits,
        total,
        windowMs / 1000);
  }
}
