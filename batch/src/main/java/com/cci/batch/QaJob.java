package com.cci.batch;

import com.cci.batch.input.HadoopConf;
import com.cci.batch.input.QuarantineRow;
import com.cci.batch.input.TranscriptDiscovery;
import com.cci.batch.input.TranscriptRow;
import com.cci.batch.output.PartitionWriter;
import com.cci.batch.output.QaTables;
import com.cci.batch.scoring.Scorer;
import com.cci.batch.tenant.TenantConfig;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;

/**
 * The nightly QA job over one date: discover the tenants' transcript files, normalise them (format
 * detected per file), mask residual PII, skip calls already scored with the same form version and
 * model (unless {@code force}), score the rest, and replace the date's {@code qa_results}, {@code
 * qa_criteria} and {@code quarantine} partitions. Ends by asserting {@code inputs = scored +
 * quarantined + skipped}.
 *
 * <p><b>Where scoring runs.</b> On-demand scorers ({@code rules}, {@code bedrock}) run on the
 * executors, in {@code scoringSlots} concurrent partitions (cut in {@value #WAVES} waves so
 * progress moves); each partition opens one scorer that takes {@code 1/scoringSlots} of the model's
 * requests/min and tokens/min and bounds its own concurrency, so the job as a whole stays within
 * the account quota whatever the data size. Set {@code scoringSlots} to the number of task slots
 * (executors × cores) that will run at the same time. Batch inference ({@code bedrock-batch}) is
 * one model job per run, so it is driven from the driver.
 */
public final class QaJob {
  static final int WAVES = 4;
  private static final int CHUNK = 32;
  private static final int DRIVER_CHUNK = 20_000;

  private QaJob() {}

  /**
   * What a run did.
   *
   * @param accounting the books
   * @param tenants tenants looked at
   * @param quarantineReasons quarantine rows of this run (stage: reason), at most 50
   */
  public record Result(
      Accounting accounting, List<String> tenants, List<String> quarantineReasons) {}

  /** Runs the job on an existing session, printing progress and the books to stdout. */
  public static Result run(SparkSession spark, QaJobConfig cfg) {
    return run(spark, cfg, System.out);
  }

  /** Runs the job, printing progress and the books to {@code out}. */
  public static Result run(SparkSession spark, QaJobConfig cfg, PrintStream out) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Instant started = Instant.now();

    TranscriptDiscovery.Listing listing =
        new TranscriptDiscovery(spark.sparkContext().hadoopConfiguration())
            .list(cfg.input(), cfg.date(), cfg.tenant());
    out.printf(
        "qa: %s, %d tenant(s) %s, %d transcript file(s) (%d bytes), scorer %s%s%n",
        cfg.date(),
        listing.tenants().size(),
        listing.tenants(),
        listing.files().size(),
        listing.bytes(),
        cfg.scorerName(),
        cfg.force() ? ", --force" : "");

    HashMap<String, TenantContext> tenants = tenantContexts(cfg, listing.tenants(), out);
    Broadcast<HashMap<String, TenantContext>> bc = jsc.broadcast(tenants);
    PartitionWriter writer = new PartitionWriter(spark, cfg.output());

    LongAccumulator readAcc = jsc.sc().longAccumulator("qa.read");
    LongAccumulator scoredAcc = jsc.sc().longAccumulator("qa.scored");
    LongAccumulator quarantinedAcc = jsc.sc().longAccumulator("qa.quarantined");

    List<Stages.Read> none = List.of();
    JavaRDD<Stages.Read> read;
    if (listing.files().isEmpty()) {
      read = jsc.parallelize(none, 1);
    } else {
      // ~200 files (a few MB) per task; the file list is built on the driver, so no executor lists.
      int slices = Math.max(jsc.defaultParallelism(), listing.files().size() / 200);
      Broadcast<HadoopConf> conf =
          jsc.broadcast(new HadoopConf(spark.sparkContext().hadoopConfiguration()));
      read =
          jsc.parallelize(listing.files(), slices)
              .mapPartitions(new Stages.Normalise(bc, conf, cfg.date(), readAcc));
    }
    read.persist(StorageLevel.MEMORY_AND_DISK_SER());
    long inputsRead;
    try (Progress p =
        new Progress(
            "read", listing.files().size(), readAcc::value, out, cfg.progressEveryMillis())) {
      inputsRead = read.count();
    }
    if (inputsRead != listing.files().size()) {
      out.printf(
          "qa: WARNING listed %d files but read %d (files changed during the run)%n",
          listing.files().size(), inputsRead);
    }
    JavaRDD<QuarantineRow> readQuarantine =
        read.filter(r -> r.quarantine() != null).map(Stages.Read::quarantine);
    JavaRDD<TranscriptRow> parsed = read.filter(r -> r.row() != null).map(Stages.Read::row);

