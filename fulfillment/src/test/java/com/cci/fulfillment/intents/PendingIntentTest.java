package com.cci.fulfillment.intents;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.schemas.lex.Intent;
import com.cci.schemas.lex.Slot;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PendingIntentTest {
  @Test
  void roundTripsNameAndSlotsButNeverSecretsOrLongNumbers() {
    Map<String, Slot> slots = new LinkedHashMap<>();
    slots.put("PayeeName", Slot.scalar("Jane Doe"));
    slots.put("PayeeAccountNumber", Slot.scalar("987654321"));
    slots.put("Amount", Slot.scalar("120.50"));
    slots.put("Pin", Slot.scalar("4821"));
    slots.put("AccountNumber", Slot.scalar("100200300401"));
    slots.put("FromAccountType", null);
    Intent i =
        new Intent(
            "TransferExternal",
            slots,
            Intent.State.IN_PROGRESS,
            Intent.ConfirmationState.CONFIRMED,
            null);
    String encoded = PendingIntent.encode(i);
    assertThat(encoded).doesNotContain("4821", "987654321", "100200300401");
    Intent back = PendingIntent.decode(encoded);
    assertThat(back.name()).isEqualTo("TransferExternal");
    assertThat(back.slotValue("PayeeName")).isEqualTo("Jane Doe");
    assertThat(back.slotValue("Amount")).isEqualTo("120.50");
    assertThat(back.slots()).doesNotContainKeys("Pin", "AccountNumber", "PayeeAccountNumber");
    assertThat(back.confirmationState()).isEqualTo(Intent.ConfirmationState.NONE);
  }

  @Test
  void garbageOrOversizedValuesAreIgnored() {
    assertThat(PendingIntent.decode(null)).isNull();
    assertThat(PendingIntent.decode("not json")).isNull();
    assertThat(PendingIntent.decode("{\"slots\":{}}")).isNull();
    assertThat(PendingIntent.decode("{\"name\":\"X\",\"pad\":\"" + "a".repeat(3000) + "\"}"))
        .isNull();
    assertThat(
            PendingIntent.decode("{\"name\":\"CheckBalance\",\"slots\":{\"Pin\":\"1234\"}}")
                .slots())
        .isEmpty();
  }
}
