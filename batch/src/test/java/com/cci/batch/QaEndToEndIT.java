package com.cci.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.batch.local.LocalBedrock;
import com.cci.batch.output.QaTables;
import com.cci.batch.scoring.ScorerConfig;
import com.cci.batch.tenant.TenantConfigStore;
import com.cci.batch.tenant.TenantSeeder;
import com.cci.local.LocalStackExtension;
import com.cci.schemas.Json;
import com.cci.schemas.qa.QaResult;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * End to end on the simulator's transcripts: S3Mock (s3a) and a local directory → the job with the
 * {@code bedrock} scorer (real SDK client) on the local Bedrock → Parquet; tenant configuration
 * from DynamoDB Local. Asserts rows, partition layout, totals, rerun skips, and that none of the
 * planted PII reaches a prompt or a Parquet column; then a fault storm loses nothing.
 */
class QaEndToEndIT {
  static final String BUCKET = "cci-qa";

  @RegisterExtension
  static LocalStackExtension stack =
      LocalStackExtension.dynamodbOnly().s3(BUCKET).ignoreEnvironment();

  @TempDir static Path tmp;
  static Path transcripts;
  static List<String> planted;
  static long files;
  static DynamoDbClient ddb;
  static TenantConfigStore store;
  static LocalBedrock bedrock;

