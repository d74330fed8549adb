package com.cci.batch.catalog;

import com.cci.batch.output.TablePaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * Registers the output tables in Spark's own catalog (the session's, or the Hive metastore when the
 * session has one) for local SQL: external Parquet tables over the same folders, partitions
 * recovered from the {@code tenant_id=…/call_date=…} layout, and the criteria view.
 */
public final class SparkCatalog {
  private SparkCatalog() {}

  /** Creates the database, tables (those that have data) and view; recovers partitions. */
  public static void register(SparkSession spark, String database, String output) {
    spark.sql("CREATE DATABASE IF NOT EXISTS " + database);
    boolean hasResults = false;
    boolean hasCriteria = false;
    for (String table : TableDefinitions.TABLES) {
      String location = TablePaths.table(output, table);
      if (!exists(spark, location)) {
        continue;
      }
      String ddl =
          "CREATE TABLE IF NOT EXISTS "
              + database
              + "."
              + table
              + " ("
              + ddlColumns(table)
              + ") USING parquet PARTITIONED BY (tenant_id, call_date) LOCATION '"
              + location
              + "'";
      spark.sql(ddl);
      spark.sql("ALTER TABLE " + database + "." + table + " RECOVER PARTITIONS");
      spark.catalog().refreshTable(database + "." + table);
      hasResults |= table.equals("qa_results");
      hasCriteria |= table.equals("qa_criteria");
    }
    if (hasResults && hasCriteria) {
      spark.sql(
          "CREATE OR REPLACE VIEW "
              + database
              + "."
              + TableDefinitions.CRITERIA_VIEW
              + " AS "
              + TableDefinitions.criteriaViewSql(database));
    }
  }

  private static String ddlColumns(String table) {
    StringBuilder sb = new StringBuilder();
    for (TableDefinitions.Column c : TableDefinitions.columns(table)) {
      sb.append('`').append(c.name()).append("` ").append(c.hiveType()).append(", ");
    }
    sb.append("tenant_id string, call_date string");
    return sb.toString();
  }

  private static boolean exists(SparkSession spark, String location) {
    try {
      Path p = new Path(location);
      return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
