package com.cci.batch.cli;

import com.cci.batch.SparkSessions;
import com.cci.batch.ctr.CtrCompactJob;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./cci ctr-compact}: Firehose CTR objects of a date into the Parquet contact_records. */
@Command(
    name = "ctr-compact",
    mixinStandardHelpOptions = true,
    description = {
      "Compact contact records (CTRs) as Firehose delivers them (<input>/YYYY/MM/DD/HH/…, JSON"
          + " Lines or concatenated JSON) into Parquet contact_records, tenant_id=…/call_date=…,"
          + " one row per ContactId (latest LastUpdateTimestamp). Bad records go to"
          + " contact_records_quarantine."
    })
public final class CtrCompactCommand implements Callable<Integer> {
  @Option(names = "--date", required = true, description = "contact date (UTC), YYYY-MM-DD")
  LocalDate date;

  @Option(
      names = "--input",
      required = true,
      description = "Firehose prefix: s3://… or a directory")
  String input;

  @Option(names = "--output", required = true, description = "output prefix: s3://… or a directory")
  String output;

  @Option(
      names = "--tenant",
      description = "tenant of records without Attributes.tenantId (else they are quarantined)")
  String tenant;

  @Override
  public Integer call() {
    SparkSession spark = SparkSessions.session("cci-ctr-compact " + date, System.getenv());
    CtrCompactJob.run(
        spark,
        date,
        SparkSessions.location(input),
        SparkSessions.location(output),
        tenant,
        System.out);
    return 0;
  }

  public static void main(String[] args) {
    System.exit(Main.execute(new CtrCompactCommand(), args));
  }
}
