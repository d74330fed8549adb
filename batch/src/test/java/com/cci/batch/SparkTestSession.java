package com.cci.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The one local Spark session of the module's tests ({@code local[2]}, one shuffle partition, UI
 * off, bound to 127.0.0.1), created on first use and stopped when the test JVM exits.
 */
public final class SparkTestSession {
  private static SparkSession spark;

  private SparkTestSession() {}

  public static synchronized SparkSession get() {
    if (spark == null) {
      try {
        Path warehouse = Files.createTempDirectory("cci-batch-warehouse");
        spark =
            SparkSession.builder()
                .master("local[2]")
                .appName("cci-batch-tests")
                .config("spark.sql.shuffle.partitions", "1")
                .config("spark.default.parallelism", "2")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.warehouse.dir", warehouse.toString())
                .config("spark.sql.session.timeZone", "UTC")
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        SparkSession s = spark;
        Runtime.getRuntime().addShutdownHook(new Thread(s::stop, "spark-test-stop"));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return spark;
  }
}
