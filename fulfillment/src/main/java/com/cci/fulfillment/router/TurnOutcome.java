package com.cci.fulfillment.router;

import com.cci.schemas.fulfillment.FulfillmentEvent;
import com.cci.schemas.fulfillment.FulfillmentEvent.AuthResult;
import com.cci.schemas.fulfillment.FulfillmentEvent.ErrorClass;
import com.cci.schemas.fulfillment.FulfillmentEvent.InvocationSource;
import com.cci.schemas.fulfillment.FulfillmentEvent.Outcome;
import java.time.Instant;

/**
 * What one turn did, for events and metrics. Carries no PII: no transcript, no slot value, no
 * session attribute other than the Connect contact id. {@code sessionId} is the raw Lex session id
 * and is only here so the runtime can hash it ({@link FulfillmentEvent#hashSessionId}); never log
 * or emit it as is.
 *
 * @param receivedAt when the router received the turn (router clock)
 * @param contactId Connect ContactId from the session attributes, may be null
 * @param sessionId raw Lex session id (hash before use), may be null for malformed events
 * @param channel VOICE or CHAT
 * @param botId Lex bot id, may be null
 * @param botAliasId Lex bot alias id, may be null
 * @param localeId Lex locale, may be null
 * @param intent the intent that answered the turn (after routing: e.g. Authenticate while the PIN
 *     is asked for a sensitive intent; FallbackIntent for unknown intents)
 * @param requestedIntent the intent name Lex sent, may differ from {@code intent}; may be null
 * @param invocationSource DialogCodeHook or FulfillmentCodeHook, may be null for malformed events
 * @param outcome FULFILLED, IN_PROGRESS, FAILED, ESCALATED, CANCELLED or FALLBACK
 * @param latencyNanos time spent in the router
 * @param authResult SUCCESS/FAILURE/LOCKED when the turn checked a PIN, NOT_REQUIRED for public
 *     intents, NONE otherwise
 * @param authAttempt failures so far including this one when a PIN was checked, else null
 * @param errorClass why the turn failed, null when it did not
 * @param errorCode a short machine code for the failure (e.g. {@code CIRCUIT_OPEN}, {@code
 *     INSUFFICIENT_FUNDS}), null when none
 * @param queue the Connect queue the turn routes to, null when it does not escalate
 * @param routingPriority the routing priority with {@code queue}, else null
 */
public record TurnOutcome(
    Instant receivedAt,
    String contactId,
    String sessionId,
    FulfillmentEvent.Channel channel,
    String botId,
    String botAliasId,
    String localeId,
    String intent,
    String requestedIntent,
    InvocationSource invocationSource,
    Outcome outcome,
    long latencyNanos,
    AuthResult authResult,
    Integer authAttempt,
    ErrorClass errorClass,
    String errorCode,
    String queue,
    Integer routingPriority) {

  /** Latency in whole milliseconds (rounded up, so a turn is never reported as 0 ms). */
  public long latencyMs() {
    return (latencyNanos + 999_999) / 1_000_000;
  }
}
