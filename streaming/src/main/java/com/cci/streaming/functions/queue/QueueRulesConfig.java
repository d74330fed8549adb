package com.cci.streaming.functions.queue;

import com.cci.streaming.config.ConfigException;
import com.cci.streaming.config.PropertyGroups;
import com.cci.streaming.rules.Hysteresis;
import java.io.Serializable;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Configuration of the queue analytics: window geometry, contact-state retention, and per-queue
 * rules, from Managed Flink runtime-property groups.
 *
 * <table>
 *   <caption>Groups and keys (defaults in brackets)</caption>
 *   <tr><th>group</th><th>key</th><th>meaning</th></tr>
 *   <tr><td>{@code queues.defaults}</td><td>{@code window.length.minutes} [15], {@code
 *       window.slide.minutes} [1]</td><td>sliding window; length a multiple of slide</td></tr>
 *   <tr><td></td><td>{@code queue.timeout.minutes} [240]</td><td>a queued contact with neither a
 *       DISCONNECTED/CONNECTED_TO_AGENT event nor a CTR after this long leaves the live state
 *       (counted as timed out, neither answered nor abandoned)</td></tr>
 *   <tr><td></td><td>{@code contact.retention.hours} [24]</td><td>CTR de-duplication state and
 *       finished-contact tombstones live this long (event time)</td></tr>
 *   <tr><td></td><td>{@code wait.fallback.seconds} [5]</td><td>QUEUE_WAIT processing-time
 *       fallback delay when the watermark stalls; 0 turns it off (always off in event-time order:
 *       replays, {@code rules} {@code evaluation-order=event-time})</td></tr>
 *   <tr><td>{@code queues.defaults} or {@code queue.<Name>}</td><td>{@code service.level.seconds}
 *       [30], {@code service.level.formula} [OFFERED | OFFERED_EXCLUDING_SHORT_ABANDONS |
 *       ANSWERED], {@code short.abandon.seconds} [5], {@code abandonment.excludes.short}
 *       [false]</td><td>metric definitions</td></tr>
 *   <tr><td></td><td>{@code wait.raise.seconds} [300], {@code wait.clear.seconds} [240], {@code
 *       wait.severity} [HIGH]</td><td>QUEUE_WAIT on the oldest waiting contact</td></tr>
 *   <tr><td></td><td>{@code abandonment.raise.percent} [20], {@code abandonment.clear.percent}
 *       [15], {@code abandonment.min.offered} [10], {@code abandonment.severity} [HIGH]</td>
 *       <td>ABANDONMENT_RATE</td></tr>
 *   <tr><td></td><td>{@code service.level.raise.percent} [80], {@code service.level.clear.percent}
 *       [85], {@code service.level.min.volume} [10], {@code service.level.severity} [MEDIUM]</td>
 *       <td>SERVICE_LEVEL</td></tr>
 *   <tr><td></td><td>{@code size.raise} [20], {@code size.clear} [15], {@code size.severity}
 *       [MEDIUM]</td><td>QUEUE_SIZE (contacts waiting)</td></tr>
 *   <tr><td>{@code queue.<Name>}</td><td>{@code arn} or {@code id} (one required)</td><td>the
 *       queue; the id is the last part of the ARN</td></tr>
 *   <tr><td></td><td>{@code hours.MONDAY} … {@code hours.SUNDAY} ({@code HH:mm-HH:mm}), {@code
 *       observes.holidays} [true]</td><td>hours of operation; none given = open 24/7; a day not
 *       given is closed</td></tr>
 *   <tr><td>{@code calendar}</td><td>{@code time.zone} [UTC], {@code holidays} [none]
 *       (comma-separated {@code yyyy-MM-dd})</td><td>time zone of the hours, holiday dates</td></tr>
 * </table>
 *
 * <p>Unknown keys in these groups, bad values and a queue without {@code arn}/{@code id} fail fast
 * with {@code group 'X' key 'y': ...}. Immutable and serializable (it travels inside the
 * functions).
 */
