package com.cci.schemas.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cci.schemas.Fixtures;
import com.cci.schemas.RoundTrip;
import com.cci.schemas.SchemaKind;
import com.cci.schemas.fulfillment.FulfillmentEvent.AuthResult;
import com.cci.schemas.fulfillment.FulfillmentEvent.Channel;
import com.cci.schemas.fulfillment.FulfillmentEvent.ErrorClass;
import com.cci.schemas.fulfillment.FulfillmentEvent.InvocationSource;
import com.cci.schemas.fulfillment.FulfillmentEvent.Outcome;
import com.cci.schemas.validation.ContractValidator;
import com.cci.schemas.validation.ValidationResult;
import com.cci.schemas.validation.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FulfillmentEventTest {
  private static final String FIXTURE_SALT = "fixture-salt";

  @Test
  void voiceFixtureParsesWithConcreteValues() {
    FulfillmentEvent e =
        RoundTrip.parse(
            RoundTrip.record(
                SchemaKind.FULFILLMENT_EVENT, "valid", "check-balance-fulfilled-voice.json"),
            FulfillmentEvent.class);
    assertThat(e.eventTime()).isEqualTo(Instant.parse("2026-11-20T14:03:12.407Z"));
    assertThat(e.channel()).isEqualTo(Channel.VOICE);
    assertThat(e.botAliasId()).isEqualTo("TSTALIASID");
    assertThat(e.intent()).isEqualTo("CheckBalance");
    assertThat(e.invocationSource()).isEqualTo(InvocationSource.FULFILLMENT_CODE_HOOK);
    assertThat(e.outcome()).isEqualTo(Outcome.FULFILLED);
    assertThat(e.latencyMs()).isEqualTo(184);
    assertThat(e.authResult()).isEqualTo(AuthResult.SUCCESS);
    assertThat(e.authAttempt()).isEqualTo(1);
    assertThat(e.errorClass()).isNull();
    // the hash in the fixture is salt + Connect contact id (the Lex session id for Connect voice)
    assertThat(e.sessionIdHash())
        .isEqualTo(
            FulfillmentEvent.hashSessionId(FIXTURE_SALT, "3f8c2a51-7d4e-4b9a-9c61-0e2d5f7a8b13"));
  }

  @Test
  void timeoutFixtureCarriesErrorClassAndQueue() {
    FulfillmentEvent e =
        RoundTrip.parse(
            RoundTrip.record(
                SchemaKind.FULFILLMENT_EVENT, "valid", "transfer-backend-timeout.json"),
            FulfillmentEvent.class);
    assertThat(e.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(e.errorClass()).isEqualTo(ErrorClass.BACKEND_TIMEOUT);
    assertThat(e.queue()).isEqualTo("Accounts");
    assertThat(e.tenantId()).isNull();
    assertThat(e.authAttempt()).isNull();
  }

  @Test
  void everyValidFixtureRoundTripsIncludingZeroMillis() {
    for (Path p : Fixtures.valid(SchemaKind.FULFILLMENT_EVENT)) {
      for (JsonNode rec : RoundTrip.records(p)) {
        RoundTrip.assertRoundTrips(rec, FulfillmentEvent.class, true);
      }
    }
    JsonNode out =
        RoundTrip.toTree(
            RoundTrip.parse(
                RoundTrip.record(
                    SchemaKind.FULFILLMENT_EVENT, "valid", "transfer-backend-timeout.json"),
                FulfillmentEvent.class));
    assertThat(out.get("eventTime").asText()).isEqualTo("2026-11-20T14:07:00.000Z");
  }

  @Test
  void eventBuiltInJavaIsSchemaValidWithMillisecondTime() {
    FulfillmentEvent e =
        new FulfillmentEvent(
            "8d7c6b5a-4e3f-4a2b-9c1d-0e9f8a7b6c5d",
            Instant.parse("2026-11-20T10:00:00.123456789Z"),
            "demo-tenant",
            null,
            FulfillmentEvent.hashSessionId("s3cr3t", "+14155550123"),
            Channel.VOICE,
            "QXN7RZ2P1K",
            "TSTALIASID",
            "en_US",
            "VerifyIdentity",
            InvocationSource.DIALOG_CODE_HOOK,
            Outcome.IN_PROGRESS,
            42,
            AuthResult.FAILURE,
            1,
            null,
            null);
    JsonNode out = RoundTrip.toTree(e);
    assertThat(out.get("eventTime").asText()).isEqualTo("2026-11-20T10:00:00.123Z");
    assertThat(out.get("invocationSource").asText()).isEqualTo("DialogCodeHook");
    assertThat(out.has("contactId")).isFalse();
    assertThat(out.has("errorClass")).isFalse();
    assertThat(out.toString()).doesNotContain("4155550123");
    RoundTrip.assertSchemaValid(SchemaKind.FULFILLMENT_EVENT, e);
  }

  @Test
  void anEventWithAnExtraPinFieldIsRejected() {
    ObjectNode rec =
        (ObjectNode)
            RoundTrip.record(
                SchemaKind.FULFILLMENT_EVENT, "valid", "verify-identity-failed-attempt-chat.json");
    assertThat(validate(rec).valid()).isTrue();
    rec.put("pin", "4821");

    ValidationResult r = validate(rec);

    assertThat(r.valid()).isFalse();
    assertThat(r.violations())
        .extracting(Violation::path, Violation::rule)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("$", "additionalProperties"));
    assertThat(r.violations().get(0).message()).contains("pin");
  }

  @Test
  void extraFieldsAreNeverWrittenBackEvenIfReadTolerantly() {
    ObjectNode rec =
        (ObjectNode)
            RoundTrip.record(
                SchemaKind.FULFILLMENT_EVENT, "valid", "verify-identity-failed-attempt-chat.json");
    rec.put("pin", "4821").put("accountNumber", "12345678");
    JsonNode out = RoundTrip.toTree(RoundTrip.parse(rec, FulfillmentEvent.class));
    assertThat(out.has("pin")).isFalse();
    assertThat(out.has("accountNumber")).isFalse();
    assertThat(validate(out).valid()).isTrue();
  }

  @Test
  void sessionHashIsSaltedLowercaseHexAndStable() {
    String h = FulfillmentEvent.hashSessionId("salt-a", "+14155550123");
    assertThat(h).matches("[0-9a-f]{64}");
    assertThat(h).isEqualTo(FulfillmentEvent.hashSessionId("salt-a", "+14155550123"));
    assertThat(h).isNotEqualTo(FulfillmentEvent.hashSessionId("salt-b", "+14155550123"));
    // SHA-256("abc") with empty-salt equivalent: salt "a" + "bc" hashes the bytes "abc"
    assertThat(FulfillmentEvent.hashSessionId("a", "bc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThatThrownBy(() -> FulfillmentEvent.hashSessionId("", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("salt");
    assertThatThrownBy(() -> FulfillmentEvent.hashSessionId("s", null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static ValidationResult validate(JsonNode rec) {
    return ContractValidator.shared().validate(SchemaKind.FULFILLMENT_EVENT, rec, "test");
  }
}
