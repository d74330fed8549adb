package com.cci.batch.catalog;

import com.cci.batch.output.TablePaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.TableIdentifier;
import org.apache.spark.sql.catalyst.analysis.NoSuchDatabaseException;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.apache.spark.sql.catalyst.catalog.CatalogTable;
import org.apache.spark.sql.catalyst.catalog.CatalogTableType;
import scala.Option;

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
      dropIfElsewhere(spark, database, table, location);
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

  /**
   * A table registered earlier over another output folder (the local metastore outlives runs) is
   * dropped before it is registered again over this one. The tables are external: dropping one
   * removes only the catalog entry, never the Parquet files.
   */
  private static void dropIfElsewhere(
      SparkSession spark, String database, String table, String location) {
    if (!spark.catalog().tableExists(database, table)) {
      return;
    }
    CatalogTable existing;
    try {
      existing =
          spark
              .sessionState()
              .catalog()
              .getTableMetadata(new TableIdentifier(table, Option.apply(database)));
    } catch (NoSuchDatabaseException | NoSuchTableException e) {
      return;
    }
    if (existing.tableType() != CatalogTableType.EXTERNAL()) {
      throw new IllegalStateException(
          database + "." + table + " exists and is not an external table; not replacing it");
    }
    String wanted = qualified(spark, location);
    String registered = existing.location().toString();
    if (!stripSlash(registered).equals(stripSlash(wanted))) {
      spark.sql("DROP TABLE " + database + "." + table);
    }
  }

  private static String qualified(SparkSession spark, String location) {
    try {
      Path p = new Path(location);
      return p.getFileSystem(spark.sparkContext().hadoopConfiguration())
          .makeQualified(p)
          .toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String stripSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
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
