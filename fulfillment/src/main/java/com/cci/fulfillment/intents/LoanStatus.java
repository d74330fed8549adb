package com.cci.fulfillment.intents;

import com.cci.fulfillment.bank.BankModels.Loan;
import com.cci.fulfillment.router.Replies;
import com.cci.fulfillment.router.Reply;
import com.cci.fulfillment.router.Say;
import com.cci.fulfillment.router.TurnContext;
import com.cci.fulfillment.session.SessionContract.Queue;
import java.util.Locale;

/** {@code LoanStatus} (slot {@code LoanType}): status, outstanding balance and rate of a loan. */
public final class LoanStatus extends BankingIntent {
  public LoanStatus() {
    super("LoanStatus", true, Queue.LOANS);
  }

  @Override
  public Reply handle(TurnContext ctx) {
    Loans.Pick pick = Loans.pick(ctx);
    if (!pick.done()) {
      return pick.reply();
    }
    Loan l = pick.loan();
    String status = l.status() == null ? "open" : Loans.typeName(l.status());
    Say say =
        Say.builder()
            .text("Your " + Loans.typeName(l) + " loan is " + status.toLowerCase(Locale.ROOT))
            .text(". The outstanding balance is ")
            .money(l.outstandingBalance())
            .text(
                " at an interest rate of " + l.interestRate().stripTrailingZeros().toPlainString())
            .text(" percent.")
            .build();
    return Replies.fulfilled(ctx, say);
  }
}
