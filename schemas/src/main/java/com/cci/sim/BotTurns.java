package com.cci.sim;

import com.cci.schemas.fulfillment.FulfillmentEvent;
import com.cci.schemas.fulfillment.FulfillmentEvent.AuthResult;
import com.cci.schemas.fulfillment.FulfillmentEvent.ErrorClass;
import com.cci.schemas.fulfillment.FulfillmentEvent.InvocationSource;
import com.cci.schemas.fulfillment.FulfillmentEvent.Outcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongToDoubleFunction;

/**
 * The Lex bot conversation in front of the queues: PIN authentication (up to three attempts, then
 * LOCKED), the customer's intent, backend calls that can fail, and the hand-over to an agent.
 * Produces one {@link FulfillmentEvent} per bot turn.
 */
final class BotTurns {
  static final String BOT_ID = "CCIBANKBOT";
  static final String BOT_ALIAS_ID = "TSTALIASID";
  static final String LOCALE = "en_US";
  static final int MAX_PIN_ATTEMPTS = 3;

  /** Salt of the simulated webhook's session-id hashes. */
  static final String SESSION_SALT = "cci-simulator";

  private static final ErrorClass[] ERROR_CLASSES = {
    ErrorClass.BACKEND_TIMEOUT, ErrorClass.BACKEND_ERROR, ErrorClass.BACKEND_UNAVAILABLE
  };
  private static final InvocationSource DIALOG = InvocationSource.DIALOG_CODE_HOOK;
  private static final InvocationSource FULFILLMENT = InvocationSource.FULFILLMENT_CODE_HOOK;

  /** What the caller does in the bot. */
  enum Path {
    /** Authenticates and is served by the bot. */
    SELF_SERVE,
    /** Authenticates (or not), then asks for an agent. */
    ESCALATE,
    /** Guesses PINs until locked out. */
    PIN_GUESSING
  }

  private final String tenantId;
  private final double authFailure;
  private final LongToDoubleFunction backendErrorShare;

  BotTurns(String tenantId, double authFailure, LongToDoubleFunction backendErrorShare) {
    this.tenantId = tenantId;
    this.authFailure = authFailure;
    this.backendErrorShare = backendErrorShare;
  }

  /** Result of a bot session: its events and whether the caller authenticated. */
  record Session(List<FulfillmentEvent> events, AuthResult authOutcome) {}

