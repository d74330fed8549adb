package com.cci.fulfillment.router;

import static com.cci.fulfillment.router.LexEvents.slots;
import static com.cci.fulfillment.router.LexEvents.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.cci.fulfillment.bank.BankModels.Card;
import com.cci.schemas.lex.DialogAction;
import com.cci.schemas.lex.Intent;
import com.cci.schemas.lex.LexV2Event;
import com.cci.schemas.lex.LexV2Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code BlockAccount}: the confirmed turn blocks every card, freezes the account once however
 * often it is delivered, and routes to Security (priority 2); a freeze that cannot be confirmed
 * still leaves the cards blocked and tells Security to freeze. Asserted on the sandbox ledger.
 */
class BlockAccountFreezeTest extends SandboxRouterTest {
  static final String SAVINGS = "100200300602";

  private static final Map<String, String> SLOTS = slots("AccountType", "Savings");

  private LexEvents.Conversation confirmedConversation(String session) {
    LexEvents.Conversation c = new LexEvents.Conversation(session, false, "+12065550103");
    auth.authenticate(session, "C1003");
    LexV2Response ask = c.keep(router.handle(c.event("BlockAccount", SLOTS)));
    assertThat(ask.dialogActionType()).isEqualTo(DialogAction.Type.CONFIRM_INTENT);
    assertThat(bank.ledger().isFrozen(SAVINGS)).isFalse();
    return c;
  }

  private void assertAllCardsBlocked() {
    assertThat(bank.ledger().cards("C1003")).extracting(Card::status).containsOnly("BLOCKED");
  }

  @Test
  void aConfirmedTurnDeliveredTwiceFreezesOnceAndRoutesToSecurity() {
    LexEvents.Conversation c = confirmedConversation("blk-1");
    LexV2Event yes = c.event("BlockAccount", SLOTS, Intent.ConfirmationState.CONFIRMED);
    LexV2Response a = router.handle(yes);
    LexV2Response b = router.handle(yes);
    for (LexV2Response r : List.of(a, b)) {
      Map<String, String> attrs = r.sessionState().sessionAttributes();
      assertThat(attrs)
          .containsEntry("escalate", "true")
          .containsEntry("targetQueue", "Security")
          .containsEntry("routingPriority", "2");
      assertThat(attrs.get("whisperContext")).contains("account frozen").contains("****0602");
      assertThat(text(r)).contains("frozen your savings account ending in 0602");
    }
    assertThat(bank.ledger().freezeCount()).isEqualTo(1);
    assertThat(bank.ledger().isFrozen(SAVINGS)).isTrue();
    assertAllCardsBlocked();
  }

  @Test
  void concurrentDeliveriesFreezeOnce() throws Exception {
    LexEvents.Conversation c = confirmedConversation("blk-2");
    LexV2Event yes = c.event("BlockAccount", SLOTS, Intent.ConfirmationState.CONFIRMED);
    for (LexV2Response r : SameEventAtOnce.deliver(router, yes, 6)) {
      assertThat(r.sessionState().sessionAttributes()).containsEntry("targetQueue", "Security");
    }
    assertThat(bank.ledger().freezeCount()).isEqualTo(1);
    assertAllCardsBlocked();
  }

  @Test
  void aFreezeOutageLeavesTheCardsBlockedAndAsksSecurityToFreeze() {
    LexEvents.Conversation c = confirmedConversation("blk-3");
    bank.faults().failMatching("POST /accounts/.*/freeze");
    LexV2Response r =
        router.handle(c.event("BlockAccount", SLOTS, Intent.ConfirmationState.CONFIRMED));
    Map<String, String> attrs = r.sessionState().sessionAttributes();
    assertThat(attrs)
        .containsEntry("targetQueue", "Security")
        .containsEntry("routingPriority", "2");
    assertThat(attrs.get("whisperContext")).contains("freeze outcome unknown");
    assertThat(text(r)).contains("I've blocked your cards.").contains("to freeze your savings");
    assertThat(bank.ledger().isFrozen(SAVINGS)).isFalse();
    assertAllCardsBlocked();
  }

  @Test
  void aDenialBlocksAndFreezesNothing() {
    LexEvents.Conversation c = confirmedConversation("blk-4");
    router.handle(c.event("BlockAccount", SLOTS, Intent.ConfirmationState.DENIED));
    assertThat(bank.ledger().isFrozen(SAVINGS)).isFalse();
    assertThat(bank.ledger().cards("C1003")).extracting(Card::status).doesNotContain("BLOCKED");
  }
}
