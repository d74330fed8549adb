package com.cci.batch;

import java.net.URI;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The session the commands run in. On EMR Serverless (a master is already configured) it takes the
 * session as configured; locally it runs {@code local[*]} bound to 127.0.0.1 with the UI off, and
 * points s3a at {@code AWS_ENDPOINT_URL_S3} / {@code AWS_ENDPOINT_URL} (S3Mock, LocalStack) with
 * path-style access, and maps {@code s3://} to s3a.
 */
public final class SparkSessions {
  private SparkSessions() {}

  /** True when no master is configured: we are not under spark-submit / EMR. */
  public static boolean local() {
    return !new SparkConf().contains("spark.master");
  }

  /** Builds or gets the session. */
  public static SparkSession session(String appName, Map<String, String> env) {
    SparkSession.Builder b = SparkSession.builder().appName(appName);
    if (local()) {
      b.master(env.getOrDefault("CCI_SPARK_MASTER", "local[*]"))
          .config("spark.ui.enabled", env.getOrDefault("CCI_SPARK_UI", "false"))
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.sql.shuffle.partitions", "8")
          .config("spark.sql.session.timeZone", "UTC")
          .config("spark.hadoop.fs.s3.impl", "org.apache.hadoop.fs.s3a.S3AFileSystem");
      if (!"false".equalsIgnoreCase(env.getOrDefault("CCI_SPARK_HIVE", "true"))) {
        // A persistent local metastore (Hive on Derby) so the tables registered by a run are
        // there for the next session (spark-sql, notebooks): ~/.cache/cci/spark-metastore.
        java.nio.file.Path home =
            java.nio.file.Path.of(
                env.getOrDefault("CCI_HOME", System.getProperty("user.home") + "/.cache/cci"),
                "spark-metastore");
        System.setProperty("derby.system.home", home.toString());
        b.enableHiveSupport()
            .config(
                "spark.hadoop.javax.jdo.option.ConnectionURL",
                "jdbc:derby:;databaseName=" + home.resolve("metastore_db") + ";create=true")
            .config("spark.hadoop.datanucleus.schema.autoCreateAll", "true")
            .config("spark.hadoop.hive.metastore.schema.verification", "false")
            .config("spark.sql.warehouse.dir", home.resolve("warehouse").toString());
      }
      String s3 = firstNonBlank(env.get("AWS_ENDPOINT_URL_S3"), env.get("AWS_ENDPOINT_URL"));
      if (s3 != null) {
        b.config("spark.hadoop.fs.s3a.endpoint", s3)
            .config("spark.hadoop.fs.s3a.path.style.access", "true")
            .config(
                "spark.hadoop.fs.s3a.connection.ssl.enabled",
                String.valueOf("https".equals(URI.create(s3).getScheme())))
            .config(
                "spark.hadoop.fs.s3a.endpoint.region",
                firstNonBlank(env.get("AWS_REGION"), env.get("AWS_DEFAULT_REGION"), "us-east-1"));
      }
      String key = env.get("AWS_ACCESS_KEY_ID");
      String secret = env.get("AWS_SECRET_ACCESS_KEY");
      if (key != null && secret != null) {
        b.config(
                "spark.hadoop.fs.s3a.aws.credentials.provider",
                "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider")
            .config("spark.hadoop.fs.s3a.access.key", key)
            .config("spark.hadoop.fs.s3a.secret.key", secret);
      }
    }
    SparkSession spark = b.getOrCreate();
    spark.sparkContext().setLogLevel(env.getOrDefault("CCI_SPARK_LOG_LEVEL", "WARN"));
    return spark;
  }

  /** {@code s3://} and {@code s3n://} as {@code s3a://} for local runs; anything else as is. */
  public static String location(String l) {
    return local() ? l.replaceFirst("^s3n?://", "s3a://") : l;
  }

  static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.trim();
      }
    }
    return null;
  }
}
