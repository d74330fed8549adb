package com.cci.fulfillment.intents;

import com.cci.fulfillment.bank.BankModels.Account;
import com.cci.fulfillment.bank.BankModels.Balance;
import com.cci.fulfillment.router.Replies;
import com.cci.fulfillment.router.Reply;
import com.cci.fulfillment.router.Say;
import com.cci.fulfillment.router.TurnContext;
import com.cci.fulfillment.session.Masking;
import com.cci.fulfillment.session.SessionContract.Queue;
import java.util.List;

/**
 * {@code CheckBalance} (slot {@code AccountType}, optional): the available balance of one account.
 * Without a type, chat lists every account's balance; voice asks which account (a list is hard to
 * follow by ear).
 */
public final class CheckBalance extends BankingIntent {
  public static final String ACCOUNT_TYPE = "AccountType";

  public CheckBalance() {
    super("CheckBalance", true, Queue.CUSTOMER_SERVICE);
  }

  @Override
  public Reply handle(TurnContext ctx) {
    List<Account> accounts = Accounts.of(ctx);
    if (ctx.slot(ACCOUNT_TYPE) == null && accounts.size() > 1 && !ctx.voice()) {
      Say.Builder b = Say.builder().text("Here are your available balances:");
      for (int i = 0; i < accounts.size(); i++) {
        Account a = accounts.get(i);
        Balance bal = ctx.bank(c -> c.balance(a.number()));
        b.text(i == 0 ? " " : "; ")
            .text(Accounts.typeName(a) + " account ending in ")
            .digits(Masking.lastFourDigits(a.number()))
            .text(", ")
            .money(bal.available());
      }
      return Replies.fulfilled(ctx, b.text(".").build());
    }
    Accounts.Pick pick = Accounts.pick(ctx, ACCOUNT_TYPE, accounts, null);
    if (!pick.done()) {
      return pick.reply();
    }
    Account a = pick.account();
    Balance bal = ctx.bank(c -> c.balance(a.number()));
    Say say =
        Say.builder()
            .text("The available balance in ")
            .append(Accounts.describe(a))
            .text(" is ")
            .money(bal.available())
            .text(".")
            .build();
    return Replies.fulfilled(ctx, say);
  }
}
