package com.cci.batch.cli;

import com.cci.batch.QaJob;
import com.cci.batch.QaRunner;
import com.cci.batch.scoring.ScorerFactory;
import com.cci.batch.tenant.TenantConfigStore;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./cci qa}: the nightly QA job over one date (the EMR Serverless entry point too: {@code
 * --class com.cci.batch.cli.QaCommand}).
 */
@Command(
    name = "qa",
    mixinStandardHelpOptions = true,
    subcommands = {FormsCommand.class, com.cci.batch.calibration.CalibrateCommand.class},
    description = {
      "Score every call transcript of a date against the tenant's QA form and write Parquet"
          + " (qa_results, qa_criteria, quarantine) partitioned tenant_id=…/call_date=….",
      "AWS endpoints come from the SDK settings (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_DYNAMODB,"
          + " AWS_ENDPOINT_URL_BEDROCK_RUNTIME, AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL_GLUE). With"
          + " a local input and no DynamoDB endpoint, DynamoDB Local is started and seeded with"
          + " demo-tenant.",
      "Spark options: CCI_JAVA_OPTS (e.g. -Dspark.master=local[4]) or spark-submit --conf."
    })
public final class QaCommand implements Callable<Integer> {
  @Option(names = "--date", required = true, description = "call date, YYYY-MM-DD")
  LocalDate date;

  @Option(names = "--input", required = true, description = "s3://bucket/prefix or a directory")
  String input;

  @Option(names = "--output", required = true, description = "s3://bucket/prefix or a directory")
  String output;

  @Option(names = "--tenant", description = "only this tenant (default: every tenant folder)")
  String tenant;

  @Option(
      names = "--scorer",
      defaultValue = "rules",
      description =
          "rules (offline, default), bedrock (Converse on-demand) or bedrock-batch (batch"
              + " inference). Default: ${DEFAULT-VALUE}")
  String scorer;

  @Option(names = "--force", description = "re-score calls already scored with this form and model")
  boolean force;

  @Option(
      names = "--tenant-table",
      defaultValue = TenantConfigStore.DEFAULT_TABLE,
      description = "DynamoDB tenant table. Default: ${DEFAULT-VALUE}")
  String tenantTable;

  @Option(
      names = "--slots",
      description =
          "concurrent scorers (each takes 1/slots of the Bedrock quotas); default: Spark's"
              + " default parallelism")
  Integer slots;

  @Option(
      names = "--catalog",
      defaultValue = "auto",
      description =
          "auto (Glue for S3 output, Spark's catalog for a directory), glue, spark or none."
              + " Default: ${DEFAULT-VALUE}")
  String catalog;

  @Option(
      names = "--database",
      defaultValue = "cci_qa",
      description = "Glue / Spark database. Default: ${DEFAULT-VALUE}")
  String database;

  @Option(
      names = "--rpm",
      description = "Bedrock requests/min quota of the whole job (default: the scorer's, 1 000)")
  Integer rpm;

  @Option(
      names = "--tpm",
      description = "Bedrock tokens/min quota of the whole job (default: the scorer's, 2 000 000)")
  Long tpm;

  @Option(
      names = "--batch-bucket",
      description = "bedrock-batch: S3 bucket for the batch job's JSONL input and output")
  String batchBucket;

  @Option(
      names = "--batch-role-arn",
      description = "bedrock-batch: IAM service role Bedrock assumes to read and write the bucket")
  String batchRoleArn;

  @Option(
      names = "--progress-seconds",
      defaultValue = "10",
      description = "progress line every N seconds (0: never). Default: ${DEFAULT-VALUE}")
  long progressSeconds;

  @Override
  public Integer call() {
    if (!ScorerFactory.NAMES.contains(scorer)) {
      throw new CommandLine.ParameterException(
          new CommandLine(this),
          "--scorer must be one of " + ScorerFactory.NAMES + ", got " + scorer);
    }
    QaJob.Result r =
        QaRunner.run(
            new QaRunner.Options(
                date,
                input,
                output,
                Optional.ofNullable(tenant),
                scorer,
                force,
                new QaRunner.ScorerOverrides(rpm, tpm, batchBucket, batchRoleArn),
                tenantTable,
                slots,
                catalog,
                database,
                progressSeconds * 1000),
            System.getenv(),
            System.out);
    if (!r.quarantineReasons().isEmpty()) {
      System.out.println("quarantined (first " + r.quarantineReasons().size() + "):");
      r.quarantineReasons().forEach(q -> System.out.println("  " + q));
    }
    return 0;
  }

  public static void main(String[] args) {
    System.exit(Main.execute(new QaCommand(), args));
  }
}
