package com.cci.batch;

import com.cci.batch.catalog.GlueCatalog;
import com.cci.batch.catalog.SparkCatalog;
import com.cci.batch.input.TranscriptDiscovery;
import com.cci.batch.scoring.ScorerConfig;
import com.cci.batch.tenant.TenantConfigStore;
import com.cci.batch.tenant.TenantSeeder;
import com.cci.local.AwsClients;
import com.cci.local.LocalStack;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.glue.GlueClient;

/**
 * Wires one {@code ./cci qa} run: the Spark session, the tenant table (DynamoDB at the configured
 * endpoint or AWS; for a local input with no DynamoDB endpoint, a DynamoDB Local child process
 * seeded with {@code demo-tenant} and stopped after), the scorer from the SDK environment, the job,
 * and the catalog (Glue for S3 output, Spark's catalog for a local one).
 */
public final class QaRunner {
  private QaRunner() {}

  /**
   * Options of a run.
   *
   * @param catalog {@code auto} (Glue when the output is on S3, else Spark's catalog), {@code
   *     glue}, {@code spark} or {@code none}
   */
  public record Options(
      LocalDate date,
      String input,
      String output,
      Optional<String> tenant,
      String scorer,
      boolean force,
      ScorerOverrides overrides,
      String tenantTable,
      Integer slots,
      String catalog,
      String database,
      long progressEveryMillis) {}

  /** Command-line settings of the scorer on top of the SDK environment; nulls keep defaults. */
  public record ScorerOverrides(
      Integer requestsPerMinute, Long tokensPerMinute, String batchBucket, String batchRoleArn) {
    ScorerConfig apply(ScorerConfig c) {
      ScorerConfig.Builder b = c.toBuilder();
      if (requestsPerMinute != null) {
        b.requestsPerMinute(requestsPerMinute);
      }
      if (tokensPerMinute != null) {
        b.tokensPerMinute(tokensPerMinute);
      }
      if (batchBucket != null) {
        b.batchBucket(batchBucket);
      }
      if (batchRoleArn != null) {
        b.batchRoleArn(batchRoleArn);
      }
      return b.build();
    }
  }

  /** Runs the job; returns its result (the books are already asserted). */
  public static QaJob.Result run(Options o, Map<String, String> env, PrintStream out) {
    String input = SparkSessions.location(o.input());
    String output = SparkSessions.location(o.output());
    boolean localInput = TranscriptDiscovery.isLocal(input);
    if ("rules".equals(o.scorer())) {
      out.println(
          "qa: scorer 'rules' — the offline evidence-hint scorer, no model calls (the default for"
              + " local runs without AWS; --scorer bedrock uses Bedrock)");
    }
    ScorerConfig scorerConfig =
        "rules".equals(o.scorer()) ? null : o.overrides().apply(ScorerConfig.fromEnv(env));
    if (scorerConfig != null && scorerConfig.bedrockRuntimeEndpoint() == null) {
      out.println(
          "qa: no AWS_ENDPOINT_URL_BEDROCK_RUNTIME: using Amazon Bedrock in "
              + scorerConfig.region());
    }
    SparkSession spark = SparkSessions.session("cci-qa " + o.date(), env);
    try (TenantTable table = TenantTable.open(o.tenantTable(), localInput, env, out)) {
      int slots = o.slots() != null ? o.slots() : spark.sparkContext().defaultParallelism();
      QaJobConfig cfg =
          new QaJobConfig(
              o.date(),
              input,
              output,
              o.tenant(),
              o.scorer(),
              o.force(),
              new FactoryScorerSource(o.scorer(), scorerConfig),
              table.store()::config,
              slots,
              o.progressEveryMillis());
      QaJob.Result r = QaJob.run(spark, cfg, out);
      String catalog = o.catalog();
      if ("auto".equals(catalog)) {
        catalog = TranscriptDiscovery.isLocal(output) ? "spark" : "glue";
      }
      switch (catalog) {
        case "glue" -> {
          try (GlueClient glue =
              GlueClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            GlueCatalog.Outcome g = new GlueCatalog(glue).register(o.database(), output);
            out.println("qa: Glue catalog " + g.database() + ": " + g.actions());
          }
        }
        case "spark" -> {
          SparkCatalog.register(spark, o.database(), output);
          out.println("qa: tables registered in Spark's catalog as " + o.database() + ".*");
        }
        case "none" -> {}
        default ->
            throw new IllegalArgumentException("--catalog must be auto, glue, spark or none");
      }
      return r;
    }
  }

  /** The tenant table and whatever had to be started for it. */
  static final class TenantTable implements AutoCloseable {
    private final TenantConfigStore store;
    private final DynamoDbClient client;
    private final LocalStack stack;

    private TenantTable(TenantConfigStore store, DynamoDbClient client, LocalStack stack) {
      this.store = store;
      this.client = client;
      this.stack = stack;
    }

    static TenantTable open(
        String table, boolean localInput, Map<String, String> env, PrintStream out) {
      String endpoint =
          SparkSessions.firstNonBlank(
              env.get("AWS_ENDPOINT_URL_DYNAMODB"), env.get("AWS_ENDPOINT_URL"));
      boolean configured = endpoint != null;
      if (!configured && localInput) {
        out.println(
            "qa: no DynamoDB endpoint configured and a local input: starting DynamoDB Local");
        LocalStack stack = LocalStack.builder().environment(env).dynamodb().start();
        try {
          DynamoDbClient c = stack.clients().dynamoDb();
          TenantConfigStore store = new TenantConfigStore(c, table);
          new TenantSeeder(store).seedDemo();
          out.println("qa: DynamoDB Local at " + stack.dynamoDbEndpoint() + ", seeded demo-tenant");
          return new TenantTable(store, c, stack);
        } catch (RuntimeException e) {
          stack.close();
          throw e;
        }
      }
      DynamoDbClient c =
          (configured
                  ? AwsClients.forEndpoints(null, java.net.URI.create(endpoint), null)
                  : AwsClients.defaults())
              .dynamoDb();
      return new TenantTable(new TenantConfigStore(c, table), c, null);
    }

    TenantConfigStore store() {
      return store;
    }

    @Override
    public void close() {
      try {
        client.close();
      } finally {
        if (stack != null) {
          stack.close();
        }
      }
    }
  }
}
