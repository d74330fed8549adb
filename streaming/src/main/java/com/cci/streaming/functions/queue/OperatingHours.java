package com.cci.streaming.functions.queue;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * A queue's weekly hours of operation in the contact center's time zone plus the holiday calendar:
 * {@link #isOpen(long)} answers whether the queue takes contacts at an instant. A queue without
 * weekly hours is open around the clock. Windows are local {@code [from, to)} minutes of the day
 * ({@code 00:00-24:00} is the whole day), the same convention as the simulator's scenarios.
 */
public final class OperatingHours implements Serializable {
  private static final long serialVersionUID = 1L;

  private final ZoneId zone;
  private final Map<DayOfWeek, int[]> weekly;
  private final boolean observesHolidays;
  private final Set<LocalDate> holidays;

  public OperatingHours(
      ZoneId zone,
      Map<DayOfWeek, int[]> weekly,
      boolean observesHolidays,
      Set<LocalDate> holidays) {
    this.zone = zone;
    this.weekly = weekly == null ? null : new EnumMap<>(weekly);
    this.observesHolidays = observesHolidays;
    this.holidays = Set.copyOf(holidays);
  }

  /** Open 24/7, no holidays. */
  public static OperatingHours alwaysOpen(ZoneId zone) {
    return new OperatingHours(zone, null, false, Set.of());
  }

  /**
   * Parses {@code HH:mm-HH:mm} into {@code [fromMinute, toMinute)}.
   *
   * @throws IllegalArgumentException when the text is not such a window
   */
  public static int[] parseWindow(String text) {
    String[] parts = text.trim().split("-");
    if (parts.length != 2) {
      throw new IllegalArgumentException("expected HH:mm-HH:mm, got '" + text + "'");
    }
    int from = minuteOfDay(parts[0], text);
    int to = minuteOfDay(parts[1], text);
    if (to <= from) {
      throw new IllegalArgumentException("window '" + text + "' ends before it starts");
    }
    return new int[] {from, to};
  }

  private static int minuteOfDay(String hhmm, String whole) {
    String[] p = hhmm.trim().split(":");
    try {
      int h = Integer.parseInt(p[0]);
      int m = p.length == 2 ? Integer.parseInt(p[1]) : -1;
      if (p.length != 2 || h < 0 || h > 24 || m < 0 || m > 59 || (h == 24 && m != 0)) {
        throw new IllegalArgumentException("expected HH:mm-HH:mm, got '" + whole + "'");
      }
      return h * 60 + m;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected HH:mm-HH:mm, got '" + whole + "'", e);
    }
  }

  /** Whether the queue is open at {@code epochMillis}. */
  public boolean isOpen(long epochMillis) {
    if (weekly == null) {
      return true;
    }
    LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), zone);
    if (observesHolidays && holidays.contains(t.toLocalDate())) {
      return false;
    }
    int[] w = weekly.get(t.getDayOfWeek());
    int minute = t.getHour() * 60 + t.getMinute();
    return w != null && minute >= w[0] && minute < w[1];
  }

  @Override
  public String toString() {
    if (weekly == null) {
      return "24/7";
    }
    StringBuilder b = new StringBuilder();
    weekly.forEach(
        (d, w) ->
            b.append(d.name(), 0, 3)
                .append(' ')
                .append(
                    String.format(
                        "%02d:%02d-%02d:%02d", w[0] / 60, w[0] % 60, w[1] / 60, w[1] % 60))
                .append(' '));
    return b.append(observesHolidays ? "(holidays closed)" : "").toString().trim();
  }
}
