package com.cci.schemas.fulfillment;

import com.cci.schemas.MillisInstantSerializer;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * What the Lex V2 fulfillment webhook emits for each code-hook turn (contract kind {@code
 * fulfillment-event}), consumed by the FULFILLMENT_ERRORS and AUTH_FAILURES alarms.
 *
 * <p><b>Never PII.</b> No transcript, slot value or session attribute goes in here, and never the
 * raw Lex {@code sessionId}: for Amazon Connect voice calls it can be derived from the caller's
 * phone number. Use {@link #hashSessionId(String, String)} instead. The schema forbids extra
 * properties at every level, so a PIN or account number cannot ride along.
 *
 * @param eventId unique per event (UUID string)
 * @param eventTime when the webhook received the turn, millisecond precision
 * @param tenantId tenant, may be null
 * @param contactId Connect ContactId, may be null
 * @param sessionIdHash lowercase hex SHA-256 of salt + sessionId
 * @param channel VOICE or CHAT
 * @param botId Lex bot id
 * @param botAliasId Lex bot alias id
 * @param localeId Lex locale, e.g. en_US
 * @param intent intent name
 * @param invocationSource DialogCodeHook or FulfillmentCodeHook
 * @param outcome what the turn achieved
 * @param latencyMs time the webhook spent on the turn
 * @param authResult outcome of a caller-authentication step in this turn
 * @param authAttempt 1-based attempt number when the turn tried to authenticate, else null
 * @param errorClass why the turn failed, null when it did not
 * @param queue Connect queue the turn routes to, may be null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FulfillmentEvent(
    @JsonProperty("eventId") String eventId,
    @JsonProperty("eventTime") @JsonSerialize(using = MillisInstantSerializer.class)
        Instant eventTime,
    @JsonProperty("tenantId") String tenantId,
    @JsonProperty("contactId") String contactId,
    @JsonProperty("sessionIdHash") String sessionIdHash,
    @JsonProperty("channel") Channel channel,
    @JsonProperty("botId") String botId,
    @JsonProperty("botAliasId") String botAliasId,
    @JsonProperty("localeId") String localeId,
    @JsonProperty("intent") String intent,
    @JsonProperty("invocationSource") InvocationSource invocationSource,
    @JsonProperty("outcome") Outcome outcome,
    @JsonProperty("latencyMs") long latencyMs,
    @JsonProperty("authResult") AuthResult authResult,
    @JsonProperty("authAttempt") Integer authAttempt,
    @JsonProperty("errorClass") ErrorClass errorClass,
    @JsonProperty("queue") String queue) {

  public FulfillmentEvent {
    // The contract pins eventTime to milliseconds; finer digits are dropped here.
    eventTime = eventTime == null ? null : eventTime.truncatedTo(ChronoUnit.MILLIS);
  }

  /** Contact channel. */
  public enum Channel {
    VOICE,
    CHAT
  }

  /** Which Lex code hook ran. */
  public enum InvocationSource {
    @JsonProperty("DialogCodeHook")
    DIALOG_CODE_HOOK,
    @JsonProperty("FulfillmentCodeHook")
    FULFILLMENT_CODE_HOOK
  }

  /** What the turn achieved. */
  public enum Outcome {
    FULFILLED,
    FAILED,
    IN_PROGRESS,
    ESCALATED,
    CANCELLED,
    FALLBACK
  }

  /** Outcome of a caller-authentication step. */
  public enum AuthResult {
    /** The turn did not try to authenticate. */
    NONE,
    SUCCESS,
    FAILURE,
    /** Too many failures: the caller is locked out. */
    LOCKED,
    /** The intent needs no authentication. */
    NOT_REQUIRED
  }

  /** Why a turn failed. */
  public enum ErrorClass {
    BACKEND_TIMEOUT,
    BACKEND_ERROR,
    BACKEND_UNAVAILABLE,
    VALIDATION,
    INTERNAL
  }

  /**
   * The {@code sessionIdHash} of a Lex session: lowercase hex SHA-256 of {@code salt} followed by
   * the session id (UTF-8). The salt is a deployment secret, so the hash cannot be reversed by
   * hashing candidate phone numbers.
   *
   * @throws IllegalArgumentException when the salt or the session id is empty
   */
  public static String hashSessionId(String salt, String sessionId) {
    if (salt == null || salt.isEmpty()) {
      throw new IllegalArgumentException("a non-empty salt is required to hash session ids");
    }
    if (sessionId == null || sessionId.isEmpty()) {
      throw new IllegalArgumentException("sessionId is empty");
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest(sessionId.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
