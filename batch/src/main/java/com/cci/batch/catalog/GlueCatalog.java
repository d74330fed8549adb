package com.cci.batch.catalog;

import com.cci.batch.output.TablePaths;
import com.cci.schemas.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructField;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.AlreadyExistsException;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.CreateDatabaseRequest;
import software.amazon.awssdk.services.glue.model.CreateTableRequest;
import software.amazon.awssdk.services.glue.model.DatabaseInput;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.GetDatabaseRequest;
import software.amazon.awssdk.services.glue.model.GetTableRequest;
import software.amazon.awssdk.services.glue.model.SerDeInfo;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.TableInput;
import software.amazon.awssdk.services.glue.model.UpdateTableRequest;

/**
 * Creates or updates the Glue Data Catalog database and tables Athena queries, through the AWS SDK
 * v2 Glue client: external Parquet tables (Hive Parquet SerDe, snappy) partitioned by {@code
 * tenant_id, call_date} with partition projection, so Athena needs no crawler and no partition
 * registration; and the criteria view as an Athena (Presto) view — a {@code VIRTUAL_VIEW} table
 * whose {@code ViewOriginalText} is {@code /* Presto View: <base64 JSON> *}{@code /}. Idempotent:
 * existing tables are updated to the current definition.
 */
public final class GlueCatalog {
  static final String PARQUET_SERDE = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe";
  static final String PARQUET_INPUT =
      "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat";
  static final String PARQUET_OUTPUT =
      "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat";

  private final GlueClient glue;

  public GlueCatalog(GlueClient glue) {
    this.glue = glue;
  }

  /** What was done to each object ({@code created} or {@code updated}), in order. */
  public record Outcome(String database, Map<String, String> actions) {}

  /**
   * Registers every table under {@code output} in {@code database}, plus the criteria view.
   *
   * @param output the job's output prefix ({@code s3a://bucket/prefix} is registered as {@code
   *     s3://bucket/prefix})
   */
  public Outcome register(String database, String output) {
    Map<String, String> actions = new LinkedHashMap<>();
    actions.put(database, ensureDatabase(database));
    for (String table : TableDefinitions.TABLES) {
      actions.put(table, upsert(database, tableInput(table, output)));
    }
    actions.put(TableDefinitions.CRITERIA_VIEW, upsert(database, viewInput(database)));
    return new Outcome(database, actions);
  }

  String ensureDatabase(String database) {
    try {
      glue.getDatabase(GetDatabaseRequest.builder().name(database).build());
      return "exists";
    } catch (EntityNotFoundException e) {
      try {
        glue.createDatabase(
            CreateDatabaseRequest.builder()
                .databaseInput(
                    DatabaseInput.builder()
                        .name(database)
                        .description(
                            "CCI contact-center QA results (Parquet, partition projection)")
                        .build())
                .build());
        return "created";
      } catch (AlreadyExistsException raced) {
        return "exists";
      }
    }
  }

  String upsert(String database, TableInput input) {
    try {
      glue.getTable(GetTableRequest.builder().databaseName(database).name(input.name()).build());
    } catch (EntityNotFoundException e) {
      try {
        glue.createTable(
            CreateTableRequest.builder().databaseName(database).tableInput(input).build());
        return "created";
      } catch (AlreadyExistsException raced) {
        // created in between: fall through to update
      }
    }
    glue.updateTable(UpdateTableRequest.builder().databaseName(database).tableInput(input).build());
    return "updated";
  }

  /** The Glue definition of one table. */
  public static TableInput tableInput(String table, String output) {
    String location = TableDefinitions.athenaLocation(TablePaths.table(output, table));
    Map<String, String> params = new LinkedHashMap<>();
    params.put("EXTERNAL", "TRUE");
    params.put("classification", "parquet");
    params.put("parquet.compression", "SNAPPY");
    params.putAll(TableDefinitions.projection(location));
    return TableInput.builder()
        .name(table)
        .description("CCI " + table + ", written by the nightly QA job")
        .tableType("EXTERNAL_TABLE")
        .parameters(params)
        .partitionKeys(glueColumns(TableDefinitions.partitionKeys()))
        .storageDescriptor(
            StorageDescriptor.builder()
                .columns(glueColumns(TableDefinitions.columns(table)))
                .location(location + "/")
                .inputFormat(PARQUET_INPUT)
                .outputFormat(PARQUET_OUTPUT)
                .compressed(true)
                .serdeInfo(
                    SerDeInfo.builder()
                        .serializationLibrary(PARQUET_SERDE)
                        .parameters(Map.of("serialization.format", "1"))
                        .build())
                .build())
        .build();
  }

  /** The Glue definition of the Athena criteria view. */
  public static TableInput viewInput(String database) {
    List<Column> cols = new ArrayList<>();
    ArrayNode prestoCols = Json.mapper().createArrayNode();
    for (StructField f : TableDefinitions.criteriaViewSchema().fields()) {
      cols.add(Column.builder().name(f.name()).type(f.dataType().catalogString()).build());
      prestoCols
          .addObject()
          .put("name", f.name())
          .put("type", TableDefinitions.prestoType(f.dataType()));
    }
    return TableInput.builder()
        .name(TableDefinitions.CRITERIA_VIEW)
        .description("Criteria with their call's context (agent, queue, pass) for QA analysts")
        .tableType("VIRTUAL_VIEW")
        .parameters(Map.of("presto_view", "true", "comment", "Presto View"))
        .viewOriginalText(
            prestoViewText(database, TableDefinitions.criteriaViewSql(database), prestoCols))
        .viewExpandedText("/* Presto View */")
        .storageDescriptor(
            StorageDescriptor.builder()
                .columns(cols)
                .serdeInfo(SerDeInfo.builder().build())
                .build())
        .build();
  }

  /** {@code /* Presto View: <base64 of {originalSql, catalog, schema, columns}> *}{@code /}. */
  static String prestoViewText(String database, String sql, ArrayNode columns) {
    ObjectNode view = Json.mapper().createObjectNode();
    view.put("originalSql", sql);
    view.put("catalog", "awsdatacatalog");
    view.put("schema", database);
    view.set("columns", columns);
    String b64 =
        Base64.getEncoder().encodeToString(view.toString().getBytes(StandardCharsets.UTF_8));
    return "/* Presto View: " + b64 + " */";
  }

  /** Decodes a Presto view text back to its JSON (for tests and {@code --explain}). */
  public static String decodePrestoView(String viewOriginalText) {
    String prefix = "/* Presto View: ";
    if (!viewOriginalText.startsWith(prefix) || !viewOriginalText.endsWith(" */")) {
      throw new IllegalArgumentException("not a Presto view text");
    }
    String b64 = viewOriginalText.substring(prefix.length(), viewOriginalText.length() - 3);
    return new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
  }

  private static List<Column> glueColumns(List<TableDefinitions.Column> cols) {
    List<Column> out = new ArrayList<>();
    for (TableDefinitions.Column c : cols) {
      out.add(Column.builder().name(c.name()).type(c.hiveType()).build());
    }
    return out;
  }
}
