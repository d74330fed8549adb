package com.cci.batch.ctr;

import com.cci.batch.input.QuarantineRow;
import com.cci.batch.output.PartitionWriter;
import com.cci.batch.output.QaTables;
import com.cci.schemas.Json;
import com.cci.schemas.ctr.ContactRecord;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * {@code ./cci ctr-compact}: contact records as Firehose delivers them from the CTR stream ({@code
 * <input>/YYYY/MM/DD/HH/<objects>}, JSON Lines or JSON objects back to back) into the Parquet
 * {@code contact_records} table, {@code tenant_id=…/call_date=…}, one row per contact.
 *
 * <p>Connect delivers records at least once and re-emits a contact's record with the same {@code
 * ContactId}: the row keeps the emission with the latest {@code LastUpdateTimestamp}. The call date
 * is the UTC date of {@code InitiationTimestamp}; records arrive after after-contact work, so a
 * day's contacts are read from that day's folders and the next day's. Records of other days are
 * counted and left to that day's run. Bad records go to {@code contact_records_quarantine}. The
 * tenant is the record's {@code Attributes.tenantId}, else the default tenant given.
 */
public final class CtrCompactJob {
  /** Table of the records that could not be compacted (same columns as {@code quarantine}). */
  public static final String QUARANTINE_TABLE = "contact_records_quarantine";

  private CtrCompactJob() {}

  /**
   * The books of one run.
   *
   * @param files Firehose objects read
   * @param records values found in them (bad ones included)
   * @param written contacts written (one row each)
   * @param duplicates earlier emissions of a written contact
   * @param quarantined bad records
   * @param otherDates records of contacts initiated on another date
   */
  public record Result(
      long files, long records, long written, long duplicates, long quarantined, long otherDates) {
    public boolean balanced() {
      return records == written + duplicates + quarantined + otherDates;
    }

    public String report() {
      return String.format(
          Locale.ROOT,
          "ctr-compact: %d object(s), %d record(s) = written %d + duplicates %d + quarantined %d +"
              + " other dates %d: %s",
          files,
          records,
          written,
          duplicates,
          quarantined,
          otherDates,
          balanced() ? "balanced" : "NOT BALANCED");
    }
  }

  /** One record on its way: keyed by tenant and contact, or a bad/other-date marker. */
  record Item(
      String tenantId,
      String contactId,
      long lastUpdateMillis,
      String json,
      String sourceKey,
      long emissions,
      QuarantineRow quarantine,
      boolean otherDate)
      implements Serializable {}

  private static final Pattern HOUR_KEY = Pattern.compile("(\\d{4}/\\d{2}/\\d{2}/\\d{2}/[^/]+)$");

  /** Runs the compaction of one date; prints the books to {@code out} and asserts they balance. */
  public static Result run(
      SparkSession spark,
      LocalDate date,
      String input,
      String output,
      String defaultTenant,
      PrintStream out) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<String> globs = new ArrayList<>();
    long files = 0;
    try {
      for (LocalDate d : List.of(date, date.plusDays(1))) {
        Path day =
            new Path(
                stripSlash(input)
                    + String.format(
                        Locale.ROOT,
                        "/%04d/%02d/%02d",
                        d.getYear(),
                        d.getMonthValue(),
                        d.getDayOfMonth()));
        FileSystem fs = day.getFileSystem(jsc.hadoopConfiguration());
        if (!fs.exists(day)) {
          continue;
        }
        var statuses = fs.globStatus(new Path(day, "*/*"));
        long n = 0;
        for (var s : statuses) {
          if (s.isFile() && !s.getPath().getName().startsWith(".")) {
            n++;
          }
        }
        if (n > 0) {
          globs.add(day + "/*/*");
          files += n;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + input, e);
    }
    if (files == 0) {
      out.printf("ctr-compact: no contact records under %s for %s or the day after%n", input, date);
      return new Result(0, 0, 0, 0, 0, 0);
    }
    String day = date.toString();
    JavaRDD<Item> items =
        jsc.binaryFiles(String.join(",", globs))
            .flatMap(
                f -> {
                  String key = keyOf(f._1());
                  List<Item> list = new ArrayList<>();
                  for (CtrSplitter.Piece p : CtrSplitter.split(f._2().toArray())) {
                    list.add(item(p, key, day, defaultTenant));
                  }
                  return list.iterator();
                });
    items.persist(StorageLevel.MEMORY_AND_DISK_SER());
    long records = items.count();
    long quarantined = items.filter(i -> i.quarantine() != null).count();
    long otherDates = items.filter(Item::otherDate).count();
    JavaRDD<Item> latest =
        items
            .filter(i -> i.quarantine() == null && !i.otherDate())
            .mapToPair(i -> new Tuple2<>(i.tenantId() + "\n" + i.contactId(), i))
            .reduceByKey(CtrCompactJob::newer)
            .values();
    latest.persist(StorageLevel.MEMORY_AND_DISK_SER());
    long written = latest.count();
    long duplicates = records - quarantined - otherDates - written;

    JavaRDD<Row> rows =
        latest.map(
            i ->
                ContactRecordRows.row(
                    ContactRecord.fromJson(i.json()),
                    i.tenantId(),
                    day,
                    i.emissions(),
                    i.sourceKey()));
    PartitionWriter writer = new PartitionWriter(spark, output);
    Dataset<Row> df = spark.createDataFrame(rows, ContactRecordRows.SCHEMA);
    if (written > 0) {
      writer.overwritePartitions(QaTables.CONTACT_RECORDS, df);
    }
    Instant now = Instant.now();
    JavaRDD<Row> q =
        items
            .filter(i -> i.quarantine() != null)
            .map(i -> QaTables.quarantineRow(i.quarantine(), now));
    Dataset<Row> qdf = spark.createDataFrame(q, QaTables.QUARANTINE_SCHEMA);
    List<String> tenants =
        items
            .filter(i -> i.quarantine() != null)
            .map(i -> i.quarantine().tenantId())
            .distinct()
            .collect();
    writer.deletePartitions(QUARANTINE_TABLE, date, tenants);
    if (quarantined > 0) {
      writer.overwritePartitions(QUARANTINE_TABLE, qdf);
    }
    items.unpersist();
    latest.unpersist();
    Result r = new Result(files, records, written, duplicates, quarantined, otherDates);
    out.println(r.report());
    if (!r.balanced()) {
      throw new IllegalStateException(r.report());
    }
    return r;
  }

