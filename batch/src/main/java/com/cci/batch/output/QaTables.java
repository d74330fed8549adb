package com.cci.batch.output;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createMapType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import com.cci.batch.input.QuarantineRow;
import com.cci.schemas.qa.QaResult;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.collection.JavaConverters;

/**
 * The job's output tables, their Spark schemas (which the Glue tables mirror) and the conversion of
 * scored calls into rows. Every table is partitioned by {@code tenant_id} then {@code call_date}
 * ({@code YYYY-MM-DD} strings), the two last columns, as Athena's partition projection expects.
 */
public final class QaTables {
  private QaTables() {}

  public static final String QA_RESULTS = "qa_results";
  public static final String QA_CRITERIA = "qa_criteria";
  public static final String QUARANTINE = "quarantine";
  public static final String CONTACT_RECORDS = "contact_records";

  /** Partition columns, in order. */
  public static final List<String> PARTITION_COLUMNS = List.of("tenant_id", "call_date");

  private static StructField f(String name, org.apache.spark.sql.types.DataType t) {
    return createStructField(name, t, true);
  }

  private static StructField required(String name, org.apache.spark.sql.types.DataType t) {
    return createStructField(name, t, false);
  }

  /** One row per scored call. */
  public static final StructType QA_RESULTS_SCHEMA =
      createStructType(
          new StructField[] {
            required("call_id", StringType),
            required("contact_id", StringType),
            f("channel", StringType),
            f("agent_id", StringType),
            f("queue", StringType),
            required("form_id", StringType),
            required("form_version", IntegerType),
            required("model_id", StringType),
            required("scorer", StringType),
            required("score", DoubleType),
            required("max_score", DoubleType),
            required("percentage", DoubleType),
            required("passed", BooleanType),
            required("auto_failed", BooleanType),
            required("criteria_count", IntegerType),
            required("criteria_failed", IntegerType),
            f("summary_issue", StringType),
            f("summary_resolution", StringType),
            f("summary_outcome", StringType),
            f("summary_action_items", createArrayType(StringType, true)),
            f("tone_score", DoubleType),
            f("sentiment_summary", StringType),
            f("pii_counts", createMapType(StringType, IntegerType, true)),
            required("pii_total", IntegerType),
            required("input_tokens", LongType),
            required("output_tokens", LongType),
            required("cost_usd", DoubleType),
            required("attempts", IntegerType),
            required("source_key", StringType),
            required("scored_at", TimestampType),
            required("tenant_id", StringType),
            required("call_date", StringType)
          });

  /** One row per criterion of each scored call: what analysts query. */
  public static final StructType QA_CRITERIA_SCHEMA =
      createStructType(
          new StructField[] {
            required("call_id", StringType),
            required("contact_id", StringType),
            f("agent_id", StringType),
            f("queue", StringType),
            required("form_id", StringType),
            required("form_version", IntegerType),
            required("model_id", StringType),
            f("section_id", StringType),
            required("criterion_id", StringType),
            f("question", StringType),
            required("answer", StringType),
            required("score", DoubleType),
            required("max_score", DoubleType),
            f("justification", StringType),
            f("evidence_turn_ids", createArrayType(StringType, true)),
            required("scored_at", TimestampType),
            required("tenant_id", StringType),
            required("call_date", StringType)
          });

  /** Inputs that did not become a scored call. */
  public static final StructType QUARANTINE_SCHEMA =
      createStructType(
          new StructField[] {
            required("source_key", StringType),
            f("call_id", StringType),
            required("stage", StringType),
            required("reason", StringType),
            required("recorded_at", TimestampType),
            required("tenant_id", StringType),
            required("call_date", StringType)
          });

  /** The schema of a table by name. */
  public static StructType schema(String table) {
    return switch (table) {
      case QA_RESULTS -> QA_RESULTS_SCHEMA;
      case QA_CRITERIA -> QA_CRITERIA_SCHEMA;
      case QUARANTINE -> QUARANTINE_SCHEMA;
      case CONTACT_RECORDS -> com.cci.batch.ctr.ContactRecordRows.SCHEMA;
      default -> throw new IllegalArgumentException("unknown table " + table);
    };
  }

  /** The {@code qa_results} row of a scored call. */
  public static Row resultRow(QaResult r, int attempts) {
    int failed = 0;
    for (QaResult.CriterionResult c : r.criteria()) {
      if (c.answer() == QaResult.Answer.FAILED) {
        failed++;
      }
    }
    Map<String, Integer> pii = new TreeMap<>(r.piiCounts());
    int piiTotal = pii.values().stream().mapToInt(Integer::intValue).sum();
    QaResult.Summary s = r.summary();
    QaResult.Usage u = r.usage() == null ? QaResult.Usage.NONE : r.usage();
    return RowFactory.create(
        r.callId(),
        r.contactId(),
        r.channel() == null ? null : r.channel().name(),
        r.agentId(),
        r.queue(),
        r.formId(),
        r.formVersion(),
        r.modelId(),
        scorerName(r.scorer()),
        r.totals().score(),
        r.totals().max(),
        r.totals().percentage(),
        r.totals().passed(),
        r.totals().autoFailed(),
        r.criteria().size(),
        failed,
        s == null ? null : s.issue(),
        s == null ? null : s.resolution(),
        s == null || s.outcome() == null ? null : s.outcome().name(),
        s == null ? null : seq(s.actionItems()),
        s == null ? null : s.toneScore(),
        s == null ? null : s.sentimentSummary(),
        JavaConverters.mapAsScalaMapConverter(pii).asScala(),
        piiTotal,
        u.inputTokens(),
        u.outputTokens(),
        u.costUsd(),
        attempts,
        r.sourceKey(),
        Timestamp.from(r.scoredAt()),
        r.tenantId(),
        r.callDate().toString());
  }

  /** The {@code qa_criteria} rows of a scored call, in form order. */
  public static List<Row> criterionRows(QaResult r) {
    List<Row> out = new ArrayList<>(r.criteria().size());
    Timestamp at = Timestamp.from(r.scoredAt());
    for (QaResult.CriterionResult c : r.criteria()) {
      out.add(
          RowFactory.create(
              r.callId(),
              r.contactId(),
              r.agentId(),
              r.queue(),
              r.formId(),
              r.formVersion(),
              r.modelId(),
              c.sectionId(),
              c.id(),
              c.question(),
              c.answer().name(),
              c.score(),
              c.max(),
              c.justification(),
              seq(c.evidenceTurnIds()),
              at,
              r.tenantId(),
              r.callDate().toString()));
    }
    return out;
  }

  /** The {@code quarantine} row of an input. */
  public static Row quarantineRow(QuarantineRow q, Instant at) {
    return RowFactory.create(
        q.sourceKey(),
        q.callId(),
        q.stage(),
        q.reason(),
        Timestamp.from(at),
        q.tenantId(),
        q.callDate());
  }

  /** The wire name of a scorer ({@code rules}, {@code bedrock}, {@code bedrock-batch}). */
  public static String scorerName(QaResult.Scorer s) {
    if (s == null) {
      return null;
    }
    return switch (s) {
      case RULES -> "rules";
      case BEDROCK -> "bedrock";
      case BEDROCK_BATCH -> "bedrock-batch";
    };
  }

  private static scala.collection.Seq<String> seq(List<String> l) {
    return JavaConverters.asScalaBufferConverter(new ArrayList<>(l)).asScala().toSeq();
  }
}
