package com.cci.fulfillment.obs;

import com.cci.fulfillment.router.TurnListener;
import com.cci.fulfillment.router.TurnOutcome;
import com.cci.schemas.fulfillment.FulfillmentEvent;
import com.cci.schemas.fulfillment.FulfillmentEvent.AuthResult;
import com.cci.schemas.fulfillment.FulfillmentEvent.InvocationSource;
import com.cci.schemas.fulfillment.FulfillmentEvent.Outcome;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The router's {@link TurnListener}: turns each {@link TurnOutcome} into a contract {@code
 * fulfillment-event} (session id salted and hashed, contact id only when it is a UUID, bot fields
 * that do not fit the contract replaced by placeholders rather than dropping the event), records
 * the EMF metrics, writes one masked log line and hands the event to the sink. Runs on the request
 * thread and never blocks or throws.
 */
public final class TurnTelemetry implements TurnListener {
  private static final Pattern BOT_ID = Pattern.compile("[0-9A-Z]{10}");
  private static final Pattern LOCALE = Pattern.compile("[a-z]{2}_[A-Z]{2}");
  private static final Pattern INTENT = Pattern.compile("[0-9A-Za-z][0-9A-Za-z_-]{0,99}");
  private static final Pattern UUID_RE =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /** Placeholder for a bot or alias id that is missing or not a Lex id. */
  static final String UNKNOWN_BOT = "UNKNOWNBOT";

  private final String sessionSalt;
  private final String tenantId;
  private final EmfMetrics metrics;
  private final FulfillmentEventSink sink;
  private final JsonLogger log;

  /**
   * @param sessionSalt deployment secret for {@link FulfillmentEvent#hashSessionId}
   * @param tenantId tenant written into every event, may be null
   */
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

  @Override
  public void onTurn(TurnOutcome t) {
    try {
      FulfillmentEvent fe = toEvent(t);
      metrics.record(fe.intent(), fe.outcome().name(), fe.latencyMs());
      if (log.enabled(JsonLogger.Level.INFO)) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("intent", fe.intent());
        fields.put("outcome", fe.outcome().name());
        fields.put("latencyMs", fe.latencyMs());
        fields.put("channel", fe.channel().name());
        fields.put("sessionIdHash", fe.sessionIdHash());
        fields.put("authResult", fe.authResult().name());
        if (fe.errorClass() != null) {
          fields.put("errorClass", fe.errorClass().name());
          fields.put("errorCode", t.errorCode());
        }
        if (fe.queue() != null) {
          fields.put("queue", fe.queue());
        }
        log.info("turn", fields);
      }
      sink.emit(fe);
    } catch (RuntimeException e) {
      log.error("telemetry failed", Map.of(), e);
    }
  }

  /** The contract event of a turn. */
  public FulfillmentEvent toEvent(TurnOutcome t) {
    String sessionId = t.sessionId() == null || t.sessionId().isEmpty() ? "-" : t.sessionId();
    String intent =
        t.intent() != null && INTENT.matcher(t.intent()).matches() ? t.intent() : "Unknown";
    AuthResult auth = t.authResult() == null ? AuthResult.NONE : t.authResult();
    boolean attempt =
        auth == AuthResult.SUCCESS || auth == AuthResult.FAILURE || auth == AuthResult.LOCKED;
    Integer authAttempt =
        attempt && t.authAttempt() != null && t.authAttempt() >= 1 && t.authAttempt() <= 100
            ? t.authAttempt()
            : null;
    Outcome outcome = t.outcome() == null ? Outcome.FAILED : t.outcome();
    return new FulfillmentEvent(
        UUID.randomUUID().toString(),
        t.receivedAt() == null ? Instant.now() : t.receivedAt(),
        tenantId,
        t.contactId() != null && UUID_RE.matcher(t.contactId()).matches() ? t.contactId() : null,
        FulfillmentEvent.hashSessionId(sessionSalt, sessionId),
        t.channel() == null ? FulfillmentEvent.Channel.CHAT : t.channel(),
        fit(t.botId(), BOT_ID, UNKNOWN_BOT),
        fit(t.botAliasId(), BOT_ID, UNKNOWN_BOT),
        fit(t.localeId(), LOCALE, "en_US"),
        intent,
        t.invocationSource() == null ? InvocationSource.DIALOG_CODE_HOOK : t.invocationSource(),
        outcome,
        Math.min(600_000, t.latencyMs()),
        auth,
        authAttempt,
        outcome == Outcome.FULFILLED ? null : t.errorClass(),
        t.queue() == null || t.queue().isBlank() ? null : t.queue());
  }

  private static String fit(String v, Pattern p, String otherwise) {
    return v != null && p.matcher(v).matches() ? v : otherwise;
  }
}
