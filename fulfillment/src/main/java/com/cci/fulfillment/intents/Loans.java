package com.cci.fulfillment.intents;

import com.cci.fulfillment.bank.BankModels.Loan;
import com.cci.fulfillment.router.Replies;
import com.cci.fulfillment.router.Reply;
import com.cci.fulfillment.router.Say;
import com.cci.fulfillment.router.TurnContext;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Picks one of the customer's loans from the {@code LoanType} slot. */
final class Loans {
  private Loans() {}

  static final String LOAN_TYPE = "LoanType";

  /** Either the loan, or the reply (ask which / no loans). */
  record Pick(Loan loan, Reply reply) {
    boolean done() {
      return loan != null;
    }
  }

  static Pick pick(TurnContext ctx) {
    String id = ctx.customerId();
    List<Loan> loans = ctx.bank(b -> b.loans(id));
    if (loans.isEmpty()) {
      return new Pick(
          null,
          Replies.fulfilled(
              ctx,
              Say.both("I don't see any loans with us in your name. Is there anything else?")));
    }
    String raw = ctx.slot(LOAN_TYPE);
    String type = SlotRules.loanType(raw);
    if (type != null) {
      for (Loan l : loans) {
        if (type.equalsIgnoreCase(l.type())) {
          return new Pick(l, null);
        }
      }
    } else if (raw == null && loans.size() == 1) {
      return new Pick(loans.get(0), null);
    }
    String options =
        loans.stream().map(Loans::typeName).distinct().collect(Collectors.joining(" or "));
    String lead =
        type != null
            ? "I don't see a " + typeName(type) + " loan. Which loan: " + options + "?"
            : "Which loan: " + options + "?";
    return new Pick(null, Replies.elicit(ctx, LOAN_TYPE, Say.both(lead)));
  }

  static String typeName(Loan l) {
    return typeName(l.type());
  }

  static String typeName(String type) {
    if ("HELOC".equalsIgnoreCase(type)) {
      return "home equity";
    }
    return type == null ? "" : type.toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  static boolean pastDue(Loan l) {
    return "PAST_DUE".equalsIgnoreCase(l.status());
  }
}
