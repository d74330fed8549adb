package com.cci.batch.bench;

import com.cci.batch.output.PartitionWriter;
import com.cci.batch.output.QaTables;
import com.cci.schemas.Json;
import com.cci.schemas.qa.QaResult;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;

/**
 * P5: bytes Spark reads for the two standard analyst queries — QA % per agent per day, and the
 * failure rate per criterion — over the job's Parquet tables and over the seed's layout (one JSON
 * result file per call, the {@code qa-result} contract) of the same calls. Bytes are the tasks'
 * {@code inputMetrics.bytesRead}; the JSON is read with its schema given (no inference pass), and
 * the answers of both layouts are checked to be equal.
 */
public final class BytesReadBenchmark {
  /**
   * The figures.
   *
   * @param calls scored calls in both layouts
   * @param parquetBytesOnDisk size of the Parquet tables
   * @param jsonBytesOnDisk size of the JSON files
   * @param parquetBytesRead bytes read by the two queries over Parquet
   * @param jsonBytesRead bytes read by the two queries over JSON
   * @param parquetMillis time of the two queries over Parquet
   * @param jsonMillis time of the two queries over JSON
   */
  public record Result(
      long calls,
      long parquetBytesOnDisk,
      long jsonBytesOnDisk,
      long parquetBytesRead,
      long jsonBytesRead,
      long parquetMillis,
      long jsonMillis) {
    public double ratio() {
      return parquetBytesRead == 0 ? Double.NaN : (double) jsonBytesRead / parquetBytesRead;
    }
  }

  static final String Q_AGENT_DAY_PARQUET =
      "SELECT agent_id, call_date, COUNT(*) AS calls, 100.0 * AVG(CASE WHEN passed THEN 1 ELSE 0"
          + " END) AS pass_pct, AVG(percentage) AS avg_pct FROM qa_results WHERE tenant_id ="
          + " 'demo-tenant' GROUP BY agent_id, call_date";
  static final String Q_AGENT_DAY_JSON =
      "SELECT agentId AS agent_id, CAST(callDate AS STRING) AS call_date, COUNT(*) AS calls, 100.0"
          + " * AVG(CASE WHEN totals.passed THEN 1 ELSE 0 END) AS pass_pct, AVG(totals.percentage)"
          + " AS avg_pct FROM seed_results WHERE tenantId = 'demo-tenant' GROUP BY agentId,"
          + " callDate";
  static final String Q_CRITERION_PARQUET =
      "SELECT criterion_id, SUM(CASE WHEN answer = 'FAILED' THEN 1 ELSE 0 END) / SUM(CASE WHEN"
          + " answer <> 'NOT_APPLICABLE' THEN 1 ELSE 0 END) AS failure_rate FROM qa_criteria"
          + " WHERE tenant_id = 'demo-tenant' GROUP BY criterion_id";
  static final String Q_CRITERION_JSON =
      "SELECT c.id AS criterion_id, SUM(CASE WHEN c.answer = 'FAILED' THEN 1 ELSE 0 END) /"
          + " SUM(CASE WHEN c.answer <> 'NOT_APPLICABLE' THEN 1 ELSE 0 END) AS failure_rate FROM"
          + " seed_results LATERAL VIEW explode(criteria) x AS c WHERE tenantId = 'demo-tenant'"
          + " GROUP BY c.id";

  /** The seed JSON's schema, as Spark would infer it from a {@code qa-result} file. */
  static StructType seedSchema() {
    return (StructType)
        DataType.fromDDL(
            "tenantId STRING, contactId STRING, callId STRING, callDate DATE, channel STRING,"
                + " agentId STRING, queue STRING, formId STRING, formVersion INT, modelId STRING,"
                + " scorer STRING, criteria ARRAY<STRUCT<id: STRING, sectionId: STRING, question:"
                + " STRING, answer: STRING, score: DOUBLE, max: DOUBLE, justification: STRING,"
                + " evidenceTurnIds: ARRAY<STRING>>>, totals STRUCT<score: DOUBLE, max: DOUBLE,"
                + " percentage: DOUBLE, passed: BOOLEAN, autoFailed: BOOLEAN>, summary"
                + " STRUCT<issue: STRING, resolution: STRING, outcome: STRING, actionItems:"
                + " ARRAY<STRING>, toneScore: DOUBLE, sentimentSummary: STRING>, piiCounts"
                + " MAP<STRING, INT>, usage STRUCT<inputTokens: BIGINT, outputTokens: BIGINT,"
                + " costUsd: DOUBLE>, sourceKey STRING, scoredAt TIMESTAMP");
  }

