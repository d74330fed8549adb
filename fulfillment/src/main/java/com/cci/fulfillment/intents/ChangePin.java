package com.cci.fulfillment.intents;

import com.cci.fulfillment.router.Replies;
import com.cci.fulfillment.router.Reply;
import com.cci.fulfillment.router.Say;
import com.cci.fulfillment.router.TurnContext;
import com.cci.fulfillment.session.SessionContract.Queue;
import com.cci.schemas.fulfillment.FulfillmentEvent.Outcome;
import com.cci.schemas.lex.Intent;

/**
 * {@code ChangePin}: the core-banking contract has no PIN-change operation, and a new PIN must
 * never travel through Lex slots and transcripts, so a verified caller is handed to the Security
 * queue (whisper: verified, PIN change) where the change is keyed in on the agent's secure pad.
 */
public final class ChangePin extends BankingIntent {
  public ChangePin() {
    super("ChangePin", true, Queue.SECURITY);
  }

  @Override
  public Reply handle(TurnContext ctx) {
    return Replies.escalate(
        ctx,
        Queue.SECURITY,
        "verified caller wants to change the phone banking PIN",
        null,
        Say.both(
            "Thanks, you're verified. For your security, PIN changes are completed with one of our"
                + " security specialists. I'm transferring you now."),
        Intent.State.FULFILLED,
        Outcome.ESCALATED,
        null,
        null);
  }
}
