package com.cci.fulfillment.intents;

import com.cci.fulfillment.bank.BankModels.Loan;
import com.cci.fulfillment.router.Replies;
import com.cci.fulfillment.router.Reply;
import com.cci.fulfillment.router.Say;
import com.cci.fulfillment.router.TurnContext;
import com.cci.fulfillment.session.SessionContract.Queue;

/**
 * {@code LoanPaymentDue} (slot {@code LoanType}): the next payment and its due date; a past-due
 * loan says so and points to the loans team.
 */
public final class LoanPaymentDue extends BankingIntent {
  public LoanPaymentDue() {
    super("LoanPaymentDue", true, Queue.LOANS);
  }

  @Override
  public Reply handle(TurnContext ctx) {
    Loans.Pick pick = Loans.pick(ctx);
    if (!pick.done()) {
      return pick.reply();
    }
    Loan l = pick.loan();
    Say.Builder b = Say.builder();
    if (Loans.pastDue(l)) {
      b.text("Your " + Loans.typeName(l) + " loan is past due. A payment of ")
          .money(l.nextPaymentAmount())
          .text(" was due on ")
          .date(l.nextPaymentDue())
          .text(". If you'd like help with it, just ask for an agent.");
    } else {
      b.text("Your next " + Loans.typeName(l) + " loan payment of ")
          .money(l.nextPaymentAmount())
          .text(" is due on ")
          .date(l.nextPaymentDue())
          .text(".");
    }
    return Replies.fulfilled(ctx, b.build());
  }
}
