package com.cci.schemas.lex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cci.schemas.Fixtures;
import com.cci.schemas.RoundTrip;
import com.cci.schemas.SchemaKind;
import com.cci.schemas.lex.DialogAction.Type;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LexResponsesTest {
  private static final LexV2Event EVENT =
      RoundTrip.parse(
          RoundTrip.record(SchemaKind.LEX_V2_EVENT, "valid", "speech-dialog-hook-null-slot.json"),
          LexV2Event.class);

  @Test
  void closeCarriesTheFinalStateSlotsAndMessage() {
    LexV2Response r =
        LexResponses.close(
            EVENT.intent(),
            Intent.State.FULFILLED,
            EVENT.sessionAttributes(),
            "Your checking balance is 1,204 dollars.");

    assertThat(r.dialogActionType()).isEqualTo(Type.CLOSE);
    assertThat(r.sessionState().intent().state()).isEqualTo(Intent.State.FULFILLED);
    assertThat(r.sessionState().intent().slotValue("accountType")).isEqualTo("Checking");
    assertThat(r.sessionState().sessionAttribute("tenantId")).isEqualTo("demo-tenant");
    assertThat(r.messages())
        .containsExactly(Message.plainText("Your checking balance is 1,204 dollars."));
    JsonNode out = RoundTrip.toTree(r);
    assertThat(out.at("/sessionState/dialogAction/type").asText()).isEqualTo("Close");
    assertThat(out.at("/sessionState/intent/state").asText()).isEqualTo("Fulfilled");
    assertThat(out.at("/messages/0/contentType").asText()).isEqualTo("PlainText");
    assertThat(out.at("/sessionState/intent/slots/lastFourDigits").isNull()).isTrue();
    RoundTrip.assertSchemaValid(SchemaKind.LEX_V2_RESPONSE, r);

    LexV2Response silent =
        LexResponses.close(EVENT.intent(), Intent.State.FAILED, null, (String) null);
    assertThat(silent.messages()).isNull();
    assertThat(RoundTrip.toTree(silent).has("messages")).isFalse();
    assertThat(RoundTrip.toTree(silent).at("/sessionState").has("sessionAttributes")).isFalse();
    RoundTrip.assertSchemaValid(SchemaKind.LEX_V2_RESPONSE, silent);
  }

  @Test
  void elicitSlotNamesTheSlotAndKeepsTheIntentInProgress() {
    LexV2Response r =
        LexResponses.elicitSlot(
            EVENT.intent(),
            "lastFourDigits",
            Map.of("authAttempts", "1"),
            List.of(Message.ssml("<speak>Please key in the last four digits.</speak>")));
    assertThat(r.dialogActionType()).isEqualTo(Type.ELICIT_SLOT);
    assertThat(r.sessionState().dialogAction().slotToElicit()).isEqualTo("lastFourDigits");
    assertThat(r.sessionState().intent().state()).isEqualTo(Intent.State.IN_PROGRESS);
    RoundTrip.assertSchemaValid(SchemaKind.LEX_V2_RESPONSE, r);

    Intent stateless = new Intent("CheckBalance", null, null, null, null);
    LexV2Response r2 = LexResponses.elicitSlot(stateless, "accountType", null, (String) null);
    assertThat(r2.sessionState().intent().state()).isEqualTo(Intent.State.IN_PROGRESS);
    RoundTrip.assertSchemaValid(SchemaKind.LEX_V2_RESPONSE, r2);
  }

  @Test
  void confirmIntentWithACardDelegateAndElicitIntentAreSchemaValid() {
    Message.ImageResponseCard card =
        new Message.ImageResponseCard(
            "Block your debit card?",
            null,
            null,
            List.of(new Message.Button("Yes", "yes"), new Message.Button("No", "no")));
    LexV2Response confirm =
        LexResponses.confirmIntent(
            EVENT.intent(),
            null,
            List.of(Message.plainText("Shall I block it?"), Message.card(card)));
    LexV2Response delegate =
        LexResponses.delegate(EVENT.intent().withSlot("lastFourDigits", Slot.scalar("4321")), null);
    LexV2Response elicitIntent =
        LexResponses.elicitIntent(Map.of("tenantId", "demo-tenant"), "What can I help you with?");
    LexV2Response confirmText = LexResponses.confirmIntent(EVENT.intent(), null, "Shall I?");

    assertThat(confirm.dialogActionType()).isEqualTo(Type.CONFIRM_INTENT);
    assertThat(delegate.sessionState().intent().slotValue("lastFourDigits")).isEqualTo("4321");
    assertThat(delegate.messages()).isNull();
    assertThat(elicitIntent.sessionState().intent()).isNull();
    assertThat(RoundTrip.toTree(elicitIntent).at("/sessionState/dialogAction/type").asText())
        .isEqualTo("ElicitIntent");
    for (LexV2Response r : List.of(confirm, delegate, elicitIntent, confirmText)) {
      RoundTrip.assertSchemaValid(SchemaKind.LEX_V2_RESPONSE, r);
    }
  }

  @Test
  void argumentsLexWouldRejectAreRefusedUpFront() {
    Intent intent = EVENT.intent();
    assertThatThrownBy(() -> LexResponses.close(null, Intent.State.FULFILLED, null, "x"))
        .hasMessageContaining("CLOSE needs the intent");
    assertThatThrownBy(() -> LexResponses.close(intent, null, null, "x"))
        .hasMessageContaining("final state");
    assertThatThrownBy(() -> LexResponses.elicitSlot(intent, " ", null, "x"))
        .hasMessageContaining("name of the slot");
    assertThatThrownBy(() -> LexResponses.confirmIntent(intent, null, (String) null))
        .hasMessageContaining("CONFIRM_INTENT needs a message");
    assertThatThrownBy(() -> LexResponses.elicitIntent(null, List.of()))
        .hasMessageContaining("ELICIT_INTENT needs at least one message");
    assertThatThrownBy(
            () -> LexResponses.close(intent, Intent.State.FULFILLED, null, "x".repeat(1001)))
        .hasMessageContaining("1-1000 characters");
    assertThatThrownBy(
            () ->
                LexResponses.close(
                    intent,
                    Intent.State.FULFILLED,
                    null,
                    List.of(new Message(Message.ContentType.IMAGE_RESPONSE_CARD, "text", null))))
        .hasMessageContaining("without a card title");
    assertThatThrownBy(
            () -> LexResponses.delegate(intent, java.util.Collections.singletonMap("k", null)))
        .hasMessageContaining("session attributes");
  }

  @Test
  void responseFixturesParseAndRoundTrip() {
    int n = 0;
    for (Path p : Fixtures.valid(SchemaKind.LEX_V2_RESPONSE)) {
      for (JsonNode rec : RoundTrip.records(p)) {
        RoundTrip.assertRoundTrips(rec, LexV2Response.class, false);
        n++;
      }
    }
    assertThat(n).isEqualTo(6);
    LexV2Response card =
        RoundTrip.parse(
            RoundTrip.record(SchemaKind.LEX_V2_RESPONSE, "valid", "confirm-intent-with-card.json"),
            LexV2Response.class);
    assertThat(card.messages().get(1).contentType())
        .isEqualTo(Message.ContentType.IMAGE_RESPONSE_CARD);
    assertThat(card.messages().get(1).imageResponseCard().buttons())
        .extracting(Message.Button::value)
        .containsExactly("yes", "no");
    assertThat(card.requestAttributes()).containsEntry("x-amz-lex:channels:platform", "Connect");
  }
}
