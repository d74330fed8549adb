package com.cci.fulfillment.obs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PiiMaskerTest {
  @Test
  void masksAccountCardAndPhoneNumbersInTextKeepingLastFour() {
    assertThat(PiiMasker.maskText("account 100200300401 balance"))
        .isEqualTo("account ****0401 balance");
    assertThat(PiiMasker.maskText("card 4111 1111 1111 1111 lost")).isEqualTo("card ****1111 lost");
    assertThat(PiiMasker.maskText("caller +15125550101")).isEqualTo("caller ****0101");
  }

  @Test
  void masksShortDigitRunsCompletelyBecauseTheyMayBePins() {
    assertThat(PiiMasker.maskText("pin is 4821.")).isEqualTo("pin is ****.");
    assertThat(PiiMasker.maskText("190377")).isEqualTo("****");
    assertThat(PiiMasker.maskText("3 tries, 12 ms")).isEqualTo("3 tries, 12 ms");
  }

  @Test
  void masksByFieldName() {
    assertThat(PiiMasker.maskField("pin", "abcd")).isEqualTo("****");
    assertThat(PiiMasker.maskField("Pin", "4821")).isEqualTo("****");
    assertThat(PiiMasker.maskField("customerPhone", "+15125550101")).isEqualTo("****0101");
    assertThat(PiiMasker.maskField("accountNumber", "AB-12")).isEqualTo("****");
    assertThat(PiiMasker.maskField("intent", "CheckBalance")).isEqualTo("CheckBalance");
    assertThat(PiiMasker.maskField("anything", null)).isNull();
  }
}
