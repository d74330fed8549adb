package com.cci.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AccountingTest {
  @Test
  void balancedBooksPassAndReportTheCostPerCall() {
    Accounting a = new Accounting(10, 6, 2, 1, 1, 6000, 1200, 0.003, 7);
    assertThat(a.check()).isSameAs(a);
    assertThat(a.report())
        .contains("inputs 10 = scored 6 + quarantined 2 + skipped 2")
        .contains("balanced")
        .contains("$0.000500 per scored call");
  }

  @Test
  void aLostInputFailsLoudly() {
    Accounting a = new Accounting(10, 6, 2, 1, 0, 0, 0, 0, 0);
    assertThat(a.balanced()).isFalse();
    assertThatThrownBy(a::check).hasMessageContaining("difference 1");
  }

  @Test
  void progressLineHasRateAndEta() {
    Progress p = new Progress("scoring", 1000, () -> 0, System.out, 0);
    assertThat(p.line(250, Duration.ofSeconds(10).toNanos()))
        .isEqualTo("qa: scoring 250/1000 (25.0%), 25.0/s, elapsed 0m10s, ETA 0m30s");
    assertThat(p.line(0, 1)).contains("ETA unknown");
  }
}