  /**
   * Bot turns between {@code fromMs} and {@code toMs}.
   *
   * @param queue queue the contact is heading for (null for self-service)
   */
  Session run(
      SplittableRandom rng,
      Path path,
      String contactId,
      String channel,
      String topic,
      String queue,
      long fromMs,
      long toMs) {
    // Connect starts the Lex session with the contact id as session id.
    String session = FulfillmentEvent.hashSessionId(SESSION_SALT, contactId);
    List<FulfillmentEvent> out = new ArrayList<>(5);
    double failP = path == Path.PIN_GUESSING ? 0.97 : authFailure;
    int maxAttempts = path == Path.PIN_GUESSING ? MAX_PIN_ATTEMPTS : 1 + rng.nextInt(0, 3);
    // Planned turn count: up to 3 auth + intent + hand-over.
    List<Turn> plan = new ArrayList<>(6);
    AuthResult auth = AuthResult.NONE;
    for (int attempt = 1; attempt <= MAX_PIN_ATTEMPTS; attempt++) {
      boolean fail = rng.nextDouble() < failP;
      if (!fail) {
        plan.add(new Turn("Authenticate", DIALOG, Outcome.FULFILLED, AuthResult.SUCCESS, attempt));
        auth = AuthResult.SUCCESS;
        break;
      }
      if (attempt == MAX_PIN_ATTEMPTS) {
        plan.add(new Turn("Authenticate", DIALOG, Outcome.FAILED, AuthResult.LOCKED, attempt));
        auth = AuthResult.LOCKED;
        break;
      }
      plan.add(new Turn("Authenticate", DIALOG, Outcome.FAILED, AuthResult.FAILURE, attempt));
      auth = AuthResult.FAILURE;
      if (attempt >= maxAttempts) {
        break; // caller gives up on the PIN
      }
    }
    if (path != Path.PIN_GUESSING) {
      String intent = intentFor(topic);
      boolean needsAuth = needsAuth(intent);
      boolean authenticated = auth == AuthResult.SUCCESS;
      // Turns after the PIN step do not try to authenticate themselves.
      AuthResult authField = needsAuth ? AuthResult.NONE : AuthResult.NOT_REQUIRED;
      if (path == Path.SELF_SERVE) {
        if (!needsAuth || authenticated) {
          plan.add(new Turn(intent, FULFILLMENT, fulfilledOrFallback(intent), authField, null));
          if (authenticated && rng.nextDouble() < 0.3) {
            plan.add(
                new Turn("CheckBalance", FULFILLMENT, Outcome.FULFILLED, AuthResult.NONE, null));
          }
        } else {
          plan.add(new Turn(intent, DIALOG, Outcome.CANCELLED, authField, null));
        }
      } else {
        if (rng.nextDouble() < 0.5) {
          Outcome outcome =
              "FallbackIntent".equals(intent)
                  ? Outcome.FALLBACK
                  : (needsAuth && !authenticated ? Outcome.FAILED : Outcome.IN_PROGRESS);
          plan.add(new Turn(intent, DIALOG, outcome, authField, null));
        }
        plan.add(
            new Turn(
                "TransferToAgent", FULFILLMENT, Outcome.ESCALATED, AuthResult.NOT_REQUIRED, null));
      }
    }
    long span = Math.max(1000, toMs - fromMs - 1000);
    for (int i = 0; i < plan.size(); i++) {
      Turn t = plan.get(i);
      long at = fromMs + span * (i + 1) / (plan.size() + 1);
      Outcome outcome = t.outcome;
      ErrorClass error = null;
      int latency = (int) Math.min(2500, Math.round(120 * Math.exp(0.5 * rng.nextGaussian())));
      boolean backend = !"TransferToAgent".equals(t.intent);
      double errP = backend ? backendErrorShare.applyAsDouble(at) : 0;
      if (errP > 0 && rng.nextDouble() < errP) {
        error = ERROR_CLASSES[rng.nextInt(ERROR_CLASSES.length)];
        outcome = Outcome.FAILED;
        latency =
            error == ErrorClass.BACKEND_TIMEOUT ? 3000 + rng.nextInt(5000) : 20 + rng.nextInt(400);
      }
      out.add(
          new FulfillmentEvent(
              Ids.derived(contactId, "fulfillment/" + i),
              Instant.ofEpochMilli(at),
              tenantId,
              contactId,
              session,
              FulfillmentEvent.Channel.valueOf(channel),
              BOT_ID,
              BOT_ALIAS_ID,
              LOCALE,
              t.intent,
              t.source,
              outcome,
              latency,
              t.authResult,
              t.attempt,
              error,
              queue));
    }
    return new Session(out, auth);
  }

  private record Turn(
      String intent,
      InvocationSource source,
      Outcome outcome,
      AuthResult authResult,
      Integer attempt) {}

  private static Outcome fulfilledOrFallback(String intent) {
    return "FallbackIntent".equals(intent) ? Outcome.FALLBACK : Outcome.FULFILLED;
  }

  static String intentFor(String topic) {
    if (topic == null) {
      return "FallbackIntent";
    }
    return switch (topic) {
      case "balance", "statement", "transactions" -> "CheckBalance";
      case "transfer" -> "TransferInternal";
      case "card-lost", "card-stolen" -> "ReportLostStolenCard";
      case "fraud", "dispute" -> "ReportFraud";
      case "card-activation" -> "ActivateCard";
      case "loan-payoff", "loan-status" -> "LoanInquiry";
      case "contact-update" -> "UpdateContactDetails";
      case "branch-hours" -> "BranchHours";
      default -> "FallbackIntent";
    };
  }

  private static boolean needsAuth(String intent) {
    return switch (intent) {
      case "CheckBalance",
              "TransferInternal",
              "ActivateCard",
              "LoanInquiry",
              "UpdateContactDetails" ->
          true;
      default -> false;
    };
  }
}
