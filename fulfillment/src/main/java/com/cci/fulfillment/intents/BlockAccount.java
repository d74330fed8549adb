package com.cci.fulfillment.intents;

import com.cci.fulfillment.bank.BankApiException;
import com.cci.fulfillment.bank.BankModels.Account;
import com.cci.fulfillment.bank.BankModels.Card;
import com.cci.fulfillment.bank.BankModels.FreezeReason;
import com.cci.fulfillment.bank.BankModels.FreezeRequest;
import com.cci.fulfillment.bank.BankUnavailableException;
import com.cci.fulfillment.router.IdempotencyKeys;
import com.cci.fulfillment.router.Replies;
import com.cci.fulfillment.router.Reply;
import com.cci.fulfillment.router.Say;
import com.cci.fulfillment.router.TurnContext;
import com.cci.fulfillment.session.Masking;
import com.cci.fulfillment.session.SessionContract.Queue;
import com.cci.schemas.fulfillment.FulfillmentEvent.ErrorClass;
import com.cci.schemas.fulfillment.FulfillmentEvent.Outcome;
import com.cci.schemas.lex.Intent;
import java.util.List;

/**
 * {@code BlockAccount} (slot {@code AccountType}): after a confirmation, blocks every card of the
 * customer at once, freezes the account against debits ({@code POST /accounts/{n}/freeze} with an
 * idempotency key derived from the Lex session and the confirmation turn) and hands the contact to
 * the Security queue (priority 2) to review it. When the freeze cannot be confirmed (bank outage or
 * refusal) the cards stay blocked and Security is told to freeze the account. A denial cancels.
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
              .text(". I'll block your cards and freeze the account right away, then a security")
              .text(" specialist will review it with you. Shall I go ahead? Please say yes or no.")
              .build());
    }
    String id = ctx.customerId();
    List<Card> cards = Cards.notBlocked(Cards.of(ctx));
    for (Card c : cards) {
      ctx.bank(b -> b.blockCard(id, c.id()));
    }
    String blocked = "customer asked to block the account; " + cards.size() + " card(s) blocked";
    FreezeRequest freeze = new FreezeRequest(id, FreezeReason.CUSTOMER_REQUEST);
    String key = IdempotencyKeys.freezeKey(ctx, id, a.number(), freeze.reason().name());
    try {
      ctx.bank(b -> b.freezeAccount(key, a.number(), freeze));
    } catch (BankUnavailableException e) {
      // The cards are blocked; the freeze may or may not have happened: Security checks and does
      // it.
      return notFrozen(
          ctx,
          a,
          blocked + "; freeze outcome unknown (" + e.reason() + "); please freeze",
          Replies.changeErrorClass(e),
          e.reason().name());
    } catch (BankApiException e) {
      return notFrozen(
          ctx,
          a,
          blocked + "; freeze refused (" + e.code() + "); please freeze",
          ErrorClass.BACKEND_ERROR,
          e.code());
    }
    return Replies.escalate(
        ctx,
        Queue.SECURITY,
        blocked + "; account frozen",
        Masking.last4(a.number()),
        Say.builder()
            .text("I've blocked your cards and frozen ")
            .append(Accounts.describe(a))
            .text(", so no money can leave it. I'm transferring you to a security specialist to")
            .text(" review it with you now.")
            .build(),
        Intent.State.FULFILLED,
        Outcome.ESCALATED,
        null,
        null);
  }

  /** Cards blocked but the account not (known to be) frozen: Security freezes it. */
  private static Reply notFrozen(
      TurnContext ctx, Account a, String reason, ErrorClass errorClass, String code) {
    return Replies.escalate(
        ctx,
        Queue.SECURITY,
        reason,
        Masking.last4(a.number()),
        Say.builder()
            .text("I've blocked your cards. I'm transferring you to a security specialist to")
            .text(" freeze ")
            .append(Accounts.describe(a))
            .text(" now.")
            .build(),
        Intent.State.FULFILLED,
        Outcome.ESCALATED,
        errorClass,
        code);
  }
}
