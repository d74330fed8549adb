package com.cci.schemas.qa;

import com.cci.schemas.NameBasedIds;
import com.cci.schemas.validation.Violation;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One call scored against one version of a QA form (contract kind {@code qa-result}).
 *
 * <p>PASSED earns the criterion's {@code max}, FAILED earns 0, NOT_APPLICABLE has score 0 and max 0
 * and is left out of the totals. {@link #validate()} checks that arithmetic, which the schema
 * cannot.
 *
 * @param tenantId tenant
 * @param contactId Connect ContactId
 * @param callId deterministic id, {@link #callIdFor(String, String)}
 * @param callDate UTC date the call started
 * @param channel VOICE or CHAT
 * @param agentId agent user id, may be null
 * @param queue queue name, may be null
 * @param formId QA form id
 * @param formVersion QA form version
 * @param modelId Bedrock model id or the rules scorer's version
 * @param scorer who scored
 * @param criteria one result per criterion of the form
 * @param totals the sums
 * @param summary the call summary
 * @param piiCounts residual PII found and masked before scoring, by type
 * @param usage model tokens and cost (zeros for the rules scorer)
 * @param sourceKey S3 key of the transcript scored
 * @param scoredAt when it was scored
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QaResult(
    @JsonProperty("tenantId") String tenantId,
    @JsonProperty("contactId") String contactId,
    @JsonProperty("callId") String callId,
    @JsonProperty("callDate") LocalDate callDate,
    @JsonProperty("channel") Channel channel,
    @JsonProperty("agentId") String agentId,
    @JsonProperty("queue") String queue,
    @JsonProperty("formId") String formId,
    @JsonProperty("formVersion") int formVersion,
    @JsonProperty("modelId") String modelId,
    @JsonProperty("scorer") Scorer scorer,
    @JsonProperty("criteria") List<CriterionResult> criteria,
    @JsonProperty("totals") Totals totals,
    @JsonProperty("summary") Summary summary,
    @JsonProperty("piiCounts") Map<String, Integer> piiCounts,
    @JsonProperty("usage") Usage usage,
    @JsonProperty("sourceKey") String sourceKey,
    @JsonProperty("scoredAt") Instant scoredAt) {

  private static final double EPSILON = 0.01;

  public QaResult {
    criteria = criteria == null ? List.of() : List.copyOf(criteria);
    piiCounts = piiCounts == null ? Map.of() : new TreeMap<>(piiCounts);
  }

  /**
   * The deterministic call id: a name-based (version 5) UUID of {@code tenantId} and {@code
   * contactId}, so re-scoring the same call overwrites the same row.
   */
  public static String callIdFor(String tenantId, String contactId) {
    UUID id = NameBasedIds.uuid5(NameBasedIds.CALL_NAMESPACE, tenantId + "\n" + contactId);
    return id.toString();
  }

  /** Contact channel. */
  public enum Channel {
    VOICE,
    CHAT
  }

  /** Who produced the scores. */
  public enum Scorer {
    @JsonProperty("rules")
    RULES,
    @JsonProperty("bedrock")
    BEDROCK,
    @JsonProperty("bedrock-batch")
    BEDROCK_BATCH
  }

  /** A criterion's answer. */
  public enum Answer {
    PASSED,
    FAILED,
    NOT_APPLICABLE
  }

  /** What became of the customer's issue. */
  public enum Outcome {
    RESOLVED,
    UNRESOLVED,
    ESCALATED,
    FOLLOW_UP,
    TRANSFERRED,
    ABANDONED
  }

  /**
   * The answer to one criterion.
   *
   * @param id criterion id
   * @param sectionId section holding it
   * @param question the question as asked
   * @param answer PASSED, FAILED or NOT_APPLICABLE
   * @param score points earned
   * @param max points available (0 when NOT_APPLICABLE)
   * @param justification why, in one or two sentences
   * @param evidenceTurnIds transcript turns supporting the answer
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CriterionResult(
      @JsonProperty("id") String id,
      @JsonProperty("sectionId") String sectionId,
      @JsonProperty("question") String question,
      @JsonProperty("answer") Answer answer,
      @JsonProperty("score") double score,
      @JsonProperty("max") double max,
      @JsonProperty("justification") String justification,
      @JsonProperty("evidenceTurnIds") List<String> evidenceTurnIds) {
    public CriterionResult {
      evidenceTurnIds = evidenceTurnIds == null ? List.of() : List.copyOf(evidenceTurnIds);
    }
  }

  /**
   * @param score sum of criterion scores
   * @param max sum of criterion maxima
   * @param percentage 100 * score / max (0 when max is 0)
   * @param passed percentage at or above the form's threshold and not auto-failed
   * @param autoFailed an autoFail criterion was FAILED
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Totals(
      @JsonProperty("score") double score,
      @JsonProperty("max") double max,
      @JsonProperty("percentage") double percentage,
      @JsonProperty("passed") boolean passed,
      @JsonProperty("autoFailed") boolean autoFailed) {}

  /**
   * @param issue what the customer wanted
   * @param resolution what the agent did
   * @param outcome what became of it
   * @param actionItems follow-ups
   * @param toneScore agent tone 0..100
   * @param sentimentSummary how the customer's sentiment went
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Summary(
      @JsonProperty("issue") String issue,
      @JsonProperty("resolution") String resolution,
      @JsonProperty("outcome") Outcome outcome,
      @JsonProperty("actionItems") List<String> actionItems,
      @JsonProperty("toneScore") double toneScore,
      @JsonProperty("sentimentSummary") String sentimentSummary) {
    public Summary {
      actionItems = actionItems == null ? List.of() : List.copyOf(actionItems);
    }
  }

  /**
   * @param inputTokens model input tokens
   * @param outputTokens model output tokens
   * @param costUsd estimated cost in US dollars
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Usage(
      @JsonProperty("inputTokens") long inputTokens,
      @JsonProperty("outputTokens") long outputTokens,
      @JsonProperty("costUsd") double costUsd) {
    /** The usage of a scorer that calls no model. */
    public static final Usage NONE = new Usage(0, 0, 0.0);
  }

  /**
   * Checks what the schema cannot: the call id is derived from (tenantId, contactId), PASSED earns
   * max, totals are the sums of the criteria (to 0.01), percentage is 100 * score / max, criterion
   * ids are unique, and an auto-failed call did not pass. Empty when consistent.
   */
  public List<Violation> validate() {
    List<Violation> out = new ArrayList<>();
    if (tenantId != null && contactId != null && !callIdFor(tenantId, contactId).equals(callId)) {
      out.add(
          new Violation(
              "$.callId",
              "derived",
              "callId must be callIdFor(tenantId, contactId) = " + callIdFor(tenantId, contactId)));
    }
    double score = 0;
    double max = 0;
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (int i = 0; i < criteria.size(); i++) {
      CriterionResult c = criteria.get(i);
      String p = "$.criteria[" + i + "]";
      if (!ids.add(c.id())) {
        out.add(new Violation(p + ".id", "unique", "criterion '" + c.id() + "' is scored twice"));
      }
      if (c.answer() == Answer.PASSED && Math.abs(c.score() - c.max()) > EPSILON) {
        out.add(new Violation(p + ".score", "derived", "a PASSED criterion earns its max"));
      }
      if (c.score() > c.max() + EPSILON) {
        out.add(new Violation(p + ".score", "maximum", "score exceeds max"));
      }
      score += c.score();
      max += c.max();
    }
    if (totals == null) {
      out.add(new Violation("$.totals", "required", "totals are missing"));
      return out;
    }
    if (Math.abs(totals.score() - score) > EPSILON) {
      out.add(
          new Violation(
              "$.totals.score",
              "derived",
              "totals.score " + totals.score() + " is not the sum of criterion scores " + score));
    }
    if (Math.abs(totals.max() - max) > EPSILON) {
      out.add(
          new Violation(
              "$.totals.max",
              "derived",
              "totals.max " + totals.max() + " is not the sum of criterion maxima " + max));
    }
    double pct = totals.max() > 0 ? 100.0 * totals.score() / totals.max() : 0.0;
    if (Math.abs(totals.percentage() - pct) > EPSILON) {
      out.add(
          new Violation(
              "$.totals.percentage",
              "derived",
              "totals.percentage " + totals.percentage() + " is not 100 * score / max = " + pct));
    }
    if (totals.autoFailed() && totals.passed()) {
      out.add(new Violation("$.totals.passed", "derived", "an auto-failed call cannot pass"));
    }
    return out;
  }
}
