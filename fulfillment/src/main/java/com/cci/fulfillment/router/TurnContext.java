package com.cci.fulfillment.router;

import com.cci.fulfillment.auth.AuthService;
import com.cci.fulfillment.auth.AuthService.AuthState;
import com.cci.fulfillment.bank.BankUnavailableException;
import com.cci.fulfillment.bank.CoreBankingClient;
import com.cci.fulfillment.session.Channel;
import com.cci.fulfillment.session.SessionContract;
import com.cci.fulfillment.session.SessionContract.AuthStatus;
import com.cci.schemas.lex.Intent;
import com.cci.schemas.lex.LexV2Event;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Everything a handler needs for one turn: the event, the (possibly resumed) intent, the channel, a
 * working copy of the session attributes, the server-side authentication state, and the bank behind
 * the turn's time budget. One instance per turn; not shared between threads.
 */
public final class TurnContext {
  private final LexV2Event event;
  private final Intent intent;
  private final Channel channel;
  private final String sessionKey;
  private final Map<String, String> attributes;
  private final CoreBankingClient bank;
  private final AuthService auth;
  private final Clock clock;
  private final RouterConfig config;
  private final long startNanos;
  private final Function<TurnContext, Reply> resumer;
  private final Function<String, IntentHandler> handlers;
  private AuthState authState;
  private AuthStatus authStatus;

  TurnContext(
      LexV2Event event,
      Intent intent,
      Channel channel,
      String sessionKey,
      Map<String, String> attributes,
      CoreBankingClient bank,
      AuthService auth,
      Clock clock,
      RouterConfig config,
      long startNanos,
      Function<TurnContext, Reply> resumer,
      Function<String, IntentHandler> handlers) {
    this.event = event;
    this.intent = intent;
    this.channel = channel;
    this.sessionKey = sessionKey;
    this.attributes = attributes;
    this.bank = bank;
    this.auth = auth;
    this.clock = clock;
    this.config = config;
    this.startNanos = startNanos;
    this.resumer = resumer;
    this.handlers = handlers;
  }

  /** The raw event (carries PII: never log it). */
  public LexV2Event event() {
    return event;
  }

  /** The intent being served: the event's, or the one resumed after authentication. */
  public Intent intent() {
    return intent;
  }

  /** The intent's name. */
  public String intentName() {
    return intent.name();
  }

  /** A slot's interpreted value, trimmed; null when unfilled or blank. */
  public String slot(String name) {
    String v = intent.slotValue(name);
    return v == null || v.isBlank() ? null : v.trim();
  }

  public Channel channel() {
    return channel;
  }

  public boolean voice() {
    return channel == Channel.VOICE;
  }

  /** Whether this turn's input came from the telephone keypad. */
  public boolean dtmf() {
    return event.inputMode() == LexV2Event.InputMode.DTMF;
  }

  /** The key of the server-side authentication state (the Lex session id). */
  public String sessionKey() {
    return sessionKey;
  }

  /** The working session attributes; changes go out with the reply. */
  public Map<String, String> attributes() {
    return attributes;
  }

  /** A session attribute, or null. */
  public String attribute(String key) {
    return attributes.get(key);
  }

  public Clock clock() {
    return clock;
  }

  public LocalDate today() {
    return LocalDate.now(clock);
  }

  public RouterConfig config() {
    return config;
  }

  public AuthService auth() {
    return auth;
  }

  /** Server-side authentication state, read once per turn (and after a PIN check). */
  public AuthState authState() {
    if (authState == null) {
      authState = sessionKey == null ? AuthState.anonymous() : auth.current(sessionKey);
      if (authState == null) {
        authState = AuthState.anonymous();
      }
    }
    return authState;
  }

  /** Whether the server says this session is authenticated now. */
  public boolean authenticated() {
    return authState().authenticated() && authState().customerId() != null;
  }

  /** The authenticated customer id; throws when not authenticated (a routing bug). */
  public String customerId() {
    if (!authenticated()) {
      throw new IllegalStateException("intent " + intent.name() + " ran without authentication");
    }
    return authState().customerId();
  }

  /** Records a fresh server-side state (after a PIN check or sign-out). */
  public void updateAuth(AuthState state, AuthStatus status) {
    this.authState = state == null ? AuthState.anonymous() : state;
    this.authStatus = status;
  }

  /** The status published in {@link SessionContract#AUTH_STATUS}. */
  public AuthStatus authStatus() {
    if (authStatus != null) {
      return authStatus;
    }
    return authenticated() ? AuthStatus.AUTHENTICATED : AuthStatus.ANONYMOUS;
  }

  /** Overrides the published status (PENDING while the PIN is asked for). */
  public void authStatus(AuthStatus status) {
    this.authStatus = status;
  }

  /**
   * Calls the bank within the turn budget: when the call could end after the budget, it is not
   * started and the turn degrades as if the bank were unavailable ({@code TIMEOUT}).
   */
  public <T> T bank(Function<CoreBankingClient, T> call) {
    long elapsed = System.nanoTime() - startNanos;
    long left = config.turnBudget().toNanos() - elapsed;
    if (left < config.bankCallBudget().toNanos()) {
      throw new BankUnavailableException(
          BankUnavailableException.Reason.TIMEOUT,
          "turn budget exhausted before a bank call (" + elapsed / 1_000_000 + " ms used)",
          null);
    }
    return call.apply(bank);
  }

  /** The session attributes to send back: the working copy plus {@code authStatus}. */
  Map<String, String> outgoingAttributes() {
    Map<String, String> out = new LinkedHashMap<>(attributes);
    out.put(SessionContract.AUTH_STATUS, authStatus().name());
    return out;
  }

  /** A context for another intent in the same turn (resuming after authentication). */
  public TurnContext withIntent(Intent other) {
    TurnContext c =
        new TurnContext(
            event,
            other,
            channel,
            sessionKey,
            attributes,
            bank,
            auth,
            clock,
            config,
            startNanos,
            resumer,
            handlers);
    c.authState = authState;
    c.authStatus = authStatus;
    return c;
  }

  /** The handler registered for an intent name, or null. */
  public IntentHandler handlerFor(String intentName) {
    return intentName == null ? null : handlers.apply(intentName);
  }

  /** Serves {@code other} now, through the router (used to resume after authentication). */
  public Reply resume(Intent other) {
    return resumer.apply(withIntent(other));
  }
}
