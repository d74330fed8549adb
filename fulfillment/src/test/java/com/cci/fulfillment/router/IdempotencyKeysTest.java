package com.cci.fulfillment.router;

import static com.cci.fulfillment.router.LexEvents.slots;
import static org.assertj.core.api.Assertions.assertThat;

import com.cci.fulfillment.bank.BankModels.TransferRequest;
import com.cci.fulfillment.bank.BankModels.TransferType;
import com.cci.schemas.lex.Intent;
import com.cci.schemas.lex.LexV2Event;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdempotencyKeysTest {
  private static TurnContext ctx(String session, String confirmRef, String requestId) {
    Map<String, String> attrs = new LinkedHashMap<>();
    if (confirmRef != null) {
      attrs.put("cciConfirmRef", confirmRef);
    }
    LexV2Event e =
        LexEvents.event(
            session,
            false,
            "TransferInternal",
            slots(),
            Intent.ConfirmationState.CONFIRMED,
            attrs,
            requestId);
    return new TurnContext(
        e,
        e.intent(),
        null,
        session,
        attrs,
        null,
        null,
        Clock.systemUTC(),
        RouterConfig.defaults(),
        System.nanoTime(),
        c -> null,
        n -> null);
  }

  private static TransferRequest req(String amount) {
    return new TransferRequest(
        "C1003",
        TransferType.INTERNAL,
        "100200300601",
        "100200300602",
        new BigDecimal(amount),
        null,
        null);
  }

  @Test
  void sameSessionConfirmationAndTransferGiveTheSameKey() {
    String a = IdempotencyKeys.transferKey(ctx("s1", "ref-1", "req-a"), req("10"));
    String b = IdempotencyKeys.transferKey(ctx("s1", "ref-1", "req-b"), req("10.00"));
    assertThat(a).isEqualTo(b).matches("[A-Za-z0-9._:-]{1,128}").startsWith("lex-");
    assertThat(a).doesNotContain("100200300601");
  }

  @Test
  void anyDifferenceGivesAnotherKey() {
    String base = IdempotencyKeys.transferKey(ctx("s1", "ref-1", "r"), req("10"));
    assertThat(IdempotencyKeys.transferKey(ctx("s2", "ref-1", "r"), req("10"))).isNotEqualTo(base);
    assertThat(IdempotencyKeys.transferKey(ctx("s1", "ref-2", "r"), req("10"))).isNotEqualTo(base);
    assertThat(IdempotencyKeys.transferKey(ctx("s1", "ref-1", "r"), req("10.01")))
        .isNotEqualTo(base);
  }

  @Test
  void withoutAConfirmRefTheTurnsRequestIdIsUsed() {
    String a = IdempotencyKeys.transferKey(ctx("s1", null, "req-a"), req("10"));
    assertThat(IdempotencyKeys.transferKey(ctx("s1", null, "req-a"), req("10"))).isEqualTo(a);
    assertThat(IdempotencyKeys.transferKey(ctx("s1", null, "req-b"), req("10"))).isNotEqualTo(a);
  }
}
