package com.cci.fulfillment.router;

import com.cci.fulfillment.bank.BankUnavailableException;
import com.cci.fulfillment.session.SessionContract;
import com.cci.fulfillment.session.SessionContract.Queue;
import com.cci.fulfillment.session.SessionContract.WhisperContext;
import com.cci.schemas.fulfillment.FulfillmentEvent.ErrorClass;
import com.cci.schemas.fulfillment.FulfillmentEvent.Outcome;
import com.cci.schemas.lex.Intent;
import com.cci.schemas.lex.LexResponses;
import com.cci.schemas.lex.LexV2Response;
import java.util.Map;
import java.util.Set;

/**
 * Builds {@link Reply} values: the Lex response (through {@link LexResponses}, so it always
 * satisfies the response contract) with the channel's rendering of the prompt, the session
 * attributes including {@code authStatus}, and the turn outcome for events.
 *
 * <p>Secret slots ({@link #SECRET_SLOTS}: PINs, full account numbers typed while authenticating)
 * are cleared from every intent that goes back to Lex, so they never appear in a response.
 */
public final class Replies {
  private Replies() {}

  /** What the customer hears when the core bank cannot answer. */
  public static final String UNAVAILABLE_TEXT =
      "I'm sorry, our systems are temporarily unavailable. I'm transferring you to an agent who"
          + " can help.";

  /** Slots whose values never go back to Lex. */
  public static final Set<String> SECRET_SLOTS = Set.of("Pin", "NewPin", "AccountNumber");

  /** Done: Close, Fulfilled. */
  public static Reply fulfilled(TurnContext ctx, Say say) {
    return close(ctx, say, Intent.State.FULFILLED, Outcome.FULFILLED, null, null);
  }

  /** Asks for {@code slot} again or for the first time; its current value is cleared. */
  public static Reply elicit(TurnContext ctx, String slot, Say say) {
    ctx.attributes().put(SessionContract.ACTIVE_INTENT, ctx.intentName());
    Intent i = safe(ctx.intent()).withSlot(slot, null);
    return reply(
        ctx,
        LexResponses.elicitSlot(i, slot, ctx.outgoingAttributes(), say.messages(ctx.voice())),
        Outcome.IN_PROGRESS,
        null,
        null);
  }

