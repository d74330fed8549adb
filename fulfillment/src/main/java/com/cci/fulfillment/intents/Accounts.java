package com.cci.fulfillment.intents;

import com.cci.fulfillment.bank.BankModels.Account;
import com.cci.fulfillment.router.Replies;
import com.cci.fulfillment.router.Reply;
import com.cci.fulfillment.router.Say;
import com.cci.fulfillment.router.TurnContext;
import com.cci.fulfillment.session.Masking;
import com.cci.schemas.fulfillment.FulfillmentEvent.ErrorClass;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Picks one of the customer's accounts from an account-type slot, and says it masked. */
final class Accounts {
  private Accounts() {}

  /** Either the account, or the reply that asks which one. */
  record Pick(Account account, Reply reply) {
    boolean done() {
      return account != null;
    }
  }

  /** The customer's accounts (within the turn budget). */
  static List<Account> of(TurnContext ctx) {
    String id = ctx.customerId();
    return ctx.bank(b -> b.accounts(id));
  }

  /**
   * The account named by the type in {@code slot}; the only account when the slot is empty and
   * there is just one (other than {@code exclude}); else asks.
   */
  static Pick pick(TurnContext ctx, String slot, List<Account> accounts, Account exclude) {
    List<Account> choices =
        accounts.stream()
            .filter(a -> exclude == null || !a.number().equals(exclude.number()))
            .toList();
    if (choices.isEmpty()) {
      return new Pick(
          null,
          Replies.failed(
              ctx,
              Say.both("I couldn't find another account of yours to use for that."),
              ErrorClass.VALIDATION,
              "NO_ACCOUNT"));
    }
    String raw = ctx.slot(slot);
    String type = SlotRules.accountType(raw);
    if (type != null) {
      for (Account a : choices) {
        if (type.equalsIgnoreCase(a.type())) {
          return new Pick(a, null);
        }
      }
    } else if (raw == null && choices.size() == 1) {
      return new Pick(choices.get(0), null);
    }
    String options =
        choices.stream().map(a -> typeName(a)).distinct().collect(Collectors.joining(" or "));
    String lead =
        raw == null
            ? "Which account: " + options + "?"
            : (type == null
                ? "Sorry, I didn't recognise that account type. Which account: " + options + "?"
                : "You don't have a "
                    + typeName(type)
                    + " account with us. Which account: "
                    + options
                    + "?");
    return new Pick(null, Replies.elicit(ctx, slot, Say.both(lead)));
  }

  /** "checking", "savings", "money market". */
  static String typeName(Account a) {
    return typeName(a.type());
  }

  static String typeName(String type) {
    return type == null ? "" : type.toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** "your checking account ending in 0401" (digits spoken one by one on voice). */
  static Say describe(Account a) {
    return Say.builder()
        .text("your " + typeName(a) + " account ending in ")
        .digits(Masking.lastFourDigits(a.number()))
        .build();
  }
}
