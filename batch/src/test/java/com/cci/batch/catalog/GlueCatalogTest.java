package com.cci.batch.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.batch.local.LocalGlue;
import com.cci.local.AwsClients;
import com.cci.schemas.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Table;

/** The Glue registration through the real SDK client against the local Glue stand-in. */
class GlueCatalogTest {

  static GlueClient client(LocalGlue glue) {
    return GlueClient.builder()
        .endpointOverride(glue.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsClients.LOCAL_CREDENTIALS))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
  }

  @Test
  void createsDatabaseTablesWithProjectionAndTheAthenaViewThenUpdates() throws Exception {
    try (LocalGlue glue = LocalGlue.start();
        GlueClient client = client(glue)) {
      GlueCatalog.Outcome first =
          new GlueCatalog(client).register("cci_qa", "s3a://bank-qa/nightly/");
      assertThat(first.actions())
          .containsEntry("cci_qa", "created")
          .containsEntry("qa_results", "created")
          .containsEntry("qa_criteria", "created")
          .containsEntry("quarantine", "created")
          .containsEntry("contact_records", "created")
          .containsEntry("qa_criteria_detail", "created");

      // The request as Glue received it (wire names of the Glue JSON protocol)
      JsonNode results = null;
      for (LocalGlue.Request r : glue.requests("CreateTable")) {
        if (r.body().at("/TableInput/Name").asText().equals("qa_results")) {
          results = r.body();
        }
      }
      assertThat(results).isNotNull();
      assertThat(results.at("/DatabaseName").asText()).isEqualTo("cci_qa");
      JsonNode in = results.get("TableInput");
      assertThat(in.at("/TableType").asText()).isEqualTo("EXTERNAL_TABLE");
      assertThat(in.at("/StorageDescriptor/Location").asText())
          .isEqualTo("s3://bank-qa/nightly/qa_results/");
      assertThat(in.at("/StorageDescriptor/SerdeInfo/SerializationLibrary").asText())
          .isEqualTo("org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe");
      assertThat(in.at("/StorageDescriptor/InputFormat").asText())
          .endsWith("MapredParquetInputFormat");
      List<String> keys = new ArrayList<>();
      in.get("PartitionKeys")
          .forEach(k -> keys.add(k.get("Name").asText() + ":" + k.get("Type").asText()));
      assertThat(keys).containsExactly("tenant_id:string", "call_date:string");
      List<String> cols = new ArrayList<>();
      in.at("/StorageDescriptor/Columns")
          .forEach(c -> cols.add(c.get("Name").asText() + ":" + c.get("Type").asText()));
      assertThat(cols)
          .contains("call_id:string", "form_version:int", "passed:boolean", "input_tokens:bigint")
          .contains(
              "pii_counts:map<string,int>",
              "summary_action_items:array<string>",
              "scored_at:timestamp")
          .noneMatch(c -> c.startsWith("tenant_id") || c.startsWith("call_date"));
      JsonNode p = in.get("Parameters");
      assertThat(p.get("projection.enabled").asText()).isEqualTo("true");
      assertThat(p.get("projection.tenant_id.type").asText()).isEqualTo("injected");
      assertThat(p.get("projection.call_date.type").asText()).isEqualTo("date");
      assertThat(p.get("projection.call_date.format").asText()).isEqualTo("yyyy-MM-dd");
      assertThat(p.get("projection.call_date.range").asText()).isEqualTo("2024-01-01,NOW");
      assertThat(p.get("storage.location.template").asText())
          .isEqualTo(
              "s3://bank-qa/nightly/qa_results/tenant_id=${tenant_id}/call_date=${call_date}");
      assertThat(p.get("classification").asText()).isEqualTo("parquet");
      // No partitions registered: projection does it
      assertThat(glue.requests("BatchCreatePartition")).isEmpty();

      // The view: VIRTUAL_VIEW with the Presto view blob Athena reads
      Table view =
          client.getTable(b -> b.databaseName("cci_qa").name("qa_criteria_detail")).table();
      assertThat(view.tableType()).isEqualTo("VIRTUAL_VIEW");
      assertThat(view.parameters()).containsEntry("presto_view", "true");
      assertThat(view.viewExpandedText()).isEqualTo("/* Presto View */");
      JsonNode blob = Json.mapper().readTree(GlueCatalog.decodePrestoView(view.viewOriginalText()));
      assertThat(blob.get("catalog").asText()).isEqualTo("awsdatacatalog");
      assertThat(blob.get("schema").asText()).isEqualTo("cci_qa");
      assertThat(blob.get("originalSql").asText())
          .contains("FROM cci_qa.qa_criteria c JOIN cci_qa.qa_results r");
      List<String> viewCols = new ArrayList<>();
      blob.get("columns")
          .forEach(c -> viewCols.add(c.get("name").asText() + ":" + c.get("type").asText()));
      assertThat(viewCols)
          .contains("tenant_id:varchar", "failed:integer", "call_passed:boolean", "score:double");
      assertThat(view.storageDescriptor().columns()).hasSize(blob.get("columns").size());

      // Second run: the same objects are updated, not duplicated
      GlueCatalog.Outcome second =
          new GlueCatalog(client).register("cci_qa", "s3a://bank-qa/nightly/");
      assertThat(second.actions())
          .containsEntry("cci_qa", "exists")
          .containsEntry("qa_results", "updated");
      assertThat(glue.requests("CreateTable")).hasSize(5);
      assertThat(glue.requests("UpdateTable")).hasSize(5);
      assertThat(client.getTables(b -> b.databaseName("cci_qa")).tableList()).hasSize(5);
    }
  }

  @Test
  void prestoTypesAndLocations() {
    assertThat(TableDefinitions.athenaLocation("s3a://b/p/")).isEqualTo("s3://b/p");
    assertThat(TableDefinitions.athenaLocation("s3://b/p")).isEqualTo("s3://b/p");
    assertThat(
            TableDefinitions.prestoType(
                org.apache.spark.sql.types.DataTypes.createMapType(
                    org.apache.spark.sql.types.DataTypes.StringType,
                    org.apache.spark.sql.types.DataTypes.IntegerType)))
        .isEqualTo("map(varchar, integer)");
  }
}
