package com.cci.fulfillment.intents;

import com.cci.fulfillment.bank.BankModels.Loan;
import com.cci.fulfillment.router.Replies;
import com.cci.fulfillment.router.Reply;
import com.cci.fulfillment.router.Say;
import com.cci.fulfillment.router.TurnContext;
import com.cci.fulfillment.session.SessionContract.Queue;

/** {@code LoanPayoffAmount} (slot {@code LoanType}): today's payoff amount of a loan. */
public final class LoanPayoffAmount extends BankingIntent {
  public LoanPayoffAmount() {
    super("LoanPayoffAmount", true, Queue.LOANS);
  }

  @Override
  public Reply handle(TurnContext ctx) {
    Loans.Pick pick = Loans.pick(ctx);
    if (!pick.done()) {
      return pick.reply();
    }
    Loan l = pick.loan();
    Say say =
        Say.builder()
            .text("To pay off your " + Loans.typeName(l) + " loan today, the amount is ")
            .money(l.payoffAmount())
            .text(", including interest accrued to date. The amount changes daily.")
            .build();
    return Replies.fulfilled(ctx, say);
  }
}
