package com.cci.batch.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Reads and replaces the {@code tenant_id=…/call_date=…} partitions of one date, Parquet with
 * snappy. Writes use dynamic partition overwrite: only the partitions present in the written rows
 * are replaced, every other date and tenant is left untouched. Partitions that must become empty
 * (e.g. a quarantine that is now clean) are deleted explicitly with {@link #deletePartitions}. Not
 * thread-safe (one per job run, on the driver).
 */
public final class PartitionWriter {
  private final SparkSession spark;
  private final String output;
  private final String runId = UUID.randomUUID().toString();
  private final List<String> staged = new ArrayList<>();

  public PartitionWriter(SparkSession spark, String output) {
    this.spark = spark;
    this.output = output;
  }

  /**
   * The rows of one date (for these tenants) already in a table, or empty when the table or those
   * partitions do not exist. Lazy: the files are read when the result is used, so it must not feed
   * a write that replaces those same partitions (use {@link #snapshot} for that).
   */
  public Optional<Dataset<Row>> read(String table, LocalDate date, Collection<String> tenants) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    boolean any = false;
    try {
      for (String t : tenants) {
        Path p = new Path(TablePaths.partition(output, table, t, date));
        if (p.getFileSystem(conf).exists(p)) {
          any = true;
          break;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look at " + table, e);
    }
    if (!any) {
      return Optional.empty();
    }
    Dataset<Row> all =
        spark
            .read()
            .schema(QaTables.schema(table))
            .option("basePath", TablePaths.table(output, table))
            .parquet(TablePaths.table(output, table));
    return Optional.of(
        all.where(
            functions
                .col("call_date")
                .equalTo(date.toString())
                .and(functions.col("tenant_id").isin(tenants.toArray()))));
  }

  /**
   * Like {@link #read}, but the rows are first copied to a staging folder ({@code
   * <output>/_staging/<table>/<run>}, Parquet) and read from there, so the table's partitions can
   * then be overwritten with a union that contains them. A copy in storage, not a Spark local
   * checkpoint: under EMR Serverless dynamic allocation an executor holding checkpoint blocks can
   * be released mid-job. {@link #dropStaging()} deletes the copies once the table is written.
   */
  public Optional<Dataset<Row>> snapshot(String table, LocalDate date, Collection<String> tenants) {
    Optional<Dataset<Row>> rows = read(table, date, tenants);
    if (rows.isEmpty()) {
      return rows;
    }
    String staging = TablePaths.staging(output, table, runId);
    rows.get().write().mode(SaveMode.Overwrite).option("compression", "snappy").parquet(staging);
    staged.add(staging);
    return Optional.of(spark.read().schema(rows.get().schema()).parquet(staging));
  }

  /** Deletes the staging copies {@link #snapshot} made (call when the tables are written). */
  public void dropStaging() {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    try {
      for (String s : staged) {
        Path p = new Path(s);
        p.getFileSystem(conf).delete(p, true);
      }
      staged.clear();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the staging copies " + staged, e);
    }
  }

  /** Replaces the partitions present in {@code rows} (dynamic partition overwrite). */
  public void overwritePartitions(String table, Dataset<Row> rows) {
    rows.write()
        .mode(SaveMode.Overwrite)
        .option("partitionOverwriteMode", "dynamic")
        .option("compression", "snappy")
        .partitionBy(QaTables.PARTITION_COLUMNS.toArray(new String[0]))
        .parquet(TablePaths.table(output, table));
  }

  /** Deletes the partitions of a date for these tenants (they will be rewritten or stay empty). */
  public void deletePartitions(String table, LocalDate date, Collection<String> tenants) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    try {
      for (String t : tenants) {
        Path p = new Path(TablePaths.partition(output, table, t, date));
        FileSystem fs = p.getFileSystem(conf);
        if (fs.exists(p)) {
          fs.delete(p, true);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete partitions of " + table, e);
    }
  }
}
