package com.cci.local;

import static com.cci.local.EmulatorAssertions.assertGone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class DynamoDbLocalIT {

  @Test
  void conditionalPutSucceedsOnceThenFails_andProcessTreeIsGoneAfterClose() throws Exception {
    List<ProcessHandle> tree;
    try (DynamoDbLocal ddb = new DynamoDbLocal()) {
      ddb.start();
      EmulatorAssertions.report(ddb);
      tree = EmulatorAssertions.tree(ddb);
      assertThat(ddb.endpoint().getHost()).isEqualTo("127.0.0.1");
      try (DynamoDbClient client = AwsClients.forEndpoints(null, ddb.endpoint(), null).dynamoDb()) {
        client.createTable(
            b ->
                b.tableName("cci-idempotency")
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                    .attributeDefinitions(
                        a -> a.attributeName("pk").attributeType(ScalarAttributeType.S)));
        Map<String, AttributeValue> item =
            Map.of(
                "pk", AttributeValue.fromS("contact-1#turn-1"),
                "status", AttributeValue.fromS("DONE"));
        client.putItem(
            b ->
                b.tableName("cci-idempotency")
                    .item(item)
                    .conditionExpression("attribute_not_exists(pk)"));
        assertThatThrownBy(
                () ->
                    client.putItem(
                        b ->
                            b.tableName("cci-idempotency")
                                .item(item)
                                .conditionExpression("attribute_not_exists(pk)")))
            .isInstanceOf(ConditionalCheckFailedException.class);
        assertThat(
                client
                    .getItem(
                        b ->
                            b.tableName("cci-idempotency")
                                .key(Map.of("pk", AttributeValue.fromS("contact-1#turn-1"))))
                    .item())
            .containsEntry("status", AttributeValue.fromS("DONE"));
      }
    }
    assertGone(tree);
  }

  @Test
  void listensOnLoopbackOnly() throws Exception {
    Optional<InetAddress> external = EmulatorAssertions.externalAddress();
    assumeTrue(external.isPresent(), "machine has no non-loopback IPv4 address");
    try (DynamoDbLocal ddb = new DynamoDbLocal()) {
      ddb.start();
      int port = ddb.endpoint().getPort();
      assertThat(EmulatorAssertions.connects(InetAddress.getLoopbackAddress(), port)).isTrue();
      assertThat(EmulatorAssertions.connects(external.get(), port))
          .as("DynamoDB Local must not accept connections on %s", external.get())
          .isFalse();
    }
  }

  @Test
  void startFailureCarriesTheLogTail() {
    DynamoDbLocal ddb = new DynamoDbLocal().jvmArgs(List.of("-XX:+CciNoSuchJvmOption"));
    assertThatThrownBy(ddb::start)
        .isInstanceOf(EmulatorException.class)
        .hasMessageContaining("exited with code")
        .hasMessageContaining("CciNoSuchJvmOption")
        .hasMessageContaining(".log");
    assertThat(ddb.isRunning()).isFalse();
  }
}
