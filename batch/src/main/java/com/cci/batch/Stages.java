package com.cci.batch;

import com.cci.batch.input.HadoopConf;
import com.cci.batch.input.QuarantineRow;
import com.cci.batch.input.SourceKey;
import com.cci.batch.input.TranscriptDiscovery.FoundFile;
import com.cci.batch.input.TranscriptNormaliser;
import com.cci.batch.input.TranscriptRow;
import com.cci.batch.output.QaTables;
import com.cci.batch.pii.PiiGuard;
import com.cci.batch.scoring.ScoreOutcome;
import com.cci.batch.scoring.ScoreRequest;
import com.cci.batch.scoring.Scorer;
import com.cci.schemas.Json;
import com.cci.schemas.qa.QaForm;
import com.cci.schemas.qa.QaResult;
import com.cci.schemas.transcript.CallTranscript;
import com.cci.schemas.validation.Violation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;

/**
 * The per-partition steps of the QA job, as serializable functions that capture only broadcasts,
 * accumulators and configuration (never the driver's objects).
 */
final class Stages {
  private Stages() {}

  /** A read file: a transcript row, or a quarantine row. */
  record Read(TranscriptRow row, QuarantineRow quarantine) implements Serializable {}

  /** A scoring outcome as rows: result + criteria, or quarantine; plus model usage. */
  record Scored(
      Row result,
      List<Row> criteria,
      QuarantineRow quarantine,
      long inputTokens,
      long outputTokens,
      double costUsd,
      int attempts)
      implements Serializable {}

  /** Read → detect format → normalise → PII guard, one file at a time. */
  static final class Normalise implements FlatMapFunction<Iterator<FoundFile>, Read> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<HashMap<String, TenantContext>> tenants;
    private final Broadcast<HadoopConf> conf;
    private final String date;
    private final LongAccumulator read;

    Normalise(
        Broadcast<HashMap<String, TenantContext>> tenants,
        Broadcast<HadoopConf> conf,
        LocalDate date,
        LongAccumulator read) {
      this.tenants = tenants;
      this.conf = conf;
      this.date = date.toString();
      this.read = read;
    }

    @Override
    public Iterator<Read> call(Iterator<FoundFile> files) {
      TranscriptNormaliser normaliser = new TranscriptNormaliser();
      PiiGuard guard = new PiiGuard();
      Map<String, TenantContext> ctx = tenants.value();
      List<Read> out = new ArrayList<>();
      while (files.hasNext()) {
        out.add(one(normaliser, guard, ctx, files.next()));
        read.add(1);
      }
      return out.iterator();
    }

    private Read one(
        TranscriptNormaliser normaliser,
        PiiGuard guard,
        Map<String, TenantContext> ctx,
        FoundFile file) {
      String key = file.key();
      byte[] bytes;
      try {
        bytes = file.read(conf.value().get());
      } catch (IOException | RuntimeException e) {
        return quarantine(
            key,
            null,
            QuarantineRow.READ,
            "cannot read: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      }
      TranscriptNormaliser.Parsed p = normaliser.normalise(key, bytes);
      if (!p.ok()) {
        QuarantineRow q = p.quarantine();
        return new Read(
            null,
            new QuarantineRow(
                q.tenantId() == null ? "unknown" : q.tenantId(),
                q.callDate() == null ? date : q.callDate(),
                q.sourceKey(),
                q.callId(),
                q.stage(),
                q.reason()));
      }
      SourceKey k = p.key();
      if (!ctx.containsKey(k.tenantId())) {
        return quarantine(
            key,
            p.callId(),
            QuarantineRow.TENANT,
            "tenant '"
                + k.tenantId()
                + "' has no configuration (META item and default form) in the tenant table");
      }
      PiiGuard.Masked masked;
      try {
        masked = guard.mask(p.transcript());
      } catch (RuntimeException e) {
        // The guard's messages never carry text; the class name and message say what failed.
        return quarantine(
            key, p.callId(), "pii", "PII guard failed: " + e.getClass().getSimpleName());
      }
      String json;
      try {
        json = Json.mapper().writeValueAsString(masked.transcript());
      } catch (JsonProcessingException e) {
        return quarantine(key, p.callId(), QuarantineRow.PARSE, "cannot serialise transcript");
      }
      return new Read(
          new TranscriptRow(
              k.tenantId(),
              p.contactId(),
              p.callId(),
              k.date().toString(),
              key,
              p.transcript().format().name(),
              k.redacted(),
              json,
              masked.counts()),
          null);
    }

    private Read quarantine(String key, String callId, String stage, String reason) {
      String tenant = key.contains("/") ? key.substring(0, key.indexOf('/')) : "unknown";
      return new Read(null, new QuarantineRow(tenant, date, key, callId, stage, reason));
    }
  }

  /** Of two files of the same call, the one to score: the redacted copy, else the first key. */
  static TranscriptRow preferred(TranscriptRow a, TranscriptRow b) {
    if (a.redacted() != b.redacted()) {
      return a.redacted() ? a : b;
    }
    return a.sourceKey().compareTo(b.sourceKey()) <= 0 ? a : b;
  }

  /**
   * Scores a list of rows with one scorer: builds requests, calls {@code scoreAll} in chunks (so
   * progress moves), and turns outcomes into rows. Every row ends as exactly one {@link Scored}: an
   * outcome missing from the scorer's answer is quarantined, never dropped.
   */
  static List<Scored> score(
      Scorer scorer,
      List<TranscriptRow> rows,
      Map<String, TenantContext> ctx,
      Map<String, QaForm> forms,
      LongAccumulator scoredAcc,
      LongAccumulator quarantinedAcc,
      int chunk) {
    List<Scored> out = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i += chunk) {
      List<TranscriptRow> part = rows.subList(i, Math.min(rows.size(), i + chunk));
      Map<String, TranscriptRow> byCall = new LinkedHashMap<>();
      List<ScoreRequest> requests = new ArrayList<>(part.size());
      for (TranscriptRow r : part) {
        TenantContext t = ctx.get(r.tenantId());
        QaForm form = forms.computeIfAbsent(r.tenantId(), x -> t.form());
        CallTranscript transcript;
        try {
          transcript = Json.mapper().readValue(r.transcriptJson(), CallTranscript.class);
        } catch (JsonProcessingException e) {
          out.add(quarantined(r, QuarantineRow.PARSE, "cannot read the normalised transcript", 0));
          quarantinedAcc.add(1);
          continue;
        }
        byCall.put(r.callId(), r);
        requests.add(
            new ScoreRequest(
                r.callId(),
                r.tenantId(),
                r.contactId(),
                LocalDate.parse(r.callDate()),
                null,
                null,
                r.sourceKey(),
                r.piiCounts(),
                transcript,
                form,
                t.settings()));
      }
      List<ScoreOutcome> outcomes;
      try {
        outcomes = requests.isEmpty() ? List.of() : scorer.scoreAll(requests);
      } catch (RuntimeException e) {
        // A scorer must not throw; if it does, the whole chunk is quarantined, not lost.
        outcomes = List.of();
        for (ScoreRequest q : requests) {
          out.add(
              quarantined(
                  byCall.remove(q.callId()),
                  "model-call",
                  "scorer failed: " + e.getClass().getSimpleName() + ": " + e.getMessage(),
                  0));
          quarantinedAcc.add(1);
        }
      }
      for (ScoreOutcome o : outcomes) {
        TranscriptRow r = byCall.remove(o.callId());
        if (r == null) {
          continue; // unknown or duplicate outcome: the request it answers is already accounted
        }
        Scored s = toScored(r, o, ctx.get(r.tenantId()));
        (s.result() != null ? scoredAcc : quarantinedAcc).add(1);
        out.add(s);
      }
      for (TranscriptRow r : byCall.values()) {
        out.add(quarantined(r, "model-call", "the scorer returned no outcome for this call", 0));
        quarantinedAcc.add(1);
      }
    }
    return out;
  }

