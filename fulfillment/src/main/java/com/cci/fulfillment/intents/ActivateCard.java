package com.cci.fulfillment.intents;

import com.cci.fulfillment.bank.BankApiException;
import com.cci.fulfillment.bank.BankModels.Card;
import com.cci.fulfillment.router.Replies;
import com.cci.fulfillment.router.Reply;
import com.cci.fulfillment.router.Say;
import com.cci.fulfillment.router.TurnContext;
import com.cci.fulfillment.session.SessionContract.Queue;
import com.cci.schemas.fulfillment.FulfillmentEvent.ErrorClass;
import com.cci.schemas.fulfillment.FulfillmentEvent.Outcome;
import com.cci.schemas.lex.Intent;

/**
 * {@code ActivateCard} (slot {@code CardLast4}): activates the customer's inactive card with those
 * last four digits. Already active → says so; blocked → to the Cards queue; unknown → asks again.
 */
public final class ActivateCard extends BankingIntent {
  public static final String CARD_LAST4 = "CardLast4";

  public ActivateCard() {
    super("ActivateCard", true, Queue.CARDS);
  }

  @Override
  public Reply handle(TurnContext ctx) {
    String raw = ctx.slot(CARD_LAST4);
    String last4 = SlotRules.last4(raw);
    if (last4 == null) {
      String lead = raw == null ? "" : "That wasn't four digits. ";
      return Replies.elicit(
          ctx,
          CARD_LAST4,
          Say.builder()
              .text(lead + "What are the last four digits of the card you want to activate?")
              .voice(" You can enter them on your keypad.")
              .build());
    }
    String id = ctx.customerId();
    try {
      Card c = ctx.bank(b -> b.activateCard(id, last4));
      return Replies.fulfilled(
          ctx,
          Say.builder()
              .append(Cards.describe(c).capitalised())
              .text(" is now active and ready to use.")
              .build());
    } catch (BankApiException e) {
      return switch (e.code()) {
        case "CARD_NOT_FOUND" ->
            Cards.askWhich(
                ctx,
                CARD_LAST4,
                "I couldn't find a card of yours ending in " + last4 + ".",
                Cards.notBlocked(Cards.of(ctx)));
        case "CARD_ALREADY_ACTIVE" ->
            Replies.fulfilled(
                ctx,
                Say.builder()
                    .text("Your card ending in ")
                    .digits(last4)
                    .text(" is already active. There's nothing more to do.")
                    .build());
        case "CARD_BLOCKED" ->
            Replies.escalate(
                ctx,
                Queue.CARDS,
                "activation refused: card is blocked",
                "****" + last4,
                Say.builder()
                    .text("Your card ending in ")
                    .digits(last4)
                    .text(
                        " is blocked and can't be activated. I'm transferring you to our card"
                            + " team.")
                    .build(),
                Intent.State.FAILED,
                Outcome.ESCALATED,
                ErrorClass.VALIDATION,
                e.code());
        default -> throw e;
      };
    }
  }
}
