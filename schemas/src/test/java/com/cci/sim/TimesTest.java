package com.cci.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-written timestamp formats agree with java.time. */
class TimesTest {
  @Test
  void formatsLikeJavaTime() {
    SplittableRandom r = new SplittableRandom(1);
    long base = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    for (int i = 0; i < 10_000; i++) {
      long ms = base + r.nextLong(0, 3L * 365 * 86_400_000L);
      Instant t = Instant.ofEpochMilli(ms);
      assertThat(Instant.parse(Times.millis(ms))).isEqualTo(t);
      assertThat(Times.millis(ms)).hasSize(24).endsWith("Z");
      assertThat(Times.seconds(ms)).isEqualTo(t.truncatedTo(ChronoUnit.SECONDS).toString());
    }
    assertThat(Times.millis(Instant.parse("2026-11-20T09:15:02.007Z").toEpochMilli()))
        .isEqualTo("2026-11-20T09:15:02.007Z");
    assertThat(Times.seconds(Instant.parse("2026-11-20T23:59:59.999Z").toEpochMilli()))
        .isEqualTo("2026-11-20T23:59:59Z");
  }
}
