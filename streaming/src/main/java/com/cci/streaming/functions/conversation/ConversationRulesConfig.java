package com.cci.streaming.functions.conversation;

import com.cci.schemas.alarm.Severity;
import com.cci.streaming.config.PropertyGroups;
import com.cci.streaming.rules.Hysteresis;
import java.io.Serializable;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Thresholds of the per-contact conversation rules (group {@code rules.conversation}) and the bot
 * traffic rules (group {@code rules.bot}). Every key is optional (defaults below); a present key
 * with a bad value fails fast naming group and key.
 *
 * <table>
 *   <caption>rules.conversation</caption>
 *   <tr><td>negativeStreakTurns</td><td>3</td><td>K consecutive NEGATIVE customer turns raise
 *       NEGATIVE_SENTIMENT</td></tr>
 *   <tr><td>recoveryTurns</td><td>2</td><td>M consecutive non-negative customer turns clear
 *       it</td></tr>
 *   <tr><td>sentimentSeverity</td><td>HIGH</td><td></td></tr>
 *   <tr><td>fraudCategoryPattern</td><td>{@code (?i).*fraud.*}</td><td>regex a matched Contact
 *       Lens category name must match (whole name) to raise FRAUD_CATEGORY</td></tr>
 *   <tr><td>fraudSeverity</td><td>CRITICAL</td><td></td></tr>
 *   <tr><td>contactIdleTimeout</td><td>PT2H</td><td>event time without a segment after which a
 *       contact's state is dropped (its open alarms cleared) when no COMPLETED arrived</td></tr>
 *   <tr><td>completedRetention</td><td>PT10M</td><td>how long a completed contact is remembered so
 *       late duplicates do not re-raise</td></tr>
 * </table>
 *
 * <table>
 *   <caption>rules.bot</caption>
 *   <tr><td>errorWindow</td><td>PT5M</td><td>sliding event-time window (whole seconds)</td></tr>
 *   <tr><td>errorRaisePercent / errorClearPercent</td><td>5.0 / 3.0</td><td>system-error share of
 *       fulfillment turns, percent</td></tr>
 *   <tr><td>errorMinVolume</td><td>50</td><td>turns in the window before the rate is
 *       judged</td></tr>
 *   <tr><td>errorSeverity</td><td>HIGH</td><td></td></tr>
 *   <tr><td>authWindow</td><td>PT5M</td><td></td></tr>
 *   <tr><td>authRaiseCount / authClearCount</td><td>50 / 25</td><td>FAILURE or LOCKED PIN results
 *       in the window</td></tr>
 *   <tr><td>authSeverity</td><td>HIGH</td><td></td></tr>
 * </table>
 */
public final class ConversationRulesConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String CONVERSATION_GROUP = "rules.conversation";
  public static final String BOT_GROUP = "rules.bot";

  public final int negativeStreakTurns;
  public final int recoveryTurns;
  public final String sentimentSeverity;
  public final Pattern fraudCategoryPattern;
  public final String fraudSeverity;
  public final long contactIdleTimeoutMs;
  public final long completedRetentionMs;

  public final long errorWindowMs;
  public final Hysteresis errorPercent;
  public final long errorMinVolume;
  public final String errorSeverity;

  public final long authWindowMs;
  public final Hysteresis authFailures;
  public final String authSeverity;

  private ConversationRulesConfig(PropertyGroups groups) {
    PropertyGroups.Group c = groups.group(CONVERSATION_GROUP);
    negativeStreakTurns = positive(c, "negativeStreakTurns", c.getInt("negativeStreakTurns", 3));
    recoveryTurns = positive(c, "recoveryTurns", c.getInt("recoveryTurns", 2));
    sentimentSeverity = severity(c, "sentimentSeverity", "HIGH");
    String pattern = c.getString("fraudCategoryPattern", "(?i).*fraud.*");
    try {
      fraudCategoryPattern = Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      throw c.invalid("fraudCategoryPattern", "not a regular expression: " + e.getDescription());
    }
    fraudSeverity = severity(c, "fraudSeverity", "CRITICAL");
    contactIdleTimeoutMs = millis(c, "contactIdleTimeout", Duration.ofHours(2));
    completedRetentionMs = millis(c, "completedRetention", Duration.ofMinutes(10));

    PropertyGroups.Group b = groups.group(BOT_GROUP);
    errorWindowMs = windowMillis(b, "errorWindow");
    errorPercent =
        hysteresis(
            b,
            "errorClearPercent",
            b.getDouble("errorRaisePercent", 5.0),
            b.getDouble("errorClearPercent", 3.0));
    errorMinVolume = positive(b, "errorMinVolume", b.getInt("errorMinVolume", 50));
    errorSeverity = severity(b, "errorSeverity", "HIGH");
    authWindowMs = windowMillis(b, "authWindow");
    authFailures =
        hysteresis(
            b,
            "authClearCount",
            b.getDouble("authRaiseCount", 50),
            b.getDouble("authClearCount", 25));
    authSeverity = severity(b, "authSeverity", "HIGH");
  }

  /** Reads groups {@code rules.conversation} and {@code rules.bot}. */
  public static ConversationRulesConfig from(PropertyGroups groups) {
    return new ConversationRulesConfig(groups);
  }

  /** All defaults (no groups). */
  public static ConversationRulesConfig defaults() {
    return from(PropertyGroups.of(java.util.Map.of()));
  }

  /** True when a matched Contact Lens category name is one of the configured fraud categories. */
  public boolean isFraudCategory(String category) {
    return category != null && fraudCategoryPattern.matcher(category).matches();
  }

  private static int positive(PropertyGroups.Group g, String key, int v) {
    if (v < 1) {
      throw g.invalid(key, "must be >= 1, got " + v);
    }
    return v;
  }

  private static String severity(PropertyGroups.Group g, String key, String dflt) {
    String v = g.getString(key, dflt).toUpperCase(Locale.ROOT);
    try {
      return Severity.valueOf(v).name();
    } catch (IllegalArgumentException e) {
      throw g.invalid(key, "'" + v + "' is not one of CRITICAL, HIGH, MEDIUM, LOW");
    }
  }

  private static long millis(PropertyGroups.Group g, String key, Duration dflt) {
    Duration d = g.getDuration(key, dflt);
    if (d.isNegative() || d.isZero()) {
      throw g.invalid(key, "must be positive, got " + d);
    }
    return d.toMillis();
  }

  private static long windowMillis(PropertyGroups.Group g, String key) {
    long ms = millis(g, key, Duration.ofMinutes(5));
    if (ms % 1000 != 0) {
      throw g.invalid(key, "must be whole seconds (per-second buckets), got " + ms + " ms");
    }
    if (ms > Duration.ofHours(6).toMillis()) {
      throw g.invalid(key, "must be at most PT6H (state holds one bucket per second)");
    }
    return ms;
  }

  private static Hysteresis hysteresis(
      PropertyGroups.Group g, String clearKey, double raise, double clear) {
    if (raise < 0 || clear < 0) {
      throw g.invalid(clearKey, "thresholds must not be negative");
    }
    try {
      return Hysteresis.above(raise, clear);
    } catch (IllegalArgumentException e) {
      throw g.invalid(clearKey, e.getMessage());
    }
  }
}
