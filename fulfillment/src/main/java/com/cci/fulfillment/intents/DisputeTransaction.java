package com.cci.fulfillment.intents;

import com.cci.fulfillment.bank.BankModels.Account;
import com.cci.fulfillment.bank.BankModels.Transaction;
import com.cci.fulfillment.router.Replies;
import com.cci.fulfillment.router.Reply;
import com.cci.fulfillment.router.Say;
import com.cci.fulfillment.router.TurnContext;
import com.cci.fulfillment.session.Masking;
import com.cci.fulfillment.session.SessionContract.Queue;
import com.cci.schemas.fulfillment.FulfillmentEvent.Outcome;
import com.cci.schemas.lex.Intent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code DisputeTransaction} (slots {@code Amount}, {@code TransactionDate}, {@code AccountType}):
 * finds the debit of that amount posted within {@value #WINDOW_DAYS} days of the date, reads it
 * back for confirmation, then hands the confirmed dispute to the Disputes queue with the
 * transaction's date, merchant and amount in the whisper (the contract has no dispute operation).
 */
public final class DisputeTransaction extends BankingIntent {
  public static final String AMOUNT = "Amount";
  public static final String TRANSACTION_DATE = "TransactionDate";
  public static final String ACCOUNT_TYPE = "AccountType";
  static final int WINDOW_DAYS = 3;

  public DisputeTransaction() {
    super("DisputeTransaction", true, Queue.DISPUTES);
  }

  @Override
  public Reply handle(TurnContext ctx) {
    String rawAmount = ctx.slot(AMOUNT);
    BigDecimal amount = SlotRules.amount(rawAmount);
    if (amount == null) {
      String lead = rawAmount == null ? "" : "Sorry, that isn't an amount I can use. ";
      return Replies.elicit(
          ctx, AMOUNT, Say.both(lead + "What was the amount of the charge you want to dispute?"));
    }
    String rawDate = ctx.slot(TRANSACTION_DATE);
    LocalDate date = SlotRules.date(rawDate);
    if (date == null || date.isAfter(ctx.today())) {
      String lead =
          rawDate == null
              ? ""
              : date == null ? "Sorry, I didn't get that date. " : "That date is in the future. ";
      return Replies.elicit(
          ctx, TRANSACTION_DATE, Say.both(lead + "On what date did the charge appear?"));
    }
    Accounts.Pick pick = Accounts.pick(ctx, ACCOUNT_TYPE, Accounts.of(ctx), null);
    if (!pick.done()) {
      return pick.reply();
    }
    Account a = pick.account();
    LocalDate from = date.minusDays(WINDOW_DAYS);
    LocalDate to =
        date.plusDays(WINDOW_DAYS).isAfter(ctx.today()) ? ctx.today() : date.plusDays(WINDOW_DAYS);
    List<Transaction> tx = ctx.bank(b -> b.transactions(a.number(), from, to));
    Transaction match =
        tx.stream()
            .filter(t -> t.amount().signum() < 0 && t.amount().negate().compareTo(amount) == 0)
            .min(Comparator.comparingLong(t -> Math.abs(ChronoUnit.DAYS.between(t.date(), date))))
            .orElse(null);
    if (match == null) {
      return Replies.elicit(
          ctx,
          TRANSACTION_DATE,
          Say.builder()
              .text("I couldn't find a charge of ")
              .money(amount)
              .text(" on ")
              .append(Accounts.describe(a))
              .text(" around ")
              .date(date)
              .text(". On what date did it appear?")
              .build());
    }
    String merchant = Masking.scrubDigits(match.description());
    if (ctx.intent().confirmationState() != Intent.ConfirmationState.CONFIRMED) {
      return Replies.confirm(
          ctx,
          Say.builder()
              .text("I found a charge of ")
              .money(amount)
              .text(" at " + merchant + " on ")
              .date(match.date())
              .text(". Do you want to dispute this charge? Please say yes or no.")
              .build());
    }
    return Replies.escalate(
        ctx,
        Queue.DISPUTES,
        "dispute "
            + Say.money(amount)
            + " at "
            + merchant
            + " on "
            + match.date().format(DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US)),
        Masking.last4(a.number()),
        Say.both(
            "Thank you. I'm transferring you to our disputes team, who will open the dispute"
                + " for this charge now."),
        Intent.State.FULFILLED,
        Outcome.ESCALATED,
        null,
        null);
  }
}