  /** Asks for {@code slot} of another intent (e.g. the PIN of Authenticate). */
  public static Reply elicitOther(TurnContext ctx, Intent other, String slot, Say say) {
    ctx.attributes().put(SessionContract.ACTIVE_INTENT, other.name());
    Intent i = safe(other).withSlot(slot, null);
    return new Reply(
        LexResponses.elicitSlot(i, slot, ctx.outgoingAttributes(), say.messages(ctx.voice())),
        other.name(),
        Outcome.IN_PROGRESS,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /**
   * Asks the customer to confirm before acting; remembers the turn that asked ({@link
   * SessionContract#CONFIRM_REF}) for the transfer idempotency key.
   */
  public static Reply confirm(TurnContext ctx, Say say) {
    ctx.attributes().put(SessionContract.CONFIRM_REF, IdempotencyKeys.turnRef(ctx.event()));
    ctx.attributes().put(SessionContract.ACTIVE_INTENT, ctx.intentName());
    Intent i =
        new Intent(
            ctx.intent().name(),
            safe(ctx.intent()).slots(),
            Intent.State.IN_PROGRESS,
            Intent.ConfirmationState.NONE,
            null);
    return reply(
        ctx,
        LexResponses.confirmIntent(i, ctx.outgoingAttributes(), say.messages(ctx.voice())),
        Outcome.IN_PROGRESS,
        null,
        null);
  }

  /** The customer said no: nothing was done. */
  public static Reply cancelled(TurnContext ctx) {
    done(ctx);
    ctx.attributes().remove(SessionContract.CONFIRM_REF);
    Say say =
        Say.both("Okay, I've cancelled that and nothing was changed. Is there anything else?");
    return reply(
        ctx,
        LexResponses.close(
            safe(ctx.intent()),
            Intent.State.FAILED,
            ctx.outgoingAttributes(),
            say.messages(ctx.voice())),
        Outcome.CANCELLED,
        null,
        null);
  }

  /** The request cannot be done (a business refusal, bad input): Close, Failed. */
  public static Reply failed(TurnContext ctx, Say say, ErrorClass errorClass, String code) {
    return close(ctx, say, Intent.State.FAILED, Outcome.FAILED, errorClass, code);
  }

  /** Ends the intent: Close with {@code state}, pending-intent bookkeeping done. */
  private static Reply close(
      TurnContext ctx,
      Say say,
      Intent.State state,
      Outcome outcome,
      ErrorClass errorClass,
      String code) {
    done(ctx);
    return reply(
        ctx,
        LexResponses.close(
            safe(ctx.intent()), state, ctx.outgoingAttributes(), say.messages(ctx.voice())),
        outcome,
        errorClass,
        code);
  }

  /** Asks what the customer wants (after a misunderstanding). */
  public static Reply elicitIntent(TurnContext ctx, Say say, Outcome outcome) {
    done(ctx);
    return reply(
        ctx,
        LexResponses.elicitIntent(ctx.outgoingAttributes(), say.messages(ctx.voice())),
        outcome,
        null,
        null);
  }

  /**
   * Hands the contact to an agent: sets {@code escalate}, {@code targetQueue}, {@code
   * routingPriority} and {@code whisperContext}, and closes the intent with {@code state}.
   *
   * @param maskedAccount {@code ****1234} or null; never a full number
   * @param reason short fixed phrase for the agent (digit runs are scrubbed anyway)
   */
  public static Reply escalate(
      TurnContext ctx,
      Queue queue,
      String reason,
      String maskedAccount,
      Say say,
      Intent.State state,
      Outcome outcome,
      ErrorClass errorClass,
      String code) {
    done(ctx);
    Map<String, String> a = ctx.attributes();
    // While authenticating, the agent wants the intent the caller asked for.
    String pending = SessionContract.pendingIntentName(a);
    String whisperIntent = pending != null ? pending : ctx.intentName();
    a.remove(SessionContract.PENDING_INTENT);
    a.remove(SessionContract.CLAIMED_CUSTOMER);
    a.put(SessionContract.ESCALATE, "true");
    a.put(SessionContract.TARGET_QUEUE, queue.queueName());
    a.put(SessionContract.ROUTING_PRIORITY, Integer.toString(queue.priority()));
    a.put(
        SessionContract.WHISPER_CONTEXT,
        new WhisperContext(whisperIntent, ctx.authStatus(), maskedAccount, reason).toJson());
    LexV2Response r =
        LexResponses.close(
            safe(ctx.intent()), state, ctx.outgoingAttributes(), say.messages(ctx.voice()));
    return new Reply(
        r,
        ctx.intentName(),
        outcome,
        null,
        null,
        errorClass,
        code,
        queue.queueName(),
        queue.priority());
  }

  /** The degraded reply when the core bank cannot answer: apologise and hand to an agent. */
  public static Reply unavailable(
      TurnContext ctx, Queue queue, BankUnavailableException.Reason reason) {
    ErrorClass ec =
        switch (reason) {
          case TIMEOUT -> ErrorClass.BACKEND_TIMEOUT;
          case SERVER_ERROR -> ErrorClass.BACKEND_ERROR;
          default -> ErrorClass.BACKEND_UNAVAILABLE;
        };
    return unavailable(ctx, queue, ec, reason.name(), "core banking unavailable (" + reason + ")");
  }

  /** The degraded reply with an explicit error class, code and whisper reason. */
  public static Reply unavailable(
      TurnContext ctx, Queue queue, ErrorClass errorClass, String code, String reason) {
    return escalate(
        ctx,
        queue,
        reason,
        null,
        Say.both(UNAVAILABLE_TEXT),
        Intent.State.FAILED,
        Outcome.ESCALATED,
        errorClass,
        code);
  }

  /**
   * A change (money, profile, dispute) sent to the bank whose outcome it could not confirm: the
   * customer hears the "temporarily unavailable" message and goes to {@code queue} with {@code
   * reason} in the whisper (which should say to check before retrying).
   */
  public static Reply outcomeUnknown(
      TurnContext ctx,
      Queue queue,
      String reason,
      String maskedAccount,
      BankUnavailableException e) {
    return escalate(
        ctx,
        queue,
        reason,
        maskedAccount,
        Say.both(UNAVAILABLE_TEXT),
        Intent.State.FAILED,
        Outcome.ESCALATED,
        changeErrorClass(e),
        e.reason().name());
  }

  /** How an unconfirmed change is counted: a timeout, or the backend unavailable. */
  public static ErrorClass changeErrorClass(BankUnavailableException e) {
    return e.reason() == BankUnavailableException.Reason.TIMEOUT
        ? ErrorClass.BACKEND_TIMEOUT
        : ErrorClass.BACKEND_UNAVAILABLE;
  }

  /** The dialog of the intent ended: forget the in-progress bookkeeping. */
  private static void done(TurnContext ctx) {
    ctx.attributes().remove(SessionContract.ACTIVE_INTENT);
    ctx.attributes().remove(SessionContract.CONFIRM_REF);
  }

  private static Reply reply(
      TurnContext ctx, LexV2Response r, Outcome outcome, ErrorClass ec, String code) {
    return new Reply(r, ctx.intentName(), outcome, null, null, ec, code, null, null);
  }

  /** The intent without secret slot values. */
  public static Intent safe(Intent intent) {
    Intent i = intent;
    if (i.slots() != null) {
      for (String s : SECRET_SLOTS) {
        if (i.slots().containsKey(s) && i.slots().get(s) != null) {
          i = i.withSlot(s, null);
        }
      }
    }
    return i;
  }
}
