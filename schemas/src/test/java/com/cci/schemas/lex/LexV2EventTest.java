package com.cci.schemas.lex;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.schemas.Fixtures;
import com.cci.schemas.RoundTrip;
import com.cci.schemas.SchemaKind;
import com.cci.schemas.lex.LexV2Event.InputMode;
import com.cci.schemas.lex.LexV2Event.InvocationSource;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LexV2EventTest {

  private static LexV2Event event(String name) {
    return RoundTrip.parse(
        RoundTrip.record(SchemaKind.LEX_V2_EVENT, "valid", name), LexV2Event.class);
  }

  @Test
  void speechEventWithANullSlot() {
    LexV2Event e = event("speech-dialog-hook-null-slot.json");

    assertThat(e.messageVersion()).isEqualTo("1.0");
    assertThat(e.invocationSource()).isEqualTo(InvocationSource.DIALOG_CODE_HOOK);
    assertThat(e.inputMode()).isEqualTo(InputMode.SPEECH);
    assertThat(e.bot().aliasId()).isEqualTo("TSTALIASID");
    assertThat(e.bot().localeId()).isEqualTo("en_US");
    assertThat(e.intentName()).isEqualTo("CheckBalance");
    assertThat(e.intent().state()).isEqualTo(Intent.State.IN_PROGRESS);
    assertThat(e.intent().confirmationState()).isEqualTo(Intent.ConfirmationState.NONE);
    assertThat(e.slotValue("accountType")).isEqualTo("Checking");
    assertThat(e.intent().slots()).containsKey("lastFourDigits");
    assertThat(e.intent().slot("lastFourDigits")).isNull();
    assertThat(e.slotValue("lastFourDigits")).isNull();
    assertThat(e.slotValue("noSuchSlot")).isNull();
    assertThat(e.sessionAttribute("tenantId")).isEqualTo("demo-tenant");
    assertThat(e.sessionAttribute("missing")).isNull();
    assertThat(e.topInterpretation().nluConfidence()).isEqualTo(0.94);
    assertThat(e.topInterpretation().sentimentResponse().sentiment()).isEqualTo("NEUTRAL");
    assertThat(e.interpretations().get(1).nluConfidence()).as("FallbackIntent has none").isNull();
    assertThat(e.proposedNextState().dialogAction().type())
        .isEqualTo(DialogAction.Type.ELICIT_SLOT);
    assertThat(e.proposedNextState().dialogAction().slotToElicit()).isEqualTo("lastFourDigits");
    assertThat(e.proposedNextState().prompt().attempt()).isEqualTo("Initial");
    assertThat(e.transcriptions()).hasSize(2);
    assertThat(e.transcriptions().get(0).transcriptionConfidence()).isEqualTo(0.91);
    assertThat(e.transcriptions().get(0).resolvedContext().intent()).isEqualTo("CheckBalance");
    assertThat(e.transcriptions().get(0).resolvedSlots().get("accountType").interpretedValue())
        .isEqualTo("Checking");
  }

  @Test
  void dtmfEvent() {
    LexV2Event e = event("dtmf-fulfillment-hook.json");
    assertThat(e.inputMode()).isEqualTo(InputMode.DTMF);
    assertThat(e.invocationSource()).isEqualTo(InvocationSource.FULFILLMENT_CODE_HOOK);
    assertThat(e.inputTranscript()).isEqualTo("4321");
    assertThat(e.slotValue("lastFourDigits")).isEqualTo("4321");
    assertThat(e.intent().slot("lastFourDigits").value().resolvedValues()).isEmpty();
    assertThat(e.intent().state()).isEqualTo(Intent.State.READY_FOR_FULFILLMENT);
    assertThat(e.sessionState().dialogAction().type()).isEqualTo(DialogAction.Type.DELEGATE);
    assertThat(e.transcriptions()).isNull();
    assertThat(e.requestAttributes()).isEmpty();
  }

  @Test
  void chatTextEventWithScoreObjectConfidenceAndContext() {
    LexV2Event e = event("chat-text-fulfillment.json");
    assertThat(e.inputMode()).isEqualTo(InputMode.TEXT);
    assertThat(e.responseContentType()).isEqualTo("text/plain; charset=utf-8");
    assertThat(e.bot().version()).isEqualTo("3");
    assertThat(e.topInterpretation().nluConfidence()).as("{\"score\": 0.88}").isEqualTo(0.88);
    assertThat(e.topInterpretation().sentimentResponse().sentimentScore().negative())
        .isEqualTo(0.71);
    assertThat(e.intent().confirmationState()).isEqualTo(Intent.ConfirmationState.CONFIRMED);
    assertThat(e.slotValue("cardType")).isEqualTo("Debit");
    assertThat(e.intent().slot("cardType").value().originalValue()).isEqualTo("my debit card");
    ActiveContext ctx = e.sessionState().activeContexts().get(0);
    assertThat(ctx.name()).isEqualTo("CardContext");
    assertThat(ctx.contextAttributes()).containsEntry("cardType", "Debit");
    assertThat(ctx.timeToLive().timeToLiveInSeconds()).isEqualTo(600);
    assertThat(ctx.timeToLive().turnsToLive()).isEqualTo(5);
    // confidence objects are normalised to numbers on the way out, and that stays valid
    assertThat(RoundTrip.toTree(e).at("/interpretations/0/nluConfidence").asDouble())
        .isEqualTo(0.88);
    RoundTrip.assertSchemaValid(SchemaKind.LEX_V2_EVENT, e);
  }

  @Test
  void listAndCompositeSlots() {
    LexV2Event e = event("list-and-composite-slots.json");
    Slot merchants = e.intent().slot("merchants");
    assertThat(merchants.shape()).isEqualTo(Slot.Shape.LIST);
    assertThat(merchants.interpretedValues()).containsExactly("Acme Travel", "Bob's Diner");
    Slot address = e.intent().slot("address");
    assertThat(address.shape()).isEqualTo(Slot.Shape.COMPOSITE);
    assertThat(address.subSlots().get("street").interpretedValue()).isEqualTo("12 High Street");
    assertThat(address.subSlots()).containsKey("postcode");
    assertThat(address.subSlots().get("postcode")).isNull();
    assertThat(e.slotValue("referenceCode")).isNull();
    assertThat(e.proposedNextState().dialogAction().slotElicitationStyle())
        .isEqualTo(DialogAction.ElicitationStyle.SPELL_BY_LETTER);
    assertThat(
            e.sessionState()
                .runtimeHints()
                .at("/slotHints/DisputeTransactions/merchants/runtimeHintValues/1/phrase")
                .asText())
        .isEqualTo("Bob's Diner");
    assertThat(e.sessionAttributes()).isEmpty();
  }

  @Test
  void nullSlotsAndWireNamesSurviveTheRoundTrip() {
    for (Path p : Fixtures.valid(SchemaKind.LEX_V2_EVENT)) {
      if (p.getFileName().toString().equals("chat-text-fulfillment.json")) {
        continue; // {"score": n} confidence is normalised to a number; checked above
      }
      for (JsonNode rec : RoundTrip.records(p)) {
        LexV2Event e = RoundTrip.assertRoundTrips(rec, LexV2Event.class, false);
        RoundTrip.assertSchemaValid(SchemaKind.LEX_V2_EVENT, e);
      }
    }
    JsonNode out = RoundTrip.toTree(event("speech-dialog-hook-null-slot.json"));
    assertThat(out.at("/sessionState/intent/slots").has("lastFourDigits")).isTrue();
    assertThat(out.at("/sessionState/intent/slots/lastFourDigits").isNull()).isTrue();
    assertThat(out.has("intentName")).as("helper methods are not properties").isFalse();
  }

  @Test
  void eventWithoutSessionStateOrIntentGivesNullsNotExceptions() {
    LexV2Event bare =
        new LexV2Event(
            "1.0",
            InvocationSource.DIALOG_CODE_HOOK,
            InputMode.TEXT,
            "text/plain; charset=utf-8",
            "s",
            "hi",
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    assertThat(bare.intent()).isNull();
    assertThat(bare.intentName()).isNull();
    assertThat(bare.slotValue("x")).isNull();
    assertThat(bare.sessionAttribute("x")).isNull();
    assertThat(bare.sessionAttributes()).isEmpty();
    assertThat(bare.topInterpretation()).isNull();
  }
}
