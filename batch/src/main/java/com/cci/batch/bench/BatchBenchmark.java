package com.cci.batch.bench;

import com.cci.batch.SparkSessions;
import com.cci.schemas.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * {@code ./cci bench batch [calls]}: the batch module's benchmarks, figures printed side by side,
 * and as the last line one JSON object: P4 (tokens and cost per 10-minute call) and P3 (quota
 * utilisation and speed-up on the local Bedrock at 800 ms and 2 000 requests/min) from {@link
 * ScoringBenchmarks}, then P5 (bytes Spark reads for the analyst queries, Parquet vs the seed's
 * JSON) from {@link BytesReadBenchmark}.
 *
 * <p>Arguments: {@code [p5Calls] [p3Calls]}, default 100 000 and 2 000.
 */
public final class BatchBenchmark {
  private BatchBenchmark() {}

  public static void main(String[] args) throws IOException {
    int calls = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int p3Calls = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    ScoringBenchmarks.P4 p4 = ScoringBenchmarks.p4(40);
    ScoringBenchmarks.P3 p3 = ScoringBenchmarks.p3(p3Calls, 20, 2000, 800);
    ScoringBenchmarks.describe(p3, p4).forEach(System.out::println);
    Path dir = Files.createTempDirectory("cci-bench-batch");
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("CCI_SPARK_HIVE", "false");
    SparkSession spark = SparkSessions.session("cci-bench-batch", env);
    // Pack many small JSON files per task, as a tuned reader of the seed layout would.
    spark.conf().set("spark.sql.files.openCostInBytes", "16384");
    ObjectNode json = Json.mapper().valueToTree(ScoringBenchmarks.figures(p3, p4));
    try {
      BytesReadBenchmark.Result p5 = BytesReadBenchmark.run(spark, dir, calls, System.out);
      System.out.printf(
          Locale.ROOT,
          "P5: %,d calls — on disk: Parquet %,d B, seed JSON %,d B%n"
              + "P5: bytes read by the two analyst queries: Parquet %,d B (%d ms), seed JSON %,d B"
              + " (%d ms) → %.1f× fewer (goal ≥ 20×)%n",
          p5.calls(),
          p5.parquetBytesOnDisk(),
          p5.jsonBytesOnDisk(),
          p5.parquetBytesRead(),
          p5.parquetMillis(),
          p5.jsonBytesRead(),
          p5.jsonMillis(),
          p5.ratio());
      json.put("p5_calls", p5.calls());
      json.put("p5_parquet_bytes_read", p5.parquetBytesRead());
      json.put("p5_json_bytes_read", p5.jsonBytesRead());
      json.put("p5_bytes_ratio", Math.round(p5.ratio() * 10) / 10.0);
    } finally {
      spark.stop();
      deleteQuietly(dir);
    }
    System.out.println(json.toString());
  }

  private static void deleteQuietly(Path dir) {
    try (var s = Files.walk(dir)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("could not delete " + dir + ": " + e.getMessage());
    }
  }
}
