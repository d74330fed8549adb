package com.cci.fulfillment.router;

import com.cci.fulfillment.auth.AuthService;
import com.cci.fulfillment.bank.BankApiException;
import com.cci.fulfillment.bank.BankUnavailableException;
import com.cci.fulfillment.bank.CoreBankingClient;
import com.cci.fulfillment.intents.AuthenticateIntent;
import com.cci.fulfillment.intents.BankingIntents;
import com.cci.fulfillment.intents.FallbackIntent;
import com.cci.fulfillment.session.Channel;
import com.cci.fulfillment.session.SessionContract;
import com.cci.fulfillment.session.SessionContract.Queue;
import com.cci.schemas.fulfillment.FulfillmentEvent;
import com.cci.schemas.fulfillment.FulfillmentEvent.AuthResult;
import com.cci.schemas.fulfillment.FulfillmentEvent.ErrorClass;
import com.cci.schemas.fulfillment.FulfillmentEvent.InvocationSource;
import com.cci.schemas.fulfillment.FulfillmentEvent.Outcome;
import com.cci.schemas.lex.Intent;
import com.cci.schemas.lex.LexResponses;
import com.cci.schemas.lex.LexV2Event;
import com.cci.schemas.lex.LexV2Response;
import com.cci.schemas.lex.Message;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Lex V2 code hook: one {@link LexV2Event} in, one {@link LexV2Response} out, for the Lambda
 * handler and the webhook alike. {@link #handle} never throws.
 *
 * <p>Per turn: a malformed event gets a safe Close; unknown intents, FallbackIntent and intents
 * first recognised with a low NLU confidence count as failed understandings (escalation to an agent
 * at {@link RouterConfig#maxFailedUnderstandings}); a denied confirmation cancels; a sensitive
 * intent on an unauthenticated session (server-side state only — session attributes are ignored)
 * asks for the PIN first and resumes afterwards; the bank being unavailable ends in "our systems
 * are temporarily unavailable" and a transfer to an agent with context. Then the {@link
 * TurnListener} gets a {@link TurnOutcome}.
 *
 * <p>Holds no connections or randomness of its own: everything comes through the constructor, so it
 * is safe to build during a SnapStart init phase.
 */
public final class IntentRouter {
  private final CoreBankingClient bank;
  private final AuthService auth;
  private final Clock clock;
  private final TurnListener listener;
  private final RouterConfig config;
  private final Map<String, IntentHandler> handlers;
  private final FallbackIntent fallback;
  private final AuthenticateIntent authenticate;

  /** A router with the standard banking intents and {@link RouterConfig#defaults()}. */
  public IntentRouter(
      CoreBankingClient bank, AuthService auth, Clock clock, TurnListener listener) {
    this(bank, auth, clock, listener, defaultsFor(bank));
  }

  /** A router with the standard banking intents. */
  public IntentRouter(
      CoreBankingClient bank,
      AuthService auth,
      Clock clock,
      TurnListener listener,
      RouterConfig config) {
    this.bank = Objects.requireNonNull(bank, "bank");
    this.auth = Objects.requireNonNull(auth, "auth");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.listener = listener == null ? TurnListener.none() : listener;
    this.config = Objects.requireNonNull(config, "config");
    this.fallback = new FallbackIntent();
    this.authenticate = new AuthenticateIntent();
    Map<String, IntentHandler> m = new LinkedHashMap<>();
    for (IntentHandler h : BankingIntents.standard()) {
      register(m, h);
    }
    register(m, authenticate);
    register(m, fallback);
    this.handlers = Map.copyOf(m);
  }

  private static RouterConfig defaultsFor(CoreBankingClient bank) {
    RouterConfig d = RouterConfig.defaults();
    return bank == null ? d : d.withBankCallBudget(bank.config().callBudget());
  }

  private static void register(Map<String, IntentHandler> m, IntentHandler h) {
    if (m.putIfAbsent(h.name(), h) != null) {
      throw new IllegalStateException("two handlers for intent " + h.name());
    }
  }

  /** The names of the intents this router serves (including Authenticate and FallbackIntent). */
  public List<String> intentNames() {
    return List.copyOf(handlers.keySet());
  }

  public RouterConfig config() {
    return config;
  }

  /** Answers one code-hook invocation. Never throws; never returns null. */
  public LexV2Response handle(LexV2Event event) {
    long t0 = System.nanoTime();
    Instant receivedAt = clock.instant();
    Reply reply;
    try {
      reply = route(event, t0);
    } catch (RuntimeException e) {
      reply = internalError(event, e);
    }
    notifyListener(event, reply, receivedAt, t0);
    return reply.response();
  }

  private Reply route(LexV2Event event, long t0) {
    if (event == null
        || event.sessionState() == null
        || event.intent() == null
        || event.intent().name() == null
        || event.intent().name().isBlank()) {
      return malformed(event);
    }
    Map<String, String> attrs = SessionContract.sanitiseIncoming(event.sessionAttributes());
    TurnContext ctx =
        new TurnContext(
            event,
            event.intent(),
            channelOf(event),
            event.sessionId(),
            attrs,
            bank,
            auth,
            clock,
            config,
            t0,
            this::serve,
            handlers::get);

    IntentHandler h = handlers.get(event.intent().name());
    if (h == null || h == fallback) {
      return guarded(ctx, fallback);
    }
    if (lowConfidence(event, attrs)) {
      TurnContext fb = ctx.withIntent(FallbackIntent.intent());
      return guarded(fb, fallback);
    }
    attrs.remove(SessionContract.FALLBACK_COUNT);
    return serve(ctx);
  }

  /**
   * Serves {@code ctx.intent()}: denial cancels, the auth gate, then the handler; bank trouble
   * becomes a degraded reply. Also used to resume an intent after authentication.
   */
  private Reply serve(TurnContext ctx) {
    IntentHandler h = handlers.get(ctx.intentName());
    if (h == null) {
      return guarded(ctx.withIntent(FallbackIntent.intent()), fallback);
    }
    if (ctx.intent().confirmationState() == Intent.ConfirmationState.DENIED) {
      return Replies.cancelled(ctx);
    }
    if (h.requiresAuth() && !ctx.authenticated()) {
      return guarded(ctx, authenticate::start, h.escalationQueue());
    }
    Reply r = guarded(ctx, h);
    if (r.authResult() == null) {
      boolean authRelated = h.requiresAuth() || h == authenticate;
      r = r.withAuth(authRelated ? AuthResult.NONE : AuthResult.NOT_REQUIRED, null);
    }
    return r;
  }

  private interface Step {
    Reply run(TurnContext ctx);
  }

  private Reply guarded(TurnContext ctx, IntentHandler h) {
    return guarded(ctx, h::handle, h.escalationQueue());
  }

  private Reply guarded(TurnContext ctx, Step step, Queue queue) {
    try {
      return step.run(ctx);
    } catch (BankUnavailableException e) {
      return Replies.unavailable(ctx, queue, e.reason());
    } catch (BankApiException e) {
      return Replies.escalate(
          ctx,
          queue,
          "bank refused the request (" + e.code() + ")",
          null,
          Say.both(
              "I'm sorry, I couldn't complete that request. I'm transferring you to an agent who"
                  + " can help."),
          Intent.State.FAILED,
          Outcome.ESCALATED,
          ErrorClass.BACKEND_ERROR,
          e.code());
    }
  }

  /** Whether this is the first turn of an intent and Lex was not confident about it. */
  private boolean lowConfidence(LexV2Event event, Map<String, String> attrs) {
    String name = event.intent().name();
    if (name.equals(attrs.get(SessionContract.ACTIVE_INTENT))) {
      return false;
    }
    if (event.interpretations() == null) {
      return false;
    }
    for (LexV2Event.Interpretation i : event.interpretations()) {
      if (i != null && i.intent() != null && name.equals(i.intent().name())) {
        return i.nluConfidence() != null && i.nluConfidence() < config.lowConfidence();
      }
    }
    return false;
  }

  static Channel channelOf(LexV2Event event) {
    Channel c = SessionContract.parseChannel(event.sessionAttribute(SessionContract.CHANNEL));
    if (c != null) {
      return c;
    }
    if (event.inputMode() != null) {
      return event.inputMode() == LexV2Event.InputMode.TEXT ? Channel.CHAT : Channel.VOICE;
    }
    String rct = event.responseContentType();
    return rct != null && rct.startsWith("audio") ? Channel.VOICE : Channel.CHAT;
  }

  /** A structurally broken event: a well-formed Close with a safe message, handed to an agent. */
  private Reply malformed(LexV2Event event) {
    String name =
        event != null
                && event.intent() != null
                && event.intent().name() != null
                && !event.intent().name().isBlank()
            ? event.intent().name()
            : FallbackIntent.NAME;
    // Keep the flow's own attributes (contactId, channel...): a Lex response replaces them all.
    Map<String, String> attrs =
        event == null
            ? new LinkedHashMap<>()
            : SessionContract.sanitiseIncoming(event.sessionAttributes());
    attrs.put(SessionContract.AUTH_STATUS, SessionContract.AuthStatus.ANONYMOUS.name());
    attrs.put(SessionContract.ESCALATE, "true");
    attrs.put(SessionContract.TARGET_QUEUE, Queue.GENERAL.queueName());
    attrs.put(SessionContract.ROUTING_PRIORITY, Integer.toString(Queue.GENERAL.priority()));
    attrs.put(
        SessionContract.WHISPER_CONTEXT,
        new SessionContract.WhisperContext(
                name, SessionContract.AuthStatus.ANONYMOUS, null, "malformed bot request")
            .toJson());
    LexV2Response r =
        LexResponses.close(
            new Intent(name, null, null, null, null),
            Intent.State.FAILED,
            attrs,
            List.of(
                Message.plainText(
                    "Sorry, something went wrong on our side. Let me transfer you to an agent.")));
    return new Reply(
        r,
        name,
        Outcome.FAILED,
        AuthResult.NONE,
        null,
        ErrorClass.VALIDATION,
        "MALFORMED_EVENT",
        Queue.GENERAL.queueName(),
        Queue.GENERAL.priority());
  }

  /** A bug (or an unexpected runtime failure): never a stack trace to the caller. */
  private Reply internalError(LexV2Event event, RuntimeException e) {
    Reply m = malformed(event);
    return new Reply(
        m.response(),
        m.intent(),
        Outcome.FAILED,
        AuthResult.NONE,
        null,
        ErrorClass.INTERNAL,
        e.getClass().getSimpleName(),
        m.queue(),
        m.routingPriority());
  }

  private void notifyListener(LexV2Event e, Reply r, Instant receivedAt, long t0) {
    try {
      String contactId = e == null ? null : e.sessionAttribute(SessionContract.CONTACT_ID);
      FulfillmentEvent.Channel ch =
          e == null || channelOf(e) == Channel.VOICE
              ? FulfillmentEvent.Channel.VOICE
              : FulfillmentEvent.Channel.CHAT;
      InvocationSource src =
          e == null || e.invocationSource() == null
              ? null
              : switch (e.invocationSource()) {
                case DIALOG_CODE_HOOK -> InvocationSource.DIALOG_CODE_HOOK;
                case FULFILLMENT_CODE_HOOK -> InvocationSource.FULFILLMENT_CODE_HOOK;
              };
      listener.onTurn(
          new TurnOutcome(
              receivedAt,
              contactId,
              e == null ? null : e.sessionId(),
              ch,
              e == null || e.bot() == null ? null : e.bot().id(),
              e == null || e.bot() == null ? null : e.bot().aliasId(),
              e == null || e.bot() == null ? null : e.bot().localeId(),
              r.intent(),
              e == null ? null : e.intentName(),
              src,
              r.outcome(),
              System.nanoTime() - t0,
              r.authResult() == null ? AuthResult.NONE : r.authResult(),
              r.authAttempt(),
              r.errorClass(),
              r.errorCode(),
              r.queue(),
              r.routingPriority()));
    } catch (RuntimeException ignored) {
      // A failing listener must never break the reply to Lex (events are best effort).
    }
  }
}