  static Scored toScored(TranscriptRow r, ScoreOutcome o, TenantContext t) {
    if (!o.scored()) {
      return quarantined(
          r,
          o.quarantineStage() == null ? "model-call" : o.quarantineStage(),
          o.quarantineReason() == null ? "no reason given" : o.quarantineReason(),
          o.attempts());
    }
    QaResult m = o.result();
    QaResult result =
        new QaResult(
            r.tenantId(),
            r.contactId(),
            r.callId(),
            LocalDate.parse(r.callDate()),
            channelOf(r, m),
            m.agentId(),
            m.queue(),
            m.formId() == null ? t.formId() : m.formId(),
            m.formVersion() == 0 ? t.formVersion() : m.formVersion(),
            m.modelId() == null ? t.expectedModelId() : m.modelId(),
            m.scorer(),
            m.criteria(),
            m.totals(),
            m.summary(),
            r.piiCounts(),
            m.usage() == null ? QaResult.Usage.NONE : m.usage(),
            r.sourceKey(),
            m.scoredAt() == null ? Instant.now() : m.scoredAt());
    List<Violation> v = result.validate();
    if (!v.isEmpty()) {
      return quarantined(r, "result-check", "scored result is inconsistent: " + v, o.attempts());
    }
    QaResult.Usage u = result.usage();
    return new Scored(
        QaTables.resultRow(result, o.attempts()),
        QaTables.criterionRows(result),
        null,
        u.inputTokens(),
        u.outputTokens(),
        u.costUsd(),
        o.attempts());
  }

  private static QaResult.Channel channelOf(TranscriptRow r, QaResult m) {
    if (m.channel() != null) {
      return m.channel();
    }
    return "CONTACT_LENS_CHAT".equals(r.format()) ? QaResult.Channel.CHAT : QaResult.Channel.VOICE;
  }

  static Scored quarantined(TranscriptRow r, String stage, String reason, int attempts) {
    return new Scored(
        null,
        List.of(),
        new QuarantineRow(r.tenantId(), r.callDate(), r.sourceKey(), r.callId(), stage, reason),
        0,
        0,
        0.0,
        attempts);
  }

  /** On-demand scoring on an executor: one scorer per partition with 1/slots of the quotas. */
  static final class ScorePartition implements FlatMapFunction<Iterator<TranscriptRow>, Scored> {
    private static final long serialVersionUID = 1L;
    private final ScorerSource source;
    private final int slots;
    private final Broadcast<HashMap<String, TenantContext>> tenants;
    private final LongAccumulator scoredAcc;
    private final LongAccumulator quarantinedAcc;
    private final int chunk;

    ScorePartition(
        ScorerSource source,
        int slots,
        Broadcast<HashMap<String, TenantContext>> tenants,
        LongAccumulator scoredAcc,
        LongAccumulator quarantinedAcc,
        int chunk) {
      this.source = source;
      this.slots = slots;
      this.tenants = tenants;
      this.scoredAcc = scoredAcc;
      this.quarantinedAcc = quarantinedAcc;
      this.chunk = chunk;
    }

    @Override
    public Iterator<Scored> call(Iterator<TranscriptRow> it) {
      List<TranscriptRow> rows = new ArrayList<>();
      it.forEachRemaining(rows::add);
      if (rows.isEmpty()) {
        return List.<Scored>of().iterator();
      }
      try (Scorer scorer = source.open(slots)) {
        return score(
                scorer, rows, tenants.value(), new HashMap<>(), scoredAcc, quarantinedAcc, chunk)
            .iterator();
      }
    }
  }
}
