package com.cci.fulfillment.intents;

import com.cci.fulfillment.router.IntentHandler;
import java.util.List;

/** The catalogue of banking intents the router serves (Authenticate and Fallback aside). */
public final class BankingIntents {
  private BankingIntents() {}

  /** One instance of each banking intent handler. */
  public static List<IntentHandler> standard() {
    return List.of();
  }
}
