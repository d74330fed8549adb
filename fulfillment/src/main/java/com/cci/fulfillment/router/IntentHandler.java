package com.cci.fulfillment.router;

import com.cci.fulfillment.session.SessionContract.Queue;

/**
 * One Lex intent. Implementations are small named classes in {@code com.cci.fulfillment.intents};
 * they validate their slots, call the bank through {@link TurnContext#bank()} and answer with a
 * {@link Reply} built by {@link Replies}. The router does the rest: authentication gate, denial of
 * a confirmation, bank outage, events.
 */
public interface IntentHandler {
  /** The Lex intent name, e.g. {@code CheckBalance}. */
  String name();

  /** Whether the server-side session must be authenticated before {@link #handle} runs. */
  boolean requiresAuth();

  /** Where to route when this intent cannot be served (bank down, customer locked out). */
  default Queue escalationQueue() {
    return Queue.GENERAL;
  }

  /** Handles one turn; may throw the bank's exceptions, which the router turns into replies. */
  Reply handle(TurnContext ctx);
}
