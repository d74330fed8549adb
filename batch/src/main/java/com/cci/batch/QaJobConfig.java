package com.cci.batch;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of the QA job.
 *
 * @param date the call date to score (the {@code YYYY/MM/DD} folders)
 * @param input input prefix: {@code s3a://bucket/prefix} or a local directory
 * @param output output prefix: {@code s3a://bucket/prefix} or a local directory
 * @param tenant only this tenant, or empty for every tenant folder under the input
 * @param scorerName {@code rules}, {@code bedrock} or {@code bedrock-batch}
 * @param force re-score calls already scored with the same form version and model
 * @param scorerSource opens the scorer where it runs
 * @param tenants tenant configuration (read once on the driver, then broadcast)
 * @param scoringSlots concurrent on-demand scorers (Spark partitions of the scoring stage); each
 *     gets 1/slots of the model quotas
 * @param progressEveryMillis how often progress with ETA is printed; 0 for never
 */
public record QaJobConfig(
    LocalDate date,
    String input,
    String output,
    Optional<String> tenant,
    String scorerName,
    boolean force,
    ScorerSource scorerSource,
    TenantConfigs tenants,
    int scoringSlots,
    long progressEveryMillis) {

  /** Driver-side scoring (batch inference): one job per run, not per partition. */
  public static final String BEDROCK_BATCH = "bedrock-batch";

  public QaJobConfig {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(scorerName, "scorerName");
    Objects.requireNonNull(scorerSource, "scorerSource");
    Objects.requireNonNull(tenants, "tenants");
    tenant = tenant == null ? Optional.empty() : tenant;
    if (scoringSlots < 1) {
      throw new IllegalArgumentException("scoringSlots must be at least 1, got " + scoringSlots);
    }
  }

  /** True when the scorer runs on the driver (bedrock-batch) rather than on executors. */
  public boolean driverSideScoring() {
    return BEDROCK_BATCH.equals(scorerName);
  }
}
