package com.cci.batch.catalog;

import com.cci.batch.output.QaTables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * What the catalog says about the output tables, derived from their Spark schemas ({@link
 * QaTables}) so the two cannot drift: Hive column types, the partition keys, the Athena partition
 * projection properties, and the criteria view.
 */
public final class TableDefinitions {
  private TableDefinitions() {}

  /** The tables registered, in order. */
  public static final List<String> TABLES =
      List.of(
          QaTables.QA_RESULTS, QaTables.QA_CRITERIA, QaTables.QUARANTINE, QaTables.CONTACT_RECORDS);

  /** The view over the criteria with each call's context. */
  public static final String CRITERIA_VIEW = "qa_criteria_detail";

  /** First date partition projection accepts ({@code projection.call_date.range}). */
  public static final String FIRST_DATE = "2024-01-01";

  /** A column: name, Hive type, comment. */
  public record Column(String name, String hiveType) {}

  /** Data columns of a table (partition keys excluded), with Hive types. */
  public static List<Column> columns(String table) {
    List<Column> out = new ArrayList<>();
    for (StructField f : QaTables.schema(table).fields()) {
      if (!QaTables.PARTITION_COLUMNS.contains(f.name())) {
        out.add(new Column(f.name(), f.dataType().catalogString()));
      }
    }
    return out;
  }

  /** Partition keys: {@code tenant_id string, call_date string}. */
  public static List<Column> partitionKeys() {
    return List.of(new Column("tenant_id", "string"), new Column("call_date", "string"));
  }

  /**
   * Athena partition projection: {@code tenant_id} injected (every query names its tenant, which
   * also keeps tenants apart), {@code call_date} a daily date range up to today, and the location
   * template of the Hive-style folders the job writes. No crawler, no partition registration.
   *
   * @param tableLocation the table's S3 location, e.g. {@code s3://bucket/qa/qa_results}
   */
  public static Map<String, String> projection(String tableLocation) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("projection.enabled", "true");
    p.put("projection.tenant_id.type", "injected");
    p.put("projection.call_date.type", "date");
    p.put("projection.call_date.format", "yyyy-MM-dd");
    p.put("projection.call_date.range", FIRST_DATE + ",NOW");
    p.put("projection.call_date.interval", "1");
    p.put("projection.call_date.interval.unit", "DAYS");
    p.put(
        "storage.location.template",
        stripSlash(tableLocation) + "/tenant_id=${tenant_id}/call_date=${call_date}");
    return p;
  }

  /** The criteria view's SQL (Athena/Trino and Spark SQL alike), over {@code database}. */
  public static String criteriaViewSql(String database) {
    return "SELECT c.tenant_id, c.call_date, c.call_id, c.contact_id,"
        + " COALESCE(c.agent_id, r.agent_id) AS agent_id, COALESCE(c.queue, r.queue) AS queue,"
        + " r.channel, c.form_id, c.form_version, c.model_id, c.section_id, c.criterion_id,"
        + " c.answer, CASE WHEN c.answer = 'FAILED' THEN 1 ELSE 0 END AS failed,"
        + " CASE WHEN c.answer = 'NOT_APPLICABLE' THEN 0 ELSE 1 END AS applicable,"
        + " c.score, c.max_score, r.percentage AS call_percentage, r.passed AS call_passed,"
        + " r.auto_failed AS call_auto_failed, c.scored_at"
        + " FROM "
        + database
        + ".qa_criteria c JOIN "
        + database
        + ".qa_results r ON r.tenant_id = c.tenant_id AND r.call_date = c.call_date"
        + " AND r.call_id = c.call_id";
  }

  /** The view's columns with Spark types (for Glue's StorageDescriptor and the Presto blob). */
  public static StructType criteriaViewSchema() {
    StructType c = QaTables.QA_CRITERIA_SCHEMA;
    StructType r = QaTables.QA_RESULTS_SCHEMA;
    return new StructType()
        .add("tenant_id", DataTypes.StringType)
        .add("call_date", DataTypes.StringType)
        .add(c.apply("call_id"))
        .add(c.apply("contact_id"))
        .add(c.apply("agent_id"))
        .add(c.apply("queue"))
        .add(r.apply("channel"))
        .add(c.apply("form_id"))
        .add(c.apply("form_version"))
        .add(c.apply("model_id"))
        .add(c.apply("section_id"))
        .add(c.apply("criterion_id"))
        .add(c.apply("answer"))
        .add("failed", DataTypes.IntegerType)
        .add("applicable", DataTypes.IntegerType)
        .add(c.apply("score"))
        .add(c.apply("max_score"))
        .add("call_percentage", DataTypes.DoubleType)
        .add("call_passed", DataTypes.BooleanType)
        .add("call_auto_failed", DataTypes.BooleanType)
        .add(c.apply("scored_at"));
  }

  /** The Presto/Trino type name of a Spark type, as Athena view definitions spell them. */
  public static String prestoType(DataType t) {
    if (t instanceof ArrayType a) {
      return "array(" + prestoType(a.elementType()) + ")";
    }
    if (t instanceof MapType m) {
      return "map(" + prestoType(m.keyType()) + ", " + prestoType(m.valueType()) + ")";
    }
    return switch (t.catalogString().toLowerCase(Locale.ROOT)) {
      case "string" -> "varchar";
      case "int" -> "integer";
      case "bigint" -> "bigint";
      case "double" -> "double";
      case "boolean" -> "boolean";
      case "timestamp" -> "timestamp";
      case "date" -> "date";
      default -> throw new IllegalArgumentException("no Presto type for " + t.catalogString());
    };
  }

  /**
   * The location Athena reads: {@code s3a://} and {@code s3n://} become {@code s3://}; other
   * schemes are kept (local runs).
   */
  public static String athenaLocation(String location) {
    return stripSlash(location.replaceFirst("^s3[an]://", "s3://"));
  }

  static String stripSlash(String s) {
    String out = s;
    while (out.endsWith("/")) {
      out = out.substring(0, out.length() - 1);
    }
    return out;
  }
}
