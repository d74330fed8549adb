package com.cci.sim;

import java.time.LocalDate;

/**
 * Timestamp formats of the emitted records, written without {@code DateTimeFormatter} (the
 * simulator formats millions of timestamps): {@code 2026-11-20T09:15:02.123Z} and {@code
 * 2026-11-20T09:15:02Z}, always UTC.
 */
final class Times {
  private Times() {}

  private static final long DAY_MS = 86_400_000L;

  /** Cache of the last formatted day's {@code yyyy-MM-ddT} prefix (single-threaded use per day). */
  private static final ThreadLocal<Object[]> LAST_DAY =
      ThreadLocal.withInitial(() -> new Object[] {Long.MIN_VALUE, ""});

  private static String dayPrefix(long day) {
    Object[] cache = LAST_DAY.get();
    if ((Long) cache[0] != day) {
      LocalDate d = LocalDate.ofEpochDay(day);
      StringBuilder sb = new StringBuilder(11);
      int y = d.getYear();
      if (y < 1000 || y > 9999) {
        throw new IllegalArgumentException("year out of range: " + y);
      }
      sb.append(y).append('-');
      two(sb, d.getMonthValue());
      sb.append('-');
      two(sb, d.getDayOfMonth());
      sb.append('T');
      cache[0] = day;
      cache[1] = sb.toString();
    }
    return (String) cache[1];
  }

  private static void two(StringBuilder sb, int v) {
    sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
  }

  private static StringBuilder time(long epochMillis) {
    long day = Math.floorDiv(epochMillis, DAY_MS);
    int msOfDay = (int) (epochMillis - day * DAY_MS);
    int secOfDay = msOfDay / 1000;
    StringBuilder sb = new StringBuilder(24).append(dayPrefix(day));
    two(sb, secOfDay / 3600);
    sb.append(':');
    two(sb, secOfDay / 60 % 60);
    sb.append(':');
    two(sb, secOfDay % 60);
    return sb;
  }

  /** {@code 2026-11-20T09:15:02.123Z}. */
  static String millis(long epochMillis) {
    StringBuilder sb = time(epochMillis);
    int ms = (int) Math.floorMod(epochMillis, 1000L);
    sb.append('.')
        .append((char) ('0' + ms / 100))
        .append((char) ('0' + ms / 10 % 10))
        .append((char) ('0' + ms % 10));
    return sb.append('Z').toString();
  }

  /** {@code 2026-11-20T09:15:02Z} (truncated to the second, as in CTRs). */
  static String seconds(long epochMillis) {
    return time(epochMillis).append('Z').toString();
  }

  /** Whole seconds between two instants as CTR timestamps show them (both truncated). */
  static int secondsBetween(long fromMillis, long toMillis) {
    return (int) (Math.floorDiv(toMillis, 1000) - Math.floorDiv(fromMillis, 1000));
  }
}
