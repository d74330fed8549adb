package com.cci.fulfillment.intents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SlotRulesTest {
  @ParameterizedTest
  @CsvSource({"100,100.00", "'$1,250.5',1250.50", "0.01,0.01", "25000,25000.00", "12 USD,12.00"})
  void amountsAreParsedToCents(String in, String out) {
    assertThat(SlotRules.amount(in)).isEqualByComparingTo(out);
    assertThat(SlotRules.amount(in).scale()).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-5", "1.005", "ten", "1e3", "", "12.", "9999999999"})
  void badAmountsAreRejected(String in) {
    assertThat(SlotRules.amount(in)).isNull();
  }

  @Test
  void last4NeedsExactlyFourDigits() {
    assertThat(SlotRules.last4("4417")).isEqualTo("4417");
    assertThat(SlotRules.last4("44 17")).isEqualTo("4417");
    assertThat(SlotRules.last4("441")).isNull();
    assertThat(SlotRules.last4("44170")).isNull();
    assertThat(SlotRules.last4("abcd")).isNull();
    assertThat(SlotRules.last4(null)).isNull();
  }

  @ParameterizedTest
  @CsvSource({"021000021,021000021", "011000015,011000015", "121000358,121000358"})
  void validAbaRoutingNumbersPassTheChecksum(String in, String out) {
    assertThat(SlotRules.routingNumber(in)).isEqualTo(out);
  }

  @ParameterizedTest
  @ValueSource(strings = {"123456789", "021000022", "02100002", "0210000210", "abcdefghi"})
  void invalidRoutingNumbersAreRejected(String in) {
    assertThat(SlotRules.routingNumber(in)).isNull();
  }

  @Test
  void accountAndLoanTypesAreNormalised() {
    assertThat(SlotRules.accountType("Checking")).isEqualTo("CHECKING");
    assertThat(SlotRules.accountType("money market")).isEqualTo("MONEY_MARKET");
    assertThat(SlotRules.accountType("savings")).isEqualTo("SAVINGS");
    assertThat(SlotRules.accountType("brokerage")).isNull();
    assertThat(SlotRules.loanType("car")).isEqualTo("AUTO");
    assertThat(SlotRules.loanType("home equity")).isEqualTo("HELOC");
    assertThat(SlotRules.loanType("boat")).isNull();
  }

  @Test
  void datesAndMonths() {
    assertThat(SlotRules.date("2026-11-03")).isEqualTo(LocalDate.of(2026, 11, 3));
    assertThat(SlotRules.date("2026-W45")).isNull();
    assertThat(SlotRules.month("2026-10")).isEqualTo(YearMonth.of(2026, 10));
    assertThat(SlotRules.month("2026-10-17")).isEqualTo(YearMonth.of(2026, 10));
    assertThat(SlotRules.month("October")).isNull();
  }

  @Test
  void emailAndPhone() {
    assertThat(SlotRules.email("Maria.G@Example.com")).isEqualTo("maria.g@example.com");
    assertThat(SlotRules.email("maria at example dot com")).isEqualTo("maria@example.com");
    assertThat(SlotRules.email("maria@")).isNull();
    assertThat(SlotRules.phone("(512) 555-0199")).isEqualTo("+15125550199");
    assertThat(SlotRules.phone("+44 20 7946 0958")).isEqualTo("+442079460958");
    assertThat(SlotRules.phone("555-0199")).isNull();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"X", "Robert'); DROP TABLE--", "<script>"})
  void payeeNamesAreLettersOnly(String in) {
    assertThat(SlotRules.payeeName(in)).isNull();
  }

  @Test
  void externalAccountNumbers() {
    assertThat(SlotRules.externalAccount("9876 5432 1")).isEqualTo("987654321");
    assertThat(SlotRules.externalAccount("123")).isNull();
    assertThat(SlotRules.externalAccount("123456789012345678")).isNull();
    assertThat(SlotRules.payeeName("Jane  O'Neil-Smith")).isEqualTo("Jane O'Neil-Smith");
  }
}
