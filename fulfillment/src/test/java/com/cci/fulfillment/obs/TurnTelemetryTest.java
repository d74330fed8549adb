package com.cci.fulfillment.obs;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.fulfillment.testing.LexEventJson;
import com.cci.schemas.Json;
import com.cci.schemas.SchemaKind;
import com.cci.schemas.fulfillment.FulfillmentEvent;
import com.cci.schemas.fulfillment.FulfillmentEvent.AuthResult;
import com.cci.schemas.fulfillment.FulfillmentEvent.Outcome;
import com.cci.schemas.lex.Intent;
import com.cci.schemas.lex.LexResponses;
import com.cci.schemas.lex.LexV2Event;
import com.cci.schemas.lex.LexV2Response;
import com.cci.schemas.validation.ContractValidator;
import com.cci.schemas.validation.ValidationResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
          null,
          new EmfMetrics("CCI/Fulfillment", "cci-fulfillment", emfLines::add, Clock.systemUTC()),
          sink,
          new JsonLogger(
              "cci-fulfillment", "turns", JsonLogger.Level.INFO, logLines::add, Clock.systemUTC()));

  LexV2Event event(String intent, Map<String, String> slots) {
    return LexEventJson.parse(
        LexEventJson.event(
            SESSION,
            "DTMF",
            intent,
            slots,
            Map.of(
                "contactId", CONTACT,
                "channel", "VOICE",
                "customerPhone", "+15125550101",
                "accountNumber", "100200300401")));
  }

  @Test
  void aFulfilledBalanceCheckIsAValidEventWithoutPii() throws Exception {
    LexV2Event e = event("CheckBalance", Map.of("AccountType", "CHECKING"));
    Map<String, String> attrs = Map.of("authStatus", "AUTHENTICATED", "escalate", "false");
    LexV2Response r =
        LexResponses.close(
            e.sessionState().intent(),
            Intent.State.FULFILLED,
            attrs,
            "Your checking account ending 0401 has 2,543.17 dollars.");
    FulfillmentEvent fe = telemetry.turn(e, r, Instant.parse("2026-11-22T10:00:00.5Z"), 7, null);

    assertValid(fe);
    assertThat(fe.outcome()).isEqualTo(Outcome.FULFILLED);
    assertThat(fe.contactId()).isEqualTo(CONTACT);
    assertThat(fe.channel()).isEqualTo(FulfillmentEvent.Channel.VOICE);
    assertThat(fe.authResult()).isEqualTo(AuthResult.NONE);
    assertThat(fe.sessionIdHash()).isEqualTo(FulfillmentEvent.hashSessionId("test-salt", SESSION));
    String json = Json.mapper().writeValueAsString(fe);
    assertThat(json)
        .doesNotContain("5550101")
        .doesNotContain("100200300401")
        .doesNotContain("0401");
    assertThat(emitted).containsExactly(fe);
    assertThat(String.join("\n", logLines))
        .contains("\"intent\":\"CheckBalance\"")
        .doesNotContain("5550101");
    telemetry.metrics().flush();
    assertThat(emfLines).hasSize(1);
    assertThat(emfLines.get(0))
        .contains("\"Intent\":\"CheckBalance\"")
        .contains("\"TurnLatency\":[7]");
  }

  @Test
  void pinAttemptsBecomeAuthResultsAndNeverCarryThePin() throws Exception {
    LexV2Event e = event("Authenticate", Map.of("Pin", "1111"));
    LexV2Response failed =
        LexResponses.elicitSlot(
            e.sessionState().intent(),
            "Pin",
            Map.of("authStatus", "FAILED"),
            "That PIN did not match.");
    FulfillmentEvent f1 = telemetry.turn(e, failed, Instant.now(), 40, null);
    assertValid(f1);
    assertThat(f1.authResult()).isEqualTo(AuthResult.FAILURE);
    assertThat(f1.outcome()).isEqualTo(Outcome.IN_PROGRESS);

    LexV2Response locked =
        LexResponses.close(
            e.sessionState().intent(),
            Intent.State.FAILED,
            Map.of(
                "authStatus", "LOCKED",
                "escalate", "true",
                "targetQueue", "Security",
                "whisperContext", "{\"reason\":\"PIN locked\"}"),
            "Let me connect you with an agent.");
    FulfillmentEvent f2 = telemetry.turn(e, locked, Instant.now(), 40, null);
    assertValid(f2);
    assertThat(f2.authResult()).isEqualTo(AuthResult.LOCKED);
    assertThat(f2.outcome()).isEqualTo(Outcome.ESCALATED);
    assertThat(f2.queue()).isEqualTo("Security");
    assertThat(Json.mapper().writeValueAsString(f2)).doesNotContain("1111");
    assertThat(String.join("\n", logLines)).doesNotContain("1111");
  }

  @Test
  void bankOutageEscalationIsBackendUnavailable() {
    LexV2Event e = event("TransferInternal", Map.of());
    LexV2Response r =
        LexResponses.close(
            e.sessionState().intent(),
            Intent.State.FAILED,
            Map.of(
                "escalate", "true",
                "targetQueue", "GeneralSupport",
                "whisperContext", "{\"reason\":\"core banking unavailable\"}"),
            "Our systems are temporarily unavailable.");
    FulfillmentEvent fe = telemetry.turn(e, r, Instant.now(), 2400, null);
    assertValid(fe);
    assertThat(fe.outcome()).isEqualTo(Outcome.ESCALATED);
    assertThat(fe.errorClass()).isEqualTo(FulfillmentEvent.ErrorClass.BACKEND_UNAVAILABLE);
  }

  @Test
  void fallbackDeniedAndCrashedTurnsAreClassified() {
    LexV2Event fb = event("FallbackIntent", Map.of());
    FulfillmentEvent f =
        telemetry.turn(fb, LexResponses.elicitIntent(Map.of(), "Sorry?"), Instant.now(), 1, null);
    assertValid(f);
    assertThat(f.outcome()).isEqualTo(Outcome.FALLBACK);

    LexV2Event t = event("TransferInternal", Map.of());
    Intent denied =
        new Intent(
            "TransferInternal",
            Map.of(),
            Intent.State.FAILED,
            Intent.ConfirmationState.DENIED,
            null);
    FulfillmentEvent c =
        telemetry.turn(
            t,
            LexResponses.close(denied, Intent.State.FAILED, Map.of(), "Cancelled."),
            Instant.now(),
            3,
            null);
    assertValid(c);
    assertThat(c.outcome()).isEqualTo(Outcome.CANCELLED);

    FulfillmentEvent crash =
        telemetry.turn(t, null, Instant.now(), 3, new IllegalStateException("bug 4821"));
    assertValid(crash);
    assertThat(crash.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(crash.errorClass()).isEqualTo(FulfillmentEvent.ErrorClass.INTERNAL);
    assertThat(String.join("\n", logLines)).doesNotContain("4821");
  }

  @Test
  void malformedBotFieldsStillYieldAContractValidEvent() {
    String json =
        LexEventJson.event(
                "s-1", "Text", "Weird Intent!", Map.of(), Map.of("contactId", "not-a-uuid"))
            .replace("QXN7RZ2P1K", "bad-bot")
            .replace("en_US", "english");
    FulfillmentEvent fe = telemetry.turn(LexEventJson.parse(json), null, Instant.now(), 0, null);
    assertValid(fe);
    assertThat(fe.botId()).isEqualTo(TurnTelemetry.UNKNOWN_BOT);
    assertThat(fe.contactId()).isNull();
    assertThat(fe.intent()).isEqualTo("Unknown");
    assertThat(fe.channel()).isEqualTo(FulfillmentEvent.Channel.CHAT);
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
