package com.cci.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.schemas.validation.ContractValidator;
import com.cci.schemas.validation.ValidationResult;
import com.cci.schemas.validation.Violation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each invalid fixture of the CCI-owned kinds is rejected for the reason its name gives (a
 * violation of the expected keyword at the expected path), not by accident.
 */
class InternalInvalidFixturesTest {
  private static final ContractValidator VALIDATOR = ContractValidator.shared();

  static final Set<SchemaKind> INTERNAL_KINDS =
      EnumSet.of(
          SchemaKind.QA_FORM,
          SchemaKind.QA_RESULT,
          SchemaKind.ALARM,
          SchemaKind.FULFILLMENT_EVENT,
          SchemaKind.LEX_V2_EVENT,
          SchemaKind.LEX_V2_RESPONSE);

  /** kind/file -> {path, rule} of a violation that must be among the reported ones. */
  private static final Map<String, String[]> EXPECTED =
      Map.ofEntries(
          e("qa-form/autofail-not-boolean.json", "$.sections[3].criteria[1].autoFail", "type"),
          e("qa-form/criterion-id-with-spaces.json", "$.sections[0].criteria[0].id", "pattern"),
          e("qa-form/missing-pass-threshold.json", "$", "required"),
          e("qa-form/misspelt-property.json", "$", "additionalProperties"),
          e("qa-form/no-sections.json", "$.sections", "minItems"),
          e("qa-form/pass-threshold-over-100.json", "$.passThreshold", "maximum"),
          e(
              "qa-form/zero-weight-criterion.json",
              "$.sections[1].criteria[1].weight",
              "exclusiveMinimum"),
          e("qa-result/answer-lowercase.json", "$.criteria[0].answer", "enum"),
          e("qa-result/autofailed-but-passed.json", "$.totals.passed", "const"),
          e("qa-result/calldate-is-timestamp.json", "$.callDate", "format"),
          e("qa-result/failed-criterion-with-score.json", "$.criteria[6].score", "const"),
          e("qa-result/missing-usage.json", "$", "required"),
          e("qa-result/percentage-over-100.json", "$.totals.percentage", "maximum"),
          e("qa-result/pii-type-not-upper-snake.json", "$.piiCounts", "propertyNames"),
          e("qa-result/unknown-scorer.json", "$.scorer", "enum"),
          e("alarm/queue-rule-without-queue.json", "$", "required"),
          e("alarm/per-contact-rule-with-window.json", "$.windowStart", "type"),
          e("alarm/unknown-rule.json", "$.rule", "enum"),
          e("alarm/window-start-without-end.json", "$", "required"),
          e("alarm/alarm-id-not-uuid.json", "$.alarmId", "format"),
          e("alarm/unknown-state.json", "$.state", "enum"),
          e("alarm/nested-details.json", "$.details.transcript", "type"),
          e("alarm/negative-sentiment-without-contact.json", "$", "required"),
          e("fulfillment-event/extra-pin-field.json", "$", "additionalProperties"),
          e("fulfillment-event/extra-account-number.json", "$", "additionalProperties"),
          e("fulfillment-event/raw-phone-as-session-hash.json", "$.sessionIdHash", "pattern"),
          e("fulfillment-event/fulfilled-with-error-class.json", "$.errorClass", "type"),
          e("fulfillment-event/event-time-without-millis.json", "$.eventTime", "pattern"),
          e("fulfillment-event/attempt-without-auth.json", "$.authAttempt", "type"),
          e("fulfillment-event/unknown-outcome.json", "$.outcome", "enum"),
          e("lex-v2-event/missing-session-state.json", "$", "required"),
          e("lex-v2-event/unknown-input-mode.json", "$.inputMode", "enum"),
          e(
              "lex-v2-event/session-attribute-not-string.json",
              "$.sessionState.sessionAttributes.authAttempts",
              "type"),
          e(
              "lex-v2-event/slot-without-interpreted-value.json",
              "$.sessionState.intent.slots.lastFourDigits.value",
              "required"),
          e(
              "lex-v2-event/confidence-as-percent.json",
              "$.interpretations[0].nluConfidence",
              "oneOf"),
          e("lex-v2-event/unknown-invocation-source.json", "$.invocationSource", "enum"),
          e(
              "lex-v2-event/slot-as-bare-string.json",
              "$.sessionState.intent.slots.accountType",
              "type"),
          e(
              "lex-v2-response/elicit-slot-without-slot-name.json",
              "$.sessionState.dialogAction",
              "required"),
          e("lex-v2-response/close-without-intent-state.json", "$.sessionState.intent", "required"),
          e("lex-v2-response/card-message-without-card.json", "$.messages[1]", "required"),
          e(
              "lex-v2-response/dialog-action-without-type.json",
              "$.sessionState.dialogAction",
              "required"),
          e("lex-v2-response/elicit-intent-without-messages.json", "$", "required"),
          e(
              "lex-v2-response/unknown-dialog-action-type.json",
              "$.sessionState.dialogAction.type",
              "enum"),
          e("lex-v2-response/missing-dialog-action.json", "$.sessionState", "required"),
          e("lex-v2-response/plaintext-without-content.json", "$.messages[0]", "required"));

  private static Map.Entry<String, String[]> e(String file, String path, String rule) {
    return Map.entry(file, new String[] {path, rule});
  }

  static Stream<Arguments> invalidFixtures() {
    List<Arguments> out = new ArrayList<>();
    for (SchemaKind kind : INTERNAL_KINDS) {
      for (Path p : Fixtures.invalid(kind)) {
        out.add(Arguments.of(kind, p.getFileName().toString(), p));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} invalid/{1}")
  @MethodSource("invalidFixtures")
  void rejectedForTheNamedReason(SchemaKind kind, String name, Path file) throws Exception {
    String[] expected = EXPECTED.get(kind.id() + "/" + name);
    assertThat(expected).as("no expected violation listed for %s/%s", kind.id(), name).isNotNull();
    List<ValidationResult> results = VALIDATOR.validateFile(kind, file);
    assertThat(results).isNotEmpty();
    for (ValidationResult r : results) {
      assertThat(r.violations())
          .as(r.describe())
          .extracting(Violation::path, Violation::rule)
          .contains(org.assertj.core.groups.Tuple.tuple(expected[0], expected[1]));
    }
  }

  @Test
  void everyInternalKindHasAtLeastThreeOfEach() {
    for (SchemaKind kind : INTERNAL_KINDS) {
      assertThat(Fixtures.valid(kind)).as("valid %s", kind).hasSizeGreaterThanOrEqualTo(3);
      assertThat(Fixtures.invalid(kind)).as("invalid %s", kind).hasSizeGreaterThanOrEqualTo(3);
    }
  }

  @Test
  void everyInternalValidFixtureValidates() throws Exception {
    for (SchemaKind kind : INTERNAL_KINDS) {
      for (Path p : Fixtures.valid(kind)) {
        for (ValidationResult r : VALIDATOR.validateFile(kind, p)) {
          assertThat(r.violations()).as(r.describe()).isEmpty();
        }
      }
    }
  }
}
