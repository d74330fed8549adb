package com.cci.fulfillment.intents;

import com.cci.fulfillment.auth.AuthService.AuthState;
import com.cci.fulfillment.auth.AuthService.PinOutcome;
import com.cci.fulfillment.bank.BankApiException;
import com.cci.fulfillment.bank.BankModels.Customer;
import com.cci.fulfillment.bank.BankUnavailableException;
import com.cci.fulfillment.router.IntentHandler;
import com.cci.fulfillment.router.Replies;
import com.cci.fulfillment.router.Reply;
import com.cci.fulfillment.router.Say;
import com.cci.fulfillment.router.TurnContext;
import com.cci.fulfillment.session.SessionContract;
import com.cci.fulfillment.session.SessionContract.AuthStatus;
import com.cci.fulfillment.session.SessionContract.Queue;
import com.cci.schemas.fulfillment.FulfillmentEvent.AuthResult;
import com.cci.schemas.fulfillment.FulfillmentEvent.ErrorClass;
import com.cci.schemas.fulfillment.FulfillmentEvent.Outcome;
import com.cci.schemas.lex.Intent;
import com.cci.schemas.lex.Slot;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code Authenticate} (slots {@code AccountNumber}, {@code Pin}): proves the caller's identity
 * with the phone-banking PIN, checked by the server-side {@code AuthService}. The identity claim
 * comes from the {@code customerPhone} session attribute (ANI) or, when that is unknown, from an
 * {@code AccountNumber} the caller enters; either is only a claim until the PIN verifies.
 *
 * <p>A sensitive intent asked on an unauthenticated session lands in {@link #start}: the intent is
 * kept ({@link PendingIntent}) and resumed with its slots as soon as the PIN verifies. Wrong PINs
 * are re-asked with the attempts left; a lockout routes to an agent (Security, or Fraud for fraud
 * reports). PIN and account number are cleared from every response.
 */
public final class AuthenticateIntent implements IntentHandler {
  public static final String NAME = "Authenticate";
  public static final String PIN = "Pin";
  public static final String ACCOUNT_NUMBER = "AccountNumber";

  /** Unknown account numbers tolerated before handing to an agent (no enumeration oracle). */
  static final int MAX_IDENTITY_MISSES = 3;

  static final String IDENTITY_MISSES = "cciIdentityMisses";

  /** A fresh Authenticate intent with empty slots. */
  public static Intent intent() {
    Map<String, Slot> slots = new LinkedHashMap<>();
    slots.put(ACCOUNT_NUMBER, null);
    slots.put(PIN, null);
    return new Intent(NAME, slots, Intent.State.IN_PROGRESS, Intent.ConfirmationState.NONE, null);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean requiresAuth() {
    return false;
  }

  @Override
  public Queue escalationQueue() {
    return Queue.SECURITY;
  }

  /** A sensitive intent on an unauthenticated session: keep it, then ask who and the PIN. */
  public Reply start(TurnContext ctx) {
    ctx.attributes().put(SessionContract.PENDING_INTENT, PendingIntent.encode(ctx.intent()));
    return proceed(ctx.withIntent(intent()), false);
  }

  @Override
  public Reply handle(TurnContext ctx) {
    if (ctx.authenticated() && ctx.slot(PIN) == null) {
      return verified(ctx, null);
    }
    return proceed(ctx, true);
  }

  private Reply proceed(TurnContext ctx, boolean pinMayBePresent) {
    Queue queue = lockoutQueue(ctx);
    Identity who;
    try {
      who = identify(ctx);
    } catch (BankUnavailableException e) {
      return Replies.unavailable(ctx, pendingQueue(ctx), e.reason());
    }
    if (who.reply() != null) {
      return who.reply();
    }
    if (who.customerId() == null) {
      ctx.authStatus(AuthStatus.PENDING);
      return Replies.elicit(
          ctx,
          ACCOUNT_NUMBER,
          Say.of(
              "To get started, please enter your account number on your telephone keypad,"
                  + " followed by the pound key.",
              "To get started, please type your account number."));
    }
    String customerId = who.customerId();
    String pin = pinMayBePresent ? ctx.slot(PIN) : null;
    if (pin == null) {
      if (ctx.auth().isLocked(customerId)) {
        return locked(ctx, queue, null);
      }
      ctx.authStatus(AuthStatus.PENDING);
      return Replies.elicit(ctx, PIN, pinPrompt(""));
    }
    if (!pin.matches("[0-9]{4,6}")) {
      ctx.authStatus(AuthStatus.PENDING);
      return Replies.elicit(ctx, PIN, pinPrompt("Your PIN is 4 to 6 digits, numbers only. "));
    }
    PinOutcome outcome;
    try {
      outcome = ctx.auth().verifyPin(ctx.sessionKey(), customerId, pin);
    } catch (BankApiException e) {
      if (e.status() == 404) {
        ctx.attributes().remove(SessionContract.CLAIMED_CUSTOMER);
        return proceed(ctx.withIntent(intent()), false);
      }
      throw e;
    }
    return switch (outcome.status()) {
      case VERIFIED -> verified(ctx, outcome.failuresSoFar() + 1);
      case FAILED -> {
        ctx.authStatus(AuthStatus.PENDING);
        int left = outcome.attemptsLeft();
        String leftText =
            left == 1 ? "You have 1 attempt left. " : "You have " + left + " attempts left. ";
        yield Replies.elicit(ctx, PIN, pinPrompt("That PIN doesn't match our records. " + leftText))
            .withAuth(AuthResult.FAILURE, outcome.failuresSoFar());
      }
      case LOCKED -> locked(ctx, queue, outcome.failuresSoFar());
      case UNAVAILABLE ->
          Replies.unavailable(
                  ctx,
                  pendingQueue(ctx),
                  ErrorClass.BACKEND_UNAVAILABLE,
                  "AUTH_UNAVAILABLE",
                  "PIN check unavailable")
              .withAuth(AuthResult.NONE, null);
    };
  }

  private Reply verified(TurnContext ctx, Integer attempt) {
    AuthState state = ctx.auth().current(ctx.sessionKey());
    if (state == null || !state.authenticated() || state.customerId() == null) {
      // The PIN verified but the session store did not keep it: do not pretend.
      return Replies.unavailable(
              ctx,
              pendingQueue(ctx),
              ErrorClass.BACKEND_ERROR,
              "AUTH_STATE_NOT_KEPT",
              "PIN verified but the session store did not keep it")
          .withAuth(AuthResult.NONE, null);
    }
    ctx.updateAuth(state, AuthStatus.AUTHENTICATED);
    ctx.attributes().remove(SessionContract.CLAIMED_CUSTOMER);
    ctx.attributes().remove(IDENTITY_MISSES);
    Intent pending = PendingIntent.decode(ctx.attribute(SessionContract.PENDING_INTENT));
    ctx.attributes().remove(SessionContract.PENDING_INTENT);
    if (pending != null && ctx.handlerFor(pending.name()) != null && !NAME.equals(pending.name())) {
      return ctx.resume(pending).withAuth(AuthResult.SUCCESS, attempt);
    }
    return Replies.elicitIntent(
            ctx,
            Say.both("Thank you, you're verified. How can I help you today?"),
            Outcome.FULFILLED)
        .withAuth(AuthResult.SUCCESS, attempt);
  }

  private Reply locked(TurnContext ctx, Queue queue, Integer failures) {
    ctx.authStatus(AuthStatus.LOCKED);
    ctx.attributes().remove(SessionContract.PENDING_INTENT);
    return Replies.escalate(
            ctx,
            queue,
            "phone banking locked after too many wrong PINs",
            null,
            Say.both(
                "For your security, phone banking is locked after too many incorrect PIN"
                    + " attempts. I'm transferring you to an agent who can help."),
            Intent.State.FAILED,
            Outcome.ESCALATED,
            null,
            null)
        .withAuth(AuthResult.LOCKED, failures);
  }

  /** Where the pending intent would escalate (General when there is none). */
  private static Queue pendingQueue(TurnContext ctx) {
    Intent pending = PendingIntent.decode(ctx.attribute(SessionContract.PENDING_INTENT));
    IntentHandler h = pending == null ? null : ctx.handlerFor(pending.name());
    return h == null ? Queue.GENERAL : h.escalationQueue();
  }

  /** Fraud reports keep their Fraud queue even when authentication fails. */
  private static Queue lockoutQueue(TurnContext ctx) {
    Intent pending = PendingIntent.decode(ctx.attribute(SessionContract.PENDING_INTENT));
    IntentHandler h = pending == null ? null : ctx.handlerFor(pending.name());
    return h != null && h.escalationQueue() == Queue.FRAUD ? Queue.FRAUD : Queue.SECURITY;
  }

  private static Say pinPrompt(String lead) {
    return Say.of(
        Say.esc(lead)
            + "For your security, please enter your phone banking PIN on your telephone keypad,"
            + " followed by the pound key.",
        lead + "For your security, please enter your phone banking PIN (4 to 6 digits).");
  }

  /** Who the caller claims to be: a customer id, nobody yet (null, null), or a reply to send. */
  private record Identity(String customerId, Reply reply) {}

  /** The claimed customer id, from the account number slot, an earlier claim, or the ANI. */
  private Identity identify(TurnContext ctx) {
    String account = ctx.slot(ACCOUNT_NUMBER);
    if (account != null) {
      String digits = account.replaceAll("[^0-9]", "");
      Optional<Customer> c =
          digits.length() < 6 || digits.length() > 17
              ? Optional.empty()
              : ctx.bank(b -> b.findCustomerByAccount(digits));
      if (c.isEmpty()) {
        return new Identity(null, identityMiss(ctx));
      }
      ctx.attributes().put(SessionContract.CLAIMED_CUSTOMER, c.get().id());
      return new Identity(c.get().id(), null);
    }
    String claimed = ctx.attribute(SessionContract.CLAIMED_CUSTOMER);
    if (claimed != null && claimed.matches("[A-Za-z0-9_-]{1,64}")) {
      return new Identity(claimed, null);
    }
    String phone = ctx.attribute(SessionContract.CUSTOMER_PHONE);
    if (phone != null && phone.replaceAll("[^0-9]", "").length() >= 7) {
      Optional<Customer> c = ctx.bank(b -> b.findCustomerByPhone(phone));
      if (c.isPresent()) {
        ctx.attributes().put(SessionContract.CLAIMED_CUSTOMER, c.get().id());
        return new Identity(c.get().id(), null);
      }
    }
    return new Identity(null, null);
  }

  private Reply identityMiss(TurnContext ctx) {
    int misses = 1;
    try {
      misses += Integer.parseInt(ctx.attributes().getOrDefault(IDENTITY_MISSES, "0"));
    } catch (NumberFormatException e) {
      misses = MAX_IDENTITY_MISSES;
    }
    if (misses >= MAX_IDENTITY_MISSES) {
      ctx.attributes().remove(IDENTITY_MISSES);
      ctx.attributes().remove(SessionContract.PENDING_INTENT);
      return Replies.escalate(
          ctx,
          Queue.SECURITY,
          "caller could not be identified by account number",
          null,
          Say.both("I couldn't find that account. Let me transfer you to an agent who can help."),
          Intent.State.FAILED,
          Outcome.ESCALATED,
          ErrorClass.VALIDATION,
          "IDENTITY_NOT_FOUND");
    }
    ctx.attributes().put(IDENTITY_MISSES, Integer.toString(misses));
    ctx.authStatus(AuthStatus.PENDING);
    return Replies.elicit(
        ctx,
        ACCOUNT_NUMBER,
        Say.of(
            "I couldn't find that account number. Please enter it again on your keypad, followed"
                + " by the pound key.",
            "I couldn't find that account number. Please type it again."));
  }
}
