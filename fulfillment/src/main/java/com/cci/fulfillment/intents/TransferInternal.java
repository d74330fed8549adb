package com.cci.fulfillment.intents;

import com.cci.fulfillment.bank.BankModels.Account;
import com.cci.fulfillment.bank.BankModels.TransferRequest;
import com.cci.fulfillment.bank.BankModels.TransferType;
import com.cci.fulfillment.router.Replies;
import com.cci.fulfillment.router.Reply;
import com.cci.fulfillment.router.Say;
import com.cci.fulfillment.router.TurnContext;
import com.cci.fulfillment.session.SessionContract.Queue;
import java.math.BigDecimal;
import java.util.List;

/**
 * {@code TransferInternal} (slots {@code Amount}, {@code FromAccountType}, {@code ToAccountType}):
 * moves money between the customer's own accounts. Amount positive, two decimals at most, at most
 * {@link #LIMIT}, covered by the source balance; accounts distinct. Confirms, then books once.
 */
public final class TransferInternal extends BankingIntent {
  public static final String AMOUNT = "Amount";
  public static final String FROM = "FromAccountType";
  public static final String TO = "ToAccountType";

  /** Per-transfer limit of the core bank for internal transfers. */
  public static final BigDecimal LIMIT = new BigDecimal("25000.00");

  public TransferInternal() {
    super("TransferInternal", true, Queue.PAYMENTS);
  }

  @Override
  public Reply handle(TurnContext ctx) {
    String raw = ctx.slot(AMOUNT);
    BigDecimal amount = SlotRules.amount(raw);
    if (amount == null) {
      String lead = raw == null ? "" : "Sorry, that isn't an amount I can use. ";
      return Replies.elicit(
          ctx, AMOUNT, Say.both(lead + "How much would you like to transfer, in dollars?"));
    }
    if (amount.compareTo(LIMIT) > 0) {
      return Replies.elicit(
          ctx,
          AMOUNT,
          Say.builder()
              .text("The most you can move between your accounts in one transfer is ")
              .money(LIMIT)
              .text(". How much would you like to transfer?")
              .build());
    }
    List<Account> accounts = Accounts.of(ctx);
    Accounts.Pick from = Accounts.pick(ctx, FROM, accounts, null);
    if (!from.done()) {
      return from.reply();
    }
    Accounts.Pick to = Accounts.pick(ctx, TO, accounts, from.account());
    if (!to.done()) {
      return to.reply();
    }
    Account f = from.account();
    Reply shortOfFunds = Transfers.shortOfFunds(ctx, AMOUNT, f, amount, "transfer");
    if (shortOfFunds != null) {
      return shortOfFunds;
    }
    TransferRequest request =
        new TransferRequest(
            ctx.customerId(),
            TransferType.INTERNAL,
            f.number(),
            to.account().number(),
            amount,
            null,
            null);
    Say summary =
        Say.builder()
            .money(amount)
            .text(" from ")
            .append(Accounts.describe(f))
            .text(" to ")
            .append(Accounts.describe(to.account()))
            .build();
    return Transfers.confirmOrBook(ctx, request, summary);
  }
}
