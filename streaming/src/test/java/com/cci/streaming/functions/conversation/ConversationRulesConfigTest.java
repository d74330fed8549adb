package com.cci.streaming.functions.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cci.streaming.config.ConfigException;
import com.cci.streaming.config.PropertyGroups;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

class ConversationRulesConfigTest {

  private static ConversationRulesConfig with(String group, String key, String value) {
    Properties p = new Properties();
    p.setProperty(key, value);
    return ConversationRulesConfig.from(PropertyGroups.of(Map.of(group, p)));
  }

  /** The checked-in dev JSON, read in the Managed Flink shape. */
  private static PropertyGroups devGroups() {
    return PropertyGroups.fromDevResource();
  }

  @Test
  void defaults() {
    ConversationRulesConfig c = ConversationRulesConfig.defaults();
    assertThat(c.negativeStreakTurns).isEqualTo(3);
    assertThat(c.recoveryTurns).isEqualTo(2);
    assertThat(c.sentimentSeverity).isEqualTo("HIGH");
    assertThat(c.fraudSeverity).isEqualTo("CRITICAL");
    assertThat(c.isFraudCategory("FraudSuspected")).isTrue();
    assertThat(c.isFraudCategory("card-FRAUD")).isTrue();
    assertThat(c.isFraudCategory("Escalation")).isFalse();
    assertThat(c.errorWindowMs).isEqualTo(300_000);
    assertThat(c.errorPercent.raiseAt()).isEqualTo(5.0);
    assertThat(c.errorPercent.clearAt()).isEqualTo(3.0);
    assertThat(c.errorMinVolume).isEqualTo(50);
    assertThat(c.authFailures.raiseAt()).isEqualTo(50);
    assertThat(c.authFailures.clearAt()).isEqualTo(25);
  }

  @Test
  void theDevJsonParsesAndMatchesTheDefaults() throws Exception {
    ConversationRulesConfig dev = ConversationRulesConfig.from(devGroups());
    ConversationRulesConfig d = ConversationRulesConfig.defaults();
    assertThat(dev.negativeStreakTurns).isEqualTo(d.negativeStreakTurns);
    assertThat(dev.fraudCategoryPattern.pattern()).isEqualTo(d.fraudCategoryPattern.pattern());
    assertThat(dev.contactIdleTimeoutMs).isEqualTo(7_200_000);
    assertThat(dev.errorPercent).isEqualTo(d.errorPercent);
    assertThat(dev.authFailures).isEqualTo(d.authFailures);
    assertThat(dev.authWindowMs).isEqualTo(d.authWindowMs);
  }

  @Test
  void overridesAreRead() {
    assertThat(with("rules.conversation", "negativeStreakTurns", "5").negativeStreakTurns)
        .isEqualTo(5);
    assertThat(with("rules.bot", "errorWindow", "120").errorWindowMs).isEqualTo(120_000);
    assertThat(with("rules.bot", "authSeverity", "critical").authSeverity).isEqualTo("CRITICAL");
  }

  @Test
  void badValuesFailNamingGroupAndKey() {
    assertThatThrownBy(() -> with("rules.conversation", "negativeStreakTurns", "three"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("group 'rules.conversation' key 'negativeStreakTurns':");
    assertThatThrownBy(() -> with("rules.conversation", "recoveryTurns", "0"))
        .hasMessageStartingWith("group 'rules.conversation' key 'recoveryTurns':");
    assertThatThrownBy(() -> with("rules.conversation", "fraudCategoryPattern", "(fraud"))
        .hasMessageStartingWith("group 'rules.conversation' key 'fraudCategoryPattern':");
    assertThatThrownBy(() -> with("rules.conversation", "fraudSeverity", "URGENT"))
        .hasMessageStartingWith("group 'rules.conversation' key 'fraudSeverity':");
    assertThatThrownBy(() -> with("rules.bot", "errorClearPercent", "9"))
        .hasMessageStartingWith("group 'rules.bot' key 'errorClearPercent':");
    assertThatThrownBy(() -> with("rules.bot", "authWindow", "PT1.5S"))
        .hasMessageStartingWith("group 'rules.bot' key 'authWindow':");
    assertThatThrownBy(() -> with("rules.bot", "errorWindow", "five minutes"))
        .hasMessageStartingWith("group 'rules.bot' key 'errorWindow':");
    assertThatThrownBy(() -> with("rules.bot", "errorRaisePercent", "NaN"))
        .hasMessageStartingWith("group 'rules.bot' key 'errorRaisePercent':");
  }

  @Test
  void theConfigSerializesForShippingToTaskManagers() throws Exception {
    ConversationRulesConfig c = with("rules.conversation", "fraudCategoryPattern", "Mule.*");
    ConversationRulesConfig copy =
        InstantiationUtil.clone(c, ConversationRulesConfigTest.class.getClassLoader());
    assertThat(copy.isFraudCategory("MuleAccount")).isTrue();
    assertThat(copy.isFraudCategory("FraudSuspected")).isFalse();
  }
}
