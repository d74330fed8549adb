package com.cci.sim;

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

  private static final String[] ERROR_CLASSES = {
    "BACKEND_TIMEOUT", "BACKEND_ERROR", "BACKEND_UNAVAILABLE"
  };

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
  record Session(List<FulfillmentEvent> events, String authOutcome) {}

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
    String session = Ids.sha256Hex("lex-session:" + contactId);
    List<FulfillmentEvent> out = new ArrayList<>(5);
    double failP = path == Path.PIN_GUESSING ? 0.97 : authFailure;
    int maxAttempts = path == Path.PIN_GUESSING ? MAX_PIN_ATTEMPTS : 1 + rng.nextInt(0, 3);
    // Planned turn count: up to 3 auth + intent + hand-over.
    List<Turn> plan = new ArrayList<>(6);
    String auth = "NONE";
    for (int attempt = 1; attempt <= MAX_PIN_ATTEMPTS; attempt++) {
      boolean fail = rng.nextDouble() < failP;
      if (!fail) {
        plan.add(new Turn("Authenticate", "DialogCodeHook", "FULFILLED", "SUCCESS", attempt));
        auth = "SUCCESS";
        break;
      }
      if (attempt == MAX_PIN_ATTEMPTS) {
        plan.add(new Turn("Authenticate", "DialogCodeHook", "FAILED", "LOCKED", attempt));
        auth = "LOCKED";
        break;
      }
      plan.add(new Turn("Authenticate", "DialogCodeHook", "FAILED", "FAILURE", attempt));
      auth = "FAILURE";
      if (attempt >= maxAttempts) {
        break; // caller gives up on the PIN
      }
    }
    if (path != Path.PIN_GUESSING) {
      String intent = intentFor(topic);
      boolean needsAuth = needsAuth(intent);
      String authField = needsAuth ? ("SUCCESS".equals(auth) ? "SUCCESS" : "NONE") : "NOT_REQUIRED";
      if (path == Path.SELF_SERVE) {
        if (!needsAuth || "SUCCESS".equals(auth)) {
          plan.add(new Turn(intent, "FulfillmentCodeHook", "FULFILLED", authField, 0));
          if (rng.nextDouble() < 0.3) {
            plan.add(new Turn("CheckBalance", "FulfillmentCodeHook", "FULFILLED", authField, 0));
          }
        } else {
          plan.add(new Turn(intent, "DialogCodeHook", "CANCELLED", authField, 0));
        }
      } else {
        if (rng.nextDouble() < 0.5) {
          String outcome =
              "FallbackIntent".equals(intent)
                  ? "FALLBACK"
                  : (needsAuth && !"SUCCESS".equals(auth) ? "FAILED" : "IN_PROGRESS");
          plan.add(new Turn(intent, "DialogCodeHook", outcome, authField, 0));
        }
        plan.add(new Turn("TransferToAgent", "FulfillmentCodeHook", "ESCALATED", "NOT_REQUIRED", 0));
      }
    }
    long span = Math.max(1000, toMs - fromMs - 1000);
    for (int i = 0; i < plan.size(); i++) {
      Turn t = plan.get(i);
      long at = fromMs + span * (i + 1) / (plan.size() + 1);
      String outcome = t.outcome;
      String error = null;
      int latency = (int) Math.min(2500, Math.round(120 * Math.exp(0.5 * rng.nextGaussian())));
      boolean backend = !"TransferToAgent".equals(t.intent);
      double errP = backend ? backendErrorShare.applyAsDouble(at) : 0;
      if (errP > 0 && rng.nextDouble() < errP) {
        error = ERROR_CLASSES[rng.nextInt(ERROR_CLASSES.length)];
        outcome = "FAILED";
        latency =
            "BACKEND_TIMEOUT".equals(error) ? 3000 + rng.nextInt(5000) : 20 + rng.nextInt(400);
      }
      out.add(
          new FulfillmentEvent(
              Ids.derived(contactId, "fulfillment/" + i),
              Times.millis(at),
              tenantId,
              contactId,
              session,
              channel,
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
      String intent, String source, String outcome, String authResult, int attempt) {}

  static String intentFor(String topic) {
    if (topic == null) {
      return "FallbackIntent";
    }
    return switch (topic) {
      case "balance", "statement" -> "CheckBalance";
      case "transfer", "payment" -> "TransferInternal";
      case "card-lost", "card-stolen" -> "ReportLostStolenCard";
      case "fraud", "dispute" -> "ReportFraud";
      case "card-activation", "pin-reset" -> "ActivateCard";
      case "loan-payoff", "loan-application", "mortgage" -> "LoanInquiry";
      default -> "FallbackIntent";
    };
  }

  private static boolean needsAuth(String intent) {
    return switch (intent) {
      case "CheckBalance", "TransferInternal", "ActivateCard", "LoanInquiry" -> true;
      default -> false;
    };
  }
}
