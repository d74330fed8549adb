package com.cci.streaming.parse;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Fast, allocation-free reading of the ISO-8601 UTC timestamps Connect, EventBridge and our own
 * records carry ({@code 2026-11-20T15:00:02Z}, {@code 2026-11-20T15:00:02.165Z}, 1–9 fraction
 * digits, offset {@code Z} or {@code +00:00}), equal to {@link Instant#parse} on every text it
 * accepts.
 *
 * <p>The fast path ({@link #fastEpochNanos}) accepts exactly {@code yyyy-MM-dd'T'HH:mm:ss}, an
 * optional fraction of 1–9 digits and {@code Z} or {@code +00:00}, with a valid calendar date (leap
 * years included), hour 0–23, minute and second 0–59, and a year from 1970 to 2261 (so that
 * nanoseconds since the epoch fit in a {@code long}). Everything else — lower-case {@code t}/{@code
 * z}, other offsets, a leap second, {@code 24:00}, a wider year, surrounding blanks, and every
 * invalid text — is left to {@link Instant#parse}, so the slow path decides acceptance and the
 * rejection reason exactly as before.
 */
public final class IsoTimestamps {
  /** {@link #fastEpochNanos} result for a text outside the fast path. */
  public static final long NOT_FAST = Long.MIN_VALUE;

  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  private static final long NANOS_PER_MILLI = 1_000_000L;
  private static final int MIN_YEAR = 1970;
  private static final int MAX_YEAR = 2261;
  private static final int[] SCALE = {
    0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1
  };

  private IsoTimestamps() {}

  /**
   * Epoch milliseconds of {@code text} (floor, like {@link Instant#toEpochMilli()}); the fast path
   * when it applies, else {@link Instant#parse}.
   *
   * @throws DateTimeParseException when {@link Instant#parse} rejects the text
   * @throws ArithmeticException when the instant does not fit in epoch milliseconds
   */
  public static long parseEpochMillis(String text) {
    long nanos = fastEpochNanos(text);
    if (nanos != NOT_FAST) {
      return Math.floorDiv(nanos, NANOS_PER_MILLI);
    }
    return Instant.parse(text).toEpochMilli();
  }

  /**
   * The {@link Instant} of {@code len} chars of {@code buf} from {@code off} on the fast path, or
   * {@code null} when the text is outside it (the caller then takes the slow path).
   */
  static Instant fastInstant(char[] buf, int off, int len) {
    long nanos = fastEpochNanos(buf, off, len);
    if (nanos == NOT_FAST) {
      return null;
    }
    return Instant.ofEpochSecond(
        Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
  }

  /** Nanoseconds since the epoch of {@code text}, or {@link #NOT_FAST}. */
  public static long fastEpochNanos(CharSequence text) {
    int len = text.length();
    if (len < 20 || len > 35) {
      return NOT_FAST;
    }
    char[] buf = new char[len];
    for (int i = 0; i < len; i++) {
      buf[i] = text.charAt(i);
    }
    return fastEpochNanos(buf, 0, len);
  }

  /**
   * Nanoseconds since the epoch of {@code len} chars of {@code b} from {@code off}, or {@link
   * #NOT_FAST}.
   */
  public static long fastEpochNanos(char[] b, int off, int len) {
    // yyyy-MM-ddTHH:mm:ss = 19 chars, then [.f{1,9}] then Z | +00:00
    if (len < 20 || len > 35) {
      return NOT_FAST;
    }
    if (b[off + 4] != '-'
        || b[off + 7] != '-'
        || b[off + 10] != 'T'
        || b[off + 13] != ':'
        || b[off + 16] != ':') {
      return NOT_FAST;
    }
    int year = digits(b, off, 4);
    int month = digits(b, off + 5, 2);
    int day = digits(b, off + 8, 2);
    int hour = digits(b, off + 11, 2);
    int minute = digits(b, off + 14, 2);
    int second = digits(b, off + 17, 2);
    if ((year | month | day | hour | minute | second) < 0) {
      return NOT_FAST;
    }
    if (year < MIN_YEAR
        || year > MAX_YEAR
        || month < 1
        || month > 12
        || day < 1
        || day > lengthOfMonth(year, month)
        || hour > 23
        || minute > 59
        || second > 59) {
      return NOT_FAST;
    }
    int i = off + 19;
    int end = off + len;
    long fraction = 0;
    if (b[i] == '.') {
      i++;
      int start = i;
      int value = 0;
      while (i < end && i - start < 9) {
        int d = b[i] - '0';
        if (d < 0 || d > 9) {
          break;
        }
        value = value * 10 + d;
        i++;
      }
      int n = i - start;
      if (n == 0) {
        return NOT_FAST;
      }
      fraction = (long) value * SCALE[n];
    }
    int rest = end - i;
    if (rest == 1) {
      if (b[i] != 'Z') {
        return NOT_FAST;
      }
    } else if (rest == 6) {
      if (b[i] != '+'
          || b[i + 1] != '0'
          || b[i + 2] != '0'
          || b[i + 3] != ':'
          || b[i + 4] != '0'
          || b[i + 5] != '0') {
        return NOT_FAST;
      }
    } else {
      return NOT_FAST;
    }
    long seconds = epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second;
    return seconds * NANOS_PER_SECOND + fraction;
  }

  /** {@code n} ASCII digits from {@code at} as an int, or -1 when one is not a digit. */
  private static int digits(char[] b, int at, int n) {
    int v = 0;
    for (int k = 0; k < n; k++) {
      int d = b[at + k] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }

  static boolean isLeapYear(int year) {
    return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
  }

  private static int lengthOfMonth(int year, int month) {
    return switch (month) {
      case 2 -> isLeapYear(year) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (the civil-from-days inverse). */
  static long epochDay(int year, int month, int day) {
    int y = month <= 2 ? year - 1 : year;
    int era = Math.floorDiv(y, 400);
    int yoe = y - era * 400;
    int mp = month > 2 ? month - 3 : month + 9;
    int doy = (153 * mp + 2) / 5 + day - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097L + doe - 719_468L;
  }
}