    // One file per call: the redacted copy wins over the raw one.
    JavaRDD<TranscriptRow> calls =
        parsed
            .mapToPair(r -> new scala.Tuple2<>(r.callId(), r))
            .reduceByKey(Stages::preferred)
            .values();
    calls.persist(StorageLevel.MEMORY_AND_DISK_SER());
    long parsedCount = parsed.count();
    long callCount = calls.count();
    long duplicates = parsedCount - callCount;

    // Calls already scored with the same form and model are skipped unless --force.
    Optional<Dataset<Row>> existingResults =
        writer.snapshot(QaTables.QA_RESULTS, cfg.date(), listing.tenants());
    JavaRDD<TranscriptRow> toScore = calls;
    if (!cfg.force() && existingResults.isPresent()) {
      Set<String> done = new HashSet<>();
      for (Row r :
          existingResults
              .get()
              .select("call_id", "form_id", "form_version", "model_id")
              .collectAsList()) {
        done.add(
            TenantContext.skipKey(r.getString(0), r.getString(1), r.getInt(2), r.getString(3)));
      }
      Broadcast<HashSet<String>> doneBc = jsc.broadcast(new HashSet<>(done));
      toScore =
          calls.filter(
              r -> !doneBc.value().contains(bc.value().get(r.tenantId()).skipKey(r.callId())));
    }
    toScore.persist(StorageLevel.MEMORY_AND_DISK_SER());
    long toScoreCount = toScore.count();
    long alreadyScored = callCount - toScoreCount;
    out.printf(
        "qa: %d parsed, %d quarantined on read, %d duplicate file(s), %d already scored, %d to score%n",
        parsedCount, inputsRead - parsedCount, duplicates, alreadyScored, toScoreCount);

    JavaRDD<Stages.Scored> scored;
    try (Progress p =
        new Progress(
            "scoring",
            toScoreCount,
            () -> scoredAcc.value() + quarantinedAcc.value(),
            out,
            cfg.progressEveryMillis())) {
      if (toScoreCount == 0) {
        scored = jsc.parallelize(new ArrayList<Stages.Scored>(), 1);
      } else if (cfg.driverSideScoring()) {
        scored =
            jsc.parallelize(
                scoreOnDriver(cfg, toScore, tenants, scoredAcc, quarantinedAcc),
                Math.max(1, jsc.defaultParallelism()));
      } else {
        int slots = cfg.scoringSlots();
        scored =
            toScore
                .repartition(slots * WAVES)
                .mapPartitions(
                    new Stages.ScorePartition(
                        cfg.scorerSource(), slots, bc, scoredAcc, quarantinedAcc, CHUNK));
      }
      scored.persist(StorageLevel.MEMORY_AND_DISK_SER());
      scored.count();
    }

    // Totals of this run's scoring.
    long scoredCount = scored.filter(s -> s.result() != null).count();
    Stages.Scored sums =
        scored.isEmpty()
            ? new Stages.Scored(null, List.of(), null, 0, 0, 0, 0)
            : scored.reduce(
                (a, b) ->
                    new Stages.Scored(
                        null,
                        List.of(),
                        null,
                        a.inputTokens() + b.inputTokens(),
                        a.outputTokens() + b.outputTokens(),
                        a.costUsd() + b.costUsd(),
                        a.attempts() + b.attempts()));
    JavaRDD<QuarantineRow> scoreQuarantine =
        scored.filter(s -> s.quarantine() != null).map(Stages.Scored::quarantine);
    JavaRDD<QuarantineRow> allQuarantine = readQuarantine.union(scoreQuarantine);
    long quarantinedCount = allQuarantine.count();

    Accounting acc =
        new Accounting(
            listing.files().size(),
            scoredCount,
            quarantinedCount,
            alreadyScored,
            duplicates,
            sums.inputTokens(),
            sums.outputTokens(),
            sums.costUsd(),
            sums.attempts());

    write(spark, cfg, writer, listing.tenants(), existingResults, scored, allQuarantine, started);
    // Only after a successful write: if it failed half-way, the staged copy holds the old rows.
    writer.dropStaging();

