package com.cci.fulfillment.router;

import static com.cci.fulfillment.router.LexEvents.slots;
import static com.cci.fulfillment.router.LexEvents.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.cci.fulfillment.auth.AuthService;
import com.cci.fulfillment.bank.CoreBankingClient;
import com.cci.schemas.Json;
import com.cci.schemas.SchemaKind;
import com.cci.schemas.fulfillment.FulfillmentEvent;
import com.cci.schemas.fulfillment.FulfillmentEvent.ErrorClass;
import com.cci.schemas.fulfillment.FulfillmentEvent.Outcome;
import com.cci.schemas.lex.DialogAction;
import com.cci.schemas.lex.Intent;
import com.cci.schemas.lex.LexV2Event;
import com.cci.schemas.lex.LexV2Response;
import com.cci.schemas.lex.SessionState;
import com.cci.schemas.validation.ContractValidator;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The router never throws and never leaks: malformed events get a schema-valid Close with a safe
 * message, a failing dependency or listener never reaches Lex, and each turn reports one outcome.
 * No bank is needed: nothing here may reach it.
 */
class RouterRobustnessTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T15:00:00Z"), ZoneOffset.UTC);

  private final List<TurnOutcome> turns = new ArrayList<>();
  private final CoreBankingClient unreachable =
      new CoreBankingClient(CoreBankingClient.Config.defaults(URI.create("http://127.0.0.1:9")));

  private IntentRouter router(AuthService auth, TurnListener listener) {
    return new IntentRouter(unreachable, auth, CLOCK, listener);
  }

  private static final AuthService ANONYMOUS =
      new AuthService() {
        @Override
        public AuthState current(String sessionKey) {
          return AuthState.anonymous();
        }

        @Override
        public PinOutcome verifyPin(String sessionKey, String customerId, String pin) {
          throw new AssertionError("no PIN may be checked here");
        }

        @Override
        public boolean isLocked(String customerId) {
          return false;
        }

        @Override
        public void signOut(String sessionKey) {}
      };

  private static void assertSafeClose(LexV2Response r) throws Exception {
    assertThat(r.dialogActionType()).isEqualTo(DialogAction.Type.CLOSE);
    String json = Json.mapper().writeValueAsString(r);
    assertThat(ContractValidator.shared().validate(SchemaKind.LEX_V2_RESPONSE, json, "r").valid())
        .as(json)
        .isTrue();
    assertThat(json).doesNotContain("Exception").doesNotContain("at com.");
    assertThat(text(r)).contains("agent");
  }

  @Test
  void nullEventGetsASafeClose() throws Exception {
    LexV2Response r = router(ANONYMOUS, turns::add).handle(null);
    assertSafeClose(r);
    assertThat(turns)
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.outcome()).isEqualTo(Outcome.FAILED);
              assertThat(t.errorClass()).isEqualTo(ErrorClass.VALIDATION);
            });
  }

  @Test
  void eventWithoutSessionStateOrIntentGetsASafeClose() throws Exception {
    LexV2Event noState =
        new LexV2Event(
            "1.0", null, null, null, "s", "hi", null, LexEvents.BOT, null, null, null, null, null);
    assertSafeClose(router(ANONYMOUS, turns::add).handle(noState));
    LexV2Event noIntent =
        new LexV2Event(
            "1.0",
            LexV2Event.InvocationSource.DIALOG_CODE_HOOK,
            LexV2Event.InputMode.TEXT,
            null,
            "s",
            "hi",
            null,
            LexEvents.BOT,
            null,
            null,
            null,
            new SessionState(null, Map.of("channel", "CHAT"), null, null, null, "r"),
            null);
    assertSafeClose(router(ANONYMOUS, turns::add).handle(noIntent));
    LexV2Event blankName =
        LexEvents.event("s", false, " ", slots(), Intent.ConfirmationState.NONE, Map.of(), "r");
    assertSafeClose(router(ANONYMOUS, turns::add).handle(blankName));
    assertThat(turns).hasSize(3).allSatisfy(t -> assertThat(t.outcome()).isEqualTo(Outcome.FAILED));
  }

  @Test
  void aFailingAuthServiceNeverReachesLex() throws Exception {
    AuthService broken =
        new AuthService() {
          @Override
          public AuthState current(String sessionKey) {
            throw new IllegalStateException("table missing: secret-internal-detail");
          }

          @Override
          public PinOutcome verifyPin(String s, String c, String p) {
            throw new IllegalStateException();
          }

          @Override
          public boolean isLocked(String customerId) {
            throw new IllegalStateException();
          }

          @Override
          public void signOut(String sessionKey) {}
        };
    LexV2Event e =
        LexEvents.event(
            "s1",
            false,
            "CheckBalance",
            slots(),
            Intent.ConfirmationState.NONE,
            Map.of("channel", "CHAT"),
            "r1");
    LexV2Response r = router(broken, turns::add).handle(e);
    assertSafeClose(r);
    assertThat(Json.mapper().writeValueAsString(r)).doesNotContain("secret-internal-detail");
    assertThat(turns.get(0).errorClass()).isEqualTo(ErrorClass.INTERNAL);
  }

  @Test
  void aThrowingListenerDoesNotBreakTheReply() {
    LexV2Event e =
        LexEvents.event(
            "s2", true, "BranchHours", slots(), Intent.ConfirmationState.NONE, Map.of(), "r2");
    LexV2Response r =
        router(
                ANONYMOUS,
                t -> {
                  throw new IllegalStateException("kinesis down");
                })
            .handle(e);
    assertThat(r.dialogActionType()).isEqualTo(DialogAction.Type.CLOSE);
    assertThat(r.messages().get(0).content()).startsWith("<speak>").contains("Monday to Friday");
  }

  @Test
  void turnOutcomeCarriesTheEventFieldsTheRuntimeNeeds() {
    LexV2Event e =
        LexEvents.event(
            "s3",
            false,
            "RoutingNumber",
            slots(),
            Intent.ConfirmationState.NONE,
            Map.of("contactId", "c-123", "channel", "CHAT"),
            "r3");
    router(ANONYMOUS, turns::add).handle(e);
    TurnOutcome t = turns.get(0);
    assertThat(t.contactId()).isEqualTo("c-123");
    assertThat(t.sessionId()).isEqualTo("s3");
    assertThat(t.channel()).isEqualTo(FulfillmentEvent.Channel.CHAT);
    assertThat(t.botId()).isEqualTo("QXN7RZ2P1K");
    assertThat(t.botAliasId()).isEqualTo("TSTALIASID");
    assertThat(t.localeId()).isEqualTo("en_US");
    assertThat(t.invocationSource()).isEqualTo(FulfillmentEvent.InvocationSource.DIALOG_CODE_HOOK);
    assertThat(t.intent()).isEqualTo("RoutingNumber");
    assertThat(t.outcome()).isEqualTo(Outcome.FULFILLED);
    assertThat(t.authResult()).isEqualTo(FulfillmentEvent.AuthResult.NOT_REQUIRED);
    assertThat(t.latencyNanos()).isPositive();
    assertThat(t.latencyMs()).isPositive();
    assertThat(t.receivedAt()).isEqualTo(CLOCK.instant());
  }

  @Test
  void channelFallsBackToTheInputModeWhenTheAttributeIsMissing() {
    LexV2Event voice =
        LexEvents.event(
            "s4", true, "RoutingNumber", slots(), Intent.ConfirmationState.NONE, Map.of(), "r4");
    assertThat(router(ANONYMOUS, turns::add).handle(voice).messages().get(0).contentType().name())
        .isEqualTo("SSML");
    LexV2Event chat =
        LexEvents.event(
            "s5", false, "RoutingNumber", slots(), Intent.ConfirmationState.NONE, Map.of(), "r5");
    assertThat(router(ANONYMOUS, turns::add).handle(chat).messages().get(0).contentType().name())
        .isEqualTo("PLAIN_TEXT");
  }

  @Test
  void fallbackCountsFailedUnderstandingsAndResetsOnSuccess() {
    IntentRouter router = router(ANONYMOUS, turns::add);
    LexEvents.Conversation c = new LexEvents.Conversation("s6", false, null);
    c.keep(router.handle(c.event("FallbackIntent", slots())));
    assertThat(c.attributes).containsEntry("cciFallbackCount", "1");
    c.keep(router.handle(c.event("BranchHours", slots())));
    assertThat(c.attributes).doesNotContainKey("cciFallbackCount");
    c.keep(router.handle(c.event("NoSuchIntent", slots())));
    LexV2Response second = c.keep(router.handle(c.event("FallbackIntent", slots())));
    assertThat(second.dialogActionType()).isEqualTo(DialogAction.Type.CLOSE);
    assertThat(c.attributes)
        .containsEntry("escalate", "true")
        .containsEntry("targetQueue", "General");
  }

  @Test
  void lowConfidenceOnlyCountsOnTheFirstTurnOfAnIntent() {
    IntentRouter router = router(ANONYMOUS, turns::add);
    Intent low =
        new Intent(
            "RoutingNumber",
            Map.of(),
            Intent.State.IN_PROGRESS,
            Intent.ConfirmationState.NONE,
            null);
    LexV2Event first =
        new LexV2Event(
            "1.0",
            LexV2Event.InvocationSource.DIALOG_CODE_HOOK,
            LexV2Event.InputMode.TEXT,
            null,
            "s7",
            "rn",
            null,
            LexEvents.BOT,
            List.of(new LexV2Event.Interpretation(low, 0.2, null, "Lex")),
            null,
            null,
            new SessionState(null, Map.of("channel", "CHAT"), null, null, low, "r7"),
            null);
    assertThat(router.handle(first).dialogActionType()).isEqualTo(DialogAction.Type.ELICIT_INTENT);
    LexV2Event midDialog =
        new LexV2Event(
            "1.0",
            LexV2Event.InvocationSource.DIALOG_CODE_HOOK,
            LexV2Event.InputMode.TEXT,
            null,
            "s7",
            "rn",
            null,
            LexEvents.BOT,
            List.of(new LexV2Event.Interpretation(low, 0.2, null, "Lex")),
            null,
            null,
            new SessionState(
                null,
                Map.of("channel", "CHAT", "cciActiveIntent", "RoutingNumber"),
                null,
                null,
                low,
                "r8"),
            null);
    assertThat(router.handle(midDialog).dialogActionType()).isEqualTo(DialogAction.Type.CLOSE);
  }
}
