package com.cci.batch.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cci.batch.scoring.TenantSettings;
import com.cci.local.LocalStackExtension;
import com.cci.schemas.qa.QaForm;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The tenant table on DynamoDB Local (a child process) through the SDK v2 client. */
class TenantConfigStoreIT {
  @RegisterExtension
  static LocalStackExtension stack = LocalStackExtension.dynamodbOnly().ignoreEnvironment();

  static QaForm version(QaForm f, int v, double threshold) {
    return new QaForm(
        f.tenantId(),
        f.formId(),
        v,
        f.title(),
        f.description(),
        f.language(),
        threshold,
        f.sections());
  }

  @Test
  void seedsVersionsAndFindsTheLatestNumerically() {
    try (DynamoDbClient ddb = stack.clients().dynamoDb()) {
      TenantConfigStore store = new TenantConfigStore(ddb, "tenants-a");
      new TenantSeeder(store).seedDemo();
      new TenantSeeder(store).seedDemo(); // idempotent
      QaForm v1 = QaForm.fromClasspath(QaForm.DEMO_DEFAULT_RESOURCE);

      // the items as the contract names them
      Map<String, AttributeValue> meta =
          ddb.getItem(
                  b ->
                      b.tableName("tenants-a")
                          .key(
                              Map.of(
                                  "pk", AttributeValue.fromS("TENANT#demo-tenant"),
                                  "sk", AttributeValue.fromS("META"))))
              .item();
      assertThat(meta.get("modelId").s()).isEqualTo("anthropic.claude-3-haiku-20240307-v1:0");
      assertThat(meta.get("inputPricePerMillion").n()).isEqualTo("0.25");
      assertThat(
              ddb.getItem(
                      b ->
                          b.tableName("tenants-a")
                              .key(
                                  Map.of(
                                      "pk", AttributeValue.fromS("TENANT#demo-tenant"),
                                      "sk", AttributeValue.fromS("QA_FORM#default#v1"))))
                  .hasItem())
          .isTrue();

      // v2 and v10: the latest is 10, not "v2" (sort-key text order)
      store.putForm(version(v1, 2, 75));
      store.putForm(version(v1, 10, 85));
      assertThat(store.listForms("demo-tenant"))
          .extracting(TenantConfigStore.FormVersion::version)
          .containsExactly(1, 2, 10);
      assertThat(store.latestVersion("demo-tenant", "default")).contains(10);
      TenantConfig cfg = store.config("demo-tenant").orElseThrow();
      assertThat(cfg.form().version()).isEqualTo(10);
      assertThat(cfg.passThreshold()).isEqualTo(85);
      assertThat(store.form("demo-tenant", "default", Optional.of(2)).orElseThrow().passThreshold())
          .isEqualTo(75);

      // versions are immutable
      assertThatThrownBy(() -> store.putForm(version(v1, 2, 60)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("already exists")
          .hasMessageContaining("put version 11");

      // settings override the threshold; unknown tenants have no config
      store.putSettings(new TenantSettings("demo-tenant", "m-2", 1.0, 2.0, 70.0, "default"));
      assertThat(store.config("demo-tenant").orElseThrow().passThreshold()).isEqualTo(70);
      assertThat(store.config("nobody")).isEmpty();
      assertThat(store.listForms("nobody")).isEqualTo(List.of());
    }
  }

  @Test
  void anInvalidFormIsRejectedBeforeItIsStored() {
    try (DynamoDbClient ddb = stack.clients().dynamoDb()) {
      TenantConfigStore store = new TenantConfigStore(ddb, "tenants-b");
      store.createTableIfMissing();
      QaForm v1 = QaForm.fromClasspath(QaForm.DEMO_DEFAULT_RESOURCE);
      assertThatThrownBy(() -> store.putForm(version(v1, 3, 150)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("invalid QA form");
      assertThat(store.listForms("demo-tenant")).isEmpty();
    }
  }
}
