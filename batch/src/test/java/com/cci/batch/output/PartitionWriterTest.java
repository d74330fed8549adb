package com.cci.batch.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.batch.SparkTestSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rewriting a date's partitions with a union that contains their old rows: the snapshot is a staged
 * Parquet copy (not a Spark local checkpoint), so the rewrite keeps every old row, other dates and
 * tenants are untouched, and the staging copy is gone afterwards.
 */
class PartitionWriterTest {
  static final LocalDate DAY = LocalDate.parse("2026-11-20");
  static final LocalDate OTHER_DAY = LocalDate.parse("2026-11-19");

  @TempDir Path dir;

  private static Dataset<Row> rows(
      SparkSession spark, String tenant, LocalDate date, int n, String tag) {
    List<Row> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(
          RowFactory.create(
              tag + "/" + i,
              tag + "-" + i,
              "read",
              "reason " + i,
              Timestamp.valueOf("2026-11-21 01:00:00"),
              tenant,
              date.toString()));
    }
    return spark.createDataFrame(out, QaTables.QUARANTINE_SCHEMA);
  }

  @Test
  void aSnapshotSurvivesTheRewriteOfItsOwnPartitionsAndIsDroppedAfterwards() throws IOException {
    SparkSession spark = SparkTestSession.get();
    String output = dir.toString();
    PartitionWriter w = new PartitionWriter(spark, output);
    w.overwritePartitions(
        QaTables.QUARANTINE,
        rows(spark, "t1", DAY, 3, "old")
            .unionByName(rows(spark, "t2", DAY, 2, "t2"))
            .unionByName(rows(spark, "t1", OTHER_DAY, 4, "yesterday")));

    assertThat(w.read(QaTables.QUARANTINE, LocalDate.parse("2026-01-01"), List.of("t1"))).isEmpty();
    Optional<Dataset<Row>> old = w.snapshot(QaTables.QUARANTINE, DAY, List.of("t1"));
    assertThat(old).isPresent();
    assertThat(old.get().count()).isEqualTo(3);
    Path staging = dir.resolve("_staging").resolve(QaTables.QUARANTINE);
    assertThat(children(staging)).hasSize(1);

    // t1's partition of DAY replaced by new rows + the old ones read from the snapshot
    w.overwritePartitions(
        QaTables.QUARANTINE, rows(spark, "t1", DAY, 2, "new").unionByName(old.get()));
    w.dropStaging();

    Dataset<Row> t1Day = w.read(QaTables.QUARANTINE, DAY, List.of("t1")).orElseThrow();
    assertThat(t1Day.select("call_id").as(org.apache.spark.sql.Encoders.STRING()).collectAsList())
        .containsExactlyInAnyOrder("old-0", "old-1", "old-2", "new-0", "new-1");
    assertThat(w.read(QaTables.QUARANTINE, DAY, List.of("t2")).orElseThrow().count()).isEqualTo(2);
    assertThat(w.read(QaTables.QUARANTINE, OTHER_DAY, List.of("t1")).orElseThrow().count())
        .isEqualTo(4);
    assertThat(children(staging)).isEmpty();
    // the Hive layout Athena's partition projection reads
    assertThat(dir.resolve("quarantine/tenant_id=t1/call_date=2026-11-20")).isDirectory();
  }

  private static List<Path> children(Path p) throws IOException {
    if (!Files.isDirectory(p)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(p)) {
      return s.filter(c -> !c.getFileName().toString().startsWith(".")).toList();
    }
  }
}