    List<String> reasons =
        allQuarantine.take(50).stream()
            .map(q -> q.sourceKey() + " [" + q.stage() + "] " + q.reason())
            .toList();
    out.println(acc.report());
    read.unpersist();
    calls.unpersist();
    toScore.unpersist();
    scored.unpersist();
    return new Result(acc.check(), listing.tenants(), reasons);
  }

  private static HashMap<String, TenantContext> tenantContexts(
      QaJobConfig cfg, List<String> tenantIds, PrintStream out) {
    String scorerModel = null;
    if (!tenantIds.isEmpty()) {
      try (Scorer s = cfg.scorerSource().open(1)) {
        scorerModel = s.modelId();
      }
    }
    HashMap<String, TenantContext> out2 = new HashMap<>();
    for (String t : tenantIds) {
      Optional<TenantConfig> c = cfg.tenants().get(t);
      if (c.isEmpty()) {
        out.printf("qa: tenant %s has no configuration: its files will be quarantined%n", t);
        continue;
      }
      String model = "rules".equals(cfg.scorerName()) ? scorerModel : c.get().settings().modelId();
      out2.put(t, TenantContext.of(c.get(), model));
      out.printf(
          "qa: tenant %s: form %s v%d, model %s%n",
          t, c.get().form().formId(), c.get().form().version(), model);
    }
    return out2;
  }

  private static List<Stages.Scored> scoreOnDriver(
      QaJobConfig cfg,
      JavaRDD<TranscriptRow> toScore,
      Map<String, TenantContext> tenants,
      LongAccumulator scoredAcc,
      LongAccumulator quarantinedAcc) {
    List<Stages.Scored> out = new ArrayList<>();
    try (Scorer scorer = cfg.scorerSource().open(1)) {
      Iterator<TranscriptRow> it = toScore.toLocalIterator();
      List<TranscriptRow> batch = new ArrayList<>();
      Map<String, com.cci.schemas.qa.QaForm> forms = new HashMap<>();
      while (it.hasNext()) {
        batch.add(it.next());
        if (batch.size() == DRIVER_CHUNK || !it.hasNext()) {
          out.addAll(
              Stages.score(scorer, batch, tenants, forms, scoredAcc, quarantinedAcc, batch.size()));
          batch = new ArrayList<>();
        }
      }
    }
    return out;
  }

  private static void write(
      SparkSession spark,
      QaJobConfig cfg,
      PartitionWriter writer,
      List<String> tenants,
      Optional<Dataset<Row>> existingResults,
      JavaRDD<Stages.Scored> scored,
      JavaRDD<QuarantineRow> quarantine,
      Instant started) {
    JavaRDD<Row> resultRows = scored.filter(s -> s.result() != null).map(Stages.Scored::result);
    JavaRDD<Row> criterionRows =
        scored.filter(s -> s.result() != null).flatMap(s -> s.criteria().iterator());
    Dataset<Row> results = spark.createDataFrame(resultRows, QaTables.QA_RESULTS_SCHEMA);
    Dataset<Row> criteria = spark.createDataFrame(criterionRows, QaTables.QA_CRITERIA_SCHEMA);
    results =
        com.cci.batch.output.AgentQueueJoin.fill(spark, cfg.output(), cfg.date(), tenants, results);
    criteria =
        com.cci.batch.output.AgentQueueJoin.fill(
            spark, cfg.output(), cfg.date(), tenants, criteria);

    if (existingResults.isPresent()) {
      // Keep every existing row not re-scored in this run: nothing already scored is lost.
      Dataset<Row> newIds = results.select("call_id");
      Dataset<Row> keptResults = existingResults.get().join(newIds, "call_id", "left_anti");
      results = results.unionByName(keptResults);
      Optional<Dataset<Row>> existingCriteria =
          writer.snapshot(QaTables.QA_CRITERIA, cfg.date(), tenants);
      if (existingCriteria.isPresent()) {
        Dataset<Row> kept =
            existingCriteria.get().join(keptResults.select("call_id"), "call_id", "left_semi");
        criteria = criteria.unionByName(kept);
      }
    }
    if (!results.isEmpty()) {
      writer.overwritePartitions(QaTables.QA_RESULTS, results);
      // The criteria partitions are replaced wholesale, also when a call's criteria changed.
      writer.deletePartitions(QaTables.QA_CRITERIA, cfg.date(), tenants);
      writer.overwritePartitions(QaTables.QA_CRITERIA, criteria);
    }
    writer.deletePartitions(QaTables.QUARANTINE, cfg.date(), tenants);
    JavaRDD<Row> qRows = quarantine.map(q -> QaTables.quarantineRow(q, started));
    Dataset<Row> q = spark.createDataFrame(qRows, QaTables.QUARANTINE_SCHEMA);
    if (!q.isEmpty()) {
      writer.overwritePartitions(QaTables.QUARANTINE, q);
    }
  }
}
