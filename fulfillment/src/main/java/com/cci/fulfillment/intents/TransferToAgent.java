package com.cci.fulfillment.intents;

import com.cci.fulfillment.router.Replies;
import com.cci.fulfillment.router.Reply;
import com.cci.fulfillment.router.Say;
import com.cci.fulfillment.router.TurnContext;
import com.cci.fulfillment.session.SessionContract.Queue;
import com.cci.schemas.fulfillment.FulfillmentEvent.Outcome;
import com.cci.schemas.lex.Intent;
import java.util.Locale;

/**
 * {@code TransferToAgent} (slot {@code Topic}, optional): hands the contact to an agent, in the
 * queue matching the topic when one was given (cards, loans, fraud, payments, disputes), with the
 * session's authentication status in the whisper so a verified caller is not asked again.
 */
public final class TransferToAgent extends BankingIntent {
  public static final String TOPIC = "Topic";

  public TransferToAgent() {
    super("TransferToAgent", false, Queue.GENERAL);
  }

  @Override
  public Reply handle(TurnContext ctx) {
    Queue q = queueFor(ctx.slot(TOPIC));
    return Replies.escalate(
        ctx,
        q,
        "customer asked for an agent",
        null,
        Say.both("Sure, I'm transferring you to an agent now."),
        Intent.State.FULFILLED,
        Outcome.ESCALATED,
        null,
        null);
  }

  static Queue queueFor(String topic) {
    if (topic == null) {
      return Queue.GENERAL;
    }
    String t = topic.toLowerCase(Locale.ROOT);
    if (t.contains("fraud") || t.contains("stolen")) {
      return Queue.FRAUD;
    }
    if (t.contains("card")) {
      return Queue.CARDS;
    }
    if (t.contains("loan") || t.contains("mortgage")) {
      return Queue.LOANS;
    }
    if (t.contains("dispute")) {
      return Queue.DISPUTES;
    }
    if (t.contains("transfer") || t.contains("payment")) {
      return Queue.PAYMENTS;
    }
    return Queue.GENERAL;
  }
}
