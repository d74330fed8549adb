package com.cci.fulfillment.intents;

import com.cci.fulfillment.bank.BankModels.Account;
import com.cci.fulfillment.bank.BankModels.Transaction;
import com.cci.fulfillment.router.Replies;
import com.cci.fulfillment.router.Reply;
import com.cci.fulfillment.router.Say;
import com.cci.fulfillment.router.TurnContext;
import com.cci.fulfillment.session.SessionContract.Queue;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * {@code RequestStatement} (slots {@code AccountType}, {@code StatementMonth}): the statement
 * summary of a closed month in the last 12 — number of transactions, money in, money out — computed
 * from the bank's transactions. The core-banking contract has no statement document endpoint, so
 * the full PDF is pointed to online banking.
 */
public final class RequestStatement extends BankingIntent {
  public static final String ACCOUNT_TYPE = "AccountType";
  public static final String STATEMENT_MONTH = "StatementMonth";

  public RequestStatement() {
    super("RequestStatement", true, Queue.CUSTOMER_SERVICE);
  }

  @Override
  public Reply handle(TurnContext ctx) {
    YearMonth current = YearMonth.from(ctx.today());
    String raw = ctx.slot(STATEMENT_MONTH);
    YearMonth month = SlotRules.month(raw);
    if (month == null) {
      String lead = raw == null ? "" : "Sorry, I didn't get that month. ";
      return Replies.elicit(
          ctx, STATEMENT_MONTH, Say.both(lead + "Which month's statement would you like?"));
    }
    if (!month.isBefore(current)) {
      return Replies.elicit(
          ctx,
          STATEMENT_MONTH,
          Say.both(
              "Statements are available once a month has ended. Which earlier month would you"
                  + " like?"));
    }
    if (month.isBefore(current.minusMonths(12))) {
      return Replies.elicit(
          ctx,
          STATEMENT_MONTH,
          Say.both(
              "I can give you statements for the last 12 months. Which month would you like?"));
    }
    Accounts.Pick pick = Accounts.pick(ctx, ACCOUNT_TYPE, Accounts.of(ctx), null);
    if (!pick.done()) {
      return pick.reply();
    }
    Account a = pick.account();
    List<Transaction> tx =
        ctx.bank(b -> b.transactions(a.number(), month.atDay(1), month.atEndOfMonth()));
    BigDecimal in = BigDecimal.ZERO;
    BigDecimal out = BigDecimal.ZERO;
    for (Transaction t : tx) {
      if (t.amount().signum() >= 0) {
        in = in.add(t.amount());
      } else {
        out = out.add(t.amount().negate());
      }
    }
    String monthName = month.format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.US));
    Say say =
        Say.builder()
            .text("Your " + monthName + " statement for ")
            .append(Accounts.describe(a))
            .text(" shows " + tx.size() + (tx.size() == 1 ? " transaction" : " transactions"))
            .text(": money in ")
            .money(in)
            .text(", money out ")
            .money(out)
            .text(". The full statement is available in online banking under Statements.")
            .build();
    return Replies.fulfilled(ctx, say);
  }
}
