package com.cci.streaming.functions.bot;

import com.cci.schemas.alarm.AlarmRule;
import com.cci.streaming.functions.conversation.ConversationRulesConfig;
import com.cci.streaming.records.FulfillmentRecord;
import com.cci.streaming.rules.Hysteresis;
import java.util.Locale;

/**
 * AUTH_FAILURES: failed PIN attempts ({@link FulfillmentRecord#isAuthFailure()}: FAILURE or LOCKED)
 * in the window, a count. The baseline is the configured absolute level: the raise threshold is set
 * above the normal day's busiest window (normal-day simulation: at most 18 per 5 min against a
 * default of 50), so a spike means guessing, not customers mistyping. No minimum volume: the count
 * itself is the volume.
 */
public final class AuthFailureRule implements BotWindowRule {
  private static final long serialVersionUID = 1L;

  private final long windowMs;
  private final Hysteresis thresholds;
  private final String severity;

  public AuthFailureRule(long windowMs, Hysteresis thresholds, String severity) {
    this.windowMs = windowMs;
    this.thresholds = thresholds;
    this.severity = severity;
  }

  public static AuthFailureRule from(ConversationRulesConfig cfg) {
    return new AuthFailureRule(cfg.authWindowMs, cfg.authFailures, cfg.authSeverity);
  }

  @Override
  public AlarmRule rule() {
    return AlarmRule.AUTH_FAILURES;
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
    return r.isAuthFailure();
  }

  @Override
  public double value(long hits, long total) {
    return hits;
  }

  @Override
  public boolean judged(long total) {
    return true;
  }

  @Override
  public String message(boolean raised, double value, long hits, long total, long windowMs) {
    return String.format(
        Locale.ROOT,
        "failed PIN attempts %s: %d in the last %d s (%d bot turns)",
        raised ? "spiking" : "back to normal",
        hits,
        windowMs / 1000,
        total);
  }
}
