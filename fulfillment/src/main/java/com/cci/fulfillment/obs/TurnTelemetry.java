package com.cci.fulfillment.obs;

import com.cci.schemas.fulfillment.FulfillmentEvent;
import com.cci.schemas.fulfillment.FulfillmentEvent.AuthResult;
import com.cci.schemas.fulfillment.FulfillmentEvent.Channel;
import com.cci.schemas.fulfillment.FulfillmentEvent.ErrorClass;
import com.cci.schemas.fulfillment.FulfillmentEvent.InvocationSource;
import com.cci.schemas.fulfillment.FulfillmentEvent.Outcome;
import com.cci.schemas.lex.DialogAction;
import com.cci.schemas.lex.Intent;
import com.cci.schemas.lex.LexV2Event;
import com.cci.schemas.lex.LexV2Response;
import com.cci.schemas.lex.SessionState;
import com.cci.schemas.lex.Slot;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Observes one code-hook turn: builds its {@code fulfillment-event} from the Lex event and the
 * response (never copying a slot value, transcript or session attribute into it), records the EMF
 * metrics, writes one masked INFO log line and hands the event to the sink.
 *
 * <p>How a response maps to the event's fields (the session-attribute contract is in the module
 * README): {@code escalate=true} → ESCALATED with {@code queue = targetQueue}; Close with intent
 * state Fulfilled → FULFILLED, Failed → FAILED, a denied confirmation → CANCELLED; FallbackIntent →
 * FALLBACK; any other dialog action → IN_PROGRESS. A turn of the {@code Authenticate} intent that
 * carried a PIN is an authentication attempt: {@code authStatus} AUTHENTICATED → SUCCESS, LOCKED →
 * LOCKED, anything else → FAILURE. A failed or escalated turn whose whisper reason says the systems
 * are unavailable gets {@code errorClass} BACKEND_UNAVAILABLE.
 */
public final class TurnTelemetry {
  private static final Pattern BOT_ID = Pattern.compile("[0-9A-Z]{10}");
  private static final Pattern LOCALE = Pattern.compile("[a-z]{2}_[A-Z]{2}");
  private static final Pattern INTENT = Pattern.compile("[0-9A-Za-z][0-9A-Za-z_-]{0,99}");
  private static final Pattern UUID_RE =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  static final String UNKNOWN_BOT = "UNKNOWNBOT";

  private final String sessionSalt;
  private final String tenantId;
  private final EmfMetrics metrics;
  private final FulfillmentEventSink sink;
  private final JsonLogger log;

  public TurnTelemetry(
      String sessionSalt,
      String tenantId,
      EmfMetrics metrics,
      FulfillmentEventSink sink,
      JsonLogger log) {
    if (sessionSalt == null || sessionSalt.isEmpty()) {
      throw new IllegalArgumentException("a session-hash salt is required");
    }
    this.sessionSalt = sessionSalt;
    this.tenantId = tenantId;
    this.metrics = Objects.requireNonNull(metrics);
    this.sink = Objects.requireNonNull(sink);
    this.log = Objects.requireNonNull(log);
  }

  public EmfMetrics metrics() {
    return metrics;
  }

  public FulfillmentEventSink sink() {
    return sink;
  }

  /**
   * Records a finished turn. {@code error} is the exception that escaped the router (null when it
   * answered). Never throws.
   */
  public FulfillmentEvent turn(
      LexV2Event event, LexV2Response response, Instant received, long latencyMs, Throwable error) {
    try {
      FulfillmentEvent fe = toEvent(event, response, received, latencyMs, error);
      metrics.record(fe.intent(), fe.outcome().name(), latencyMs);
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("intent", fe.intent());
      fields.put("outcome", fe.outcome().name());
      fields.put("latencyMs", latencyMs);
      fields.put("channel", fe.channel().name());
      fields.put("sessionIdHash", fe.sessionIdHash());
      fields.put("authResult", fe.authResult().name());
      if (fe.errorClass() != null) {
        fields.put("errorClass", fe.errorClass().name());
      }
      if (fe.queue() != null) {
        fields.put("queue", fe.queue());
      }
      if (error != null) {
        log.error("turn failed", fields, error);
      } else {
        log.info("turn", fields);
      }
      sink.emit(fe);
      return fe;
    } catch (RuntimeException e) {
      log.error("telemetry failed", Map.of(), e);
      return null;
    }
  }

