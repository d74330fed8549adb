package com.cci.fulfillment.router;

import static com.cci.fulfillment.router.LexEvents.slots;
import static com.cci.fulfillment.router.LexEvents.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.cci.schemas.lex.DialogAction;
import com.cci.schemas.lex.Intent;
import com.cci.schemas.lex.LexV2Event;
import com.cci.schemas.lex.LexV2Response;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A confirmed transfer moves money exactly once however often Lex (or a webhook client) delivers
 * the confirmed turn: sequential duplicates, concurrent duplicates, the dialog and the fulfillment
 * hook both running, a lost bank reply retried. Asserted on the sandbox ledger's state.
 */
class TransferExactlyOnceTest extends SandboxRouterTest {
  static final String CHECKING = "100200300601";
  static final String SAVINGS = "100200300602";

  /** Runs the dialog up to the confirmation; returns the attributes Lex keeps for the next turn. */
  private LexEvents.Conversation confirmedConversation(String session, String amount) {
    LexEvents.Conversation c = new LexEvents.Conversation(session, false, "+12065550103");
    auth.authenticate(session, "C1003");
    LexV2Response ask = c.keep(router.handle(c.event("TransferInternal", transfer(amount))));
    assertThat(ask.dialogActionType()).isEqualTo(DialogAction.Type.CONFIRM_INTENT);
    assertThat(c.attributes).containsKey("cciConfirmRef");
    return c;
  }

  private static Map<String, String> transfer(String amount) {
    return slots("Amount", amount, "FromAccountType", "Checking", "ToAccountType", "Savings");
  }

  private BigDecimal balance(String account) {
    return bank.ledger().account(account).balance();
  }

  @Test
  void theSameConfirmedTurnDeliveredTwiceMovesMoneyOnce() {
    LexEvents.Conversation c = confirmedConversation("dup-1", "100");
    LexV2Event yes =
        c.event("TransferInternal", transfer("100"), Intent.ConfirmationState.CONFIRMED);
    LexV2Response a = router.handle(yes);
    LexV2Response b = router.handle(yes);
    assertThat(a.sessionState().intent().state()).isEqualTo(Intent.State.FULFILLED);
    assertThat(text(b)).isEqualTo(text(a)).contains("TRF-");
    assertThat(bank.ledger().transferCount()).isEqualTo(1);
    assertThat(balance(CHECKING)).isEqualByComparingTo("8020.90");
    assertThat(balance(SAVINGS)).isEqualByComparingTo("42100.00");
  }

  @Test
  void concurrentDeliveriesOfTheConfirmedTurnMoveMoneyOnce() throws Exception {
    LexEvents.Conversation c = confirmedConversation("dup-2", "250.50");
    LexV2Event yes =
        c.event("TransferInternal", transfer("250.50"), Intent.ConfirmationState.CONFIRMED);
    int n = 8;
    for (LexV2Response r : SameEventAtOnce.deliver(router, yes, n)) {
      assertThat(r.sessionState().intent().state()).isEqualTo(Intent.State.FULFILLED);
    }
    assertThat(bank.ledger().transferCount()).isEqualTo(1);
    assertThat(balance(CHECKING)).isEqualByComparingTo("7870.40");
  }

  @Test
  void dialogHookAndFulfillmentHookBothConfirmedBookOnce() {
    LexEvents.Conversation c = confirmedConversation("dup-3", "40");
    LexV2Event dialog =
        c.event("TransferInternal", transfer("40"), Intent.ConfirmationState.CONFIRMED);
    LexV2Event fulfil =
        new LexV2Event(
            dialog.messageVersion(),
            LexV2Event.InvocationSource.FULFILLMENT_CODE_HOOK,
            dialog.inputMode(),
            dialog.responseContentType(),
            dialog.sessionId(),
            dialog.inputTranscript(),
            null,
            dialog.bot(),
            dialog.interpretations(),
            null,
            dialog.requestAttributes(),
            dialog.sessionState(),
            null);
    router.handle(dialog);
    router.handle(fulfil);
    assertThat(bank.ledger().transferCount()).isEqualTo(1);
  }

  @Test
  void aSecondConfirmedTransferInTheSameSessionIsANewTransfer() {
    LexEvents.Conversation c = confirmedConversation("dup-4", "10");
    c.keep(
        router.handle(
            c.event("TransferInternal", transfer("10"), Intent.ConfirmationState.CONFIRMED)));
    LexV2Response ask = c.keep(router.handle(c.event("TransferInternal", transfer("10"))));
    assertThat(ask.dialogActionType()).isEqualTo(DialogAction.Type.CONFIRM_INTENT);
    c.keep(
        router.handle(
            c.event("TransferInternal", transfer("10"), Intent.ConfirmationState.CONFIRMED)));
    assertThat(bank.ledger().transferCount()).isEqualTo(2);
    assertThat(balance(CHECKING)).isEqualByComparingTo("8100.90");
  }

  @Test
  void aLostBankReplyIsRetriedWithTheSameKeyAndBooksOnce() {
    LexEvents.Conversation c = confirmedConversation("dup-5", "75");
    bank.faults().loseNextReplies(1);
    LexV2Response r =
        router.handle(
            c.event("TransferInternal", transfer("75"), Intent.ConfirmationState.CONFIRMED));
    assertThat(r.sessionState().intent().state()).isEqualTo(Intent.State.FULFILLED);
    assertThat(bank.ledger().transferCount()).isEqualTo(1);
    assertThat(balance(CHECKING)).isEqualByComparingTo("8045.90");
  }

  @Test
  void aDeniedTransferMovesNothing() {
    LexEvents.Conversation c = confirmedConversation("dup-6", "75");
    LexV2Response r =
        router.handle(c.event("TransferInternal", transfer("75"), Intent.ConfirmationState.DENIED));
    assertThat(r.sessionState().intent().state()).isEqualTo(Intent.State.FAILED);
    assertThat(text(r)).contains("cancelled");
    assertThat(bank.ledger().transferCount()).isZero();
  }

  @Test
  void insufficientFundsIsReAskedBeforeConfirmation() {
    auth.authenticate("dup-7", "C1003");
    LexEvents.Conversation c = new LexEvents.Conversation("dup-7", false, "+12065550103");
    LexV2Response r = router.handle(c.event("TransferInternal", transfer("9000")));
    assertThat(r.sessionState().dialogAction().slotToElicit()).isEqualTo("Amount");
    assertThat(text(r)).contains("$8,120.90");
    assertThat(bank.ledger().transferCount()).isZero();
  }
}
