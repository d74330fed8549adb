package com.cci.fulfillment.intents;

import com.cci.fulfillment.bank.BankModels.Account;
import com.cci.fulfillment.bank.BankModels.TransferRequest;
import com.cci.fulfillment.bank.BankModels.TransferType;
import com.cci.fulfillment.router.Replies;
import com.cci.fulfillment.router.Reply;
import com.cci.fulfillment.router.Say;
import com.cci.fulfillment.router.TurnContext;
import com.cci.fulfillment.session.Masking;
import com.cci.fulfillment.session.SessionContract.Queue;
import java.math.BigDecimal;

/**
 * {@code TransferExternal} (slots {@code PayeeName}, {@code RoutingNumber}, {@code
 * PayeeAccountNumber}, {@code Amount}, {@code FromAccountType}): pays an external payee. The
 * routing number must pass the ABA checksum, the payee account is 4-17 digits and is only ever said
 * back masked; amount at most {@link #LIMIT} and covered by the balance. Confirms, then books once.
 */
public final class TransferExternal extends BankingIntent {
  public static final String PAYEE_NAME = "PayeeName";
  public static final String ROUTING_NUMBER = "RoutingNumber";
  public static final String PAYEE_ACCOUNT = "PayeeAccountNumber";
  public static final String AMOUNT = "Amount";
  public static final String FROM = "FromAccountType";

  /** Per-transfer limit of the core bank for external transfers. */
  public static final BigDecimal LIMIT = new BigDecimal("5000.00");

  public TransferExternal() {
    super("TransferExternal", true, Queue.PAYMENTS);
  }

  @Override
  public Reply handle(TurnContext ctx) {
    String rawPayee = ctx.slot(PAYEE_NAME);
    String payee = SlotRules.payeeName(rawPayee);
    if (payee == null) {
      String lead = rawPayee == null ? "" : "Sorry, I didn't get the name. ";
      return Replies.elicit(
          ctx, PAYEE_NAME, Say.both(lead + "Who would you like to send money to?"));
    }
    String rawRouting = ctx.slot(ROUTING_NUMBER);
    String routing = SlotRules.routingNumber(rawRouting);
    if (routing == null) {
      String lead =
          rawRouting == null ? "" : "That doesn't look like a valid 9-digit routing number. ";
      return Replies.elicit(
          ctx,
          ROUTING_NUMBER,
          Say.builder()
              .text(lead + "What is the payee bank's 9-digit routing number?")
              .voice(" You can enter it on your keypad, followed by the pound key.")
              .build());
    }
    String rawAccount = ctx.slot(PAYEE_ACCOUNT);
    String payeeAccount = SlotRules.externalAccount(rawAccount);
    if (payeeAccount == null) {
      String lead = rawAccount == null ? "" : "An account number has 4 to 17 digits. ";
      return Replies.elicit(
          ctx,
          PAYEE_ACCOUNT,
          Say.builder()
              .text(lead + "What is the payee's account number?")
              .voice(" You can enter it on your keypad, followed by the pound key.")
              .build());
    }
    String rawAmount = ctx.slot(AMOUNT);
    BigDecimal amount = SlotRules.amount(rawAmount);
    if (amount == null || amount.compareTo(LIMIT) > 0) {
      Say.Builder b = Say.builder();
      if (amount != null) {
        b.text("The most you can send to another bank in one transfer is ").money(LIMIT).text(". ");
      } else if (rawAmount != null) {
        b.text("Sorry, that isn't an amount I can use. ");
      }
      return Replies.elicit(
          ctx, AMOUNT, b.text("How much would you like to send, in dollars?").build());
    }
    Accounts.Pick from = Accounts.pick(ctx, FROM, Accounts.of(ctx), null);
    if (!from.done()) {
      return from.reply();
    }
    Account f = from.account();
    Reply shortOfFunds = Transfers.shortOfFunds(ctx, AMOUNT, f, amount, "send");
    if (shortOfFunds != null) {
      return shortOfFunds;
    }
    TransferRequest request =
        new TransferRequest(
            ctx.customerId(),
            TransferType.EXTERNAL,
            f.number(),
            payeeAccount,
            amount,
            payee,
            routing);
    Say summary =
        Say.builder()
            .money(amount)
            .text(" from ")
            .append(Accounts.describe(f))
            .text(" to " + payee + ", account ending in ")
            .digits(Masking.lastFourDigits(payeeAccount))
            .build();
    return Transfers.confirmOrBook(ctx, request, summary);
  }
}
