package com.cci.fulfillment.intents;

import com.cci.fulfillment.router.Replies;
import com.cci.fulfillment.router.Reply;
import com.cci.fulfillment.router.Say;
import com.cci.fulfillment.router.TurnContext;
import com.cci.fulfillment.session.SessionContract.Queue;

/** {@code RoutingNumber}: the bank's ABA routing number (public; no authentication). */
public final class RoutingNumber extends BankingIntent {
  public RoutingNumber() {
    super("RoutingNumber", false, Queue.GENERAL);
  }

  @Override
  public Reply handle(TurnContext ctx) {
    String rn = ctx.config().routingNumber();
    return Replies.fulfilled(
        ctx,
        Say.builder()
            .text("Our routing number is ")
            .digits(rn)
            .text(".")
            .voice(" Again, that's " + Say.digits(rn) + ".")
            .build());
  }
}
