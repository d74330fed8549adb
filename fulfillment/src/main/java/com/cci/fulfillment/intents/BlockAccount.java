package com.cci.fulfillment.intents;

import com.cci.fulfillment.bank.BankModels.Account;
import com.cci.fulfillment.bank.BankModels.Card;
import com.cci.fulfillment.router.Replies;
import com.cci.fulfillment.router.Reply;
import com.cci.fulfillment.router.Say;
import com.cci.fulfillment.router.TurnContext;
import com.cci.fulfillment.session.Masking;
import com.cci.fulfillment.session.SessionContract.Queue;
import com.cci.schemas.fulfillment.FulfillmentEvent.Outcome;
import com.cci.schemas.lex.Intent;
import java.util.List;

/**
 * {@code BlockAccount} (slot {@code AccountType}): after a confirmation, blocks every card of the
 * customer at once (the core-banking contract's only blocking operation) and hands the contact to
 * the Security queue, whose specialist freezes the account itself (no account-freeze operation in
 * the contract). A denial cancels.
 */
public final class BlockAccount extends BankingIntent {
  public static final String ACCOUNT_TYPE = "AccountType";

  public BlockAccount() {
    super("BlockAccount", true, Queue.SECURITY);
  }

  @Override
  public Reply handle(TurnContext ctx) {
    Accounts.Pick pick = Accounts.pick(ctx, ACCOUNT_TYPE, Accounts.of(ctx), null);
    if (!pick.done()) {
      return pick.reply();
    }
    Account a = pick.account();
    if (ctx.intent().confirmationState() != Intent.ConfirmationState.CONFIRMED) {
      return Replies.confirm(
          ctx,
          Say.builder()
              .text("Just to confirm: you want to block ")
              .append(Accounts.describe(a))
              .text(". I'll block your cards right away and a security specialist will freeze the")
              .text(" account. Shall I go ahead? Please say yes or no.")
              .build());
    }
    String id = ctx.customerId();
    List<Card> cards = Cards.notBlocked(Cards.of(ctx));
    for (Card c : cards) {
      ctx.bank(b -> b.blockCard(id, c.id()));
    }
    return Replies.escalate(
        ctx,
        Queue.SECURITY,
        "customer asked to block the account; " + cards.size() + " card(s) blocked",
        Masking.last4(a.number()),
        Say.builder()
            .text("I've blocked your cards. I'm transferring you to a security specialist to")
            .text(" freeze ")
            .append(Accounts.describe(a))
            .text(" now.")
            .build(),
        Intent.State.FULFILLED,
        Outcome.ESCALATED,
        null,
        null);
  }
}
