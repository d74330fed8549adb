package com.cci.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;

class LocalStackIT {
  @RegisterExtension
  static LocalStackExtension stack =
      LocalStackExtension.kinesis()
          .dynamodb()
          .s3("cci-raw", "cci-curated")
          .ignoreEnvironment()
          .streams(2, "cci-ctr", "cci-alarms");

  @Test
  void startsAllThreeAndExportsTheirEndpoints() {
    LocalStack s = stack.stack();
    assertThat(s.processes()).hasSize(3);
    s.processes().values().forEach(EmulatorAssertions::report);
    assertThat(s.allLocal()).isTrue();
    Map<String, String> env = stack.env();
    assertThat(env)
        .containsEntry("AWS_ENDPOINT_URL_KINESIS", stack.kinesisEndpoint().toString())
        .containsEntry("AWS_ENDPOINT_URL_DYNAMODB", stack.dynamoDbEndpoint().toString())
        .containsEntry("AWS_ENDPOINT_URL_S3", stack.s3Endpoint().toString())
        .containsEntry("AWS_REGION", "us-east-1")
        .containsKeys("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
    assertThat(env.get("AWS_ENDPOINT_URL_KINESIS")).startsWith("http://127.0.0.1:");
    try (KinesisClient k = stack.clients().kinesis()) {
      assertThat(k.listStreams().streamNames()).contains("cci-ctr", "cci-alarms");
    }
  }

  @Test
  void aSecondStackFromTheFirstsEnvStartsNothingAndSeesTheSameData() {
    try (DynamoDbClient d = stack.clients().dynamoDb()) {
      d.createTable(
          b ->
              b.tableName("cci-shared")
                  .billingMode(BillingMode.PAY_PER_REQUEST)
                  .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                  .attributeDefinitions(
                      a -> a.attributeName("pk").attributeType(ScalarAttributeType.S)));
    }
    try (S3Client s3 = stack.clients().s3()) {
      s3.putObject(b -> b.bucket("cci-raw").key("hello.txt"), RequestBody.fromString("hi"));
    }
    try (LocalStack second =
        LocalStack.builder().kinesis().dynamodb().s3().environment(stack.env()).start()) {
      assertThat(second.processes()).isEmpty();
      assertThat(second.kinesisEndpoint()).isEqualTo(stack.kinesisEndpoint());
      try (DynamoDbClient d = second.clients().dynamoDb();
          S3Client s3 = second.clients().s3();
          KinesisClient k = second.clients().kinesis()) {
        assertThat(d.listTables().tableNames()).contains("cci-shared");
        assertThat(s3.getObjectAsBytes(b -> b.bucket("cci-raw").key("hello.txt")).asUtf8String())
            .isEqualTo("hi");
        assertThat(k.listStreams().streamNames()).contains("cci-ctr");
      }
    }
    // closing the second stack must not have stopped the first one's emulators
    assertThat(stack.stack().processes().values()).allMatch(EmulatorProcess::isRunning);
  }
}
