package com.cci.fulfillment.obs;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.fulfillment.router.TurnOutcome;
import com.cci.schemas.Json;
import com.cci.schemas.SchemaKind;
import com.cci.schemas.fulfillment.FulfillmentEvent;
import com.cci.schemas.fulfillment.FulfillmentEvent.AuthResult;
import com.cci.schemas.fulfillment.FulfillmentEvent.Channel;
import com.cci.schemas.fulfillment.FulfillmentEvent.ErrorClass;
import com.cci.schemas.fulfillment.FulfillmentEvent.InvocationSource;
import com.cci.schemas.fulfillment.FulfillmentEvent.Outcome;
import com.cci.schemas.validation.ContractValidator;
import com.cci.schemas.validation.ValidationResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TurnTelemetryTest {
  static final String CONTACT = "5fdb3ff4-3a48-4b0e-9f10-0cb8a7e2d1c3";
  static final String SESSION = "+15125550101"; // Connect voice: the session id can be the ANI
  final List<String> logLines = new ArrayList<>();
  final List<String> emfLines = new ArrayList<>();
  final List<FulfillmentEvent> emitted = new ArrayList<>();
  final FulfillmentEventSink sink =
      new FulfillmentEventSink() {
        @Override
        public boolean emit(FulfillmentEvent event) {
          return emitted.add(event);
        }

        @Override
        public long accepted() {
          return emitted.size();
        }

        @Override
        public long dropped() {
          return 0;
        }

        @Override
        public long delivered() {
          return 0;
        }
      };
  final TurnTelemetry telemetry =
      new TurnTelemetry(
          "test-salt",
          "demo-bank",
          new EmfMetrics("CCI/Fulfillment", "cci-fulfillment", emfLines::add, Clock.systemUTC()),
          sink,
          new JsonLogger(
              "cci-fulfillment", "turns", JsonLogger.Level.INFO, logLines::add, Clock.systemUTC()));

  static TurnOutcome outcome(
      String intent,
      Outcome outcome,
      AuthResult auth,
      Integer attempt,
      ErrorClass error,
      String queue) {
    return new TurnOutcome(
        Instant.parse("2026-11-22T10:00:00.123456Z"),
        CONTACT,
        SESSION,
        Channel.VOICE,
        "QXN7RZ2P1K",
        "TSTALIASID",
        "en_US",
        intent,
        intent,
        InvocationSource.DIALOG_CODE_HOOK,
        outcome,
        6_200_000,
        auth,
        attempt,
        error,
        error == null ? null : "CIRCUIT_OPEN",
        queue,
        queue == null ? null : 1);
  }

  @Test
  void aFulfilledTurnIsAValidEventLogLineAndMetric() throws Exception {
    telemetry.onTurn(outcome("CheckBalance", Outcome.FULFILLED, AuthResult.NONE, null, null, null));
    assertThat(emitted).hasSize(1);
    FulfillmentEvent fe = emitted.get(0);
    assertValid(fe);
    assertThat(fe.eventTime()).isEqualTo(Instant.parse("2026-11-22T10:00:00.123Z"));
    assertThat(fe.tenantId()).isEqualTo("demo-bank");
    assertThat(fe.contactId()).isEqualTo(CONTACT);
    assertThat(fe.latencyMs()).isEqualTo(7);
    assertThat(fe.sessionIdHash()).isEqualTo(FulfillmentEvent.hashSessionId("test-salt", SESSION));
    assertThat(Json.mapper().writeValueAsString(fe)).doesNotContain("5550101");
    assertThat(logLines).hasSize(1);
    assertThat(logLines.get(0))
        .contains("\"intent\":\"CheckBalance\"")
        .contains("\"outcome\":\"FULFILLED\"")
        .doesNotContain("5550101");
    assertThat(telemetry.metrics().flush()).isEqualTo(1);
    assertThat(emfLines.get(0))
        .contains("\"Intent\":\"CheckBalance\"")
        .contains("\"Outcome\":\"FULFILLED\"")
        .contains("\"TurnLatency\":[7]");
  }

  @Test
  void authAttemptsAndEscalationsKeepTheirDetails() {
    telemetry.onTurn(
        outcome("Authenticate", Outcome.IN_PROGRESS, AuthResult.FAILURE, 1, null, null));
    telemetry.onTurn(
        outcome("Authenticate", Outcome.ESCALATED, AuthResult.LOCKED, 3, null, "Security"));
    telemetry.onTurn(
        outcome(
            "TransferInternal",
            Outcome.ESCALATED,
            AuthResult.NOT_REQUIRED,
            7,
            ErrorClass.BACKEND_UNAVAILABLE,
            "GeneralSupport"));
    emitted.forEach(TurnTelemetryTest::assertValid);
    assertThat(emitted.get(0).authAttempt()).isEqualTo(1);
    assertThat(emitted.get(1).authResult()).isEqualTo(AuthResult.LOCKED);
    assertThat(emitted.get(1).queue()).isEqualTo("Security");
    assertThat(emitted.get(2).authAttempt()).as("only with an auth attempt").isNull();
    assertThat(emitted.get(2).errorClass()).isEqualTo(ErrorClass.BACKEND_UNAVAILABLE);
    assertThat(logLines.get(2)).contains("\"errorCode\":\"CIRCUIT_OPEN\"");
  }

  @Test
  void aFulfilledTurnNeverCarriesAnErrorClass() {
    telemetry.onTurn(
        outcome(
            "CheckBalance", Outcome.FULFILLED, AuthResult.NONE, null, ErrorClass.INTERNAL, null));
    assertValid(emitted.get(0));
    assertThat(emitted.get(0).errorClass()).isNull();
  }

  @Test
  void malformedTurnsStillYieldAContractValidEvent() {
    telemetry.onTurn(
        new TurnOutcome(
            null,
            "not-a-uuid",
            null,
            null,
            "bad-bot",
            null,
            "english",
            "Weird Intent!",
            null,
            null,
            null,
            0,
            null,
            null,
            ErrorClass.VALIDATION,
            "MALFORMED_EVENT",
            null,
            null));
    FulfillmentEvent fe = emitted.get(0);
    assertValid(fe);
    assertThat(fe.botId()).isEqualTo(TurnTelemetry.UNKNOWN_BOT);
    assertThat(fe.contactId()).isNull();
    assertThat(fe.intent()).isEqualTo("Unknown");
    assertThat(fe.outcome()).isEqualTo(Outcome.FAILED);
  }

  static void assertValid(FulfillmentEvent fe) {
    try {
      ValidationResult r =
          ContractValidator.shared()
              .validate(SchemaKind.FULFILLMENT_EVENT, Json.mapper().writeValueAsString(fe), "test");
      assertThat(r.valid()).as(r.toString()).isTrue();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }
}
