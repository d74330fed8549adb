package com.cci.fulfillment.intents;

import com.cci.fulfillment.bank.BankApiException;
import com.cci.fulfillment.bank.BankModels.ContactType;
import com.cci.fulfillment.bank.BankModels.ContactUpdate;
import com.cci.fulfillment.bank.BankModels.ContactUpdateResult;
import com.cci.fulfillment.bank.BankUnavailableException;
import com.cci.fulfillment.router.IdempotencyKeys;
import com.cci.fulfillment.router.Replies;
import com.cci.fulfillment.router.Reply;
import com.cci.fulfillment.router.Say;
import com.cci.fulfillment.router.TurnContext;
import com.cci.fulfillment.session.SessionContract.Queue;
import com.cci.schemas.fulfillment.FulfillmentEvent.ErrorClass;
import com.cci.schemas.lex.Intent;

/**
 * {@code UpdateContactInfo} (slots {@code ContactType} = Email or Phone, {@code NewValue}):
 * validates the new e-mail address or phone number, reads it back masked and asks for a
 * confirmation; once confirmed the change is made through {@code PUT
 * /customers/{customerId}/contact-details} with an idempotency key derived from the Lex session and
 * the confirmation turn (a duplicated or retried turn changes it once), and the customer hears the
 * masked new value. A bank refusal is explained (nothing changed); a bank outage hands over to
 * CustomerService flagged "outcome unknown". A denial cancels.
 */
public final class UpdateContactInfo extends BankingIntent {
  public static final String CONTACT_TYPE = "ContactType";
  public static final String NEW_VALUE = "NewValue";

  public UpdateContactInfo() {
    super("UpdateContactInfo", true, Queue.CUSTOMER_SERVICE);
  }

  @Override
  public Reply handle(TurnContext ctx) {
    String rawType = ctx.slot(CONTACT_TYPE);
    String type = rawType == null ? null : rawType.trim().toLowerCase(java.util.Locale.ROOT);
    if (type != null && type.contains("mail")) {
      type = "email";
    } else if (type != null && (type.contains("phone") || type.contains("mobile"))) {
      type = "phone";
    } else {
      String lead = rawType == null ? "" : "I can update your e-mail address or phone number. ";
      return Replies.elicit(
          ctx,
          CONTACT_TYPE,
          Say.both(lead + "Would you like to update your e-mail address or your phone number?"));
    }
    String raw = ctx.slot(NEW_VALUE);
    String value = "email".equals(type) ? SlotRules.email(raw) : SlotRules.phone(raw);
    if (value == null) {
      String what = "email".equals(type) ? "e-mail address" : "phone number";
      String lead = raw == null ? "" : "That doesn't look like a valid " + what + ". ";
      Say.Builder b = Say.builder().text(lead + "What is your new " + what + "?");
      if ("phone".equals(type)) {
        b.voice(" You can enter it on your keypad, followed by the pound key.");
      }
      return Replies.elicit(ctx, NEW_VALUE, b.build());
    }
    Say masked = "email".equals(type) ? maskEmail(value) : maskPhone(value);
    if (ctx.intent().confirmationState() != Intent.ConfirmationState.CONFIRMED) {
      return Replies.confirm(
          ctx,
          Say.builder()
              .text("Just to confirm: change your " + label(type) + " to ")
              .append(masked)
              .text("? Please say yes or no.")
              .build());
    }
    ContactUpdate update =
        new ContactUpdate("email".equals(type) ? ContactType.EMAIL : ContactType.PHONE, value);
    String customerId = ctx.customerId();
    String key = IdempotencyKeys.contactUpdateKey(ctx, customerId, update);
    ContactUpdateResult result;
    try {
      result = ctx.bank(b -> b.updateContactDetails(key, customerId, update));
    } catch (BankUnavailableException e) {
      return Replies.outcomeUnknown(
          ctx,
          Queue.CUSTOMER_SERVICE,
          "contact update outcome unknown (" + e.reason() + "); check before retrying",
          null,
          e);
    } catch (BankApiException e) {
      return Replies.failed(
          ctx, Say.both(refusal(e.code(), label(type))), ErrorClass.VALIDATION, e.code());
    }
    Say.Builder done = Say.builder();
    if ("UNCHANGED".equals(result.status())) {
      done.text("Your " + label(type) + " is already ").append(masked).text(". Nothing changed.");
    } else {
      done.text("Done. Your " + label(type) + " is now ").append(masked).text(".");
    }
    return Replies.fulfilled(ctx, done.build());
  }

  static String refusal(String code, String label) {
    return switch (code == null ? "" : code) {
        // PHONE_IN_USE and anything else: no hint whose number it is (no lookup oracle).
      case "INVALID_CONTACT" ->
          "The bank didn't accept that " + label + " as valid. Nothing was changed.";
      default -> "I couldn't change your " + label + ", and nothing was changed.";
    };
  }

  private static String label(String type) {
    return "email".equals(type) ? "e-mail address" : "phone number";
  }

  /** {@code j***@example.com}: enough to recognise it, not to harvest it. */
  static Say maskEmail(String email) {
    int at = email.indexOf('@');
    String m = email.charAt(0) + "***" + email.substring(at);
    return Say.both(m);
  }

  /** "the number ending in 0199". */
  static Say maskPhone(String phone) {
    return Say.builder()
        .text("the number ending in ")
        .digits(phone.substring(phone.length() - 4))
        .build();
  }
}