  /** Generates {@code calls} calls in both layouts under {@code dir} and runs the queries. */
  public static Result run(SparkSession spark, Path dir, int calls, PrintStream out) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    LocalDate first = LocalDate.of(2026, 11, 16);
    int days = 5;
    int agents = 250;
    Path parquet = dir.resolve("parquet");
    Path json = dir.resolve("seed-json");
    int slices = Math.max(8, jsc.defaultParallelism() * 4);
    List<Long> ids = new ArrayList<>(calls);
    for (long i = 0; i < calls; i++) {
      ids.add(i);
    }
    long t0 = System.nanoTime();
    JavaRDD<Long> idRdd = jsc.parallelize(ids, slices);
    // The seed's layout: one pretty JSON result file per call, <tenant>/<date>/<callId>.json
    String jsonRoot = json.toString();
    idRdd.foreachPartition(
        it -> {
          while (it.hasNext()) {
            QaResult r = call(it.next(), first, days, agents);
            Path f = Path.of(jsonRoot, r.tenantId(), r.callDate().toString(), r.callId() + ".json");
            Files.createDirectories(f.getParent());
            Files.write(f, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(r));
          }
        });
    // The job's layout: qa_results and qa_criteria Parquet, partitioned, snappy
    JavaRDD<QaResult> results = idRdd.map(i -> call(i, first, days, agents));
    PartitionWriter w = new PartitionWriter(spark, parquet.toString());
    w.overwritePartitions(
        QaTables.QA_RESULTS,
        spark.createDataFrame(
            results.map(r -> QaTables.resultRow(r, 1)), QaTables.QA_RESULTS_SCHEMA));
    w.overwritePartitions(
        QaTables.QA_CRITERIA,
        spark.createDataFrame(
            results.flatMap(r -> QaTables.criterionRows(r).iterator()),
            QaTables.QA_CRITERIA_SCHEMA));
    out.printf(
        Locale.ROOT,
        "P5: generated %d calls in both layouts in %.1f s%n",
        calls,
        (System.nanoTime() - t0) / 1e9);

    spark
        .read()
        .parquet(parquet.resolve("qa_results").toString())
        .createOrReplaceTempView("qa_results");
    spark
        .read()
        .parquet(parquet.resolve("qa_criteria").toString())
        .createOrReplaceTempView("qa_criteria");
    spark
        .read()
        .schema(seedSchema())
        .option("multiLine", "true")
        .json(json.resolve("*").resolve("*").resolve("*.json").toString())
        .createOrReplaceTempView("seed_results");

    BytesReadListener listener = new BytesReadListener();
    spark.sparkContext().addSparkListener(listener);
    try {
      long p0 = System.nanoTime();
      List<Row> pAgent = query(spark, Q_AGENT_DAY_PARQUET);
      List<Row> pCrit = query(spark, Q_CRITERION_PARQUET);
      long pMillis = (System.nanoTime() - p0) / 1_000_000;
      long pBytes = drain(spark, listener);
      long j0 = System.nanoTime();
      List<Row> jAgent = query(spark, Q_AGENT_DAY_JSON);
      List<Row> jCrit = query(spark, Q_CRITERION_JSON);
      long jMillis = (System.nanoTime() - j0) / 1_000_000;
      long jBytes = drain(spark, listener);
      if (!sameAnswers(pAgent, jAgent) || !sameAnswers(pCrit, jCrit)) {
        throw new IllegalStateException("Parquet and JSON answers differ: the comparison is void");
      }
      out.printf(
          Locale.ROOT,
          "P5: QA %% per agent per day: %d rows; failure rate per criterion: %d rows (same answers"
              + " from both layouts)%n",
          pAgent.size(),
          pCrit.size());
      return new Result(calls, size(parquet), size(json), pBytes, jBytes, pMillis, jMillis);
    } finally {
      spark.sparkContext().removeSparkListener(listener);
    }
  }

  private static QaResult call(long i, LocalDate first, int days, int agents) {
    return SyntheticResults.call(i, first, days, agents);
  }

  private static List<Row> query(SparkSession spark, String sql) {
    Dataset<Row> df = spark.sql(sql);
    return df.orderBy(df.columns()[0], df.columns().length > 2 ? df.columns()[1] : df.columns()[0])
        .collectAsList();
  }

  /** Waits for the listener bus so every task end is counted, then reads and resets. */
  private static long drain(SparkSession spark, BytesReadListener l) {
    try {
      // the listener bus is asynchronous: give it the task-end events before reading
      for (int i = 0; i < 50; i++) {
        long before = l.bytes();
        Thread.sleep(100);
        if (l.bytes() == before && i > 2) {
          break;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    long b = l.bytes();
    l.reset();
    return b;
  }

  private static boolean sameAnswers(List<Row> a, List<Row> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      Row x = a.get(i);
      Row y = b.get(i);
      for (int c = 0; c < x.length(); c++) {
        Object u = x.get(c);
        Object v = y.get(c);
        if (u instanceof Number n && v instanceof Number m) {
          if (Math.abs(n.doubleValue() - m.doubleValue()) > 1e-6) {
            return false;
          }
        } else if (!String.valueOf(u).equals(String.valueOf(v))) {
          return false;
        }
      }
    }
    return true;
  }

  static long size(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .mapToLong(
              p -> {
                try {
                  return Files.size(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
