package com.cci.batch.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PiiGuardTest {
  private final PiiGuard guard = new PiiGuard();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // cards: Luhn-valid 13..19 digits, plain or grouped
        "The card number is 4111111111111111. | The card number is [CARD]. | CARD",
        "My card is 4111 1111 1111 1111 thanks | My card is [CARD] thanks | CARD",
        "It's card number 5500-0000-0000-0004. | It's card number [CARD]. | CARD",
        "amex 378282246310005 ok | amex [CARD] ok | CARD",
        // SSN
        "My SSN is 123-45-6789. | My SSN is [SSN]. | SSN",
        "my social is 123456789 | my social is [SSN] | SSN",
        // IBAN, compact and printed, with the next word not swallowed
        "The IBAN is DE89370400440532013000. | The IBAN is [IBAN]. | IBAN",
        "Their IBAN is GB29 NWBK 6016 1331 9268 19 and the name | Their IBAN is [IBAN] and the name | IBAN",
        // routing: ABA checksum, or context
        "Routing number 021000021. | Routing number [ROUTING]. | ROUTING",
        "it is 011000015 I think | it is [ROUTING] I think | ROUTING",
        // account: digits in account context
        "My account number is 12345678. | My account number is [ACCOUNT]. | ACCOUNT",
        "The account is 987654321012 | The account is [ACCOUNT] | ACCOUNT",
        "savings 1234-5678-9012 please | savings [ACCOUNT] please | ACCOUNT",
        // e-mail
        "You can email me at maria.lopez42@gmail.com. | You can email me at [EMAIL]. | EMAIL",
        // phone: NANP and E.164
        "Call me back at (212) 555-0143. | Call me back at [PHONE]. | PHONE",
        "My number is 212-555-0143 | My number is [PHONE] | PHONE",
        "My number is 212.555.0143 | My number is [PHONE] | PHONE",
        "My number is +1 212 555 0143. | My number is [PHONE]. | PHONE",
        "reach me on +442071838750 | reach me on [PHONE] | PHONE",
        "call me on 2125550143 | call me on [PHONE] | PHONE",
        // spoken digits
        "card four one one one one one one one one one one one one one one one | card [CARD] | CARD",
        "my account is one two three four five six seven eight | my account is [ACCOUNT] | ACCOUNT",
      })
  void masksEachType(String in, String expected, String type) {
    PiiGuard.MaskedText m = guard.maskText(in);
    assertThat(m.text()).isEqualTo(expected);
    assertThat(m.counts()).isEqualTo(Map.of(type, 1));
  }

  @ParameterizedTest(name = "clean: {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Your balance is $1,234.56 as of 2026-11-20.",
        "The reference number is 48213377.",
        "That card ends in 1111.",
        "I was charged 4111111111111112 cents", // Luhn-invalid
        "Our routing works in 3 to 5 business days.",
        "Call us at any time, we are open 24/7.",
        "The transfer of 250000 went through at 10:45.",
        "My SSN ends with 6789.",
        "Order 123-45-678 arrived",
        "one two three",
      })
  void leavesOrdinaryTextAlone(String in) {
    PiiGuard.MaskedText m = guard.maskText(in);
    assertThat(m.text()).isEqualTo(in);
    assertThat(m.counts()).isEmpty();
  }

  @Test
  void severalValuesInOneTextAreCountedPerType() {
    PiiGuard.MaskedText m =
        guard.maskText(
            "My account number is 12345678. The routing number is 021000021. My email is"
                + " a@b.co and my SSN is 123-45-6789, also a@c.org.");
    assertThat(m.text())
        .isEqualTo(
            "My account number is [ACCOUNT]. The routing number is [ROUTING]. My email is"
                + " [EMAIL] and my SSN is [SSN], also [EMAIL].");
    assertThat(m.counts())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("ACCOUNT", 1, "ROUTING", 1, "EMAIL", 2, "SSN", 1));
  }

  @Test
  void nullAndEmptyTextPassThrough() {
    assertThat(guard.maskText(null).text()).isNull();
    assertThat(guard.maskText("").text()).isEmpty();
  }
}
