package com.cci.fulfillment.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GcLogTest {
  @TempDir Path dir;

  @Test
  void countsOnlyPausesInsideTheWindow() throws Exception {
    Path log = dir.resolve("gc.log");
    Files.writeString(
        log,
        String.join(
            "\n",
            "[2026-11-22T07:00:00.000+0000][info][gc] Using Parallel",
            "[2026-11-22T07:00:01.500+0000][info][gc] GC(1) Pause Young (Allocation Failure)"
                + " 761M->24M(1004M) 17.622ms",
            "[2026-11-22T07:00:05.000+0000][info][gc] GC(2) Pause Young (Allocation Failure)"
                + " 755M->23M(1005M) 5.475ms",
            "[2026-11-22T07:00:09.000+0000][info][gc] GC(3) Pause Full (Ergonomics)"
                + " 755M->23M(1005M) 30.250ms",
            "[2026-11-22T07:00:20.000+0000][info][gc] GC(4) Pause Young (Allocation Failure)"
                + " 754M->23M(1004M) 99.0ms",
            "not a log line 3.0ms",
            ""));
    double[] s =
        GcLog.pauses(
            log, Instant.parse("2026-11-22T07:00:02Z"), Instant.parse("2026-11-22T07:00:10Z"));
    assertThat(s[0]).isEqualTo(2.0);
    assertThat(s[1]).isCloseTo(35.725, within(1e-9));
    assertThat(s[2]).isCloseTo(30.25, within(1e-9));
    assertThat(
            GcLog.summary(
                log, Instant.parse("2026-11-22T07:00:02Z"), Instant.parse("2026-11-22T07:00:10Z")))
        .isEqualTo("2 pauses, 35.7 ms in all, longest 30.3 ms");
  }

  @Test
  void missingLogIsNotApplicable() {
    assertThat(GcLog.summary(dir.resolve("none.log"), Instant.EPOCH, Instant.now()))
        .isEqualTo("n/a");
  }
}
