package com.cci.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cci.batch.tenant.TenantConfigStore;
import com.cci.batch.tenant.TenantSeeder;
import com.cci.local.LocalStackExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The runner behind {@code ./cci qa}: tenant table at the endpoint the environment names (DynamoDB
 * Local here), the default {@code rules} scorer from the factory, tables registered in Spark's
 * catalog.
 */
class QaRunnerIT {
  @RegisterExtension
  static LocalStackExtension stack = LocalStackExtension.dynamodbOnly().ignoreEnvironment();

  @TempDir static Path tmp;

  @Test
  void runsTheRulesScorerWithTheTenantTableFromTheEnvironment() {
    Path input = SimData.generate(tmp.resolve("sim"), 60, 0.2).resolve("transcripts");
    try (DynamoDbClient ddb = stack.clients().dynamoDb()) {
      new TenantSeeder(new TenantConfigStore(ddb, "runner-tenants")).seedDemo();
    }
    Map<String, String> env =
        Map.of(
            "AWS_ENDPOINT_URL_DYNAMODB", stack.dynamoDbEndpoint().toString(),
            "AWS_REGION", "us-east-1",
            "CCI_SPARK_HIVE", "false");
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    QaJob.Result r =
        QaRunner.run(
            new QaRunner.Options(
                SimData.DAY,
                input.toString(),
                tmp.resolve("out").toString(),
                Optional.empty(),
                "rules",
                false,
                new QaRunner.ScorerOverrides(null, null, null, null),
                "runner-tenants",
                2,
                "spark",
                "cci_runner",
                0),
            env,
            new PrintStream(log, true, StandardCharsets.UTF_8));
    String out = log.toString(StandardCharsets.UTF_8);
    System.out.print(out);
    assertThat(out)
        .contains("offline evidence-hint scorer")
        .doesNotContain("starting DynamoDB Local");
    assertThat(r.accounting().balanced()).isTrue();
    assertThat(r.accounting().scored()).isPositive().isEqualTo(r.accounting().inputs());
    assertThat(
            SparkTestSession.get()
                .sql("select count(*), min(scorer), min(model_id) from cci_runner.qa_results")
                .first()
                .toString())
        .isEqualTo("[" + r.accounting().scored() + ",rules,cci-rules-v1]");
  }

  @Test
  void anUnconfiguredTenantTableIsAClearError() {
    Map<String, String> env =
        Map.of(
            "AWS_ENDPOINT_URL_DYNAMODB",
            stack.dynamoDbEndpoint().toString(),
            "CCI_SPARK_HIVE",
            "false");
    assertThatThrownBy(
            () ->
                QaRunner.run(
                    new QaRunner.Options(
                        SimData.DAY,
                        tmp.resolve("nothing-here").toString(),
                        tmp.resolve("out2").toString(),
                        Optional.empty(),
                        "rules",
                        false,
                        new QaRunner.ScorerOverrides(null, null, null, null),
                        "runner-tenants",
                        2,
                        "none",
                        "cci_runner",
                        0),
                    env,
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
        .hasMessageContaining("is not a directory");
  }
}
