package com.cci.batch.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.AlreadyExistsException;
import software.amazon.awssdk.services.glue.model.BatchCreatePartitionResponse;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.InvalidInputException;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.PartitionInput;
import software.amazon.awssdk.services.glue.model.SerDeInfo;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.glue.model.TableInput;

class LocalGlueTest {
  LocalGlue glue;
  GlueClient client;

  @BeforeEach
  void start() {
    glue = LocalGlue.start();
    client =
        GlueClient.builder()
            .endpointOverride(glue.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none()))
            .build();
  }

  @AfterEach
  void stop() {
    client.close();
    glue.close();
  }

  static TableInput qaResults(String description) {
    return TableInput.builder()
        .name("QA_Results")
        .description(description)
        .tableType("EXTERNAL_TABLE")
        .parameters(
            Map.of(
                "classification", "parquet",
                "projection.enabled", "true",
                "projection.call_date.type", "date",
                "projection.call_date.range", "2026-01-01,NOW",
                "projection.call_date.format", "yyyy-MM-dd",
                "storage.location.template",
                    "s3://out/qa_results/tenant_id=${tenant_id}/call_date=${call_date}"))
        .partitionKeys(
            Column.builder().name("tenant_id").type("string").build(),
            Column.builder().name("call_date").type("string").build())
        .storageDescriptor(
            StorageDescriptor.builder()
                .location("s3://out/qa_results/")
                .inputFormat("org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat")
                .outputFormat("org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat")
                .serdeInfo(
                    SerDeInfo.builder()
                        .serializationLibrary(
                            "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe")
                        .build())
                .columns(
                    Column.builder().name("call_id").type("string").build(),
                    Column.builder().name("score_pct").type("double").build())
                .build())
        .build();
  }

  static PartitionInput partition(String tenant, String date) {
    return PartitionInput.builder()
        .values(tenant, date)
        .storageDescriptor(
            StorageDescriptor.builder()
                .location("s3://out/qa_results/tenant_id=" + tenant + "/call_date=" + date + "/")
                .build())
        .build();
  }

  @Test
  void databasesAndTablesRoundTripThroughTheRealClient() {
    client.createDatabase(
        b ->
            b.databaseInput(
                d -> d.name("cci_qa").description("QA results").locationUri("s3://out/")));
    assertThat(client.getDatabase(b -> b.name("cci_qa")).database().description())
        .isEqualTo("QA results");
    assertThat(client.getDatabase(b -> b.name("cci_qa")).database().createTime()).isNotNull();
    client.updateDatabase(
        b -> b.name("cci_qa").databaseInput(d -> d.name("cci_qa").description("QA results v2")));
    assertThat(client.getDatabases(b -> b.maxResults(10)).databaseList())
        .extracting(d -> d.description())
        .containsExactly("QA results v2");

    client.createTable(b -> b.databaseName("cci_qa").tableInput(qaResults("one row per call")));
    Table t = client.getTable(b -> b.databaseName("cci_qa").name("qa_results")).table();
    assertThat(t.name()).isEqualTo("qa_results"); // Glue lower-cases names
    assertThat(t.databaseName()).isEqualTo("cci_qa");
    assertThat(t.partitionKeys())
        .extracting(Column::name)
        .containsExactly("tenant_id", "call_date");
    assertThat(t.parameters()).containsEntry("projection.enabled", "true");
    assertThat(t.storageDescriptor().serdeInfo().serializationLibrary())
        .endsWith("ParquetHiveSerDe");
    assertThat(t.createTime()).isNotNull();
    assertThat(t.versionId()).isEqualTo("0");

    client.updateTable(b -> b.databaseName("cci_qa").tableInput(qaResults("updated")));
    Table u = client.getTable(b -> b.databaseName("cci_qa").name("QA_RESULTS")).table();
    assertThat(u.description()).isEqualTo("updated");
    assertThat(u.versionId()).isEqualTo("1");
    assertThat(u.createTime()).isEqualTo(t.createTime());

    client.createTable(
        b ->
            b.databaseName("cci_qa")
                .tableInput(
                    TableInput.builder()
                        .name("qa_criteria_v")
                        .tableType("VIRTUAL_VIEW")
                        .viewOriginalText("/* Presto View: e30= */")
                        .build()));
    assertThat(client.getTables(b -> b.databaseName("cci_qa")).tableList())
        .extracting(Table::name)
        .containsExactly("qa_criteria_v", "qa_results");
    assertThat(client.getTables(b -> b.databaseName("cci_qa").expression("qa_res*")).tableList())
        .extracting(Table::name)
        .containsExactly("qa_results");
    assertThat(client.getTables(b -> b.databaseName("cci_qa").maxResults(1)).nextToken())
        .isNotNull();

    client.deleteTable(b -> b.databaseName("cci_qa").name("qa_criteria_v"));
    assertThat(client.getTables(b -> b.databaseName("cci_qa")).tableList()).hasSize(1);

    assertThat(glue.requests())
        .extracting(LocalGlue.Request::operation)
        .startsWith(
            "CreateDatabase",
            "GetDatabase",
            "GetDatabase",
            "UpdateDatabase",
            "GetDatabases",
            "CreateTable");
    assertThat(
            glue.requests("CreateTable")
                .get(0)
                .body()
                .path("TableInput")
                .path("Parameters")
                .path("projection.call_date.type")
                .asText())
        .isEqualTo("date");
  }

  @Test
  void partitionsAreCreatedOnceAndFilteredByExpression() {
    client.createDatabase(b -> b.databaseInput(d -> d.name("cci_qa")));
    client.createTable(b -> b.databaseName("cci_qa").tableInput(qaResults("t")));
    BatchCreatePartitionResponse first =
        client.batchCreatePartition(
            b ->
                b.databaseName("cci_qa")
                    .tableName("qa_results")
                    .partitionInputList(
                        partition("demo-tenant", "2026-11-19"),
                        partition("demo-tenant", "2026-11-20"),
                        partition("other", "2026-11-20")));
    assertThat(first.errors()).isEmpty();
    BatchCreatePartitionResponse again =
        client.batchCreatePartition(
            b ->
                b.databaseName("cci_qa")
                    .tableName("qa_results")
                    .partitionInputList(
                        partition("demo-tenant", "2026-11-20"),
                        partition("demo-tenant", "2026-11-21"),
                        PartitionInput.builder().values("only-one-value").build()));
    assertThat(again.errors()).hasSize(2);
    assertThat(again.errors().get(0).partitionValues())
        .containsExactly("demo-tenant", "2026-11-20");
    assertThat(again.errors().get(0).errorDetail().errorCode()).isEqualTo("AlreadyExistsException");
    assertThat(again.errors().get(1).errorDetail().errorCode()).isEqualTo("InvalidInputException");

    List<Partition> all =
        client.getPartitions(b -> b.databaseName("cci_qa").tableName("qa_results")).partitions();
    assertThat(all).hasSize(4);
    List<Partition> demo =
        client
            .getPartitions(
                b ->
                    b.databaseName("cci_qa")
                        .tableName("qa_results")
                        .expression("tenant_id = 'demo-tenant' AND call_date >= '2026-11-20'"))
            .partitions();
    assertThat(demo)
        .extracting(p -> p.values())
        .containsExactly(
            List.of("demo-tenant", "2026-11-20"), List.of("demo-tenant", "2026-11-21"));
    assertThat(demo.get(0).storageDescriptor().location()).endsWith("call_date=2026-11-20/");
    assertThat(
            client
                .getPartition(
                    b ->
                        b.databaseName("cci_qa")
                            .tableName("qa_results")
                            .partitionValues("other", "2026-11-20"))
                .partition()
                .tableName())
        .isEqualTo("qa_results");
    assertThatThrownBy(
            () ->
                client.getPartitions(
                    b ->
                        b.databaseName("cci_qa")
                            .tableName("qa_results")
                            .expression("colour = 'red'")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Unknown partition key colour");
  }

  @Test
  void errorsHaveGluesShapes() {
    assertThatThrownBy(() -> client.getDatabase(b -> b.name("missing")))
        .isInstanceOfSatisfying(
            EntityNotFoundException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("EntityNotFoundException");
              assertThat(e.getMessage()).contains("Database missing not found");
            });
    client.createDatabase(b -> b.databaseInput(d -> d.name("cci_qa")));
    assertThatThrownBy(() -> client.createDatabase(b -> b.databaseInput(d -> d.name("CCI_QA"))))
        .isInstanceOf(AlreadyExistsException.class);
    assertThatThrownBy(
            () -> client.createTable(b -> b.databaseName("nope").tableInput(qaResults("x"))))
        .isInstanceOf(EntityNotFoundException.class);
    client.createTable(b -> b.databaseName("cci_qa").tableInput(qaResults("x")));
    assertThatThrownBy(
            () -> client.createTable(b -> b.databaseName("cci_qa").tableInput(qaResults("x"))))
        .isInstanceOf(AlreadyExistsException.class);
    assertThatThrownBy(() -> client.getTable(b -> b.databaseName("cci_qa").name("qa_missing")))
        .isInstanceOf(EntityNotFoundException.class);
    assertThatThrownBy(
            () ->
                client.updateTable(
                    b -> b.databaseName("cci_qa").tableInput(t -> t.name("qa_missing"))))
        .isInstanceOf(EntityNotFoundException.class);
    assertThatThrownBy(
            () ->
                client.createTable(
                    b ->
                        b.databaseName("cci_qa")
                            .tableInput(
                                t ->
                                    t.name("bad")
                                        .partitionKeys(Column.builder().type("string").build()))))
        .isInstanceOf(InvalidInputException.class);
    assertThat(glue.requests()).hasSize(9);
  }
}
