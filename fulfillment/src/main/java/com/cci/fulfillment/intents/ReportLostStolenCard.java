package com.cci.fulfillment.intents;

import com.cci.fulfillment.bank.BankModels.Card;
import com.cci.fulfillment.router.Reply;
import com.cci.fulfillment.router.TurnContext;
import com.cci.fulfillment.session.SessionContract.Queue;
import java.util.List;
import java.util.Optional;

/**
 * {@code ReportLostStolenCard} (slot {@code CardLast4}, optional when the customer has one usable
 * card): blocks the card at once — no confirmation, every second counts — then routes to the Fraud
 * queue with top priority for the replacement.
 */
public final class ReportLostStolenCard extends BankingIntent {
  public static final String CARD_LAST4 = "CardLast4";

  public ReportLostStolenCard() {
    super("ReportLostStolenCard", true, Queue.FRAUD);
  }

  @Override
  public Reply handle(TurnContext ctx) {
    List<Card> cards = Cards.of(ctx);
    List<Card> usable = Cards.notBlocked(cards);
    String raw = ctx.slot(CARD_LAST4);
    String last4 = SlotRules.last4(raw);
    if (last4 != null) {
      Optional<Card> c = Cards.byLast4(cards, last4);
      if (c.isPresent()) {
        return Cards.blockAndRouteToFraud(
            ctx, Cards.notBlocked(List.of(c.get())), "card reported lost or stolen");
      }
      return Cards.askWhich(
          ctx, CARD_LAST4, "I couldn't find a card of yours ending in " + last4 + ".", usable);
    }
    if (raw == null && usable.size() <= 1) {
      return Cards.blockAndRouteToFraud(ctx, usable, "card reported lost or stolen");
    }
    return Cards.askWhich(
        ctx,
        CARD_LAST4,
        raw == null ? "I'll block the card right away." : "That wasn't four digits.",
        usable);
  }
}
