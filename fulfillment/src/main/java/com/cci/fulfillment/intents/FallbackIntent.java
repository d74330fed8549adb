package com.cci.fulfillment.intents;

import com.cci.fulfillment.router.IntentHandler;
import com.cci.fulfillment.router.Replies;
import com.cci.fulfillment.router.Reply;
import com.cci.fulfillment.router.Say;
import com.cci.fulfillment.router.TurnContext;
import com.cci.fulfillment.session.SessionContract;
import com.cci.fulfillment.session.SessionContract.Queue;
import com.cci.schemas.fulfillment.FulfillmentEvent.Outcome;
import com.cci.schemas.lex.Intent;
import java.util.Map;

/**
 * A failed understanding (Lex's FallbackIntent, an intent this hook does not know, or a first
 * recognition below the confidence threshold): ask again with examples, and at {@code
 * maxFailedUnderstandings} hand the contact to an agent instead of looping.
 */
public final class FallbackIntent implements IntentHandler {
  /** The Lex built-in fallback intent. */
  public static final String NAME = "FallbackIntent";

  /** A fresh FallbackIntent (for turns re-routed here). */
  public static Intent intent() {
    return new Intent(
        NAME, Map.of(), Intent.State.IN_PROGRESS, Intent.ConfirmationState.NONE, null);
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
  public Reply handle(TurnContext ctx) {
    TurnContext fb = ctx.intentName().equals(NAME) ? ctx : ctx.withIntent(intent());
    int failures = parseCount(fb.attribute(SessionContract.FALLBACK_COUNT)) + 1;
    if (failures >= fb.config().maxFailedUnderstandings()) {
      fb.attributes().remove(SessionContract.FALLBACK_COUNT);
      return Replies.escalate(
          fb,
          Queue.GENERAL,
          "bot did not understand the request " + failures + " times",
          null,
          Say.both("I'm sorry I'm having trouble understanding. Let me transfer you to an agent."),
          Intent.State.FAILED,
          Outcome.ESCALATED,
          null,
          null);
    }
    fb.attributes().put(SessionContract.FALLBACK_COUNT, Integer.toString(failures));
    Say say =
        Say.of(
            "Sorry, I didn't catch that. You can say things like <break time=\"200ms\"/> check my"
                + " balance, <break time=\"200ms\"/> report a lost card, or <break"
                + " time=\"200ms\"/> talk to an agent. What would you like to do?",
            "Sorry, I didn't understand that. You can say things like \"check my balance\","
                + " \"report a lost card\" or \"talk to an agent\". What would you like to do?");
    return Replies.elicitIntent(fb, say, Outcome.FALLBACK);
  }

  private static int parseCount(String v) {
    if (v == null) {
      return 0;
    }
    try {
      return Math.max(0, Math.min(100, Integer.parseInt(v.trim())));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
