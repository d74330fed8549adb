package com.cci.fulfillment.router;

import static com.cci.fulfillment.router.LexEvents.slots;
import static com.cci.fulfillment.router.LexEvents.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.cci.schemas.lex.DialogAction;
import com.cci.schemas.lex.Intent;
import com.cci.schemas.lex.LexV2Event;
import com.cci.schemas.lex.LexV2Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code DisputeTransaction}: a confirmed dispute opens exactly one case however often the
 * confirmed turn is delivered, the case id is read back, and the contact goes to Disputes (priority
 * 3) as before. Asserted on the sandbox ledger.
 */
class DisputeExactlyOnceTest extends SandboxRouterTest {
  private static final Map<String, String> SLOTS =
      slots("Amount", "37.86", "TransactionDate", "2026-11-06", "AccountType", "Checking");

  private LexEvents.Conversation confirmedConversation(String session) {
    LexEvents.Conversation c = new LexEvents.Conversation(session, false, "+15125550101");
    auth.authenticate(session, "C1001");
    LexV2Response ask = c.keep(router.handle(c.event("DisputeTransaction", SLOTS)));
    assertThat(ask.dialogActionType()).isEqualTo(DialogAction.Type.CONFIRM_INTENT);
    return c;
  }

  private static void assertDisputesRouting(LexV2Response r) {
    assertThat(r.sessionState().sessionAttributes())
        .containsEntry("escalate", "true")
        .containsEntry("targetQueue", "Disputes")
        .containsEntry("routingPriority", "3");
  }

  @Test
  void theSameConfirmedTurnDeliveredTwiceOpensOneCase() {
    LexEvents.Conversation c = confirmedConversation("dsp-1");
    LexV2Event yes = c.event("DisputeTransaction", SLOTS, Intent.ConfirmationState.CONFIRMED);
    LexV2Response a = router.handle(yes);
    LexV2Response b = router.handle(yes);
    assertDisputesRouting(a);
    assertThat(text(a)).contains("I've opened dispute case DSP-000001 for this charge");
    assertThat(text(b)).isEqualTo(text(a));
    assertThat(a.sessionState().sessionAttributes().get("whisperContext"))
        .contains("case DSP-000001 opened")
        .contains("$37.86");
    assertThat(bank.ledger().disputeCount()).isEqualTo(1);
  }

  @Test
  void concurrentDeliveriesOpenOneCase() throws Exception {
    LexEvents.Conversation c = confirmedConversation("dsp-2");
    LexV2Event yes = c.event("DisputeTransaction", SLOTS, Intent.ConfirmationState.CONFIRMED);
    for (LexV2Response r : SameEventAtOnce.deliver(router, yes, 8)) {
      assertDisputesRouting(r);
      assertThat(text(r)).contains("DSP-000001");
    }
    assertThat(bank.ledger().disputeCount()).isEqualTo(1);
  }

  @Test
  void aSecondConfirmationOfTheSameChargeSaysItIsAlreadyDisputed() {
    LexEvents.Conversation c = confirmedConversation("dsp-3");
    router.handle(c.event("DisputeTransaction", SLOTS, Intent.ConfirmationState.CONFIRMED));
    LexEvents.Conversation again = confirmedConversation("dsp-4");
    LexV2Response r =
        router.handle(again.event("DisputeTransaction", SLOTS, Intent.ConfirmationState.CONFIRMED));
    assertDisputesRouting(r);
    assertThat(text(r)).contains("already being disputed");
    assertThat(r.sessionState().sessionAttributes().get("whisperContext"))
        .contains("already disputed");
    assertThat(bank.ledger().disputeCount()).isEqualTo(1);
  }

  @Test
  void aLostReplyIsRetriedAndADisputesOutageStillRoutesToDisputes() {
    LexEvents.Conversation c = confirmedConversation("dsp-5");
    bank.faults().loseNextReplies(1);
    // The lost reply hits the turn's first bank call (a GET), retried; the dispute opens once.
    LexV2Response ok =
        router.handle(c.event("DisputeTransaction", SLOTS, Intent.ConfirmationState.CONFIRMED));
    assertThat(text(ok)).contains("DSP-000001");
    assertThat(bank.ledger().disputeCount()).isEqualTo(1);

    bank.faults().failMatching("POST /disputes");
    LexEvents.Conversation other = confirmedConversation("dsp-6");
    LexV2Response r =
        router.handle(
            other.event(
                "DisputeTransaction",
                slots(
                    "Amount", "37.86", "TransactionDate", "2026-11-06", "AccountType", "Checking"),
                Intent.ConfirmationState.CONFIRMED));
    assertDisputesRouting(r);
    assertThat(text(r)).contains("temporarily unavailable");
    assertThat(r.sessionState().sessionAttributes().get("whisperContext"))
        .contains("outcome unknown");
    assertThat(bank.ledger().disputeCount()).isEqualTo(1);
  }
}
