package com.cci.sim.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PiiChecksTest {

  @Test
  void luhnAcceptsKnownTestCardsAndGroupingRejectsTypos() {
    assertThat(PiiChecks.luhnValid("4111111111111111")).isTrue();
    assertThat(PiiChecks.luhnValid("4111 1111 1111 1111")).isTrue();
    assertThat(PiiChecks.luhnValid("5500-0000-0000-0004")).isTrue();
    assertThat(PiiChecks.luhnValid("4111111111111112")).isFalse();
    assertThat(PiiChecks.luhnValid("4111x11111111111")).isFalse();
    assertThat(PiiChecks.luhnValid("79927398713")).isFalse(); // valid Luhn but only 11 digits
    assertThat(PiiChecks.luhnValid(null)).isFalse();
    assertThat(PiiChecks.luhnCheckDigit("411111111111111")).isEqualTo(1);
    assertThatThrownBy(() -> PiiChecks.luhnCheckDigit("12a")).hasMessageContaining("digits only");
  }

  @Test
  void abaAcceptsRealFederalReserveRoutingNumbers() {
    assertThat(PiiChecks.abaValid("011000015")).isTrue(); // FRB Boston
    assertThat(PiiChecks.abaValid("021000021")).isTrue(); // JPMorgan Chase NY
    assertThat(PiiChecks.abaValid("021000022")).isFalse(); // checksum
    assertThat(PiiChecks.abaValid("991000021")).isFalse(); // prefix 99 not assigned
    assertThat(PiiChecks.abaValid("02100002")).isFalse(); // length
    assertThat(PiiChecks.abaCheckDigit("02100002")).isEqualTo(1);
  }

  @Test
  void ibanMod97MatchesPublishedExamples() {
    assertThat(PiiChecks.ibanValid("GB82 WEST 1234 5698 7654 32")).isTrue();
    assertThat(PiiChecks.ibanValid("DE89370400440532013000")).isTrue();
    assertThat(PiiChecks.ibanValid("de89370400440532013000")).isTrue();
    assertThat(PiiChecks.ibanValid("DE89370400440532013001")).isFalse();
    assertThat(PiiChecks.ibanValid("GB82-WEST-1234-5698-7654-32")).isFalse();
    assertThat(PiiChecks.ibanValid("DE8937")).isFalse();
    assertThat(PiiChecks.ibanCheckDigits("DE", "370400440532013000")).isEqualTo("89");
    assertThat(PiiChecks.ibanCheckDigits("GB", "WEST12345698765432")).isEqualTo("82");
    assertThatThrownBy(() -> PiiChecks.ibanCheckDigits("D1", "123"))
        .hasMessageContaining("two letters");
  }

  @Test
  void ssnRejectsUnassignableAreasGroupsAndSerials() {
    assertThat(PiiChecks.ssnValid("123-45-6789")).isTrue();
    assertThat(PiiChecks.ssnValid("000-45-6789")).isFalse();
    assertThat(PiiChecks.ssnValid("666-45-6789")).isFalse();
    assertThat(PiiChecks.ssnValid("901-45-6789")).isFalse();
    assertThat(PiiChecks.ssnValid("123-00-6789")).isFalse();
    assertThat(PiiChecks.ssnValid("123-45-0000")).isFalse();
    assertThat(PiiChecks.ssnValid("123456789")).isFalse();
  }

  @Test
  void factoryValuesAlwaysValidateAndVaryInFormat() {
    SplittableRandom rnd = new SplittableRandom(42);
    boolean spacedCard = false;
    boolean dashedCard = false;
    boolean plainCard = false;
    boolean spacedIban = false;
    for (int i = 0; i < 5000; i++) {
      String card = PiiFactory.cardNumber(rnd);
      assertThat(PiiChecks.luhnValid(card)).as(card).isTrue();
      assertThat(PiiFactory.compact(card)).hasSize(16);
      spacedCard |= card.contains(" ");
      dashedCard |= card.contains("-");
      plainCard |= card.length() == 16;
      String ssn = PiiFactory.ssn(rnd);
      assertThat(PiiChecks.ssnValid(ssn)).as(ssn).isTrue();
      String aba = PiiFactory.routingNumber(rnd);
      assertThat(PiiChecks.abaValid(aba)).as(aba).isTrue();
      String iban = PiiFactory.iban(rnd);
      assertThat(PiiChecks.ibanValid(iban)).as(iban).isTrue();
      spacedIban |= iban.contains(" ");
      String acct = PiiFactory.accountNumber(rnd);
      assertThat(acct).matches("[1-9][0-9]{7,11}");
      String phone = PiiFactory.phone(rnd);
      assertThat(phone)
          .matches(
              "\\([2-9][0-9]{2}\\) [2-9][0-9]{2}-[0-9]{4}|[2-9][0-9]{2}([-.])[2-9][0-9]{2}\\1[0-9]{4}"
                  + "|\\+1 [2-9][0-9]{2} [2-9][0-9]{2} [0-9]{4}");
      String email = PiiFactory.email(rnd, "Maria O'Neil-Garcia");
      assertThat(email).matches("[a-z._0-9]+@[a-z]+\\.com");
    }
    assertThat(spacedCard && dashedCard && plainCard && spacedIban).isTrue();
  }
}