  /** The contract event of a turn. */
  public FulfillmentEvent toEvent(
      LexV2Event event, LexV2Response response, Instant received, long latencyMs, Throwable error) {
    SessionState in = event == null ? null : event.sessionState();
    Map<String, String> inAttrs =
        in == null || in.sessionAttributes() == null ? Map.of() : in.sessionAttributes();
    SessionState out = response == null ? null : response.sessionState();
    Map<String, String> outAttrs =
        out == null || out.sessionAttributes() == null ? Map.of() : out.sessionAttributes();
    Intent inIntent = in == null ? null : in.intent();
    Intent outIntent = out == null ? null : out.intent();
    String intentName =
        outIntent != null && outIntent.name() != null
            ? outIntent.name()
            : inIntent != null ? inIntent.name() : null;
    if (intentName == null || !INTENT.matcher(intentName).matches()) {
      intentName = "Unknown";
    }

    String sessionId = event == null || event.sessionId() == null ? "" : event.sessionId();
    String hash =
        FulfillmentEvent.hashSessionId(sessionSalt, sessionId.isEmpty() ? "-" : sessionId);

    boolean escalate = "true".equalsIgnoreCase(outAttrs.get("escalate"));
    Outcome outcome;
    ErrorClass errorClass = null;
    if (error != null) {
      outcome = Outcome.FAILED;
      errorClass = ErrorClass.INTERNAL;
    } else if (escalate) {
      outcome = Outcome.ESCALATED;
    } else if ("FallbackIntent".equals(intentName)) {
      outcome = Outcome.FALLBACK;
    } else {
      outcome = outcomeOf(out);
    }
    if (error == null && (outcome == Outcome.ESCALATED || outcome == Outcome.FAILED)) {
      String whisper = outAttrs.getOrDefault("whisperContext", "").toLowerCase(Locale.ROOT);
      if (whisper.contains("unavailable")) {
        errorClass = ErrorClass.BACKEND_UNAVAILABLE;
      } else if (outcome == Outcome.FAILED) {
        errorClass = ErrorClass.VALIDATION;
      }
    }

    AuthResult auth = AuthResult.NONE;
    if ("Authenticate".equals(inIntent == null ? null : inIntent.name()) && hasPin(inIntent)) {
      String st = outAttrs.getOrDefault("authStatus", "").toUpperCase(Locale.ROOT);
      auth =
          switch (st) {
            case "AUTHENTICATED" -> AuthResult.SUCCESS;
            case "LOCKED" -> AuthResult.LOCKED;
            default -> AuthResult.FAILURE;
          };
    }
    String queue = escalate ? blankToNull(outAttrs.get("targetQueue")) : null;

    String botId = event == null || event.bot() == null ? null : event.bot().id();
    String aliasId = event == null || event.bot() == null ? null : event.bot().aliasId();
    String localeId = event == null || event.bot() == null ? null : event.bot().localeId();
    String contactId = inAttrs.get("contactId");
    return new FulfillmentEvent(
        UUID.randomUUID().toString(),
        received,
        tenantId,
        contactId != null && UUID_RE.matcher(contactId).matches() ? contactId : null,
        hash,
        channelOf(event, inAttrs),
        botId != null && BOT_ID.matcher(botId).matches() ? botId : UNKNOWN_BOT,
        aliasId != null && BOT_ID.matcher(aliasId).matches() ? aliasId : UNKNOWN_BOT,
        localeId != null && LOCALE.matcher(localeId).matches() ? localeId : "en_US",
        intentName,
        event != null
                && event.invocationSource() == LexV2Event.InvocationSource.FULFILLMENT_CODE_HOOK
            ? InvocationSource.FULFILLMENT_CODE_HOOK
            : InvocationSource.DIALOG_CODE_HOOK,
        outcome,
        Math.max(0, Math.min(600_000, latencyMs)),
        auth,
        null,
        outcome == Outcome.FULFILLED ? null : errorClass,
        queue);
  }

  private static boolean hasPin(Intent intent) {
    Slot pin = intent.slot("Pin");
    return pin != null && pin.value() != null;
  }

  private static Outcome outcomeOf(SessionState out) {
    if (out == null || out.dialogAction() == null) {
      return Outcome.FAILED;
    }
    if (out.dialogAction().type() != DialogAction.Type.CLOSE) {
      return Outcome.IN_PROGRESS;
    }
    Intent i = out.intent();
    if (i == null || i.state() == null) {
      return Outcome.FULFILLED;
    }
    if (i.confirmationState() == Intent.ConfirmationState.DENIED) {
      return Outcome.CANCELLED;
    }
    return switch (i.state()) {
      case FULFILLED -> Outcome.FULFILLED;
      case FAILED -> Outcome.FAILED;
      default -> Outcome.IN_PROGRESS;
    };
  }

  private static Channel channelOf(LexV2Event event, Map<String, String> attrs) {
    String c = attrs.get("channel");
    if (c != null) {
      if (c.equalsIgnoreCase("VOICE")) {
        return Channel.VOICE;
      }
      if (c.equalsIgnoreCase("CHAT")) {
        return Channel.CHAT;
      }
    }
    if (event != null && event.inputMode() != null) {
      return event.inputMode() == LexV2Event.InputMode.TEXT ? Channel.CHAT : Channel.VOICE;
    }
    return Channel.CHAT;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
