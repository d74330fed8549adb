package com.cci.schemas.lex;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;
import java.util.Map;

/**
 * The event Amazon Lex V2 sends to a Lambda code hook (contract kind {@code lex-v2-event}; AWS Lex
 * V2 developer guide, "AWS Lambda input event format for Lex V2"). {@code aws-lambda-java-events}
 * has no Lex V2 types, hence these records.
 *
 * <p>Carries PII (transcripts, slot values, session attributes, a session id that may derive from a
 * phone number): never log it or forward it as is.
 *
 * @param messageVersion event format version, "1.0"
 * @param invocationSource which code hook is running
 * @param inputMode DTMF, Speech or Text
 * @param responseContentType content type of the response Lex will produce
 * @param sessionId Lex session id
 * @param inputTranscript what the user said or typed
 * @param invocationLabel label of the code-hook invocation set in the bot, may be null
 * @param bot the bot
 * @param interpretations candidate intents, best first
 * @param proposedNextState what Lex will do if the hook does not change the flow, may be null
 * @param requestAttributes request-specific attributes, may be null
 * @param sessionState the session state
 * @param transcriptions speech transcriptions (voice only), may be null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LexV2Event(
    @JsonProperty("messageVersion") String messageVersion,
    @JsonProperty("invocationSource") InvocationSource invocationSource,
    @JsonProperty("inputMode") InputMode inputMode,
    @JsonProperty("responseContentType") String responseContentType,
    @JsonProperty("sessionId") String sessionId,
    @JsonProperty("inputTranscript") String inputTranscript,
    @JsonProperty("invocationLabel") String invocationLabel,
    @JsonProperty("bot") Bot bot,
    @JsonProperty("interpretations") List<Interpretation> interpretations,
    @JsonProperty("proposedNextState") ProposedNextState proposedNextState,
    @JsonProperty("requestAttributes") Map<String, String> requestAttributes,
    @JsonProperty("sessionState") SessionState sessionState,
    @JsonProperty("transcriptions") List<Transcription> transcriptions) {

  public LexV2Event {
    interpretations = Copies.list(interpretations);
    requestAttributes = Copies.map(requestAttributes);
    transcriptions = Copies.list(transcriptions);
  }

  /** Which code hook Lex is calling. */
  public enum InvocationSource {
    @JsonProperty("DialogCodeHook")
    DIALOG_CODE_HOOK,
    @JsonProperty("FulfillmentCodeHook")
    FULFILLMENT_CODE_HOOK
  }

  /** How the user gave this input. */
  public enum InputMode {
    @JsonProperty("DTMF")
    DTMF,
    @JsonProperty("Speech")
    SPEECH,
    @JsonProperty("Text")
    TEXT
  }

  /**
   * @param id bot id
   * @param name bot name
   * @param localeId locale, e.g. en_US
   * @param version bot version, e.g. DRAFT or 3
   * @param aliasId alias id, e.g. TSTALIASID
   * @param aliasName alias name
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Bot(
      @JsonProperty("id") String id,
      @JsonProperty("name") String name,
      @JsonProperty("localeId") String localeId,
      @JsonProperty("version") String version,
      @JsonProperty("aliasId") String aliasId,
      @JsonProperty("aliasName") String aliasName) {}

  /**
   * One candidate intent.
   *
   * @param intent the intent
   * @param nluConfidence 0..1; read from a number or from {@code {"score": n}}, written as a number
   * @param sentimentResponse sentiment of the utterance when sentiment analysis is on
   * @param interpretationSource Lex or Bedrock
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Interpretation(
      @JsonProperty("intent") Intent intent,
      @JsonProperty("nluConfidence") @JsonDeserialize(using = ConfidenceDeserializer.class)
          Double nluConfidence,
      @JsonProperty("sentimentResponse") SentimentResponse sentimentResponse,
      @JsonProperty("interpretationSource") String interpretationSource) {}

  /**
   * @param sentiment MIXED, NEGATIVE, NEUTRAL or POSITIVE
   * @param sentimentScore per-sentiment scores
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record SentimentResponse(
      @JsonProperty("sentiment") String sentiment,
      @JsonProperty("sentimentScore") SentimentScore sentimentScore) {}

  /** Per-sentiment scores, 0..1. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record SentimentScore(
      @JsonProperty("mixed") Double mixed,
      @JsonProperty("negative") Double negative,
      @JsonProperty("neutral") Double neutral,
      @JsonProperty("positive") Double positive) {}

  /**
   * @param dialogAction the proposed next action
   * @param intent the proposed intent
   * @param prompt which prompt attempt Lex would play
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ProposedNextState(
      @JsonProperty("dialogAction") DialogAction dialogAction,
      @JsonProperty("intent") Intent intent,
      @JsonProperty("prompt") Prompt prompt) {}

  /**
   * @param attempt Initial, Retry1 .. Retry5
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Prompt(@JsonProperty("attempt") String attempt) {}

  /**
   * A speech transcription candidate.
   *
   * @param transcription the text
   * @param transcriptionConfidence 0..1 (number or {@code {"score": n}})
   * @param resolvedContext the intent it was resolved in
   * @param resolvedSlots slots resolved from this transcription
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Transcription(
      @JsonProperty("transcription") String transcription,
      @JsonProperty("transcriptionConfidence")
          @JsonDeserialize(using = ConfidenceDeserializer.class)
          Double transcriptionConfidence,
      @JsonProperty("resolvedContext") ResolvedContext resolvedContext,
      @JsonProperty("resolvedSlots") Map<String, Slot> resolvedSlots) {
    public Transcription {
      resolvedSlots = Copies.map(resolvedSlots);
    }
  }

  /**
   * @param intent intent name
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ResolvedContext(@JsonProperty("intent") String intent) {}

  /** The active intent of the session, or null. */
  public Intent intent() {
    return sessionState == null ? null : sessionState.intent();
  }

  /** The active intent's name, or null. */
  public String intentName() {
    Intent i = intent();
    return i == null ? null : i.name();
  }

  /**
   * The interpreted value of a slot of the active intent; null when there is no intent, no such
   * slot, the slot is unfilled ({@code null}) or has no value.
   */
  public String slotValue(String slotName) {
    Intent i = intent();
    return i == null ? null : i.slotValue(slotName);
  }

  /** A session attribute, or null. */
  public String sessionAttribute(String key) {
    return sessionState == null ? null : sessionState.sessionAttribute(key);
  }

  /** The session attributes, never null. */
  public Map<String, String> sessionAttributes() {
    return sessionState == null || sessionState.sessionAttributes() == null
        ? Map.of()
        : sessionState.sessionAttributes();
  }

  /** The highest-confidence interpretation, or null when there are none. */
  public Interpretation topInterpretation() {
    return interpretations == null || interpretations.isEmpty() ? null : interpretations.get(0);
  }
}
