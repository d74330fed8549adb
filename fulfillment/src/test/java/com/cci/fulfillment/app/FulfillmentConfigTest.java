package com.cci.fulfillment.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FulfillmentConfigTest {
  @Test
  void defaultsWithNothingSet() {
    FulfillmentConfig c = FulfillmentConfig.fromEnv(Map.of());
    assertThat(c.bankUrl()).isEmpty();
    assertThat(c.dynamoEndpoint()).isEmpty();
    assertThat(c.authTable()).isEqualTo("cci-fulfillment-auth");
    assertThat(c.maxPinFailures()).isEqualTo(3);
    assertThat(c.sessionIdle()).isEqualTo(Duration.ofMinutes(5));
    assertThat(c.lockout()).isEqualTo(Duration.ofMinutes(30));
    assertThat(c.eventStream()).isEmpty();
    assertThat(c.developmentSalt()).isTrue();
    assertThat(c.bankCallBudget()).isEqualTo(Duration.ofMillis(2500));
  }

  @Test
  void readsEveryVariable() {
    FulfillmentConfig c =
        FulfillmentConfig.fromEnv(
            Map.of(
                "CCI_BANK_URL", "http://127.0.0.1:9000",
                "AWS_ENDPOINT_URL", "http://127.0.0.1:4566",
                "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:8000",
                "CCI_AUTH_LOCKOUT_MINUTES", "2",
                "CCI_AUTH_MAX_FAILURES", "5",
                "CCI_FULFILLMENT_STREAM", "cci-fulfillment",
                "CCI_SESSION_HASH_SALT", "s3cret",
                "CCI_BANK_BREAKER_OPEN_MS", "2000"));
    assertThat(c.bankUrl()).contains(URI.create("http://127.0.0.1:9000"));
    assertThat(c.dynamoEndpoint()).contains(URI.create("http://127.0.0.1:8000"));
    assertThat(c.kinesisEndpoint()).contains(URI.create("http://127.0.0.1:4566"));
    assertThat(c.lockout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(c.maxPinFailures()).isEqualTo(5);
    assertThat(c.eventStream()).contains("cci-fulfillment");
    assertThat(c.developmentSalt()).isFalse();
    assertThat(c.bankClientConfig().breakerOpenWait()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void malformedValuesFailNamingTheVariable() {
    assertThatThrownBy(() -> FulfillmentConfig.fromEnv(Map.of("CCI_AUTH_MAX_FAILURES", "three")))
        .hasMessageContaining("CCI_AUTH_MAX_FAILURES")
        .hasMessageContaining("whole number");
    assertThatThrownBy(() -> FulfillmentConfig.fromEnv(Map.of("CCI_BANK_URL", "not a url")))
        .hasMessageContaining("CCI_BANK_URL");
    assertThatThrownBy(() -> FulfillmentConfig.fromEnv(Map.of("CCI_AUTH_MAX_FAILURES", "0")))
        .hasMessageContaining("from 1 to 10");
  }

  @Test
  void ignoreConfiguredEndpointsIsHonoured() {
    FulfillmentConfig c =
        FulfillmentConfig.fromEnv(
            Map.of(
                "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:8000",
                "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"));
    assertThat(c.dynamoEndpoint()).isEmpty();
  }
}
