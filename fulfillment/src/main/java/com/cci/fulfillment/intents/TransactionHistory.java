package com.cci.fulfillment.intents;

import com.cci.fulfillment.bank.BankModels.Account;
import com.cci.fulfillment.bank.BankModels.Transaction;
import com.cci.fulfillment.router.Replies;
import com.cci.fulfillment.router.Reply;
import com.cci.fulfillment.router.Say;
import com.cci.fulfillment.router.TurnContext;
import com.cci.fulfillment.session.Masking;
import com.cci.fulfillment.session.SessionContract.Queue;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * {@code TransactionHistory} (slots {@code AccountType}, {@code StartDate}, {@code EndDate}): the
 * transactions of one account in a date range. The start date is required, the end date defaults to
 * today; a range in the future, reversed or longer than {@value #MAX_DAYS} days is re-asked. Voice
 * reads the {@value #VOICE_ITEMS} most recent, chat lists {@value #CHAT_ITEMS}.
 */
public final class TransactionHistory extends BankingIntent {
  public static final String ACCOUNT_TYPE = "AccountType";
  public static final String START_DATE = "StartDate";
  public static final String END_DATE = "EndDate";
  static final int MAX_DAYS = 366;
  static final int VOICE_ITEMS = 3;
  static final int CHAT_ITEMS = 5;

  public TransactionHistory() {
    super("TransactionHistory", true, Queue.CUSTOMER_SERVICE);
  }

  @Override
  public Reply handle(TurnContext ctx) {
    LocalDate today = ctx.today();
    String rawStart = ctx.slot(START_DATE);
    LocalDate start = SlotRules.date(rawStart);
    if (start == null) {
      String lead = rawStart == null ? "" : "Sorry, I didn't get that date. ";
      return Replies.elicit(
          ctx,
          START_DATE,
          Say.both(lead + "From which date would you like to hear your transactions?"));
    }
    if (start.isAfter(today)) {
      return Replies.elicit(
          ctx, START_DATE, Say.both("That date is in the future. From which date should I start?"));
    }
    LocalDate end = SlotRules.date(ctx.slot(END_DATE));
    if (end == null || end.isAfter(today)) {
      end = today;
    }
    if (end.isBefore(start)) {
      return Replies.elicit(
          ctx,
          START_DATE,
          Say.both("The start date must be before the end date. From which date should I start?"));
    }
    if (ChronoUnit.DAYS.between(start, end) > MAX_DAYS) {
      return Replies.elicit(
          ctx,
          START_DATE,
          Say.both("I can look back up to one year at a time. From which date should I start?"));
    }
    Accounts.Pick pick = Accounts.pick(ctx, ACCOUNT_TYPE, Accounts.of(ctx), null);
    if (!pick.done()) {
      return pick.reply();
    }
    Account a = pick.account();
    LocalDate from = start;
    LocalDate to = end;
    List<Transaction> tx = ctx.bank(b -> b.transactions(a.number(), from, to));
    Say.Builder b = Say.builder();
    if (tx.isEmpty()) {
      b.text("There are no transactions on ")
          .append(Accounts.describe(a))
          .text(" between ")
          .date(from)
          .text(" and ")
          .date(to)
          .text(".");
      return Replies.fulfilled(ctx, b.build());
    }
    int shown = Math.min(tx.size(), ctx.voice() ? VOICE_ITEMS : CHAT_ITEMS);
    b.text(
            tx.size() == 1
                ? "There is 1 transaction on "
                : "There are " + tx.size() + " transactions on ")
        .append(Accounts.describe(a))
        .text(" between ")
        .date(from)
        .text(" and ")
        .date(to)
        .text(". ")
        .text(shown == 1 ? "The most recent:" : "The " + shown + " most recent:");
    for (int i = 0; i < shown; i++) {
      Transaction t = tx.get(i);
      b.voice(" <break time=\"300ms\"/>").chat(i == 0 ? " " : "; ");
      b.date(t.date())
          .text(", " + Masking.scrubDigits(t.description()) + ", ")
          .money(t.amount().abs())
          .text(t.amount().signum() < 0 ? " debit" : " credit");
    }
    b.text(".");
    return Replies.fulfilled(ctx, b.build());
  }
}
