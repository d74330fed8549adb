package com.cci.fulfillment.intents;

import com.cci.fulfillment.bank.BankModels.Account;
import com.cci.fulfillment.router.Replies;
import com.cci.fulfillment.router.Reply;
import com.cci.fulfillment.router.Say;
import com.cci.fulfillment.router.TurnContext;
import com.cci.fulfillment.session.SessionContract.Queue;
import java.util.List;

/**
 * {@code AccountDetails} (slot {@code AccountType}, optional): which accounts the customer holds
 * (type, last four digits, currency, balance); with a type, just that account.
 */
public final class AccountDetails extends BankingIntent {
  public static final String ACCOUNT_TYPE = "AccountType";

  public AccountDetails() {
    super("AccountDetails", true, Queue.CUSTOMER_SERVICE);
  }

  @Override
  public Reply handle(TurnContext ctx) {
    List<Account> accounts = Accounts.of(ctx);
    List<Account> shown = accounts;
    if (ctx.slot(ACCOUNT_TYPE) != null) {
      Accounts.Pick pick = Accounts.pick(ctx, ACCOUNT_TYPE, accounts, null);
      if (!pick.done()) {
        return pick.reply();
      }
      shown = List.of(pick.account());
    }
    Say.Builder b = Say.builder();
    if (shown.size() > 1) {
      b.text("You have " + shown.size() + " accounts with us.");
    }
    for (Account a : shown) {
      b.text(" ")
          .append(Accounts.describe(a).capitalised())
          .text(" is a " + (a.currency() == null ? "USD" : a.currency()) + " account with a ")
          .text("balance of ")
          .money(a.balance())
          .text(".");
    }
    return Replies.fulfilled(ctx, b.build());
  }
}
