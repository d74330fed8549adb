package com.cci.batch.output;

import java.time.LocalDate;

/**
 * Where tables and their partitions live under an output prefix: {@code
 * <output>/<table>/tenant_id=<id>/call_date=<YYYY-MM-DD>/}, the Hive layout Athena's partition
 * projection template names.
 */
public final class TablePaths {
  private TablePaths() {}

  /** {@code <output>/<table>}, without a trailing slash. */
  public static String table(String output, String table) {
    return stripSlash(output) + "/" + table;
  }

  /** {@code <output>/<table>/tenant_id=<id>/call_date=<date>}. */
  public static String partition(String output, String table, String tenantId, LocalDate date) {
    return table(output, table) + "/tenant_id=" + tenantId + "/call_date=" + date;
  }

  /**
   * {@code <output>/_staging/<table>/<run>}: outside every table's location, and a leading
   * underscore that Spark, Hive and Athena skip as a hidden folder.
   */
  public static String staging(String output, String table, String run) {
    return stripSlash(output) + "/_staging/" + table + "/" + run;
  }

  static String stripSlash(String s) {
    String out = s;
    while (out.endsWith("/") && out.length() > 1) {
      out = out.substring(0, out.length() - 1);
    }
    return out;
  }
}
