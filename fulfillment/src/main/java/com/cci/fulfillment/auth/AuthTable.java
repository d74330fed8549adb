package com.cci.fulfillment.auth;

import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * The authentication table: one string hash key {@code pk}, on-demand billing, DynamoDB TTL on the
 * {@code ttl} attribute (epoch seconds). Two item kinds share it: {@code session#<sha256 of the
 * session key>} (authenticated sessions) and {@code customer#<id>} (failure counters and lockouts).
 * In AWS the table is created by the deployment (CDK); {@link #ensure} is for local runs and tests.
 */
public final class AuthTable {
  /** Default table name. */
  public static final String DEFAULT_NAME = "cci-fulfillment-auth";

  static final String PK = "pk";
  static final String TTL = "ttl";

  private AuthTable() {}

  /**
   * Creates the table when it does not exist and waits until it is ACTIVE (at most 30 s); enables
   * TTL on {@code ttl}. Idempotent: an existing table is left as it is.
   *
   * @throws IllegalStateException when the table does not become ACTIVE in time
   */
  public static void ensure(DynamoDbClient dynamo, String tableName) {
    try {
      dynamo.createTable(
          b ->
              b.tableName(tableName)
                  .billingMode(BillingMode.PAY_PER_REQUEST)
                  .attributeDefinitions(
                      AttributeDefinition.builder()
                          .attributeName(PK)
                          .attributeType(ScalarAttributeType.S)
                          .build())
                  .keySchema(
                      KeySchemaElement.builder().attributeName(PK).keyType(KeyType.HASH).build()));
    } catch (ResourceInUseException exists) {
      // already there
    }
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (true) {
      try {
        TableStatus s =
            dynamo
                .describeTable(DescribeTableRequest.builder().tableName(tableName).build())
                .table()
                .tableStatus();
        if (s == TableStatus.ACTIVE) {
          break;
        }
      } catch (ResourceNotFoundException notYet) {
        // eventual consistency right after create
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("table " + tableName + " did not become ACTIVE in 30 s");
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for table " + tableName, e);
      }
    }
    try {
      dynamo.updateTimeToLive(
          b ->
              b.tableName(tableName)
                  .timeToLiveSpecification(t -> t.attributeName(TTL).enabled(true)));
    } catch (DynamoDbException alreadyEnabled) {
      // "TimeToLive is already enabled": expiry is also enforced in code, TTL only cleans up.
    }
  }
}
