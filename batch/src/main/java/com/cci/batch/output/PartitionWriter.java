package com.cci.batch.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;
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
 * (e.g. a quarantine that is now clean) are deleted explicitly with {@link #deletePartitions}.
 */
public final class PartitionWriter {
  private final SparkSession spark;
  private final String output;

  public PartitionWriter(SparkSession spark, String output) {
    this.spark = spark;
    this.output = output;
  }

  /**
   * The rows of one date (for these tenants) already in a table, or empty when the table or those
   * partitions do not exist. The rows are materialised (local checkpoint) so that the table can
   * then be overwritten with a union that contains them.
   */
  public Optional<Dataset<Row>> existing(String table, LocalDate date, Collection<String> tenants) {
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
    Dataset<Row> day =
        all.where(
            functions
                .col("call_date")
                .equalTo(date.toString())
                .and(functions.col("tenant_id").isin(tenants.toArray())));
    return Optional.of(day.localCheckpoint(true));
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
