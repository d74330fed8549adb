package com.cci.fulfillment.intents;

import com.cci.fulfillment.bank.BankApiException;
import com.cci.fulfillment.bank.BankModels.Account;
import com.cci.fulfillment.bank.BankModels.DisputeCase;
import com.cci.fulfillment.bank.BankModels.DisputeReason;
import com.cci.fulfillment.bank.BankModels.DisputeRequest;
import com.cci.fulfillment.bank.BankModels.Transaction;
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
 * back for confirmation, then opens a dispute case ({@code POST /disputes}, idempotency key from
 * the Lex session and the confirmation turn: a duplicated turn opens one case), reads the case id
 * back and hands over to the Disputes queue with the case id, date, merchant and amount in the
 * whisper. A charge already disputed, a refusal or a bank outage still goes to Disputes, the
 * whisper saying which.
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
    String charge =
        Say.money(amount)
            + " at "
            + merchant
            + " on "
            + match.date().format(DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US));
    DisputeRequest request =
        new DisputeRequest(ctx.customerId(), a.number(), match.id(), amount, DisputeReason.OTHER);
    String key = IdempotencyKeys.disputeKey(ctx, request);
    DisputeCase opened;
    try {
      opened = ctx.bank(b -> b.openDispute(key, request));
    } catch (BankUnavailableException e) {
      return Replies.outcomeUnknown(
          ctx,
          Queue.DISPUTES,
          "dispute " + charge + "; case outcome unknown (" + e.reason() + "), check first",
          Masking.last4(a.number()),
          e);
    } catch (BankApiException e) {
      boolean already = "ALREADY_DISPUTED".equals(e.code());
      return Replies.escalate(
          ctx,
          Queue.DISPUTES,
          (already ? "already disputed: " : "dispute refused (" + e.code() + "): ") + charge,
          Masking.last4(a.number()),
          Say.both(
              already
                  ? "That charge is already being disputed. I'm transferring you to our disputes"
                      + " team, who can tell you where it stands."
                  : "I couldn't open the dispute myself. I'm transferring you to our disputes"
                      + " team, who will open it for this charge now."),
          Intent.State.FULFILLED,
          Outcome.ESCALATED,
          already ? null : ErrorClass.BACKEND_ERROR,
          e.code());
    }
    return Replies.escalate(
        ctx,
        Queue.DISPUTES,
        "case " + opened.caseId() + " opened: " + charge,
        Masking.last4(a.number()),
        Say.builder()
            .text("I've opened dispute case ")
            .append(caseId(opened.caseId()))
            .text(" for this charge. I'm transferring you to our disputes team, who will take it")
            .text(" from here.")
            .build(),
        Intent.State.FULFILLED,
        Outcome.ESCALATED,
        null,
        null);
  }

  /** "DSP-000123": the digits spoken one by one on voice. */
  static Say caseId(String id) {
    int dash = id.lastIndexOf('-');
    if (dash < 0 || dash == id.length() - 1) {
      return Say.both(id);
    }
    return Say.builder().text(id.substring(0, dash + 1)).digits(id.substring(dash + 1)).build();
  }
}
