package com.cci.fulfillment.router;

import java.time.Duration;
import java.util.List;

/**
 * Tunables of the {@link IntentRouter}.
 *
 * @param turnBudget the longest a turn may take, well inside Lex chat's 6 s and Connect's 8 s; a
 *     bank call is not started when it could end after the budget (the call budget of the bank
 *     client is subtracted), the turn degrades instead
 * @param bankCallBudget the bank client's per-call budget (its {@code Config.callBudget()})
 * @param lowConfidence an intent first recognised with an NLU confidence below this counts as a
 *     failed understanding
 * @param maxFailedUnderstandings escalate to an agent at this many failed understandings
 * @param routingNumber the bank's ABA routing number (public information)
 * @param branchHours opening hours lines read out by BranchHours
 */
public record RouterConfig(
    Duration turnBudget,
    Duration bankCallBudget,
    double lowConfidence,
    int maxFailedUnderstandings,
    String routingNumber,
    List<String> branchHours) {

  public RouterConfig {
    if (turnBudget == null || turnBudget.isNegative() || turnBudget.isZero()) {
      throw new IllegalArgumentException("turnBudget must be positive");
    }
    if (bankCallBudget == null || bankCallBudget.compareTo(turnBudget) > 0) {
      throw new IllegalArgumentException(
          "the bank call budget ("
              + bankCallBudget
              + ") must be set and not above the turn budget ("
              + turnBudget
              + "): lower the bank client's callBudget");
    }
    if (lowConfidence < 0 || lowConfidence > 1) {
      throw new IllegalArgumentException("lowConfidence must be within 0..1");
    }
    if (maxFailedUnderstandings < 1) {
      throw new IllegalArgumentException("maxFailedUnderstandings must be at least 1");
    }
    if (routingNumber == null || !routingNumber.matches("[0-9]{9}")) {
      throw new IllegalArgumentException("routingNumber must be 9 digits");
    }
    branchHours = List.copyOf(branchHours);
  }

  /** Defaults: 5.5 s turn budget, 2.5 s bank calls, confidence 0.40, escalate at 2. */
  public static RouterConfig defaults() {
    return new RouterConfig(
        Duration.ofMillis(5500),
        Duration.ofMillis(2500),
        0.40,
        2,
        "021000021",
        List.of(
            "Monday to Friday, 9 AM to 5 PM",
            "Saturday, 9 AM to 1 PM",
            "closed on Sundays and bank holidays"));
  }

  /** A copy with another bank call budget (use the bank client's). */
  public RouterConfig withBankCallBudget(Duration d) {
    return new RouterConfig(
        turnBudget, d, lowConfidence, maxFailedUnderstandings, routingNumber, branchHours);
  }
}
