package com.cci.fulfillment.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** Loading customers.json: hashed PINs and clear errors for bad entries. */
class SandboxLedgerSeedTest {
  private static SandboxLedger load(String json) throws Exception {
    return SandboxLedger.fromSeed(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), Clock.systemUTC());
  }

  @Test
  void defaultSeedHasSixCustomersWithWorkingPins() {
    SandboxLedger ledger = SandboxLedger.fromDefaultSeed(Clock.systemUTC());
    for (String phone :
        new String[] {
          "+15125550101",
          "+15125550102",
          "+12065550103",
          "+13035550104",
          "+14155550105",
          "+17135550106"
        }) {
      assertThat(ledger.customerByPhone(phone)).as(phone).isPresent();
    }
    assertThat(ledger.verifyPin("C1001", "4821")).isTrue();
    assertThat(ledger.verifyPin("C1001", "4822")).isFalse();
    assertThat(ledger.verifyPin("C1001", null)).isFalse();
  }

  @Test
  void sameHashInputsGetDifferentSalts() {
    PinHasher.PinHash a = PinHasher.hash("1234");
    PinHasher.PinHash b = PinHasher.hash("1234");
    assertThat(a.salt()).isNotEqualTo(b.salt());
    assertThat(a.hash()).isNotEqualTo(b.hash());
    assertThat(a.matches("1234")).isTrue();
    assertThat(b.matches("1234")).isTrue();
  }

  @Test
  void badEntriesFailWithTheEntryNamed() {
    assertThatThrownBy(() -> load("[{\"name\":\"A\",\"phone\":\"+1555\",\"pin\":\"12\"}]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("entry 0")
        .hasMessageContaining("pin must be 4-6 digits")
        .hasMessageNotContaining("12\"");
    assertThatThrownBy(
            () ->
                load(
                    "[{\"name\":\"A\",\"phone\":\"+1555\",\"pin\":\"1234\"},"
                        + "{\"name\":\"B\",\"phone\":\"+1 555\",\"pin\":\"1234\"}]"))
        .hasMessageContaining("entry 1")
        .hasMessageContaining("duplicate phone");
    assertThatThrownBy(
            () ->
                load(
                    "[{\"name\":\"A\",\"phone\":\"+1555\",\"pin\":\"1234\","
                        + "\"accounts\":[{\"number\":\"1\",\"type\":\"CHECKING\",\"balance\":1.005}]}]"))
        .hasMessageContaining("more than 2 decimals");
    assertThatThrownBy(() -> load("[{\"phone\":\"+1555\",\"pin\":\"1234\"}]"))
        .hasMessageContaining("name is required");
  }
}
