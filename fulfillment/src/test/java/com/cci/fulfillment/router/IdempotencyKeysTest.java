package com.cci.fulfillment.router;

import static com.cci.fulfillment.router.LexEvents.slots;
import static org.assertj.core.api.Assertions.assertThat;

import com.cci.fulfillment.bank.BankModels.ContactType;
import com.cci.fulfillment.bank.BankModels.ContactUpdate;
import com.cci.fulfillment.bank.BankModels.DisputeReason;
import com.cci.fulfillment.bank.BankModels.DisputeRequest;
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

  @Test
  void contactFreezeAndDisputeKeysFollowTheSameDerivationAndNeverCollide() {
    ContactUpdate phone = new ContactUpdate(ContactType.PHONE, "+12065550177");
    String contact = IdempotencyKeys.contactUpdateKey(ctx("s1", "ref-1", "r"), "C1003", phone);
    assertThat(IdempotencyKeys.contactUpdateKey(ctx("s1", "ref-1", "other"), "C1003", phone))
        .isEqualTo(contact);
    assertThat(IdempotencyKeys.contactUpdateKey(ctx("s1", "ref-2", "r"), "C1003", phone))
        .isNotEqualTo(contact);
    assertThat(
            IdempotencyKeys.contactUpdateKey(
                ctx("s1", "ref-1", "r"),
                "C1003",
                new ContactUpdate(ContactType.PHONE, "+12065550178")))
        .isNotEqualTo(contact);
    assertThat(contact).startsWith("lex-").doesNotContain("2065550177");

    String freeze =
        IdempotencyKeys.freezeKey(
            ctx("s1", "ref-1", "r"), "C1003", "100200300602", "CUSTOMER_REQUEST");
    DisputeRequest d =
        new DisputeRequest(
            "C1003", "100200300602", "100200300602-t1", new BigDecimal("5"), DisputeReason.OTHER);
    String dispute = IdempotencyKeys.disputeKey(ctx("s1", "ref-1", "r"), d);
    assertThat(
            IdempotencyKeys.disputeKey(
                ctx("s1", "ref-1", "r"),
                new DisputeRequest(
                    "C1003",
                    "100200300602",
                    "100200300602-t1",
                    new BigDecimal("5.00"),
                    DisputeReason.OTHER)))
        .isEqualTo(dispute);
    assertThat(java.util.Set.of(contact, freeze, dispute)).hasSize(3);
    assertThat(freeze + dispute).doesNotContain("100200300602");
  }
}
