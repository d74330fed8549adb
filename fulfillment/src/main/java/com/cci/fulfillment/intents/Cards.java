package com.cci.fulfillment.intents;

import com.cci.fulfillment.bank.BankModels.Card;
import com.cci.fulfillment.router.Replies;
import com.cci.fulfillment.router.Reply;
import com.cci.fulfillment.router.Say;
import com.cci.fulfillment.router.TurnContext;
import com.cci.fulfillment.session.SessionContract.Queue;
import com.cci.schemas.fulfillment.FulfillmentEvent.Outcome;
import com.cci.schemas.lex.Intent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Card lookups, spoken descriptions and the block-then-route-to-Fraud step. */
final class Cards {
  private Cards() {}

  static final String BLOCKED = "BLOCKED";

  static List<Card> of(TurnContext ctx) {
    String id = ctx.customerId();
    return ctx.bank(b -> b.cards(id));
  }

  static Optional<Card> byLast4(List<Card> cards, String last4) {
    return cards.stream().filter(c -> c.last4().equals(last4)).findFirst();
  }

  static List<Card> notBlocked(List<Card> cards) {
    return cards.stream().filter(c -> !BLOCKED.equalsIgnoreCase(c.status())).toList();
  }

  /** "your debit card ending in 4417". */
  static Say describe(Card c) {
    return Say.builder()
        .text("your " + c.type().toLowerCase(Locale.ROOT).replace('_', ' ') + " card ending in ")
        .digits(c.last4())
        .build();
  }

  /** Asks for the last four digits of the card, listing the candidates' last four. */
  static Reply askWhich(TurnContext ctx, String slot, String lead, List<Card> candidates) {
    Say.Builder b = Say.builder().text(lead);
    if (!candidates.isEmpty()) {
      b.text(" Your cards end in ");
      for (int i = 0; i < candidates.size(); i++) {
        if (i > 0) {
          b.text(i == candidates.size() - 1 ? " and " : ", ");
        }
        b.digits(candidates.get(i).last4());
      }
      b.text(".");
    }
    b.text(" Please say or enter the last four digits of the card")
        .voice(" on your keypad")
        .text(".");
    return Replies.elicit(ctx, slot, b.build());
  }

  /**
   * Blocks each card at once (retried by the client: blocking is idempotent), then hands the
   * contact to the Fraud queue with top priority.
   */
  static Reply blockAndRouteToFraud(TurnContext ctx, List<Card> cards, String reason) {
    String id = ctx.customerId();
    List<Card> blocked = new ArrayList<>();
    for (Card c : cards) {
      blocked.add(ctx.bank(b -> b.blockCard(id, c.id())));
    }
    Say.Builder b = Say.builder();
    if (blocked.isEmpty()) {
      b.text("Your cards are already blocked, so they can't be used.");
    } else {
      b.text("I've blocked ");
      for (int i = 0; i < blocked.size(); i++) {
        if (i > 0) {
          b.text(i == blocked.size() - 1 ? " and " : ", ");
        }
        b.append(describe(blocked.get(i)));
      }
      b.text(blocked.size() == 1 ? ", so it can't be used." : ", so they can't be used.");
    }
    b.text(" I'm transferring you to our fraud team now, as a priority.");
    String masked =
        blocked.isEmpty()
            ? null
            : blocked.stream().map(c -> "****" + c.last4()).collect(Collectors.joining(","));
    return Replies.escalate(
        ctx,
        Queue.FRAUD,
        reason + "; " + blocked.size() + " card(s) blocked",
        masked,
        b.build(),
        Intent.State.FULFILLED,
        Outcome.ESCALATED,
        null,
        null);
  }
}
