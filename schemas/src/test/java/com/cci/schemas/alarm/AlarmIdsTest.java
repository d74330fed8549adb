package com.cci.schemas.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AlarmIdsTest {
  private static final Instant T0 = Instant.parse("2026-11-20T14:00:00Z");

  @Test
  void sameRuleScopeAndStartGiveTheSameIdEveryTime() {
    String a = AlarmIds.of(AlarmRule.ABANDONMENT_RATE, "General", null, T0);
    String b = AlarmIds.of(AlarmRule.ABANDONMENT_RATE, "General", "ignored-contact", T0);
    assertThat(a).isEqualTo(b).isEqualTo(AlarmIds.of(AlarmRule.ABANDONMENT_RATE, "General", T0));
    assertThat(UUID.fromString(a).version()).isEqualTo(5);
    // Pinned: changing the namespace or name layout would break stored ids and replays.
    assertThat(a).isEqualTo("1444ab61-8982-58e1-a2ae-59109089b771");
  }

  @Test
  void anyDifferenceInRuleScopeOrStartGivesADifferentId() {
    String base = AlarmIds.of(AlarmRule.QUEUE_WAIT, "Cards", T0);
    assertThat(AlarmIds.of(AlarmRule.QUEUE_SIZE, "Cards", T0)).isNotEqualTo(base);
    assertThat(AlarmIds.of(AlarmRule.QUEUE_WAIT, "Fraud", T0)).isNotEqualTo(base);
    assertThat(AlarmIds.of(AlarmRule.QUEUE_WAIT, "Cards", T0.plusMillis(1))).isNotEqualTo(base);

    Set<String> ids = new HashSet<>();
    int n = 0;
    for (AlarmRule rule : AlarmRule.values()) {
      for (String scope : new String[] {"General", "Accounts", "Cards", "Lending", "Fraud", "*"}) {
        for (int minute = 0; minute < 200; minute++) {
          ids.add(AlarmIds.of(rule, scope, T0.plusSeconds(60L * minute)));
          n++;
        }
      }
    }
    assertThat(ids).hasSize(n);
  }

  @Test
  void scopeFollowsTheRule() {
    assertThat(AlarmIds.scope(AlarmRule.SERVICE_LEVEL, "Cards", "c-1")).isEqualTo("Cards");
    assertThat(AlarmIds.scope(AlarmRule.FRAUD_CATEGORY, "Cards", "c-1")).isEqualTo("c-1");
    assertThat(AlarmIds.scope(AlarmRule.AUTH_FAILURES, null, null))
        .isEqualTo(AlarmIds.GLOBAL_SCOPE);
    assertThat(AlarmIds.scope(AlarmRule.FULFILLMENT_ERRORS, "Accounts", null))
        .isEqualTo("Accounts");
    // a contact's alarm and a queue's alarm never collide even with equal strings
    assertThat(AlarmIds.of(AlarmRule.NEGATIVE_SENTIMENT, null, "Cards", T0))
        .isNotEqualTo(AlarmIds.of(AlarmRule.QUEUE_WAIT, "Cards", null, T0));
  }

  @Test
  void missingScopeIsAClearError() {
    assertThatThrownBy(() -> AlarmIds.of(AlarmRule.QUEUE_WAIT, null, "c-1", T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("QUEUE_WAIT is queue-scoped");
    assertThatThrownBy(() -> AlarmIds.of(AlarmRule.NEGATIVE_SENTIMENT, "Cards", " ", T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a contactId");
    assertThatThrownBy(() -> AlarmIds.of(AlarmRule.QUEUE_WAIT, "Cards", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("episodeStart");
  }
}
