package com.cci.fulfillment.router;

import static com.cci.fulfillment.router.LexEvents.slots;
import static com.cci.fulfillment.router.LexEvents.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.cci.fulfillment.bank.CoreBankingClient;
import com.cci.fulfillment.sandbox.SandboxBank;
import com.cci.fulfillment.sandbox.SandboxFaults;
import com.cci.fulfillment.sandbox.SandboxLedger;
import com.cci.fulfillment.testing.MutableClock;
import com.cci.schemas.fulfillment.FulfillmentEvent.ErrorClass;
import com.cci.schemas.fulfillment.FulfillmentEvent.Outcome;
import com.cci.schemas.lex.DialogAction;
import com.cci.schemas.lex.Intent;
import com.cci.schemas.lex.LexV2Response;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bank going away, seen from the caller: "our systems are temporarily unavailable", an
 * escalation with context, within the turn budget (Lex chat allows 6 s), fast once the breaker is
 * open, and a transfer whose outcome is unknown flagged for the agent.
 */
class BankOutageTest {
  private SandboxBank bank;
  private CoreBankingClient client;
  private InMemoryAuthService auth;
  private List<TurnOutcome> turns;
  private MutableClock clock;

  @BeforeEach
  void start() throws IOException {
    clock = new MutableClock(Instant.parse("2026-11-20T15:00:00Z"));
    bank = new SandboxBank(SandboxLedger.fromDefaultSeed(clock), SandboxFaults.none()).start();
    client = new CoreBankingClient(CoreBankingClient.Config.defaults(bank.baseUri()));
    auth = new InMemoryAuthService(client, clock);
    turns = new ArrayList<>();
  }

  @AfterEach
  void stop() {
    bank.close();
  }

  private IntentRouter router(RouterConfig config) {
    return new IntentRouter(client, auth, clock, turns::add, config);
  }

  private LexV2Response balanceTurn(IntentRouter router, String session) {
    auth.authenticate(session, "C1001");
    LexEvents.Conversation c = new LexEvents.Conversation(session, false, "+15125550101");
    return router.handle(c.event("CheckBalance", slots("AccountType", "Checking")));
  }

  @Test
  void outageGivesTheDegradedReplyAndEscalatesWithContext() {
    bank.faults().outage(true);
    IntentRouter router = router(RouterConfig.defaults());
    long t0 = System.nanoTime();
    LexV2Response r = balanceTurn(router, "outage-1");
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertThat(r.dialogActionType()).isEqualTo(DialogAction.Type.CLOSE);
    assertThat(text(r)).contains("our systems are temporarily unavailable");
    assertThat(r.sessionState().sessionAttributes())
        .containsEntry("escalate", "true")
        .containsEntry("targetQueue", "CustomerService")
        .containsKey("whisperContext");
    assertThat(r.sessionState().sessionAttributes().get("whisperContext"))
        .contains("\"intent\":\"CheckBalance\"")
        .contains("\"auth\":\"AUTHENTICATED\"")
        .contains("core banking unavailable");
    assertThat(ms).isLessThan(RouterConfig.defaults().turnBudget().toMillis());
    TurnOutcome t = turns.get(0);
    assertThat(t.outcome()).isEqualTo(Outcome.ESCALATED);
    assertThat(t.errorClass()).isIn(ErrorClass.BACKEND_ERROR, ErrorClass.BACKEND_UNAVAILABLE);
  }

  @Test
  void slowBankTimesOutWithinTheTurnBudget() {
    bank.faults().latency(Duration.ofMillis(1500)); // beyond the client's 1 s per attempt
    IntentRouter router = router(RouterConfig.defaults());
    long t0 = System.nanoTime();
    LexV2Response r = balanceTurn(router, "slow-1");
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertThat(text(r)).contains("our systems are temporarily unavailable");
    assertThat(ms).isLessThan(6000);
    assertThat(turns.get(0).errorClass()).isEqualTo(ErrorClass.BACKEND_TIMEOUT);
  }

  @Test
  void aBankCallThatCouldOverrunTheTurnBudgetIsNotStarted() {
    // Each call takes ~700 ms (within the client's timeout); with a 3 s turn budget and a 2.5 s
    // call budget only the first call may start, so the chat list of balances degrades at once.
    bank.faults().latency(Duration.ofMillis(700));
    RouterConfig tight =
        new RouterConfig(
            Duration.ofMillis(3000),
            Duration.ofMillis(2500),
            0.4,
            2,
            "021000021",
            List.of("Monday to Friday, 9 AM to 5 PM"));
    IntentRouter router = router(tight);
    auth.authenticate("budget-1", "C1001");
    LexEvents.Conversation c = new LexEvents.Conversation("budget-1", false, "+15125550101");
    long t0 = System.nanoTime();
    LexV2Response r = router.handle(c.event("CheckBalance", slots()));
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertThat(text(r)).contains("temporarily unavailable");
    assertThat(ms).isLessThan(3000);
    assertThat(turns.get(0).errorCode()).isEqualTo("TIMEOUT");
    assertThat(bank.requestCount()).isEqualTo(1);
  }

  @Test
  void onceTheBreakerIsOpenTurnsDegradeFastAndRecoverWhenTheBankReturns() {
    bank.faults().outage(true);
    IntentRouter router = router(RouterConfig.defaults());
    for (int i = 0; i < 10 && client.circuitState() != CircuitBreaker.State.OPEN; i++) {
      balanceTurn(router, "breaker-" + i);
    }
    assertThat(client.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);
    long t0 = System.nanoTime();
    LexV2Response r = balanceTurn(router, "breaker-open");
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertThat(text(r)).contains("temporarily unavailable");
    assertThat(ms).isLessThan(200);
    assertThat(turns.get(turns.size() - 1).errorCode()).isEqualTo("CIRCUIT_OPEN");

    bank.faults().outage(false);
    CoreBankingClient fresh =
        new CoreBankingClient(CoreBankingClient.Config.defaults(bank.baseUri()));
    IntentRouter recovered = new IntentRouter(fresh, auth, clock, turns::add);
    assertThat(text(balanceTurn(recovered, "breaker-back"))).contains("$2,543.17");
  }

  @Test
  void aTransferWhoseOutcomeIsUnknownGoesToPaymentsFlaggedForChecking() {
    IntentRouter router = router(RouterConfig.defaults());
    auth.authenticate("unknown-1", "C1003");
    LexEvents.Conversation c = new LexEvents.Conversation("unknown-1", false, "+12065550103");
    c.keep(
        router.handle(
            c.event(
                "TransferInternal",
                slots("Amount", "20", "FromAccountType", "Checking", "ToAccountType", "Savings"))));
    bank.faults().outage(true);
    LexV2Response r =
        router.handle(
            c.event(
                "TransferInternal",
                slots("Amount", "20", "FromAccountType", "Checking", "ToAccountType", "Savings"),
                Intent.ConfirmationState.CONFIRMED));
    assertThat(text(r)).contains("temporarily unavailable");
    assertThat(r.sessionState().sessionAttributes()).containsEntry("escalate", "true");
    // The accounts lookup fails first, so nothing was sent; the queue is the intent's.
    assertThat(r.sessionState().sessionAttributes().get("targetQueue")).isEqualTo("Payments");
    assertThat(bank.ledger().transferCount()).isZero();
  }
}
