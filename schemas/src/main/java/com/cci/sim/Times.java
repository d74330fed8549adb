package com.cci.sim;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Timestamp formats of the emitted records. */
final class Times {
  private Times() {}

  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssX").withZone(ZoneOffset.UTC);

  /** {@code 2026-11-20T09:15:02.123Z}. */
  static String millis(long epochMillis) {
    return MILLIS.format(Instant.ofEpochMilli(epochMillis));
  }

  /** {@code 2026-11-20T09:15:02Z} (truncated to the second, as in CTRs). */
  static String seconds(long epochMillis) {
    return SECONDS.format(Instant.ofEpochMilli(Math.floorDiv(epochMillis, 1000) * 1000));
  }

  /** Whole seconds between two instants as CTR timestamps show them (both truncated). */
  static int secondsBetween(long fromMillis, long toMillis) {
    return (int) (Math.floorDiv(toMillis, 1000) - Math.floorDiv(fromMillis, 1000));
  }
}