  static Item item(CtrSplitter.Piece p, String key, String day, String defaultTenant) {
    String where = key + "#" + p.index();
    String fallbackTenant = defaultTenant == null ? "unknown" : defaultTenant;
    if (p.error() != null) {
      return bad(fallbackTenant, day, where, null, p.error());
    }
    JsonNode n = p.node();
    ContactRecord r;
    try {
      r = Json.mapper().treeToValue(n, ContactRecord.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      String msg = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
      return bad(fallbackTenant, day, where, null, "not a contact record: " + msg);
    }
    String tenant =
        Optional.ofNullable(r.attributes()).map(a -> a.get("tenantId")).orElse(defaultTenant);
    if (tenant == null || tenant.isBlank()) {
      return bad(
          "unknown", day, where, r.contactId(), "no Attributes.tenantId and no default tenant");
    }
    if (r.contactId() == null || r.contactId().isBlank()) {
      return bad(tenant, day, where, null, "ContactId missing");
    }
    if (r.initiationTimestamp() == null) {
      return bad(tenant, day, where, r.contactId(), "InitiationTimestamp missing");
    }
    String date = LocalDate.ofInstant(r.initiationTimestamp(), ZoneOffset.UTC).toString();
    if (!date.equals(day)) {
      return new Item(tenant, r.contactId(), 0, null, where, 1, null, true);
    }
    long updated =
        r.lastUpdateTimestamp() == null ? Long.MIN_VALUE : r.lastUpdateTimestamp().toEpochMilli();
    return new Item(tenant, r.contactId(), updated, n.toString(), where, 1, null, false);
  }

  private static Item bad(
      String tenant, String day, String where, String contactId, String reason) {
    return new Item(
        tenant,
        contactId,
        0,
        null,
        where,
        1,
        new QuarantineRow(tenant, day, where, contactId, "ctr-parse", reason),
        false);
  }

  /** Of two emissions of a contact, the later one (ties: the later source key); counts both. */
  static Item newer(Item a, Item b) {
    Item keep;
    if (a.lastUpdateMillis() != b.lastUpdateMillis()) {
      keep = a.lastUpdateMillis() > b.lastUpdateMillis() ? a : b;
    } else {
      keep = a.sourceKey().compareTo(b.sourceKey()) >= 0 ? a : b;
    }
    return new Item(
        keep.tenantId(),
        keep.contactId(),
        keep.lastUpdateMillis(),
        keep.json(),
        keep.sourceKey(),
        a.emissions() + b.emissions(),
        null,
        false);
  }

  static String keyOf(String path) {
    Matcher m = HOUR_KEY.matcher(path);
    return m.find() ? m.group(1) : path;
  }

  private static String stripSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
