package com.cci.sim;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Hours of operation and the holiday calendar: whether a queue is open at an instant, in the
 * contact center's time zone.
 */
final class HoursCalendar {
  private final ZoneId zone;
  private final Set<LocalDate> holidays;
  private final Map<String, Schedule> byQueue = new java.util.HashMap<>();

  private record Schedule(
      Map<DayOfWeek, Scenario.LocalTimeWindow> weekly, boolean observesHolidays) {}

  HoursCalendar(Scenario s) {
    this.zone = ZoneId.of(s.timeZone());
    this.holidays = new HashSet<>(s.holidays());
    for (Scenario.QueueSpec q : s.queues()) {
      Scenario.Hours h = s.hoursOfOperation().get(q.hours());
      Map<DayOfWeek, Scenario.LocalTimeWindow> weekly = new EnumMap<>(DayOfWeek.class);
      h.weekly().forEach((d, w) -> weekly.put(d, Scenario.LocalTimeWindow.parse(w)));
      byQueue.put(q.name(), new Schedule(weekly, h.observesHolidays()));
    }
  }

  ZoneId zone() {
    return zone;
  }

  LocalDateTime local(long epochMillis) {
    return LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), zone);
  }

  boolean isHoliday(LocalDate d) {
    return holidays.contains(d);
  }

  boolean isOpen(String queue, long epochMillis) {
    Schedule s = byQueue.get(queue);
    LocalDateTime t = local(epochMillis);
    if (s.observesHolidays() && holidays.contains(t.toLocalDate())) {
      return false;
    }
    Scenario.LocalTimeWindow w = s.weekly().get(t.getDayOfWeek());
    return w != null && w.contains(t.getHour() * 60 + t.getMinute());
  }
}
