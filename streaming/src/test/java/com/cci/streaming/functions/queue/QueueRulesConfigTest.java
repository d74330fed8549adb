package com.cci.streaming.functions.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cci.streaming.rules.Hysteresis;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class QueueRulesConfigTest {
  private static final String GENERAL_ID = "88544856-1cde-37b0-93f9-9161dfb886a9";
  private static final String FRAUD_ID = "389a54bc-92a5-3f17-bb35-4849805b6dcd";

  static long at(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  @Test
  void devConfigHasTheSimulatorsFiveQueuesWithTheirArnsAndHours() {
    QueueRulesConfig cfg = SimRecords.devConfig();
    assertThat(cfg.windowLengthMs()).isEqualTo(15 * 60_000L);
    assertThat(cfg.slideMs()).isEqualTo(60_000L);
    assertThat(cfg.queues().values())
        .extracting(QueueRules::name)
        .containsExactlyInAnyOrder("General", "Accounts", "Cards", "Lending", "Fraud");
    QueueRules general = cfg.queues().get(GENERAL_ID);
    assertThat(general.name()).isEqualTo("General");
    assertThat(general.waitTime()).isEqualTo(Hysteresis.above(300, 240));
    assertThat(general.abandonment()).isEqualTo(Hysteresis.above(20, 15));
    assertThat(general.abandonmentMinOffered()).isEqualTo(10);
    assertThat(general.serviceLevel()).isEqualTo(Hysteresis.below(80, 85));
    assertThat(general.serviceLevelSeconds()).isEqualTo(30);
    assertThat(general.formula()).isEqualTo(ServiceLevelFormula.OFFERED);
    // Friday 2026-11-20 in New York: open 08:00-20:00
    assertThat(general.hours().isOpen(at("2026-11-20T12:59:59Z"))).isFalse(); // 07:59:59
    assertThat(general.hours().isOpen(at("2026-11-20T13:00:00Z"))).isTrue(); // 08:00
    assertThat(general.hours().isOpen(at("2026-11-21T00:59:59Z"))).isTrue(); // 19:59:59
    assertThat(general.hours().isOpen(at("2026-11-21T01:00:00Z"))).isFalse(); // 20:00
    // Thanksgiving 2026-11-26 (a Thursday) is a holiday; Sunday is closed
    assertThat(general.hours().isOpen(at("2026-11-26T16:00:00Z"))).isFalse();
    assertThat(general.hours().isOpen(at("2026-11-22T16:00:00Z"))).isFalse();

    QueueRules fraud = cfg.queues().get(FRAUD_ID);
    assertThat(fraud.waitTime().raiseAt()).isLessThan(general.waitTime().raiseAt());
    assertThat(fraud.abandonment().raiseAt()).isLessThan(general.abandonment().raiseAt());
    assertThat(fraud.serviceLevel().raiseAt()).isGreaterThan(general.serviceLevel().raiseAt());
    assertThat(fraud.waitSeverity()).isEqualTo("CRITICAL");
    assertThat(fraud.hours().isOpen(at("2026-11-26T07:00:00Z"))).as("24/7, holidays too").isTrue();
    assertThat(fraud.hours().isOpen(at("2026-11-22T03:00:00Z"))).isTrue();
  }

  @Test
  void unconfiguredQueueGetsTheDefaultsAndIsAlwaysOpen() {
    QueueRules r = SimRecords.devConfig().rulesFor("unknown-id", "Mortgages");
    assertThat(r.name()).isEqualTo("Mortgages");
    assertThat(r.queueId()).isEqualTo("unknown-id");
    assertThat(r.waitTime().raiseAt()).isEqualTo(300);
    assertThat(r.hours().isOpen(at("2026-11-26T07:00:00Z"))).isTrue();
  }

  @Test
  void serviceLevelFormulas() {
    // 8 within of 10 offered, 9 answered, 1 abandoned of which 1 short
    assertThat(ServiceLevelFormula.OFFERED.compute(8, 10, 9, 1)).isEqualTo(0.8);
    assertThat(ServiceLevelFormula.OFFERED_EXCLUDING_SHORT_ABANDONS.compute(8, 10, 9, 1))
        .isEqualTo(8.0 / 9);
    assertThat(ServiceLevelFormula.ANSWERED.compute(8, 10, 9, 1)).isEqualTo(8.0 / 9);
    assertThat(ServiceLevelFormula.OFFERED.compute(0, 0, 0, 0)).isEqualTo(1.0);
  }

  static Map<String, Properties> minimal() {
    Map<String, Properties> g = new HashMap<>();
    Properties q = new Properties();
    q.setProperty("arn", "arn:aws:connect:us-east-1:1:instance/i-1/queue/q-1");
    g.put("queue.General", q);
    return g;
  }

  static void set(Map<String, Properties> g, String group, String key, String value) {
    g.computeIfAbsent(group, k -> new Properties()).setProperty(key, value);
  }

  @Test
  void minimalConfigUsesBuiltInDefaults() {
    QueueRulesConfig cfg = QueueRulesConfig.from(minimal());
    assertThat(cfg.queues()).containsOnlyKeys("q-1");
    assertThat(cfg.waitFallbackMs()).isEqualTo(5000);
    assertThat(cfg.queueTimeoutMs()).isEqualTo(240 * 60_000L);
  }

  @Test
  void badInputFailsNamingGroupAndKey() {
    assertError(
        "queues.defaults",
        "window.slide.minutes",
        "7",
        "group 'queues.defaults' key 'window.length.minutes': must be a multiple");
    assertError(
        "queues.defaults",
        "wait.raise.seconds",
        "five",
        "group 'queues.defaults' key 'wait.raise.seconds': not a number");
    assertError(
        "queue.General",
        "wait.clear.seconds",
        "400",
        "group 'queue.General' key 'wait.clear.seconds': clear threshold 400.0 must be <= raise threshold 300.0");
    assertError(
        "queue.General",
        "service.level.clear.percent",
        "70",
        "group 'queue.General' key 'service.level.clear.percent'");
    assertError(
        "queue.General",
        "abandonment.raise.percent",
        "120",
        "group 'queue.General' key 'abandonment.raise.percent': a percentage must be <= 100");
    assertError(
        "queue.General",
        "hours.MONDAY",
        "8-20",
        "group 'queue.General' key 'hours.MONDAY': expected HH:mm-HH:mm");
    assertError(
        "queue.General",
        "hours.FRIDAY",
        "20:00-08:00",
        "group 'queue.General' key 'hours.FRIDAY': window '20:00-08:00' ends before it starts");
    assertError(
        "queue.General",
        "wait.severity",
        "URGENT",
        "group 'queue.General' key 'wait.severity': expected one of CRITICAL");
    assertError(
        "queue.General",
        "service.level.formula",
        "MAGIC",
        "group 'queue.General' key 'service.level.formula'");
    assertError(
        "queue.General",
        "wait.raise.secs",
        "5",
        "group 'queue.General' key 'wait.raise.secs': unknown key");
    assertError("queue.General", "arn", "q-1", "group 'queue.General' key 'arn': not a queue ARN");
    assertError(
        "queue.General", "id", "other", "group 'queue.General' key 'id': 'other' does not match");
    assertError(
        "calendar",
        "time.zone",
        "Mars/Olympus",
        "group 'calendar' key 'time.zone': not a time zone");
    assertError(
        "calendar", "holidays", "2026-13-01", "group 'calendar' key 'holidays': not a date");
    Map<String, Properties> g = minimal();
    set(g, "queue.Cards", "size.raise", "5");
    assertThatThrownBy(() -> QueueRulesConfig.from(g))
        .hasMessageContaining("group 'queue.Cards' key 'arn': required");
  }

  private static void assertError(String group, String key, String value, String message) {
    Map<String, Properties> g = minimal();
    set(g, group, key, value);
    assertThatThrownBy(() -> QueueRulesConfig.from(g))
        .isInstanceOf(com.cci.streaming.config.ConfigException.class)
        .hasMessageContaining(message);
  }
}
