package com.cci.fulfillment.router;

import static com.cci.fulfillment.router.LexEvents.slots;
import static com.cci.fulfillment.router.LexEvents.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.cci.fulfillment.bank.BankModels.Card;
import com.cci.fulfillment.bank.CoreBankingClient;
import com.cci.fulfillment.intents.BankingIntents;
import com.cci.fulfillment.sandbox.SandboxBank;
import com.cci.fulfillment.sandbox.SandboxFaults;
import com.cci.fulfillment.sandbox.SandboxLedger;
import com.cci.fulfillment.testing.MutableClock;
import com.cci.schemas.Json;
import com.cci.schemas.fulfillment.FulfillmentEvent.AuthResult;
import com.cci.schemas.lex.DialogAction;
import com.cci.schemas.lex.Intent;
import com.cci.schemas.lex.LexV2Event;
import com.cci.schemas.lex.LexV2Response;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Authentication through the router, multi-turn, against the real sandbox bank: the PIN is asked
 * first and the original intent resumes with its slots; forged session attributes never unlock data
 * or actions; wrong PINs, lockout across sessions, expiry; PINs never in a response.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthFlowTest {
  static final String MARIA_PHONE = "+15125550101";
  static final String MARIA_PIN = "4821";

  private SandboxBank bank;
  private MutableClock clock;
  private CoreBankingClient client;
  private InMemoryAuthService auth;
  private List<TurnOutcome> turns;
  private IntentRouter router;
  private int sessions;

  @BeforeAll
  void startBank() throws IOException {
    clock = new MutableClock(Instant.parse("2026-11-20T15:00:00Z"));
    bank = new SandboxBank(SandboxLedger.fromDefaultSeed(clock), SandboxFaults.none()).start();
  }

  @AfterAll
  void stopBank() {
    if (bank != null) {
      bank.close();
    }
  }

  @BeforeEach
  void freshRouter() {
    client = new CoreBankingClient(CoreBankingClient.Config.defaults(bank.baseUri()));
    auth = new InMemoryAuthService(client, clock);
    turns = new ArrayList<>();
    router = new IntentRouter(client, auth, clock, turns::add);
  }

  private LexEvents.Conversation conversation(boolean voice, String phone) {
    return new LexEvents.Conversation("auth-session-" + (++sessions), voice, phone);
  }

  @Test
  void sensitiveIntentAsksForPinThenResumesWithItsSlots() {
    LexEvents.Conversation c = conversation(true, MARIA_PHONE);
    LexV2Response first =
        c.keep(router.handle(c.event("CheckBalance", slots("AccountType", "Savings"))));
    assertThat(first.dialogActionType()).isEqualTo(DialogAction.Type.ELICIT_SLOT);
    assertThat(first.sessionState().intent().name()).isEqualTo("Authenticate");
    assertThat(first.sessionState().dialogAction().slotToElicit()).isEqualTo("Pin");
    assertThat(text(first)).contains("pound key").doesNotContain("$");
    assertThat(c.attributes).containsEntry("authStatus", "PENDING");

    LexV2Response second =
        c.keep(
            router.handle(c.event("Authenticate", slots("AccountNumber", null, "Pin", MARIA_PIN))));
    assertThat(second.dialogActionType()).isEqualTo(DialogAction.Type.CLOSE);
    assertThat(second.sessionState().intent().name()).isEqualTo("CheckBalance");
    assertThat(second.sessionState().intent().state()).isEqualTo(Intent.State.FULFILLED);
    assertThat(text(second)).contains("savings account ending in").contains("$15,230.00");
    assertThat(c.attributes)
        .containsEntry("authStatus", "AUTHENTICATED")
        .doesNotContainKey("cciPendingIntent");
    assertThat(json(second)).doesNotContain(MARIA_PIN);
    assertThat(turns.get(1).authResult()).isEqualTo(AuthResult.SUCCESS);
    assertThat(turns.get(1).intent()).isEqualTo("CheckBalance");

    // Authenticated now (server side): the next sensitive intent is answered directly.
    LexV2Response third = c.keep(router.handle(c.event("LoanPaymentDue", slots())));
    assertThat(text(third)).contains("$389.12");
  }

  static Stream<String> sensitiveIntents() {
    return BankingIntents.standard().stream()
        .filter(IntentHandler::requiresAuth)
        .map(IntentHandler::name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sensitiveIntents")
  void forgedAuthAttributesNeverUnlockData(String intent) {
    int transfersBefore = bank.ledger().transferCount();
    List<Card> cardsBefore = bank.ledger().cards("C1001");
    Map<String, String> forged =
        Map.of(
            "channel", "CHAT",
            "customerPhone", MARIA_PHONE,
            "authStatus", "AUTHENTICATED",
            "authenticated", "true",
            "customerId", "C1001",
            "cciClaimedCustomer", "C1001");
    LexV2Event e =
        LexEvents.event(
            "forged-" + intent,
            false,
            intent,
            slots(
                "AccountType",
                "Checking",
                "Amount",
                "10",
                "FromAccountType",
                "Checking",
                "ToAccountType",
                "Savings",
                "CardLast4",
                "4417",
                "LoanType",
                "Auto"),
            Intent.ConfirmationState.CONFIRMED,
            forged,
            "req-forged");
    LexV2Response r = router.handle(e);
    assertThat(r.sessionState().intent().name()).isEqualTo("Authenticate");
    assertThat(r.sessionState().dialogAction().slotToElicit()).isEqualTo("Pin");
    assertThat(r.sessionState().sessionAttributes()).containsEntry("authStatus", "PENDING");
    assertThat(r.sessionState().sessionAttributes())
        .doesNotContainKeys("authenticated", "customerId");
    assertThat(text(r)).doesNotContain("$").doesNotContain("0401").doesNotContain("4417");
    assertThat(bank.ledger().transferCount()).isEqualTo(transfersBefore);
    assertThat(bank.ledger().cards("C1001")).isEqualTo(cardsBefore);
  }

  @Test
  void threeWrongPinsLockAndTheLockSurvivesANewSession() {
    LexEvents.Conversation c = conversation(false, MARIA_PHONE);
    c.keep(router.handle(c.event("CheckBalance", slots("AccountType", "Checking"))));
    LexV2Response r1 = c.keep(router.handle(c.event("Authenticate", slots("Pin", "1111"))));
    assertThat(text(r1)).contains("2 attempts left");
    LexV2Response r2 = c.keep(router.handle(c.event("Authenticate", slots("Pin", "2222"))));
    assertThat(text(r2)).contains("1 attempt left");
    LexV2Response r3 = c.keep(router.handle(c.event("Authenticate", slots("Pin", "3333"))));
    assertThat(r3.dialogActionType()).isEqualTo(DialogAction.Type.CLOSE);
    assertThat(c.attributes)
        .containsEntry("authStatus", "LOCKED")
        .containsEntry("escalate", "true")
        .containsEntry("targetQueue", "Security");
    assertThat(turns.get(3).authResult()).isEqualTo(AuthResult.LOCKED);
    assertThat(turns.get(3).authAttempt()).isEqualTo(3);
    assertThat(json(r1) + json(r2) + json(r3)).doesNotContain("1111", "2222", "3333");

    // The right PIN in the same session no longer helps.
    LexV2Response r4 = c.keep(router.handle(c.event("Authenticate", slots("Pin", MARIA_PIN))));
    assertThat(c.attributes).containsEntry("authStatus", "LOCKED");
    assertThat(text(r4)).doesNotContain("$");

    // A new session of the same customer is routed to an agent without a PIN prompt.
    LexEvents.Conversation other = conversation(true, MARIA_PHONE);
    LexV2Response n =
        other.keep(router.handle(other.event("CheckBalance", slots("AccountType", "Checking"))));
    assertThat(n.dialogActionType()).isEqualTo(DialogAction.Type.CLOSE);
    assertThat(other.attributes)
        .containsEntry("authStatus", "LOCKED")
        .containsEntry("escalate", "true");
  }

  @Test
  void lockedFraudReportStillGoesToTheFraudQueueFirst() {
    LexEvents.Conversation c = conversation(true, "+14155550105");
    c.keep(router.handle(c.event("ReportFraud", slots())));
    for (String pin : List.of("11111", "22222", "33333")) {
      c.keep(router.handle(c.event("Authenticate", slots("Pin", pin))));
    }
    assertThat(c.attributes)
        .containsEntry("targetQueue", "Fraud")
        .containsEntry("routingPriority", "1")
        .containsEntry("authStatus", "LOCKED");
  }

  @Test
  void authenticationExpiresAfterFiveIdleMinutes() {
    LexEvents.Conversation c = conversation(false, MARIA_PHONE);
    c.keep(router.handle(c.event("CheckBalance", slots("AccountType", "Checking"))));
    c.keep(router.handle(c.event("Authenticate", slots("Pin", MARIA_PIN))));
    assertThat(c.attributes).containsEntry("authStatus", "AUTHENTICATED");
    clock.advance(Duration.ofMinutes(4));
    assertThat(
            text(c.keep(router.handle(c.event("CheckBalance", slots("AccountType", "Checking"))))))
        .contains("$2,543.17");
    clock.advance(Duration.ofMinutes(5).plusSeconds(1));
    LexV2Response r =
        c.keep(router.handle(c.event("CheckBalance", slots("AccountType", "Checking"))));
    assertThat(r.sessionState().intent().name()).isEqualTo("Authenticate");
    assertThat(text(r)).doesNotContain("$");
  }

  @Test
  void unknownCallerIdentifiesByAccountNumberWhichIsNeverEchoed() {
    LexEvents.Conversation c = conversation(false, "+19995550000");
    LexV2Response r1 = c.keep(router.handle(c.event("LoanStatus", slots())));
    assertThat(r1.sessionState().dialogAction().slotToElicit()).isEqualTo("AccountNumber");
    LexV2Response r2 =
        c.keep(
            router.handle(
                c.event("Authenticate", slots("AccountNumber", "100200300501", "Pin", null))));
    assertThat(r2.sessionState().dialogAction().slotToElicit()).isEqualTo("Pin");
    assertThat(json(r2)).doesNotContain("100200300501");
    LexV2Response r3 = c.keep(router.handle(c.event("Authenticate", slots("Pin", "190377"))));
    assertThat(r3.sessionState().intent().name()).isEqualTo("LoanStatus");
    assertThat(text(r3)).contains("mortgage").contains("$231,880.54");
    assertThat(json(r3)).doesNotContain("190377");
  }

  @Test
  void threeUnknownAccountNumbersEscalateInsteadOfActingAsAnOracle() {
    LexEvents.Conversation c = conversation(false, null);
    c.keep(router.handle(c.event("CheckBalance", slots())));
    for (String n : List.of("999999999901", "999999999902")) {
      LexV2Response r =
          c.keep(router.handle(c.event("Authenticate", slots("AccountNumber", n, "Pin", null))));
      assertThat(r.sessionState().dialogAction().slotToElicit()).isEqualTo("AccountNumber");
      assertThat(text(r)).contains("couldn't find that account number");
      assertThat(json(r)).doesNotContain(n);
    }
    LexV2Response third =
        c.keep(
            router.handle(
                c.event("Authenticate", slots("AccountNumber", "999999999903", "Pin", null))));
    assertThat(third.dialogActionType()).isEqualTo(DialogAction.Type.CLOSE);
    assertThat(c.attributes)
        .containsEntry("escalate", "true")
        .containsEntry("targetQueue", "Security")
        .doesNotContainKey("cciPendingIntent");
    assertThat(auth.pinChecks()).isZero();
  }

  @Test
  void aTamperedPendingIntentCannotSkipTheConfirmation() {
    LexEvents.Conversation c = conversation(false, "+12065550103");
    c.attributes.put(
        "cciPendingIntent",
        "{\"name\":\"TransferInternal\",\"slots\":{\"Amount\":\"100\",\"FromAccountType\":\"Checking\","
            + "\"ToAccountType\":\"Savings\"},\"confirmationState\":\"Confirmed\"}");
    int before = bank.ledger().transferCount();
    LexV2Response r = c.keep(router.handle(c.event("Authenticate", slots("Pin", "7359"))));
    assertThat(r.dialogActionType()).isEqualTo(DialogAction.Type.CONFIRM_INTENT);
    assertThat(r.sessionState().intent().name()).isEqualTo("TransferInternal");
    assertThat(bank.ledger().transferCount()).isEqualTo(before);
  }

  @Test
  void signOutEndsTheServerSideSession() {
    LexEvents.Conversation c = conversation(false, MARIA_PHONE);
    c.keep(router.handle(c.event("CheckBalance", slots("AccountType", "Checking"))));
    c.keep(router.handle(c.event("Authenticate", slots("Pin", MARIA_PIN))));
    c.keep(router.handle(c.event("SignOut", slots())));
    assertThat(auth.current(c.sessionId).authenticated()).isFalse();
    LexV2Response r =
        c.keep(router.handle(c.event("CheckBalance", slots("AccountType", "Checking"))));
    assertThat(r.sessionState().intent().name()).isEqualTo("Authenticate");
  }

  private static String json(LexV2Response r) {
    try {
      return Json.mapper().writeValueAsString(r);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
