package com.cci.sim;

import com.cci.schemas.Json;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A simulation scenario as stored in {@code scenarios/<name>.json}: calendar, queues, arrivals,
 * staffing, distributions, shares and scripted events. Load with {@link #load(String)}; every
 * loaded scenario is {@link #validate() validated} so a broken file fails with a message naming the
 * field.
 *
 * @param name scenario name
 * @param description what the scenario shows
 * @param start local start date-time, e.g. {@code 2026-11-20T00:00:00}
 * @param timeZone IANA zone of the contact center, e.g. {@code America/New_York}
 * @param durationHours simulated hours of arrivals
 * @param holidays closed days for hours-of-operation that observe holidays
 * @param hoursOfOperation named weekly schedules
 * @param queues queues, their schedule, arrival share and topics
 * @param arrivals time-of-day arrival profile
 * @param channelMix share per channel ({@code VOICE}, {@code CHAT})
 * @param staffing agent groups by routing profile
 * @param distributions durations and delays
 * @param shares probabilities of behaviours and of delivery quirks
 * @param routing callback and transfer rules
 * @param events scripted events (agent drop-off, surges, PIN-guessing burst, backend errors)
 */
@JsonIgnoreProperties(ignoreUnknown = false)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Scenario(
    String name,
    String description,
    LocalDateTime start,
    String timeZone,
    double durationHours,
    List<LocalDate> holidays,
    Map<String, Hours> hoursOfOperation,
    List<QueueSpec> queues,
    Arrivals arrivals,
    Map<String, Double> channelMix,
    List<StaffGroup> staffing,
    Distributions distributions,
    Shares shares,
    Routing routing,
    List<ScenarioEvent> events) {

  /** Built-in scenario names (resources {@code scenarios/<name>.json}). */
  public static final List<String> BUILT_IN = List.of("normal-day", "incident", "holiday");

  public Scenario {
    holidays = holidays == null ? List.of() : List.copyOf(holidays);
    events = events == null ? List.of() : List.copyOf(events);
    routing = routing == null ? new Routing(3, null) : routing;
  }

  /**
   * A weekly schedule.
   *
   * @param weekly day of week ({@code MONDAY}...) to {@code HH:mm-HH:mm} ({@code 24:00} allowed as
   *     end); a missing day is closed
   * @param observesHolidays closed on {@link Scenario#holidays()} when true
   */
  public record Hours(Map<DayOfWeek, String> weekly, boolean observesHolidays) {}

  /**
   * @param name queue name
   * @param hours key into {@link Scenario#hoursOfOperation()}
   * @param share share of arrivals routed to this queue
   * @param topics topic to weight
   */
  public record QueueSpec(String name, String hours, double share, Map<String, Double> topics) {}

  /**
   * Non-homogeneous Poisson arrivals: a piecewise-constant rate per local hour.
   *
   * @param hourlyRate 24 values, contacts per hour starting at local hour 0
   * @param dayOfWeekFactor multiplier per day of week (default 1)
   * @param holidayFactor multiplier on holidays (default 1)
   */
  public record Arrivals(
      List<Double> hourlyRate, Map<DayOfWeek, Double> dayOfWeekFactor, Double holidayFactor) {}

  /**
   * Agents of one routing profile.
   *
   * @param routingProfile routing profile name
   * @param agents head count (scaled with arrivals when the contact count is capped)
   * @param shift daily {@code HH:mm-HH:mm} local login window
   * @param queues queues served, with priority (1 = highest)
   * @param concurrency contacts per channel at once ({@code VOICE} 1, {@code CHAT} 2 by default)
   */
  public record StaffGroup(
      String routingProfile,
      int agents,
      String shift,
      List<QueueSkill> queues,
      Map<String, Integer> concurrency) {}

  /** A queue in a routing profile; lower priority value is served first. */
  public record QueueSkill(String queue, int priority) {}

  /** A lognormal distribution by median and sigma (of the log), optionally capped. */
  public record LogNormal(double median, double sigma, Double max) {}

  /**
   * Distribution parameters.
   *
   * @param handleSeconds talk/chat time per channel
   * @param afterContactWorkSeconds after-contact work
   * @param patienceSeconds customer patience in queue per channel
   * @param botSeconds time in the IVR/bot before queueing or self-serve end
   * @param eventJitterMillis EventBridge delivery delay of contact events (max = bound)
   * @param ctrDelaySeconds CTR delivery delay after after-contact work
   * @param lateCtrDelaySeconds extra delay of late CTRs
   * @param duplicateCtrDelaySeconds delay of a re-emitted CTR after the first
   */
  public record Distributions(
      Map<String, LogNormal> handleSeconds,
      LogNormal afterContactWorkSeconds,
      Map<String, LogNormal> patienceSeconds,
      LogNormal botSeconds,
      LogNormal eventJitterMillis,
      LogNormal ctrDelaySeconds,
      LogNormal lateCtrDelaySeconds,
      LogNormal duplicateCtrDelaySeconds) {}

  /**
   * Probabilities (0..1).
   *
   * @param selfServe contact ends in the bot
   * @param transfer agent transfers an answered contact to another queue
   * @param callback voice caller asks for a callback when others are waiting
   * @param duplicateCtr a CTR is re-emitted
   * @param lateCtr a CTR arrives late
   * @param eventLoss a contact event is never delivered
   * @param tca share of voice transcripts written as Transcribe Call Analytics output
   * @param pii share of conversations with residual PII
   * @param negativeCustomer customer turns negative
   * @param fraudSuspected fraud conversation outside the Fraud queue
   * @param fraudSuspectedInFraudQueue fraud conversation in the Fraud queue
   * @param authFailure a PIN attempt fails
   * @param backendError a bot turn hits a backend error
   * @param channelLowercase CTR {@code Channel} written in lower case
   * @param eventCaseVariant contact event written with {@code AgentInfo} instead of {@code
   *     agentInfo}
   */
  public record Shares(
      double selfServe,
      double transfer,
      double callback,
      double duplicateCtr,
      double lateCtr,
      double eventLoss,
      double tca,
      double pii,
      double negativeCustomer,
      double fraudSuspected,
      double fraudSuspectedInFraudQueue,
      double authFailure,
      double backendError,
      double channelLowercase,
      double eventCaseVariant) {}

  /**
   * @param callbackMinWaiting a callback is offered when at least this many contacts wait
   * @param transferTargets queue to the queues its agents transfer to (default: any other open)
   */
  public record Routing(int callbackMinWaiting, Map<String, List<String>> transferTargets) {}

  /** Kinds of scripted events. */
  public enum EventType {
    /**
     * {@code count} agents (of {@code routingProfile}, or any) log off at {@code at}, for good or
     * until {@code until}.
     */
    AGENT_DROP_OFF,
    /**
     * Arrivals to {@code queue} multiplied by {@code factor} between {@code from} and {@code to}.
     */
    ARRIVAL_SURGE,
    /** {@code negativeCustomer}/{@code fraudSuspected} shares for {@code queue} in the window. */
    SENTIMENT_SHIFT,
    /** {@code attempts} attacker calls guessing PINs between {@code from} and {@code to}. */
    PIN_GUESSING_BURST,
    /** Bot backend calls fail with probability {@code errorShare} in the window. */
    BACKEND_ERROR_SPIKE
  }

  /**
   * A scripted event. Times are local {@code HH:mm} on the first simulated day (or {@code +1d
   * HH:mm} for later days).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ScenarioEvent(
      EventType type,
      String at,
      String until,
      String from,
      String to,
      Integer count,
      String routingProfile,
      String queue,
      Double factor,
      Double negativeCustomer,
      Double fraudSuspected,
      Integer attempts,
      Double errorShare) {}

  // ---------------------------------------------------------------- loading

  private static final ObjectMapper STRICT =
      Json.newMapper()
          .copy()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  /**
   * Loads a built-in scenario by name ({@code normal-day}, {@code incident}, {@code holiday}) or a
   * scenario file by path.
   *
   * @throws IllegalArgumentException naming the problem when the scenario is unknown or invalid
   */
  public static Scenario load(String nameOrPath) {
    Path p = Path.of(nameOrPath);
    try {
      if (Files.isRegularFile(p)) {
        try (InputStream in = Files.newInputStream(p)) {
          return parse(in, p.toString());
        }
      }
      String res = "scenarios/" + nameOrPath + ".json";
      InputStream in = Scenario.class.getClassLoader().getResourceAsStream(res);
      if (in == null) {
        throw new IllegalArgumentException(
            "unknown scenario '"
                + nameOrPath
                + "': neither a file nor a built-in scenario (built-in: "
                + String.join(", ", BUILT_IN)
                + ")");
      }
      try (in) {
        return parse(in, "classpath:" + res);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read scenario " + nameOrPath + ": " + e, e);
    }
  }

  static Scenario parse(InputStream in, String source) {
    Scenario s;
    try {
      s = STRICT.readValue(in, Scenario.class);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "scenario " + source + " is not a valid scenario file: " + e.getMessage(), e);
    }
    List<String> problems = s.problems();
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "scenario " + source + " is invalid:\n  - " + String.join("\n  - ", problems));
    }
    return s;
  }

  /** Throws {@link IllegalArgumentException} listing every problem of this scenario. */
  public Scenario validate() {
    List<String> problems = problems();
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "scenario " + name + " is invalid:\n  - " + String.join("\n  - ", problems));
    }
    return this;
  }

  /** Every problem found, empty when valid. */
  public List<String> problems() {
    List<String> p = new ArrayList<>();
    if (name == null || name.isBlank()) {
      p.add("name is required");
    }
    if (start == null) {
      p.add("start is required (local date-time, e.g. 2026-11-20T00:00:00)");
    }
    try {
      if (timeZone == null) {
        p.add("timeZone is required (e.g. America/New_York)");
      } else {
        ZoneId.of(timeZone);
      }
    } catch (DateTimeException e) {
      p.add("timeZone '" + timeZone + "' is not a known zone id");
    }
    if (!(durationHours > 0) || durationHours > 24 * 14) {
      p.add("durationHours must be in (0, 336], was " + durationHours);
    }
    if (hoursOfOperation == null || hoursOfOperation.isEmpty()) {
      p.add("hoursOfOperation is required");
    } else {
      hoursOfOperation.forEach(
          (k, h) -> {
            if (h.weekly() == null) {
              p.add("hoursOfOperation." + k + ".weekly is required");
            } else {
              h.weekly()
                  .forEach((d, w) -> checkWindow(p, "hoursOfOperation." + k + ".weekly." + d, w));
            }
          });
    }
    List<String> queueNames = new ArrayList<>();
    if (queues == null || queues.isEmpty()) {
      p.add("queues must list at least one queue");
    } else {
      double total = 0;
      for (QueueSpec q : queues) {
        if (q.name() == null || q.name().isBlank()) {
          p.add("queues[].name is required");
          continue;
        }
        if (queueNames.contains(q.name())) {
          p.add("queue " + q.name() + " is listed twice");
        }
        queueNames.add(q.name());
        if (hoursOfOperation != null && !hoursOfOperation.containsKey(q.hours())) {
          p.add(
              "queue "
                  + q.name()
                  + " uses hours '"
                  + q.hours()
                  + "' which is not in hoursOfOperation "
                  + (hoursOfOperation == null ? "" : hoursOfOperation.keySet()));
        }
        if (q.share() < 0) {
          p.add("queue " + q.name() + " share must be >= 0");
        }
        total += q.share();
        if (q.topics() == null || q.topics().isEmpty()) {
          p.add("queue " + q.name() + " needs at least one topic");
        } else {
          checkWeights(p, "queue " + q.name() + " topics", q.topics());
        }
      }
      if (!(total > 0)) {
        p.add("queue shares must sum to more than 0");
      }
    }
    if (arrivals == null || arrivals.hourlyRate() == null || arrivals.hourlyRate().size() != 24) {
      p.add("arrivals.hourlyRate must hold 24 values (contacts per local hour)");
    } else if (arrivals.hourlyRate().stream().anyMatch(r -> r == null || r < 0)) {
      p.add("arrivals.hourlyRate values must be >= 0");
    }
    if (channelMix == null || channelMix.isEmpty()) {
      p.add("channelMix is required");
    } else {
      for (String c : channelMix.keySet()) {
        if (!Channel.isKnown(c)) {
          p.add("channelMix has unknown channel '" + c + "' (VOICE, CHAT)");
        }
      }
      checkWeights(p, "channelMix", channelMix);
    }
    if (staffing == null || staffing.isEmpty()) {
      p.add("staffing must list at least one routing profile");
    } else {
      for (StaffGroup g : staffing) {
        String ref = "staffing " + g.routingProfile();
        if (g.routingProfile() == null) {
          p.add("staffing[].routingProfile is required");
        }
        if (g.agents() < 0) {
          p.add(ref + " agents must be >= 0");
        }
        checkWindow(p, ref + " shift", g.shift());
        if (g.queues() == null || g.queues().isEmpty()) {
          p.add(ref + " must serve at least one queue");
        } else {
          for (QueueSkill s : g.queues()) {
            if (!queueNames.contains(s.queue())) {
              p.add(ref + " serves unknown queue '" + s.queue() + "'");
            }
          }
        }
      }
    }
    if (distributions == null) {
      p.add("distributions is required");
    } else {
      Distributions d = distributions;
      for (String c : List.of("VOICE", "CHAT")) {
        checkLogNormal(p, "distributions.handleSeconds." + c, get(d.handleSeconds(), c));
        checkLogNormal(p, "distributions.patienceSeconds." + c, get(d.patienceSeconds(), c));
      }
      checkLogNormal(p, "distributions.afterContactWorkSeconds", d.afterContactWorkSeconds());
      checkLogNormal(p, "distributions.botSeconds", d.botSeconds());
      checkLogNormal(p, "distributions.eventJitterMillis", d.eventJitterMillis());
      if (d.eventJitterMillis() != null && d.eventJitterMillis().max() == null) {
        p.add("distributions.eventJitterMillis.max is required (delivery jitter must be bounded)");
      }
      checkLogNormal(p, "distributions.ctrDelaySeconds", d.ctrDelaySeconds());
      checkLogNormal(p, "distributions.lateCtrDelaySeconds", d.lateCtrDelaySeconds());
      checkLogNormal(p, "distributions.duplicateCtrDelaySeconds", d.duplicateCtrDelaySeconds());
    }
    if (shares == null) {
      p.add("shares is required");
    } else {
      Shares s = shares;
      double[] all = {
        s.selfServe(),
        s.transfer(),
        s.callback(),
        s.duplicateCtr(),
        s.lateCtr(),
        s.eventLoss(),
        s.tca(),
        s.pii(),
        s.negativeCustomer(),
        s.fraudSuspected(),
        s.fraudSuspectedInFraudQueue(),
        s.authFailure(),
        s.backendError(),
        s.channelLowercase(),
        s.eventCaseVariant()
      };
      for (double v : all) {
        if (!(v >= 0 && v <= 1)) {
          p.add("shares must all be within [0, 1], found " + v);
          break;
        }
      }
    }
    for (ScenarioEvent e : events) {
      String ref = "event " + e.type();
      if (e.type() == null) {
        p.add("events[].type is required (" + List.of(EventType.values()) + ")");
        continue;
      }
      switch (e.type()) {
        case AGENT_DROP_OFF -> {
          checkTime(p, ref + ".at", e.at());
          if (e.until() != null) {
            checkTime(p, ref + ".until", e.until());
            try {
              if (DayTime.parse(e.until()).compareTo(DayTime.parse(e.at())) <= 0) {
                p.add(ref + ".until must be after .at");
              }
            } catch (IllegalArgumentException ignored) {
              // reported above
            }
          }
          if (e.count() == null || e.count() < 1) {
            p.add(ref + ".count must be >= 1");
          }
        }
        case ARRIVAL_SURGE -> {
          checkTime(p, ref + ".from", e.from());
          checkTime(p, ref + ".to", e.to());
          if (!queueNames.contains(e.queue())) {
            p.add(ref + ".queue '" + e.queue() + "' is not a queue");
          }
          if (e.factor() == null || e.factor() < 0) {
            p.add(ref + ".factor must be >= 0");
          }
        }
        case SENTIMENT_SHIFT -> {
          checkTime(p, ref + ".from", e.from());
          checkTime(p, ref + ".to", e.to());
          if (e.queue() != null && !queueNames.contains(e.queue())) {
            p.add(ref + ".queue '" + e.queue() + "' is not a queue");
          }
        }
        case PIN_GUESSING_BURST -> {
          checkTime(p, ref + ".from", e.from());
          checkTime(p, ref + ".to", e.to());
          if (e.attempts() == null || e.attempts() < 1) {
            p.add(ref + ".attempts must be >= 1");
          }
        }
        case BACKEND_ERROR_SPIKE -> {
          checkTime(p, ref + ".from", e.from());
          checkTime(p, ref + ".to", e.to());
          if (e.errorShare() == null || e.errorShare() < 0 || e.errorShare() > 1) {
            p.add(ref + ".errorShare must be within [0, 1]");
          }
        }
        default -> throw new IllegalStateException();
      }
    }
    return p;
  }

  private static <V> V get(Map<String, V> m, String k) {
    return m == null ? null : m.get(k);
  }

  private static void checkWeights(List<String> p, String ref, Map<String, Double> w) {
    double sum = 0;
    for (Map.Entry<String, Double> e : w.entrySet()) {
      if (e.getValue() == null || e.getValue() < 0) {
        p.add(ref + "." + e.getKey() + " must be >= 0");
        return;
      }
      sum += e.getValue();
    }
    if (!(sum > 0)) {
      p.add(ref + " weights must sum to more than 0");
    }
  }

  private static void checkLogNormal(List<String> p, String ref, LogNormal d) {
    if (d == null) {
      p.add(ref + " is required ({median, sigma[, max]})");
    } else if (!(d.median() > 0) || d.sigma() < 0 || (d.max() != null && !(d.max() > 0))) {
      p.add(ref + " needs median > 0, sigma >= 0 and max > 0 when given");
    }
  }

  private static void checkWindow(List<String> p, String ref, String window) {
    try {
      LocalTimeWindow.parse(window);
    } catch (IllegalArgumentException e) {
      p.add(ref + ": " + e.getMessage());
    }
  }

  private static void checkTime(List<String> p, String ref, String t) {
    try {
      DayTime.parse(t);
    } catch (IllegalArgumentException e) {
      p.add(ref + ": " + e.getMessage());
    }
  }

  /** A daily {@code HH:mm-HH:mm} window; end {@code 24:00} means midnight at the end of the day. */
  record LocalTimeWindow(int fromMinute, int toMinute) {
    static LocalTimeWindow parse(String s) {
      if (s == null) {
        throw new IllegalArgumentException("a window 'HH:mm-HH:mm' is required");
      }
      String[] parts = s.trim().split("-");
      if (parts.length != 2) {
        throw new IllegalArgumentException("'" + s + "' is not a window 'HH:mm-HH:mm'");
      }
      int from = minuteOfDay(parts[0]);
      int to = minuteOfDay(parts[1]);
      if (to <= from) {
        throw new IllegalArgumentException("window '" + s + "' must end after it starts");
      }
      return new LocalTimeWindow(from, to);
    }

    boolean contains(int minuteOfDay) {
      return minuteOfDay >= fromMinute && minuteOfDay < toMinute;
    }
  }

  static int minuteOfDay(String hhmm) {
    String t = hhmm.trim();
    if ("24:00".equals(t)) {
      return 24 * 60;
    }
    try {
      LocalTime lt = LocalTime.parse(t);
      return lt.getHour() * 60 + lt.getMinute();
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("'" + hhmm + "' is not a time HH:mm");
    }
  }

  /** A local time on a simulated day: {@code HH:mm} or {@code +Nd HH:mm}. */
  record DayTime(int dayOffset, int minuteOfDay) implements Comparable<DayTime> {
    @Override
    public int compareTo(DayTime o) {
      return Integer.compare(dayOffset * 1440 + minuteOfDay, o.dayOffset * 1440 + o.minuteOfDay);
    }

    static DayTime parse(String s) {
      if (s == null) {
        throw new IllegalArgumentException("a time 'HH:mm' is required");
      }
      String t = s.trim();
      int day = 0;
      if (t.startsWith("+")) {
        int d = t.toLowerCase(Locale.ROOT).indexOf('d');
        if (d < 0) {
          throw new IllegalArgumentException("'" + s + "' is not '+Nd HH:mm'");
        }
        try {
          day = Integer.parseInt(t.substring(1, d));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("'" + s + "' is not '+Nd HH:mm'");
        }
        t = t.substring(d + 1).trim();
      }
      return new DayTime(day, Scenario.minuteOfDay(t));
    }

    LocalDateTime on(LocalDate firstDay) {
      return firstDay.plusDays(dayOffset).atStartOfDay().plusMinutes(minuteOfDay);
    }
  }

  /** The channels the simulator knows. */
  static final class Channel {
    private Channel() {}

    static boolean isKnown(String c) {
      return "VOICE".equals(c) || "CHAT".equals(c);
    }
  }

  /** Returns a copy with another start date (same local time of day). */
  public Scenario withStartDate(LocalDate date) {
    return withStart(date.atTime(start.toLocalTime()));
  }

  /** Returns a copy starting at another local date and time. */
  public Scenario withStart(java.time.LocalDateTime newStart) {
    return new Scenario(
        name,
        description,
        newStart,
        timeZone,
        durationHours,
        holidays,
        hoursOfOperation,
        queues,
        arrivals,
        channelMix,
        staffing,
        distributions,
        shares,
        routing,
        events);
  }

  /** Returns a copy with another duration. */
  public Scenario withDurationHours(double hours) {
    return new Scenario(
        name,
        description,
        start,
        timeZone,
        hours,
        holidays,
        hoursOfOperation,
        queues,
        arrivals,
        channelMix,
        staffing,
        distributions,
        shares,
        routing,
        events);
  }
}