public final class QueueRulesConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String DEFAULTS_GROUP = "queues.defaults";
  public static final String QUEUE_GROUP_PREFIX = "queue.";
  public static final String CALENDAR_GROUP = "calendar";

  private static final Set<String> JOB_KEYS =
      Set.of(
          "window.length.minutes",
          "window.slide.minutes",
          "queue.timeout.minutes",
          "contact.retention.hours",
          "wait.fallback.seconds");
  private static final Set<String> RULE_KEYS =
      Set.of(
          "service.level.seconds",
          "service.level.formula",
          "short.abandon.seconds",
          "abandonment.excludes.short",
          "wait.raise.seconds",
          "wait.clear.seconds",
          "wait.severity",
          "abandonment.raise.percent",
          "abandonment.clear.percent",
          "abandonment.min.offered",
          "abandonment.severity",
          "service.level.raise.percent",
          "service.level.clear.percent",
          "service.level.min.volume",
          "service.level.severity",
          "size.raise",
          "size.clear",
          "size.severity");
  private static final Set<String> SEVERITIES = Set.of("CRITICAL", "HIGH", "MEDIUM", "LOW");

  private final long windowLengthMs;
  private final long slideMs;
  private final long queueTimeoutMs;
  private final long contactRetentionMs;
  private final long waitFallbackMs;
  private final boolean eventTimeOrder;
  private final QueueRules defaults;
  private final Map<String, QueueRules> byId;

  public QueueRulesConfig(
      long windowLengthMs,
      long slideMs,
      long queueTimeoutMs,
      long contactRetentionMs,
      long waitFallbackMs,
      QueueRules defaults,
      Map<String, QueueRules> byId) {
    this(
        windowLengthMs,
        slideMs,
        queueTimeoutMs,
        contactRetentionMs,
        waitFallbackMs,
        false,
        defaults,
        byId);
  }

  private QueueRulesConfig(
      long windowLengthMs,
      long slideMs,
      long queueTimeoutMs,
      long contactRetentionMs,
      long waitFallbackMs,
      boolean eventTimeOrder,
      QueueRules defaults,
      Map<String, QueueRules> byId) {
    if (slideMs <= 0 || windowLengthMs < slideMs || windowLengthMs % slideMs != 0) {
      throw new IllegalArgumentException(
          "window length "
              + windowLengthMs
              + " ms must be a positive multiple of slide "
              + slideMs);
    }
    this.windowLengthMs = windowLengthMs;
    this.slideMs = slideMs;
    this.queueTimeoutMs = queueTimeoutMs;
    this.contactRetentionMs = contactRetentionMs;
    this.waitFallbackMs = waitFallbackMs;
    this.eventTimeOrder = eventTimeOrder;
    this.defaults = defaults;
    this.byId = Collections.unmodifiableMap(new LinkedHashMap<>(byId));
  }

  /** Reads the groups; see the class comment for keys. */
  public static QueueRulesConfig from(PropertyGroups groups) {
    return from(groups.asProperties());
  }

  /**
   * Reads the groups; see the class comment for keys.
   *
   * @throws ConfigException naming group and key for a bad or unknown key
   */
  public static QueueRulesConfig from(Map<String, Properties> groups) {
    Group cal = new Group(CALENDAR_GROUP, groups.get(CALENDAR_GROUP));
    cal.allowOnly(Set.of("time.zone", "holidays"));
    ZoneId zone = cal.zone("time.zone", ZoneOffset.UTC);
    Set<LocalDate> holidays = cal.dates("holidays");

    Group d = new Group(DEFAULTS_GROUP, groups.get(DEFAULTS_GROUP));
    Set<String> allowed = new java.util.HashSet<>(JOB_KEYS);
    allowed.addAll(RULE_KEYS);
    d.allowOnly(allowed);
    long window = d.positiveLong("window.length.minutes", 15) * 60_000L;
    long slide = d.positiveLong("window.slide.minutes", 1) * 60_000L;
    if (window % slide != 0) {
      throw d.error("window.length.minutes", "must be a multiple of window.slide.minutes");
    }
    long timeout = d.positiveLong("queue.timeout.minutes", 240) * 60_000L;
    long retention = d.positiveLong("contact.retention.hours", 24) * 3_600_000L;
    long fallback = d.nonNegativeLong("wait.fallback.seconds", 5) * 1000L;
    QueueRules defaults = rules(null, d, null, "*", OperatingHours.alwaysOpen(zone));

    Map<String, QueueRules> byId = new LinkedHashMap<>();
    Set<String> queueKeys = new java.util.HashSet<>(RULE_KEYS);
    queueKeys.addAll(Set.of("arn", "id", "observes.holidays"));
    for (DayOfWeek day : DayOfWeek.values()) {
      queueKeys.add("hours." + day);
    }
    for (Map.Entry<String, Properties> e : new java.util.TreeMap<>(groups).entrySet()) {
      if (!e.getKey().startsWith(QUEUE_GROUP_PREFIX)) {
        continue;
      }
      String name = e.getKey().substring(QUEUE_GROUP_PREFIX.length());
      Group q = new Group(e.getKey(), e.getValue());
      q.allowOnly(queueKeys);
      if (name.isBlank()) {
        throw q.error("(group name)", "queue group needs a queue name after 'queue.'");
      }
      String id = q.queueId();
      OperatingHours hours = q.hours(zone, holidays);
      QueueRules r = rules(q, d, id, name, hours);
      if (byId.put(id, r) != null) {
        throw q.error("id", "queue id " + id + " is configured twice");
      }
    }
    return new QueueRulesConfig(window, slide, timeout, retention, fallback, defaults, byId);
  }

  private static QueueRules rules(Group q, Group d, String id, String name, OperatingHours hours) {
    Lookup l = new Lookup(q, d);
    double waitRaise = l.nonNegative("wait.raise.seconds", 300);
    double waitClear = l.nonNegative("wait.clear.seconds", 240);
    double abRaise = l.percent("abandonment.raise.percent", 20);
    double abClear = l.percent("abandonment.clear.percent", 15);
    double slRaise = l.percent("service.level.raise.percent", 80);
    double slClear = l.percent("service.level.clear.percent", 85);
    double sizeRaise = l.nonNegative("size.raise", 20);
    double sizeClear = l.nonNegative("size.clear", 15);
    return new QueueRules(
        name,
        id,
        (int) l.nonNegative("service.level.seconds", 30),
        l.formula("service.level.formula", ServiceLevelFormula.OFFERED),
        (int) l.nonNegative("short.abandon.seconds", 5),
        l.bool("abandonment.excludes.short", false),
        l.hysteresis("wait.clear.seconds", Hysteresis.Direction.ABOVE, waitRaise, waitClear),
        l.severity("wait.severity", "HIGH"),
        l.hysteresis("abandonment.clear.percent", Hysteresis.Direction.ABOVE, abRaise, abClear),
        (long) l.nonNegative("abandonment.min.offered", 10),
        l.severity("abandonment.severity", "HIGH"),
        l.hysteresis("service.level.clear.percent", Hysteresis.Direction.BELOW, slRaise, slClear),
        (long) l.nonNegative("service.level.min.volume", 10),
        l.severity("service.level.severity", "MEDIUM"),
        l.hysteresis("size.clear", Hysteresis.Direction.ABOVE, sizeRaise, sizeClear),
        l.severity("size.severity", "MEDIUM"),
        hours);
  }

  public long windowLengthMs() {
    return windowLengthMs;
  }

  public long slideMs() {
    return slideMs;
  }

  public long queueTimeoutMs() {
    return queueTimeoutMs;
  }

  public long contactRetentionMs() {
    return contactRetentionMs;
  }

  /** Processing-time fallback delay for QUEUE_WAIT; 0 = event time only. */
  public long waitFallbackMs() {
    return waitFallbackMs;
  }

  /**
   * Whether {@link QueueAnalyticsFunction} applies each queue's transitions in event-time order,
   * when the watermark passes them, instead of as they arrive (see there): reproducible whatever
   * the arrival order, at the cost of the watermark delay. Off by default (live, {@code rules}
   * {@code evaluation-order=arrival}); on in replays and with {@code evaluation-order=event-time}.
   */
  public boolean eventTimeOrder() {
    return eventTimeOrder;
  }

  /**
   * This configuration in event-time order: transitions applied in event-time order and the
   * processing-time QUEUE_WAIT fallback off, so the alarms depend only on the input, not on
   * parallelism, how the sources interleave, how fast they are read or a restore from a checkpoint
   * (bounded replays, and live jobs with {@code rules} {@code evaluation-order=event-time}).
   */
  public QueueRulesConfig inEventTimeOrder() {
    return new QueueRulesConfig(
        windowLengthMs, slideMs, queueTimeoutMs, contactRetentionMs, 0, true, defaults, byId);
  }

  /** This configuration for a bounded replay: {@link #inEventTimeOrder()}. */
  public QueueRulesConfig forReplay() {
    return inEventTimeOrder();
  }

  /** The configured queues by queue id. */
  public Map<String, QueueRules> queues() {
    return byId;
  }

  /** The rules of a queue; an unconfigured queue gets the defaults, open 24/7. */
  public QueueRules rulesFor(String queueId, String nameHint) {
    QueueRules r = byId.get(queueId);
    if (r != null) {
      return r;
    }
    return defaults.forUnconfigured(queueId, nameHint != null ? nameHint : queueId);
  }

  /** A copy with another QUEUE_WAIT fallback (0 = off), e.g. for bounded replays. */
  public QueueRulesConfig withWaitFallbackMs(long ms) {
    return new QueueRulesConfig(
        windowLengthMs,
        slideMs,
        queueTimeoutMs,
        contactRetentionMs,
        ms,
        eventTimeOrder,
        defaults,
        byId);
  }

  /** A copy with another window geometry. */
  public QueueRulesConfig withWindow(long lengthMs, long slide) {
    return new QueueRulesConfig(
        lengthMs,
        slide,
        queueTimeoutMs,
        contactRetentionMs,
        waitFallbackMs,
        eventTimeOrder,
        defaults,
        byId);
  }

  /** Typed access to one property group; errors name the group and key. */
  private static final class Group {
    final String name;
    final Properties p;

    Group(String name, Properties p) {
      this.name = name;
      this.p = p == null ? new Properties() : p;
    }

    ConfigException error(String key, String problem) {
      return ConfigException.of(name, key, problem);
    }

    void allowOnly(Set<String> keys) {
      for (String k : p.stringPropertyNames()) {
        if (!keys.contains(k)) {
          throw error(k, "unknown key (known: " + new java.util.TreeSet<>(keys) + ")");
        }
      }
    }

    String raw(String key) {
      String v = p.getProperty(key);
      return v == null ? null : v.trim();
    }

    long positiveLong(String key, long dflt) {
      long v = nonNegativeLong(key, dflt);
      if (v == 0) {
        throw error(key, "must be > 0");
      }
      return v;
    }

    long nonNegativeLong(String key, long dflt) {
      String v = raw(key);
      if (v == null) {
        return dflt;
      }
      try {
        long n = Long.parseLong(v);
        if (n < 0) {
          throw error(key, "must be >= 0, got " + v);
        }
        return n;
      } catch (NumberFormatException e) {
        throw error(key, "not a whole number: '" + v + "'");
      }
    }

    ZoneId zone(String key, ZoneId dflt) {
      String v = raw(key);
      if (v == null) {
        return dflt;
      }
      try {
        return ZoneId.of(v);
      } catch (DateTimeException e) {
        throw error(key, "not a time zone: '" + v + "'");
      }
    }

    Set<LocalDate> dates(String key) {
      String v = raw(key);
      Set<LocalDate> out = new LinkedHashSet<>();
      if (v == null || v.isEmpty()) {
        return out;
      }
      for (String s : v.split(",")) {
        try {
          out.add(LocalDate.parse(s.trim()));
        } catch (DateTimeException e) {
          throw error(key, "not a date (yyyy-MM-dd): '" + s.trim() + "'");
        }
      }
      return out;
    }

    String queueId() {
      String arn = raw("arn");
      String id = raw("id");
      if (arn == null && id == null) {
        throw error("arn", "required (or 'id'): the queue's ARN or id");
      }
      String fromArn = null;
      if (arn != null) {
        int i = arn.lastIndexOf("/queue/");
        if (!arn.startsWith("arn:") || i < 0 || i + 7 >= arn.length()) {
          throw error("arn", "not a queue ARN (arn:...:instance/<id>/queue/<id>): '" + arn + "'");
        }
        fromArn = arn.substring(i + 7);
      }
      if (id != null && fromArn != null && !id.equals(fromArn)) {
        throw error("id", "'" + id + "' does not match the ARN's queue id " + fromArn);
      }
      return fromArn != null ? fromArn : id;
    }

    OperatingHours hours(ZoneId zone, Set<LocalDate> holidays) {
      Map<DayOfWeek, int[]> weekly = new EnumMap<>(DayOfWeek.class);
      for (DayOfWeek day : DayOfWeek.values()) {
        String v = raw("hours." + day);
        if (v != null) {
          try {
            weekly.put(day, OperatingHours.parseWindow(v));
          } catch (IllegalArgumentException e) {
            throw error("hours." + day, e.getMessage());
          }
        }
      }
      String obs = raw("observes.holidays");
      boolean observes = obs == null || parseBool("observes.holidays", obs);
      if (weekly.isEmpty()) {
        return observes && obs != null
            ? new OperatingHours(zone, allDay(), true, holidays)
            : OperatingHours.alwaysOpen(zone);
      }
      return new OperatingHours(zone, weekly, observes, holidays);
    }

    private static Map<DayOfWeek, int[]> allDay() {
      Map<DayOfWeek, int[]> m = new EnumMap<>(DayOfWeek.class);
      for (DayOfWeek d : DayOfWeek.values()) {
        m.put(d, new int[] {0, 24 * 60});
      }
      return m;
    }

    boolean parseBool(String key, String v) {
      return switch (v.toLowerCase(Locale.ROOT)) {
        case "true" -> true;
        case "false" -> false;
        default -> throw error(key, "expected true or false, got '" + v + "'");
      };
    }
  }

  /** A key from the queue's group, else from the defaults group, else the built-in default. */
  private static final class Lookup {
    final Group q;
    final Group d;

    Lookup(Group q, Group d) {
      this.q = q;
      this.d = d;
    }

    private Group source(String key) {
      return q != null && q.raw(key) != null ? q : d;
    }

    double nonNegative(String key, double dflt) {
      Group g = source(key);
      String v = g.raw(key);
      if (v == null) {
        return dflt;
      }
      try {
        double n = Double.parseDouble(v);
        if (!(n >= 0) || Double.isInfinite(n)) {
          throw g.error(key, "must be a number >= 0, got " + v);
        }
        return n;
      } catch (NumberFormatException e) {
        throw g.error(key, "not a number: '" + v + "'");
      }
    }

    double percent(String key, double dflt) {
      double v = nonNegative(key, dflt);
      if (v > 100) {
        throw source(key).error(key, "a percentage must be <= 100, got " + v);
      }
      return v;
    }

    boolean bool(String key, boolean dflt) {
      Group g = source(key);
      String v = g.raw(key);
      return v == null ? dflt : g.parseBool(key, v);
    }

    String severity(String key, String dflt) {
      Group g = source(key);
      String v = g.raw(key);
      if (v == null) {
        return dflt;
      }
      String s = v.toUpperCase(Locale.ROOT);
      if (!SEVERITIES.contains(s)) {
        throw g.error(key, "expected one of CRITICAL, HIGH, MEDIUM, LOW, got '" + v + "'");
      }
      return s;
    }

    ServiceLevelFormula formula(String key, ServiceLevelFormula dflt) {
      Group g = source(key);
      String v = g.raw(key);
      if (v == null) {
        return dflt;
      }
      try {
        return ServiceLevelFormula.valueOf(v.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw g.error(
            key,
            "expected one of "
                + java.util.Arrays.toString(ServiceLevelFormula.values())
                + ", got '"
                + v
                + "'");
      }
    }

    Hysteresis hysteresis(String clearKey, Hysteresis.Direction dir, double raise, double clear) {
      try {
        return new Hysteresis(dir, raise, clear);
      } catch (IllegalArgumentException e) {
        throw source(clearKey).error(clearKey, e.getMessage());
      }
    }
  }
}
