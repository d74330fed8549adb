package com.cci.notebooks;

import com.cci.batch.catalog.SparkCatalog;
import com.cci.batch.catalog.TableDefinitions;
import com.cci.batch.output.QaTables;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Runs a rendered query on a local Spark session over the batch job's output directory: the tables
 * and the criteria view are registered in Spark's catalog exactly as {@code ./cci qa} registers
 * them ({@link SparkCatalog}), then the SQL runs unchanged and the result is printed as
 * tab-separated values with a header line.
 */
public final class LocalQueryRunner {
  /** The database the tables go into (the job's {@code --database} default). */
  public static final String DATABASE = "cci_qa";

  private LocalQueryRunner() {}

  /** A local session like the job's local runs: 1 shuffle partition, UI off, loopback only. */
  public static SparkSession localSession() {
    return SparkSession.builder()
        .master(System.getProperty("spark.master", "local[2]"))
        .appName("cci-query")
        .config("spark.sql.shuffle.partitions", "1")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate();
  }

  /**
   * Registers the tables under {@code output} and runs {@code sql}; prints at most {@code maxRows}
   * rows and returns how many the query produced.
   */
  public static long run(
      SparkSession spark,
      String output,
      String sql,
      int maxRows,
      PrintStream out,
      PrintStream err) {
    SparkCatalog.register(spark, DATABASE, output);
    spark.catalog().setCurrentDatabase(DATABASE);
    List<String> empty = new ArrayList<>();
    for (String table : TableDefinitions.TABLES) {
      String location = com.cci.batch.output.TablePaths.table(output, table);
      boolean present = exists(spark, location);
      if (present) {
        spark.catalog().dropTempView(table);
      } else {
        // a table registered earlier over another directory must not answer for this one
        spark.sql("DROP TABLE IF EXISTS " + DATABASE + "." + table);
        spark
            .createDataFrame(new ArrayList<Row>(), QaTables.schema(table))
            .createOrReplaceTempView(table);
        empty.add(table);
      }
    }
    if (!empty.isEmpty()) {
      err.println("cci query: no " + empty + " under " + output + ": queried as empty");
    }
    Dataset<Row> df = spark.sql(sql);
    List<Row> rows = df.collectAsList();
    out.println(String.join("\t", df.columns()));
    for (Row r : rows.subList(0, Math.min(maxRows, rows.size()))) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < r.length(); i++) {
        if (i > 0) {
          sb.append('\t');
        }
        sb.append(r.isNullAt(i) ? "NULL" : String.valueOf(r.get(i)));
      }
      out.println(sb);
    }
    if (rows.size() > maxRows) {
      out.println("... " + (rows.size() - maxRows) + " more row(s)");
    }
    return rows.size();
  }

  private static boolean exists(SparkSession spark, String location) {
    try {
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(location);
      return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
