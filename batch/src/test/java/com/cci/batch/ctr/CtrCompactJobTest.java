package com.cci.batch.ctr;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.batch.SparkTestSession;
import com.cci.schemas.Fixtures;
import com.cci.schemas.Json;
import com.cci.schemas.SchemaKind;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Firehose CTR objects (JSON Lines and concatenated JSON) → contact_records. */
class CtrCompactJobTest {
  @TempDir Path tmp;

  static String ctr(String contactId, String initiated, String updated, String agent, String tenant)
      throws IOException {
    ObjectNode n =
        (ObjectNode)
            Json.mapper()
                .readTree(Fixtures.read(SchemaKind.CTR, "valid", "voice-inbound-answered.json"));
    n.put("ContactId", contactId);
    if (initiated == null) {
      n.remove("InitiationTimestamp");
    } else {
      n.put("InitiationTimestamp", initiated);
    }
    n.put("LastUpdateTimestamp", updated);
    ((ObjectNode) n.get("Agent")).put("Username", agent);
    if (tenant != null) {
      n.putObject("Attributes").put("tenantId", tenant);
    }
    return n.toString();
  }

  private void write(Path input, String hourDir, String name, String content) throws IOException {
    Path d = input.resolve(hourDir);
    Files.createDirectories(d);
    Files.writeString(d.resolve(name), content);
  }

  @Test
  void compactsTheDayKeepingTheLatestEmissionPerContact() throws IOException {
    Path input = tmp.resolve("firehose");
    Path output = tmp.resolve("out");
    write(
        input,
        "2026/11/20/10",
        "cci-ctr-1-2026-11-20-10-00-00-a",
        String.join(
            "\n",
            ctr("c1", "2026-11-20T09:14:38Z", "2026-11-20T09:23:02Z", "first", null),
            ctr("c2", "2026-11-20T10:01:00Z", "2026-11-20T10:09:00Z", "two", null),
            ctr("c9", null, "2026-11-20T10:09:00Z", "none", null)));
    // concatenated objects, no newline: a re-emission of c1 and a record of another tenant
    write(
        input,
        "2026/11/20/11",
        "cci-ctr-1-2026-11-20-11-00-00-b",
        ctr("c1", "2026-11-20T09:14:38Z", "2026-11-20T09:40:17Z", "latest", null)
            + ctr("c3", "2026-11-20T11:00:00Z", "2026-11-20T11:05:00Z", "three", "bank-b"));
    write(input, "2026/11/20/12", "cci-ctr-1-2026-11-20-12-00-00-c", "[1,2]\n{\"ContactId\": ");
    // late delivery of a contact of the day, and a contact of the next day
    write(
        input,
        "2026/11/21/00",
        "cci-ctr-1-2026-11-21-00-05-00-d",
        ctr("c4", "2026-11-20T23:59:00Z", "2026-11-21T00:04:00Z", "late", null)
            + "\n"
            + ctr("c5", "2026-11-21T00:01:00Z", "2026-11-21T00:04:30Z", "next", null));
    // a late contact of the day before
    write(
        input,
        "2026/11/20/00",
        "cci-ctr-1-2026-11-20-00-01-00-e",
        ctr("c6", "2026-11-19T23:50:00Z", "2026-11-20T00:00:30Z", "before", null));

    SparkSession spark = SparkTestSession.get();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    CtrCompactJob.Result r =
        CtrCompactJob.run(
            spark,
            LocalDate.of(2026, 11, 20),
            input.toString(),
            output.toString(),
            "bank-a",
            new PrintStream(log, true, StandardCharsets.UTF_8));

    assertThat(r.files()).isEqualTo(5);
    assertThat(r.records()).isEqualTo(10);
    assertThat(r.written()).isEqualTo(4);
    assertThat(r.duplicates()).isEqualTo(1);
    assertThat(r.quarantined()).isEqualTo(3);
    assertThat(r.otherDates()).isEqualTo(2);
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("balanced");

    Dataset<Row> rows = spark.read().parquet(output.resolve("contact_records").toString());
    assertThat(rows.columns()).doesNotContain("customer_endpoint", "customer_address");
    List<Row> c1 = rows.where("contact_id = 'c1'").collectAsList();
    assertThat(c1).hasSize(1);
    assertThat(c1.get(0).<String>getAs("agent_username")).isEqualTo("latest");
    assertThat(c1.get(0).<Long>getAs("emissions")).isEqualTo(2L);
    assertThat(c1.get(0).<String>getAs("queue")).isNotBlank();
    assertThat(rows.where("contact_id = 'c3'").first().<String>getAs("tenant_id"))
        .isEqualTo("bank-b");
    assertThat(rows.where("contact_id = 'c4'").count()).isEqualTo(1);
    assertThat(output.resolve("contact_records/tenant_id=bank-a/call_date=2026-11-20"))
        .isDirectory();
    assertThat(output.resolve("contact_records/tenant_id=bank-b/call_date=2026-11-20"))
        .isDirectory();
    List<Row> q =
        spark
            .read()
            .parquet(output.resolve(CtrCompactJob.QUARANTINE_TABLE).toString())
            .collectAsList();
    assertThat(q).hasSize(3);
    assertThat(q)
        .extracting(x -> x.<String>getAs("reason"))
        .anySatisfy(x -> assertThat(x).contains("not a contact record object"))
        .anySatisfy(x -> assertThat(x).startsWith("not JSON"))
        .anySatisfy(x -> assertThat(x).contains("InitiationTimestamp missing"));

    // rerun: same rows, no duplicates
    CtrCompactJob.run(
        spark,
        LocalDate.of(2026, 11, 20),
        input.toString(),
        output.toString(),
        "bank-a",
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertThat(spark.read().parquet(output.resolve("contact_records").toString()).count())
        .isEqualTo(4);
  }

  @Test
  void splitterReadsJsonLinesAndConcatenatedObjects() {
    List<CtrSplitter.Piece> p =
        CtrSplitter.split("{\"a\":1}{\"b\":2}\n{\"c\":3}\n\n".getBytes(StandardCharsets.UTF_8));
    assertThat(p).hasSize(3).allSatisfy(x -> assertThat(x.error()).isNull());
    List<CtrSplitter.Piece> bad =
        CtrSplitter.split("{\"a\":1}\n\"text\"\n{oops".getBytes(StandardCharsets.UTF_8));
    assertThat(bad).hasSize(3);
    assertThat(bad.get(1).error()).contains("STRING");
    assertThat(bad.get(2).error()).startsWith("not JSON at value 2");
  }
}
