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
 * A confirmed contact-detail change is applied exactly once however often the confirmed turn is
 * delivered (sequentially, concurrently, after a lost bank reply), is never applied without a
 * confirmation, and never shows the new value in clear. Asserted on the sandbox ledger's state.
 */
class ContactUpdateExactlyOnceTest extends SandboxRouterTest {
  private static Map<String, String> newPhone(String value) {
    return slots("ContactType", "phone", "NewValue", value);
  }

  /** Runs the dialog up to the confirmation; returns the attributes Lex keeps for the next turn. */
  private LexEvents.Conversation confirmedConversation(String session, Map<String, String> slots) {
    LexEvents.Conversation c = new LexEvents.Conversation(session, false, "+12065550103");
    auth.authenticate(session, "C1003");
    LexV2Response ask = c.keep(router.handle(c.event("UpdateContactInfo", slots)));
    assertThat(ask.dialogActionType()).isEqualTo(DialogAction.Type.CONFIRM_INTENT);
    assertThat(c.attributes).containsKey("cciConfirmRef");
    assertThat(bank.ledger().contactUpdateCount()).isZero();
    return c;
  }

  @Test
  void theSameConfirmedTurnDeliveredTwiceChangesOnce() {
    LexEvents.Conversation c = confirmedConversation("cu-1", newPhone("(206) 555-0177"));
    LexV2Event yes =
        c.event(
            "UpdateContactInfo", newPhone("(206) 555-0177"), Intent.ConfirmationState.CONFIRMED);
    LexV2Response a = router.handle(yes);
    LexV2Response b = router.handle(yes);
    assertThat(a.sessionState().intent().state()).isEqualTo(Intent.State.FULFILLED);
    assertThat(text(a)).contains("Done. Your phone number is now the number ending in 0177");
    assertThat(text(b)).isEqualTo(text(a));
    assertThat(a.sessionState().sessionAttributes()).doesNotContainKey("escalate");
    assertThat(bank.ledger().contactUpdateCount()).isEqualTo(1);
    assertThat(bank.ledger().customer("C1003").phone()).isEqualTo("+12065550177");
    assertThat(bank.ledger().customerByPhone("+12065550103")).isEmpty();
  }

  @Test
  void concurrentDeliveriesOfTheConfirmedTurnChangeOnce() throws Exception {
    Map<String, String> slots = slots("ContactType", "email", "NewValue", "aisha.r@example.net");
    LexEvents.Conversation c = confirmedConversation("cu-2", slots);
    LexV2Event yes = c.event("UpdateContactInfo", slots, Intent.ConfirmationState.CONFIRMED);
    int n = 8;
    for (LexV2Response r : SameEventAtOnce.deliver(router, yes, n)) {
      assertThat(r.sessionState().intent().state()).isEqualTo(Intent.State.FULFILLED);
      assertThat(text(r)).contains("a***@example.net").doesNotContain("aisha.r@");
    }
    assertThat(bank.ledger().contactUpdateCount()).isEqualTo(1);
    assertThat(bank.ledger().email("C1003")).hasValue("aisha.r@example.net");
  }

  @Test
  void aLostBankReplyIsRetriedWithTheSameKeyAndAppliedOnce() {
    LexEvents.Conversation c = confirmedConversation("cu-3", newPhone("2065550188"));
    bank.faults().loseNextReplies(1);
    LexV2Response r =
        router.handle(
            c.event(
                "UpdateContactInfo", newPhone("2065550188"), Intent.ConfirmationState.CONFIRMED));
    assertThat(r.sessionState().intent().state()).isEqualTo(Intent.State.FULFILLED);
    assertThat(bank.ledger().contactUpdateCount()).isEqualTo(1);
    assertThat(bank.ledger().customer("C1003").phone()).isEqualTo("+12065550188");
  }

  @Test
  void aSecondConfirmationIsANewChange() {
    LexEvents.Conversation c = confirmedConversation("cu-4", newPhone("2065550166"));
    c.keep(
        router.handle(
            c.event(
                "UpdateContactInfo", newPhone("2065550166"), Intent.ConfirmationState.CONFIRMED)));
    LexV2Response ask = c.keep(router.handle(c.event("UpdateContactInfo", newPhone("2065550166"))));
    assertThat(ask.dialogActionType()).isEqualTo(DialogAction.Type.CONFIRM_INTENT);
    LexV2Response again =
        router.handle(
            c.event(
                "UpdateContactInfo", newPhone("2065550166"), Intent.ConfirmationState.CONFIRMED));
    assertThat(bank.ledger().contactUpdateCount()).isEqualTo(2);
    assertThat(text(again)).contains("already the number ending in 0166");
  }

  @Test
  void aDenialChangesNothing() {
    LexEvents.Conversation c = confirmedConversation("cu-5", newPhone("2065550155"));
    LexV2Response r =
        router.handle(
            c.event("UpdateContactInfo", newPhone("2065550155"), Intent.ConfirmationState.DENIED));
    assertThat(r.sessionState().intent().state()).isEqualTo(Intent.State.FAILED);
    assertThat(bank.ledger().contactUpdateCount()).isZero();
    assertThat(bank.ledger().customer("C1003").phone()).isEqualTo("+12065550103");
  }

  @Test
  void aBankOutageHandsOverFlaggedOutcomeUnknown() {
    LexEvents.Conversation c = confirmedConversation("cu-6", newPhone("2065550144"));
    bank.faults().outage(true);
    LexV2Response r =
        router.handle(
            c.event(
                "UpdateContactInfo", newPhone("2065550144"), Intent.ConfirmationState.CONFIRMED));
    Map<String, String> a = r.sessionState().sessionAttributes();
    assertThat(a).containsEntry("escalate", "true").containsEntry("targetQueue", "CustomerService");
    assertThat(a.get("whisperContext")).contains("outcome unknown").doesNotContain("0144");
    assertThat(text(r)).contains("temporarily unavailable");
    assertThat(bank.ledger().contactUpdateCount()).isZero();
  }

  @Test
  void noTurnOutcomeCarriesTheNewValue() {
    LexEvents.Conversation c = confirmedConversation("cu-7", newPhone("2065550133"));
    router.handle(
        c.event("UpdateContactInfo", newPhone("2065550133"), Intent.ConfirmationState.CONFIRMED));
    assertThat(turns).isNotEmpty();
    for (TurnOutcome t : turns) {
      assertThat(t.toString()).doesNotContain("2065550133").doesNotContain("5550133");
    }
  }
}
