package com.cci.fulfillment.intents;

import com.cci.fulfillment.router.IntentHandler;
import com.cci.fulfillment.session.SessionContract.Queue;

/** Name, auth requirement and escalation queue of an intent; subclasses implement the turn. */
abstract class BankingIntent implements IntentHandler {
  private final String name;
  private final boolean requiresAuth;
  private final Queue queue;

  BankingIntent(String name, boolean requiresAuth, Queue queue) {
    this.name = name;
    this.requiresAuth = requiresAuth;
    this.queue = queue;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final boolean requiresAuth() {
    return requiresAuth;
  }

  @Override
  public final Queue escalationQueue() {
    return queue;
  }
}