  @BeforeAll
  static void setUp() throws IOException {
    Path sim = SimData.generate(tmp.resolve("sim"), 160, 0.4);
    transcripts = sim.resolve("transcripts");
    planted = plantedValues(sim);
    assertThat(planted).as("the simulator planted residual PII").isNotEmpty();
    try (Stream<Path> s = Files.walk(transcripts)) {
      files = s.filter(p -> p.toString().endsWith(".json")).count();
    }
    try (S3Client s3 = stack.clients().s3()) {
      try (Stream<Path> s = Files.walk(transcripts)) {
        for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
          String key = "connect/" + transcripts.relativize(p).toString().replace('\\', '/');
          s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromFile(p));
        }
      }
    }
    ddb = stack.clients().dynamoDb();
    store = new TenantConfigStore(ddb, "cci-tenant-config");
    new TenantSeeder(store).seedDemo();
    bedrock =
        LocalBedrock.start(
            LocalBedrock.Options.defaults()
                .latency(Duration.ofMillis(5), Duration.ZERO)
                .keepPromptsInMemory(true));
    Configuration hc = SparkTestSession.get().sparkContext().hadoopConfiguration();
    hc.set("fs.s3a.endpoint", stack.s3Endpoint().toString());
    hc.set("fs.s3a.endpoint.region", "us-east-1");
    hc.set("fs.s3a.path.style.access", "true");
    hc.set("fs.s3a.connection.ssl.enabled", "false");
    hc.set(
        "fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
    hc.set("fs.s3a.access.key", "AKIDCCILOCAL");
    hc.set("fs.s3a.secret.key", "cci-local-secret");
  }

  @AfterAll
  static void tearDown() {
    if (bedrock != null) {
      bedrock.close();
    }
    if (ddb != null) {
      ddb.close();
    }
  }

  /** The raw text of every PII value the simulator planted (ground truth: turn + offsets). */
  static List<String> plantedValues(Path sim) throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(sim.resolve("ground-truth/pii.jsonl"))) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode p = Json.mapper().readTree(line);
      JsonNode file =
          Json.mapper()
              .readTree(
                  sim.resolve("transcripts").resolve(p.get("transcriptKey").asText()).toFile());
      for (JsonNode turn : file.get("Transcript")) {
        if (p.get("turnId").asText().equals(turn.path("Id").asText())) {
          out.add(
              turn.get("Content")
                  .asText()
                  .substring(p.get("beginChar").asInt(), p.get("endChar").asInt()));
        }
      }
    }
    return out;
  }

  static ScorerSource bedrockScorer(LocalBedrock b) {
    return new FactoryScorerSource(
        "bedrock",
        ScorerConfig.builder()
            .bedrockRuntimeEndpoint(b.endpoint().toString())
            .requestsPerMinute(20_000)
            .tokensPerMinute(100_000_000)
            .maxConcurrency(16)
            .maxAttempts(6)
            .retryBaseDelayMillis(10)
            .throttleBaseDelayMillis(20)
            .apiCallAttemptTimeoutMillis(2_000)
            .apiCallTimeoutMillis(20_000)
            .build());
  }

  static QaJob.Result run(String input, String output, ScorerSource scorer, boolean force) {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    try {
      return QaJob.run(
          SparkTestSession.get(),
          new QaJobConfig(
              SimData.DAY,
              input,
              output,
              Optional.empty(),
              "bedrock",
              force,
              scorer,
              store::config,
              2,
              0),
          new PrintStream(log, true, StandardCharsets.UTF_8));
    } finally {
      System.out.print(log.toString(StandardCharsets.UTF_8));
    }
  }

  static Dataset<Row> table(String output, String name) {
    return SparkTestSession.get().read().parquet(output + "/" + name);
  }

  /** Every string (also inside arrays and maps) of every row of a table. */
  static List<String> strings(Dataset<Row> df) {
    List<String> out = new ArrayList<>();
    StructField[] fields = df.schema().fields();
    for (Row r : df.collectAsList()) {
      for (int i = 0; i < fields.length; i++) {
        Object v = r.get(i);
        if (v == null) {
          continue;
        }
        out.add(v.toString());
      }
    }
    return out;
  }

  static void assertNoPlantedPii(List<String> texts, String where) {
    for (String value : planted) {
      assertThat(texts)
          .as("planted PII must not appear in " + where)
          .noneMatch(t -> t.contains(value));
    }
  }

  @Test
  void s3AndLocalRunsScoreEveryCallWithoutLeakingPii() {
    String s3In = "s3a://" + BUCKET + "/connect";
    String s3Out = "s3a://" + BUCKET + "/qa";
    QaJob.Result r = run(s3In, s3Out, bedrockScorer(bedrock), false);
    Accounting a = r.accounting();
    assertThat(a.inputs()).isEqualTo(files);
    assertThat(a.balanced()).isTrue();
    assertThat(a.scored()).isEqualTo(files - a.quarantined());
    assertThat(a.scored()).isGreaterThan(files * 9 / 10);
    assertThat(a.inputTokens()).isPositive();
    assertThat(a.costUsd()).isPositive();

    Dataset<Row> results = table(s3Out, QaTables.QA_RESULTS);
    assertThat(results.count()).isEqualTo(a.scored());
    assertThat(results.where("scorer != 'bedrock' or model_id is null").count()).isZero();
    assertThat(table(s3Out, QaTables.QA_CRITERIA).count())
        .isEqualTo(
            a.scored()
                * com.cci.schemas.qa.QaForm.fromClasspath(
                        com.cci.schemas.qa.QaForm.DEMO_DEFAULT_RESOURCE)
                    .allCriteria()
                    .size());
    Row sums =
        results.selectExpr("sum(input_tokens)", "sum(output_tokens)", "sum(pii_total)").first();
    assertThat(sums.getLong(0)).isEqualTo(a.inputTokens());
    assertThat(sums.getLong(1)).isEqualTo(a.outputTokens());
    assertThat(sums.getLong(2)).as("PII counts recorded per call").isPositive();
    // Partition layout on S3, as Athena's projection template names it
    try (S3Client s3 = stack.clients().s3()) {
      ListObjectsV2Response l = s3.listObjectsV2(b -> b.bucket(BUCKET).prefix("qa/qa_results/"));
      assertThat(l.contents())
          .extracting(S3Object::key)
          .isNotEmpty()
          .anySatisfy(
              k ->
                  assertThat(k)
                      .startsWith("qa/qa_results/tenant_id=demo-tenant/call_date=2026-11-20/part-")
                      .endsWith(".snappy.parquet"));
    }
    // Deterministic call ids from tenant + contact
    Row one = results.select("call_id", "contact_id").first();
    assertThat(one.getString(0)).isEqualTo(QaResult.callIdFor("demo-tenant", one.getString(1)));

    // No planted PII in any prompt the model saw, nor in any column of any table
    List<String> prompts =
        bedrock.recordedPrompts().stream().map(LocalBedrock.RecordedPrompt::prompt).toList();
    assertThat(prompts).hasSizeGreaterThanOrEqualTo((int) a.scored());
    assertNoPlantedPii(prompts, "the recorded prompts");
    for (String t : List.of(QaTables.QA_RESULTS, QaTables.QA_CRITERIA)) {
      assertNoPlantedPii(strings(table(s3Out, t)), t);
    }

    // Rerun: everything already scored is skipped, the table is unchanged
    List<Row> before = results.orderBy("call_id").collectAsList();
    int promptsBefore = bedrock.recordedPrompts().size();
    QaJob.Result again = run(s3In, s3Out, bedrockScorer(bedrock), false);
    assertThat(again.accounting().skippedAlreadyScored()).isEqualTo(a.scored());
    assertThat(again.accounting().scored()).isZero();
    assertThat(table(s3Out, QaTables.QA_RESULTS).orderBy("call_id").collectAsList())
        .isEqualTo(before);
    assertThat(bedrock.recordedPrompts().size() - promptsBefore)
        .as("only previously quarantined calls are sent again")
        .isEqualTo((int) a.quarantined());

    // --force: every call re-scored, replaced, never duplicated
    QaJob.Result forced = run(s3In, s3Out, bedrockScorer(bedrock), true);
    assertThat(forced.accounting().skippedAlreadyScored()).isZero();
    Dataset<Row> after = table(s3Out, QaTables.QA_RESULTS);
    assertThat(after.count()).isEqualTo(after.select("call_id").distinct().count());
    assertThat(after.count()).isGreaterThanOrEqualTo(a.scored());

    // (the same transcripts from a local directory: aFaultStormLosesNoTranscript)
  }

  @Test
  void aFaultStormLosesNoTranscript() {
    String storm =
        "throttle=20%,500@7,unavailable@11,model-timeout@29,model-error@31,malformed@17,"
            + "truncated@19,text@23,missing-criterion@13,extra-criterion@41,out-of-range@43,"
            + "bad-evidence@47";
    String out = tmp.resolve("storm-out").toString();
    try (LocalBedrock faulty =
        LocalBedrock.start(
            LocalBedrock.Options.defaults()
                .faults(storm)
                .requestsPerMinute(3000)
                .keepPromptsInMemory(true))) {
      QaJob.Result r = run(transcripts.toString(), out, bedrockScorer(faulty), false);
      Accounting a = r.accounting();
      assertThat(a.inputs()).isEqualTo(files);
      assertThat(a.balanced()).isTrue();
      assertThat(faulty.stats().faultsInjected()).isPositive();
      // every transcript is either a result row or a quarantine row, exactly once
      long results = table(out, QaTables.QA_RESULTS).count();
      long quarantined = a.quarantined() == 0 ? 0 : table(out, QaTables.QUARANTINE).count();
      assertThat(results + quarantined).isEqualTo(files);
      assertThat(results).isEqualTo(a.scored());
      if (quarantined > 0) {
        assertThat(table(out, QaTables.QUARANTINE).where("reason is null or stage is null").count())
            .isZero();
        assertNoPlantedPii(strings(table(out, QaTables.QUARANTINE)), "quarantine");
      }
      assertNoPlantedPii(
          faulty.recordedPrompts().stream().map(LocalBedrock.RecordedPrompt::prompt).toList(),
          "the recorded prompts");
    }
  }
}
