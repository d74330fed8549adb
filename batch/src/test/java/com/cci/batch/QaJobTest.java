package com.cci.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.batch.output.QaTables;
import com.cci.batch.scoring.TenantSettings;
import com.cci.batch.tenant.TenantConfig;
import com.cci.schemas.qa.QaForm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on a local directory of simulated transcripts with a test scorer: rows, partition layout,
 * accounting, quarantine, rerun skips, {@code --force} replaces without duplicates, and the
 * redacted copy of a call wins over the raw one. Methods run in order over one output directory.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QaJobTest {
  @TempDir static Path tmp;
  static Path input;
  static Path output;
  static long transcripts;
  static final QaForm FORM = QaForm.fromClasspath(QaForm.DEMO_DEFAULT_RESOURCE);
  static final TenantConfigs TENANTS =
      t ->
          t.equals("demo-tenant")
              ? Optional.of(new TenantConfig(TenantSettings.demoDefaults(t), FORM))
              : Optional.empty();

  @BeforeAll
  static void data() throws IOException {
    Path sim = SimData.generate(tmp.resolve("sim"), 120, 0.3);
    input = sim.resolve("transcripts");
    output = tmp.resolve("out");
    Path day = input.resolve("demo-tenant/Analysis/Voice/2026/11/20");
    // A broken file, a file that is not a transcript, an unconfigured tenant, a file of another day
    Files.writeString(day.resolve("broken_analysis_2026-11-20T10:00:00Z.json"), "{\"Version\":");
    Files.writeString(
        day.resolve("notes_analysis_2026-11-20T10:00:00Z.json"), "{\"hello\":\"world\"}");
    Path first;
    try (Stream<Path> s = Files.list(day)) {
      first = s.filter(p -> p.getFileName().toString().contains("-")).sorted().findFirst().get();
    }
    Path other = input.resolve("other-bank/Analysis/Voice/2026/11/20");
    Files.createDirectories(other);
    Files.copy(first, other.resolve(first.getFileName()));
    Path nextDay = input.resolve("demo-tenant/Analysis/Voice/2026/11/21");
    Files.createDirectories(nextDay);
    Files.copy(first, nextDay.resolve(first.getFileName()));
    // The redacted copy of the first call, as Connect writes it next to the raw file
    Path redacted = input.resolve("demo-tenant/Analysis/Voice/Redacted/2026/11/20");
    Files.createDirectories(redacted);
    Files.copy(first, redacted.resolve(first.getFileName()));
    // The day's contact records, compacted first as the nightly schedule does: agent and queue
    Path firehose = tmp.resolve("firehose/2026/11/20/10");
    Files.createDirectories(firehose);
    Files.copy(
        sim.resolve("ctr/part-00000.jsonl"), firehose.resolve("cci-ctr-1-2026-11-20-10-00-00-a"));
    com.cci.batch.ctr.CtrCompactJob.run(
        SparkTestSession.get(),
        SimData.DAY,
        tmp.resolve("firehose").toString(),
        output.toString(),
        null,
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    try (Stream<Path> s = Files.walk(input)) {
      transcripts =
          s.filter(p -> p.toString().endsWith(".json"))
              .filter(p -> p.toString().contains("/2026/11/20/"))
              .count();
    }
  }

  static QaJob.Result run(boolean force, ScorerSource scorer, String out) {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    QaJob.Result r =
        QaJob.run(
            SparkTestSession.get(),
            new QaJobConfig(
                SimData.DAY,
                input.toString(),
                out,
                Optional.empty(),
                "rules",
                force,
                scorer,
                TENANTS,
                2,
                0),
            new PrintStream(log, true, StandardCharsets.UTF_8));
    System.out.print(log.toString(StandardCharsets.UTF_8));
    return r;
  }

  static Dataset<Row> table(String name) {
    SparkSession spark = SparkTestSession.get();
    return spark.read().parquet(output.resolve(name).toString());
  }

  @Test
  @Order(1)
  void firstRunScoresEveryCallAndQuarantinesTheRest() throws IOException {
    QaJob.Result r = run(false, TestScorers.hints("hints-v1", "0"), output.toString());
    Accounting a = r.accounting();
    assertThat(a.inputs()).isEqualTo(transcripts);
    assertThat(a.balanced()).isTrue();
    assertThat(a.skippedDuplicates()).isEqualTo(1); // the raw copy of the redacted call
    assertThat(a.skippedAlreadyScored()).isZero();
    // broken JSON, not a transcript, unconfigured tenant, and the planted scorer failures
    List<Row> q = table(QaTables.QUARANTINE).collectAsList();
    assertThat(q).hasSize((int) a.quarantined());
    Map<String, Long> byStage =
        q.stream()
            .collect(Collectors.groupingBy(x -> x.<String>getAs("stage"), Collectors.counting()));
    assertThat(byStage.get("parse")).isEqualTo(2);
    assertThat(byStage.get("tenant-config")).isEqualTo(1);
    assertThat(byStage.get("validation")).isPositive();
    assertThat(q)
        .anySatisfy(
            x -> {
              assertThat(x.<String>getAs("source_key")).contains("broken_analysis");
              assertThat(x.<String>getAs("reason")).startsWith("not JSON");
            });

    Dataset<Row> results = table(QaTables.QA_RESULTS);
    assertThat(results.count()).isEqualTo(a.scored()).isGreaterThan(50);
    assertThat(results.select("call_id").distinct().count()).isEqualTo(a.scored());
    assertThat(results.where("call_date != '2026-11-20' or tenant_id != 'demo-tenant'").count())
        .isZero();
    assertThat(table(QaTables.QA_CRITERIA).count())
        .isEqualTo(a.scored() * FORM.allCriteria().size());
    // Hive-style partition folders, the layout Athena's projection template names
    assertThat(output.resolve("qa_results/tenant_id=demo-tenant/call_date=2026-11-20"))
        .isDirectory();
    assertThat(output.resolve("qa_criteria/tenant_id=demo-tenant/call_date=2026-11-20"))
        .isDirectory();
    assertThat(output.resolve("quarantine/tenant_id=other-bank/call_date=2026-11-20"))
        .isDirectory();
    try (Stream<Path> s = Files.walk(output.resolve("qa_results"))) {
      assertThat(s.filter(p -> p.toString().endsWith(".parquet")))
          .allSatisfy(p -> assertThat(p.getFileName().toString()).endsWith(".snappy.parquet"));
    }
    // Agent and queue joined from contact_records (transcripts do not carry them)
    assertThat(results.where("agent_id is null or queue is null").count()).isZero();
    assertThat(table(QaTables.QA_CRITERIA).where("agent_id is null").count()).isZero();
    // The redacted copy was scored, not the raw one
    assertThat(results.where("source_key like '%/Voice/Redacted/%'").count()).isEqualTo(1);
    // Totals agree with criteria, tokens and cost recorded
    Row sums = results.selectExpr("sum(input_tokens)", "sum(cost_usd)").first();
    assertThat(sums.getLong(0)).isEqualTo(a.inputTokens()).isEqualTo(1000 * a.scored());
    assertThat(sums.getDouble(1)).isCloseTo(a.costUsd(), org.assertj.core.data.Offset.offset(1e-9));
    Row check =
        SparkTestSession.get()
            .sql(
                "select count(*) from parquet.`"
                    + output.resolve("qa_results")
                    + "` r join (select call_id, sum(score) s, sum(max_score) m from parquet.`"
                    + output.resolve("qa_criteria")
                    + "` group by call_id) c using (call_id) where abs(r.score - c.s) > 0.01 or"
                    + " abs(r.max_score - c.m) > 0.01")
            .first();
    assertThat(check.getLong(0)).isZero();
  }

  @Test
  @Order(2)
  void rerunSkipsWhatIsScoredAndLeavesTablesIdentical() {
    List<Row> before = table(QaTables.QA_RESULTS).orderBy("call_id").collectAsList();
    long criteriaBefore = table(QaTables.QA_CRITERIA).count();
    QaJob.Result r = run(false, TestScorers.hints("hints-v1", "0"), output.toString());
    Accounting a = r.accounting();
    assertThat(a.skippedAlreadyScored()).isEqualTo(before.size());
    // only the previously quarantined calls are tried again (and fail again)
    assertThat(a.scored()).isZero();
    assertThat(a.balanced()).isTrue();
    assertThat(table(QaTables.QA_RESULTS).orderBy("call_id").collectAsList()).isEqualTo(before);
    assertThat(table(QaTables.QA_CRITERIA).count()).isEqualTo(criteriaBefore);
  }

  @Test
  @Order(3)
  void aNewModelRescoresAndForceReplacesWithoutDuplicates() {
    long calls = table(QaTables.QA_RESULTS).count();
    // another model: every call is re-scored (not skipped), and the planted failures now pass
    QaJob.Result r = run(false, TestScorers.hints("hints-v2", null), output.toString());
    assertThat(r.accounting().skippedAlreadyScored()).isZero();
    assertThat(r.accounting().scored()).isGreaterThan(calls);
    long all = table(QaTables.QA_RESULTS).count();
    assertThat(table(QaTables.QA_RESULTS).where("model_id = 'hints-v2'").count()).isEqualTo(all);
    assertThat(table(QaTables.QUARANTINE).where("stage = 'validation'").count()).isZero();

    QaJob.Result forced = run(true, TestScorers.hints("hints-v2", null), output.toString());
    assertThat(forced.accounting().scored()).isEqualTo(all);
    assertThat(forced.accounting().skippedAlreadyScored()).isZero();
    Dataset<Row> results = table(QaTables.QA_RESULTS);
    assertThat(results.count()).isEqualTo(all);
    assertThat(results.select("call_id").distinct().count()).isEqualTo(all);
    assertThat(table(QaTables.QA_CRITERIA).count()).isEqualTo(all * FORM.allCriteria().size());
    // the old rows were staged for the rewrite and the staged copies are gone
    assertThat(output.resolve("_staging/" + QaTables.QA_RESULTS)).isDirectory().isEmptyDirectory();
    assertThat(output.resolve("_staging/" + QaTables.QA_CRITERIA)).isDirectory().isEmptyDirectory();
  }

  @Test
  @Order(4)
  void aTenantFilterOnlyTouchesThatTenant() {
    long quarantinedOther = table(QaTables.QUARANTINE).where("tenant_id = 'other-bank'").count();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    QaJob.Result r =
        QaJob.run(
            SparkTestSession.get(),
            new QaJobConfig(
                SimData.DAY,
                input.toString(),
                output.toString(),
                Optional.of("demo-tenant"),
                "rules",
                false,
                TestScorers.hints("hints-v2", null),
                TENANTS,
                2,
                0),
            new PrintStream(log, true, StandardCharsets.UTF_8));
    assertThat(r.tenants()).containsExactly("demo-tenant");
    assertThat(r.accounting().scored()).isZero();
    assertThat(table(QaTables.QUARANTINE).where("tenant_id = 'other-bank'").count())
        .isEqualTo(quarantinedOther)
        .isEqualTo(1);
  }

  @Test
  @Order(5)
  void tablesAndTheCriteriaViewAreRegisteredInSparksCatalog() {
    SparkSession spark = SparkTestSession.get();
    com.cci.batch.catalog.SparkCatalog.register(spark, "cci_qa_test", output.toString());
    long criteria = table(QaTables.QA_CRITERIA).count();
    assertThat(spark.sql("select count(*) from cci_qa_test.qa_criteria_detail").first().getLong(0))
        .isEqualTo(criteria);
    assertThat(
            spark
                .sql(
                    "select count(*) from cci_qa_test.qa_results where tenant_id = 'demo-tenant'"
                        + " and call_date = '2026-11-20'")
                .first()
                .getLong(0))
        .isEqualTo(table(QaTables.QA_RESULTS).count());
    // the analysts' failure rate per criterion, through the view
    List<Row> rates =
        spark
            .sql(
                "select criterion_id, sum(failed) / sum(applicable) from"
                    + " cci_qa_test.qa_criteria_detail group by criterion_id")
            .collectAsList();
    assertThat(rates).hasSize(FORM.allCriteria().size());
  }

  @Test
  @Order(6)
  void batchInferenceScoresOnTheDriverWithTheSameBooks() {
    String out = tmp.resolve("driver-side").toString();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    QaJob.Result r =
        QaJob.run(
            SparkTestSession.get(),
            new QaJobConfig(
                SimData.DAY,
                input.toString(),
                out,
                Optional.empty(),
                QaJobConfig.BEDROCK_BATCH,
                false,
                TestScorers.hints("hints-v2", null),
                TENANTS,
                2,
                0),
            new PrintStream(log, true, StandardCharsets.UTF_8));
    assertThat(r.accounting().balanced()).isTrue();
    assertThat(r.accounting().scored()).isEqualTo(table(QaTables.QA_RESULTS).count());
    assertThat(SparkTestSession.get().read().parquet(out + "/qa_results").count())
        .isEqualTo(r.accounting().scored());
  }

  @Test
  @Order(7)
  void registeringAgainOverAnotherOutputMovesTheTablesThere() {
    // The local metastore outlives runs: a second output folder must not leave the tables (or the
    // view) pointing at the first one, and the first output's files stay where they are.
    SparkSession spark = SparkTestSession.get();
    String other = tmp.resolve("driver-side").toString();
    com.cci.batch.catalog.SparkCatalog.register(spark, "cci_qa_test", other);
    String location =
        spark.sql("describe table extended cci_qa_test.qa_results").collectAsList().stream()
            .filter(row -> "Location".equals(row.getString(0)))
            .map(row -> row.getString(1))
            .findFirst()
            .orElseThrow();
    assertThat(location).endsWith("driver-side/qa_results");
    assertThat(spark.sql("select count(*) from cci_qa_test.qa_results").first().getLong(0))
        .isEqualTo(spark.read().parquet(other + "/qa_results").count());
    assertThat(table(QaTables.QA_RESULTS).count()).isPositive();
  }
}
