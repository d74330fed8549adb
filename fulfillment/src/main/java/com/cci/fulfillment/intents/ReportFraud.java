package com.cci.fulfillment.intents;

import com.cci.fulfillment.bank.BankModels.Card;
import com.cci.fulfillment.router.Reply;
import com.cci.fulfillment.router.TurnContext;
import com.cci.fulfillment.session.SessionContract.Queue;
import java.util.List;
import java.util.Optional;

/**
 * {@code ReportFraud} (slot {@code CardLast4}, optional): blocks the named card, or every card not
 * yet blocked when none is named (a suspected compromise is not the moment to ask which), then
 * routes to the Fraud queue with top priority.
 */
public final class ReportFraud extends BankingIntent {
  public static final String CARD_LAST4 = "CardLast4";

  public ReportFraud() {
    super("ReportFraud", true, Queue.FRAUD);
  }

  @Override
  public Reply handle(TurnContext ctx) {
    List<Card> cards = Cards.of(ctx);
    String last4 = SlotRules.last4(ctx.slot(CARD_LAST4));
    if (last4 != null) {
      Optional<Card> c = Cards.byLast4(cards, last4);
      if (c.isPresent()) {
        return Cards.blockAndRouteToFraud(
            ctx, Cards.notBlocked(List.of(c.get())), "fraud reported on one card");
      }
    }
    return Cards.blockAndRouteToFraud(ctx, Cards.notBlocked(cards), "fraud reported, all cards");
  }
}
