package com.cci.fulfillment.intents;

import com.cci.fulfillment.bank.BankApiException;
import com.cci.fulfillment.bank.BankModels.Account;
import com.cci.fulfillment.bank.BankModels.TransferRequest;
import com.cci.fulfillment.bank.BankModels.TransferResult;
import com.cci.fulfillment.bank.BankUnavailableException;
import com.cci.fulfillment.router.IdempotencyKeys;
import com.cci.fulfillment.router.Replies;
import com.cci.fulfillment.router.Reply;
import com.cci.fulfillment.router.Say;
import com.cci.fulfillment.router.TurnContext;
import com.cci.fulfillment.session.Masking;
import com.cci.fulfillment.session.SessionContract.Queue;
import com.cci.schemas.fulfillment.FulfillmentEvent.ErrorClass;
import com.cci.schemas.lex.Intent;
import java.math.BigDecimal;

/**
 * The confirm-then-move-money step shared by both transfer intents: without a confirmation the
 * customer is asked (ConfirmIntent); once confirmed the transfer is booked with an idempotency key
 * derived from the Lex session and the confirmation turn ({@link IdempotencyKeys}), so duplicated
 * or retried invocations book it once. A bank refusal is explained; an unknown outcome (the bank
 * went away mid-call) goes to the Payments queue flagged "check before retrying".
 */
final class Transfers {
  private Transfers() {}

  /**
   * Re-asks for the amount when the source account's balance does not cover it; null when it does
   * (or the balance is unknown — the bank then has the last word).
   *
   * @param verb "send" or "transfer", as the intent's own prompt says it
   */
  static Reply shortOfFunds(
      TurnContext ctx, String amountSlot, Account from, BigDecimal amount, String verb) {
    if (from.balance() == null || from.balance().compareTo(amount) >= 0) {
      return null;
    }
    return Replies.elicit(
        ctx,
        amountSlot,
        Say.builder()
            .text("You have ")
            .money(from.balance())
            .text(" available in ")
            .append(Accounts.describe(from))
            .text(". How much would you like to " + verb + "?")
            .build());
  }

  /**
   * @param summary "$100.00 from your checking account ending in 0401 to ..." (masked)
   */
  static Reply confirmOrBook(TurnContext ctx, TransferRequest request, Say summary) {
    Intent.ConfirmationState cs = ctx.intent().confirmationState();
    if (cs != Intent.ConfirmationState.CONFIRMED) {
      return Replies.confirm(
          ctx,
          Say.builder()
              .text("Just to confirm: transfer ")
              .append(summary)
              .text(". Shall I go ahead? Please say yes or no.")
              .build());
    }
    String key = IdempotencyKeys.transferKey(ctx, request);
    TransferResult r;
    try {
      r = ctx.bank(b -> b.transfer(key, request));
    } catch (BankUnavailableException e) {
      return Replies.outcomeUnknown(
          ctx,
          Queue.PAYMENTS,
          "transfer outcome unknown (" + e.reason() + "); check before retrying",
          Masking.last4(request.fromAccount()),
          e);
    } catch (BankApiException e) {
      return Replies.failed(ctx, Say.both(refusal(e.code())), ErrorClass.VALIDATION, e.code());
    }
    return Replies.fulfilled(
        ctx,
        Say.builder()
            .text("Done. I've transferred ")
            .append(summary)
            .text(". The balance left in the account you sent from is ")
            .money(r.fromBalanceAfter())
            .text(".")
            .chat(" Reference: " + r.transferId() + ".")
            .build());
  }

  static String refusal(String code) {
    return switch (code == null ? "" : code) {
      case "INSUFFICIENT_FUNDS" ->
          "I couldn't make that transfer: there isn't enough money in the account. Nothing was"
              + " moved.";
      case "AMOUNT_LIMIT_EXCEEDED" ->
          "I couldn't make that transfer: the amount is above the limit for one transfer. Nothing"
              + " was moved.";
      case "ACCOUNT_FROZEN" ->
          "I couldn't make that transfer: the account is frozen. Nothing was moved.";
      case "SAME_ACCOUNT" ->
          "I couldn't make that transfer: the two accounts are the same. Nothing was moved.";
      case "UNKNOWN_DESTINATION" ->
          "I couldn't make that transfer: the destination account wasn't found. Nothing was"
              + " moved.";
      default -> "I couldn't make that transfer, and nothing was moved.";
    };
  }
}
