package com.cci.batch.calibration;

import com.cci.schemas.Json;
import com.cci.schemas.qa.QaResult;
import com.cci.schemas.qa.QaResult.Answer;
import com.cci.sim.GroundTruth;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads gold files: human answers for calibration, as JSON Lines, one call per line, shaped like a
 * {@code qa-result} (unknown fields ignored, so a {@code qa_results} export edited by a reviewer
 * works as is):
 *
 * <pre>{@code
 * {"tenantId":"demo-tenant","contactId":"6f1c…","callDate":"2026-11-20",
 *  "sourceKey":"demo-tenant/Analysis/Voice/2026/11/20/6f1c…_analysis_2026-11-20T14:15:02Z.json",
 *  "criteria":[{"id":"greeting","answer":"PASSED"},{"id":"empathy","answer":"FAILED"}]}
 * }</pre>
 *
 * <p>Required: {@code tenantId} and {@code contactId} (or {@code callId}), and {@code criteria}
 * with at least one {@code {id, answer}} (answer PASSED, FAILED or NOT_APPLICABLE). The human may
 * score a subset of the form; only those criteria are compared. {@code sourceKey} locates the
 * transcript under {@code --transcripts} when the scorer has to score the call; {@code callDate}
 * defaults to the {@code YYYY/MM/DD} in the key. Blank lines and lines starting with {@code #} are
 * skipped. Every error names the line.
 */
public final class GoldFile {
  private GoldFile() {}

  private static final Pattern KEY_DATE = Pattern.compile("/(\\d{4})/(\\d{2})/(\\d{2})/");

  /** Criterion ids of the demo form that the simulator's QA labels give ground truth for. */
  public static final Map<String, String> SIMULATOR_LABELS =
      Map.of(
          "greeting", "greeting",
          "empathy", "empathy",
          "resolution", "resolution",
          "satisfactionCheck", "satisfaction-check",
          "complianceDisclosure", "compliance-disclosure");

  /**
   * Reads a gold file.
   *
   * @throws IllegalArgumentException naming the first bad line and why
   */
  public static List<GoldRecord> read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("gold file " + file + " does not exist");
    }
    List<GoldRecord> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int n = 0;
      while ((line = in.readLine()) != null) {
        n++;
        if (line.isBlank() || line.stripLeading().startsWith("#")) {
          continue;
        }
        GoldRecord r = parse(line, file + ":" + n);
        if (!seen.add(r.callId())) {
          throw new IllegalArgumentException(
              file + ":" + n + ": call " + r.callId() + " appears twice in the gold file");
        }
        out.add(r);
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("gold file " + file + " holds no calls");
    }
    return out;
  }

  static GoldRecord parse(String line, String where) {
    JsonNode n;
    try {
      n = Json.mapper().readTree(line);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(where + ": not JSON (" + e.getOriginalMessage() + ")");
    }
    if (!n.isObject()) {
      throw new IllegalArgumentException(where + ": expected a JSON object per line");
    }
    String tenant = text(n, "tenantId");
    String contact = text(n, "contactId");
    String callId = text(n, "callId");
    if (callId == null && (tenant == null || contact == null)) {
      throw new IllegalArgumentException(
          where + ": needs tenantId and contactId (or callId) to find the call");
    }
    if (callId == null) {
      callId = QaResult.callIdFor(tenant, contact);
    } else if (tenant != null
        && contact != null
        && !callId.equals(QaResult.callIdFor(tenant, contact))) {
      throw new IllegalArgumentException(
          where + ": callId " + callId + " is not callIdFor(tenantId, contactId)");
    }
    JsonNode criteria = n.get("criteria");
    if (criteria == null || !criteria.isArray() || criteria.isEmpty()) {
      throw new IllegalArgumentException(where + ": criteria must list at least one {id, answer}");
    }
    Map<String, Answer> answers = new LinkedHashMap<>();
    for (JsonNode c : criteria) {
      String id = text(c, "id");
      String a = text(c, "answer");
      if (id == null || a == null) {
        throw new IllegalArgumentException(where + ": every criterion needs id and answer");
      }
      Answer answer;
      try {
        answer = Answer.valueOf(a.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            where + ": answer '" + a + "' of " + id + " is not PASSED, FAILED or NOT_APPLICABLE");
      }
      if (answers.put(id, answer) != null) {
        throw new IllegalArgumentException(where + ": criterion " + id + " is answered twice");
      }
    }
    String key = text(n, "sourceKey");
    LocalDate date = null;
    String d = text(n, "callDate");
    try {
      if (d != null) {
        date = LocalDate.parse(d);
      } else if (key != null) {
        Matcher m = KEY_DATE.matcher(key);
        if (m.find()) {
          date =
              LocalDate.of(
                  Integer.parseInt(m.group(1)),
                  Integer.parseInt(m.group(2)),
                  Integer.parseInt(m.group(3)));
        }
      }
    } catch (java.time.DateTimeException e) {
      throw new IllegalArgumentException(where + ": callDate '" + d + "' is not YYYY-MM-DD");
    }
    return new GoldRecord(callId, tenant, contact, date, key, answers);
  }

  /**
   * Gold records from a simulator run's {@code ground-truth/qa-labels.jsonl}: the labelled
   * behaviours as answers to the demo form's criteria ({@link #SIMULATOR_LABELS}), source keys
   * relative to {@code <simOut>/transcripts}.
   */
  public static List<GoldRecord> fromSimulator(Path simOut) throws IOException {
    Path labels = simOut.resolve("ground-truth").resolve("qa-labels.jsonl");
    if (!Files.isRegularFile(labels)) {
      throw new IllegalArgumentException(
          "no " + labels + ": point --from-simulator at a `./cci simulate --out` directory");
    }
    List<GoldRecord> out = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(labels, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        GroundTruth.QaLabelRow row = Json.mapper().readValue(line, GroundTruth.QaLabelRow.class);
        if (row.transcriptKey() == null || row.labels() == null) {
          continue;
        }
        Map<String, Answer> answers = new LinkedHashMap<>();
        JsonNode l = Json.mapper().valueToTree(row.labels());
        SIMULATOR_LABELS.forEach(
            (label, criterion) -> {
              if (l.has(label)) {
                answers.put(criterion, l.get(label).asBoolean() ? Answer.PASSED : Answer.FAILED);
              }
            });
        Matcher m = KEY_DATE.matcher(row.transcriptKey());
        LocalDate date =
            m.find()
                ? LocalDate.of(
                    Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)))
                : null;
        out.add(
            new GoldRecord(
                QaResult.callIdFor(row.tenantId(), row.contactId()),
                row.tenantId(),
                row.contactId(),
                date,
                row.transcriptKey(),
                answers));
      }
    }
    return out;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
  }
}
