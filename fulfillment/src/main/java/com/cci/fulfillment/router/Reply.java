package com.cci.fulfillment.router;

import com.cci.schemas.fulfillment.FulfillmentEvent.AuthResult;
import com.cci.schemas.fulfillment.FulfillmentEvent.ErrorClass;
import com.cci.schemas.fulfillment.FulfillmentEvent.Outcome;
import com.cci.schemas.lex.LexV2Response;

/**
 * A handler's answer: the Lex response plus what the turn achieved (for the {@link TurnOutcome}).
 * Build it with {@link Replies}.
 *
 * @param response the Lex response
 * @param intent the intent that answered (for events)
 * @param outcome what the turn achieved
 * @param authResult the PIN check of this turn, or null when none
 * @param authAttempt failures so far when a PIN was checked, else null
 * @param errorClass why it failed, or null
 * @param errorCode short machine code, or null
 * @param queue the Connect queue when escalating, or null
 * @param routingPriority with {@code queue}
 */
public record Reply(
    LexV2Response response,
    String intent,
    Outcome outcome,
    AuthResult authResult,
    Integer authAttempt,
    ErrorClass errorClass,
    String errorCode,
    String queue,
    Integer routingPriority) {

  /** A copy recording a PIN check. */
  public Reply withAuth(AuthResult result, Integer attempt) {
    return new Reply(
        response, intent, outcome, result, attempt, errorClass, errorCode, queue, routingPriority);
  }
}
