package com.cci.fulfillment.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code -Xlog:gc:file=...:utctime} log: the stop-the-world pauses between two instants, so
 * a benchmark can say how much of its tail the collectors of its child JVMs explain.
 */
final class GcLog {
  private GcLog() {}

  private static final Pattern PAUSE =
      Pattern.compile("^\\[([^\\]]+)\\].*\\bPause\\b.*?([0-9]+(?:\\.[0-9]+)?)ms\\s*$");
  private static final DateTimeFormatter UTCTIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ", Locale.ROOT);

  /** Pauses in {@code [from, to]}: count, total and longest; {@code n/a} when there is no log. */
  static String summary(Path log, Instant from, Instant to) {
    double[] s = pauses(log, from, to);
    if (s == null) {
      return "n/a";
    }
    return String.format(
        Locale.ROOT, "%d pauses, %.1f ms in all, longest %.1f ms", (long) s[0], s[1], s[2]);
  }

  /** {count, total ms, max ms} of the pauses logged in {@code [from, to]}, or null. */
  static double[] pauses(Path log, Instant from, Instant to) {
    if (!Files.isRegularFile(log)) {
      return null;
    }
    double n = 0;
    double total = 0;
    double max = 0;
    try (var lines = Files.lines(log)) {
      for (String line : (Iterable<String>) lines::iterator) {
        Matcher m = PAUSE.matcher(line);
        if (!m.matches()) {
          continue;
        }
        Instant at;
        try {
          at = OffsetDateTime.parse(m.group(1), UTCTIME).toInstant();
        } catch (DateTimeParseException notStamped) {
          continue;
        }
        if (at.isBefore(from) || at.isAfter(to)) {
          continue;
        }
        double ms = Double.parseDouble(m.group(2));
        n++;
        total += ms;
        max = Math.max(max, ms);
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      return null;
    }
    return new double[] {n, total, max};
  }
}
