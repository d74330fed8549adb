package com.cci.streaming.config;

import com.amazonaws.services.kinesisanalytics.runtime.KinesisAnalyticsRuntime;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Managed Flink runtime properties: named groups of string key/values, with typed getters that fail
 * with a {@link ConfigException} naming the group, the key and what was wrong.
 *
 * <p>On Amazon Managed Service for Apache Flink the groups come from {@link
 * KinesisAnalyticsRuntime#getApplicationProperties()}; locally from a JSON file in the shape of
 * AWS's {@code flink-application-properties-dev.json}: {@code [{"PropertyGroupId": "...",
 * "PropertyMap": {"key": "value", ...}}, ...]}.
 *
 * <p>Value syntax: durations are ISO-8601 ({@code PT5M}) or a number with a unit ({@code 200ms},
 * {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}; a bare number is seconds); booleans are {@code
 * true} or {@code false}; lists are comma-separated (blanks around elements trimmed, empty elements
 * rejected).
 */
public final class PropertyGroups implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The dev JSON on the classpath, used when no file is given and not running on Managed Flink. */
  public static final String DEV_RESOURCE = "flink-application-properties-dev.json";

  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|min|h|d)");

  private final Map<String, Map<String, String>> groups;

  private PropertyGroups(Map<String, Map<String, String>> groups) {
    this.groups = groups;
  }

  /** Groups from a map of {@link Properties} (the shape Managed Flink hands out). */
  public static PropertyGroups of(Map<String, Properties> props) {
    Map<String, Map<String, String>> g = new TreeMap<>();
    props.forEach(
        (name, p) -> {
          Map<String, String> m = new TreeMap<>();
          for (String k : p.stringPropertyNames()) {
            m.put(k, p.getProperty(k));
          }
          g.put(name, Collections.unmodifiableMap(m));
        });
    return new PropertyGroups(Collections.unmodifiableMap(g));
  }

  /** The application's runtime properties on Managed Flink. */
  public static PropertyGroups fromManagedFlinkRuntime() {
    try {
      return of(KinesisAnalyticsRuntime.getApplicationProperties());
    } catch (IOException e) {
      throw new ConfigException("cannot read the Managed Flink runtime properties: " + e, e);
    }
  }

  /** Reads a file in the {@code flink-application-properties-dev.json} shape. */
  public static PropertyGroups fromJson(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return fromJson(in, file.toString());
    } catch (IOException e) {
      throw new ConfigException(
          "cannot read configuration file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads the checked-in dev JSON from the classpath. */
  public static PropertyGroups fromDevResource() {
    InputStream in = PropertyGroups.class.getClassLoader().getResourceAsStream(DEV_RESOURCE);
    if (in == null) {
      throw new ConfigException("no " + DEV_RESOURCE + " on the classpath");
    }
    try (in) {
      return fromJson(in, "classpath:" + DEV_RESOURCE);
    } catch (IOException e) {
      throw new ConfigException("cannot read classpath:" + DEV_RESOURCE + ": " + e, e);
    }
  }

  /**
   * Reads JSON in the {@code flink-application-properties-dev.json} shape; {@code source} names the
   * input in errors. Values may be JSON strings, numbers or booleans (all kept as text).
   */
  public static PropertyGroups fromJson(InputStream in, String source) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new ConfigException(source + ": not valid JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isArray()) {
      throw new ConfigException(
          source + ": expected a JSON array of {\"PropertyGroupId\", \"PropertyMap\"} objects");
    }
    Map<String, Properties> out = new TreeMap<>();
    int i = 0;
    for (JsonNode g : root) {
      JsonNode id = g.get("PropertyGroupId");
      JsonNode map = g.get("PropertyMap");
      if (id == null || !id.isTextual() || id.asText().isBlank()) {
        throw new ConfigException(source + ": element " + i + " has no PropertyGroupId string");
      }
      String name = id.asText();
      if (map == null || !map.isObject()) {
        throw new ConfigException(source + ": group '" + name + "' has no PropertyMap object");
      }
      if (out.containsKey(name)) {
        throw new ConfigException(source + ": group '" + name + "' appears twice");
      }
      Properties p = new Properties();
      for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isValueNode() || e.getValue().isNull()) {
          throw ConfigException.of(name, e.getKey(), "value must be a string, number or boolean");
        }
        p.setProperty(e.getKey(), e.getValue().asText());
      }
      out.put(name, p);
      i++;
    }
    return of(out);
  }

  /**
   * Loads the configuration: {@code file} when given; else the Managed Flink runtime properties
   * when they are there (non-empty); else the checked-in dev JSON.
   */
  public static PropertyGroups load(Path file) {
    if (file != null) {
      return fromJson(file);
    }
    PropertyGroups runtime;
    try {
      runtime = of(KinesisAnalyticsRuntime.getApplicationProperties());
    } catch (IOException | RuntimeException e) {
      runtime = null; // not on Managed Flink
    }
    return runtime != null && !runtime.groups.isEmpty() ? runtime : fromDevResource();
  }

  /** Returns a copy with {@code key} in {@code group} set (for CLI overrides and tests). */
  public PropertyGroups with(String group, String key, String value) {
    Map<String, Map<String, String>> g = new TreeMap<>(groups);
    Map<String, String> m = new TreeMap<>(g.getOrDefault(group, Map.of()));
    m.put(key, value);
    g.put(group, Collections.unmodifiableMap(m));
    return new PropertyGroups(Collections.unmodifiableMap(g));
  }

  /** Returns a copy without {@code key} in {@code group}. */
  public PropertyGroups without(String group, String key) {
    Map<String, Map<String, String>> g = new TreeMap<>(groups);
    Map<String, String> m = new TreeMap<>(g.getOrDefault(group, Map.of()));
    m.remove(key);
    g.put(group, Collections.unmodifiableMap(m));
    return new PropertyGroups(Collections.unmodifiableMap(g));
  }

  /** The groups as Managed Flink hands them out (copies). */
  public Map<String, Properties> asProperties() {
    Map<String, Properties> out = new TreeMap<>();
    groups.forEach(
        (name, m) -> {
          Properties p = new Properties();
          p.putAll(m);
          out.put(name, p);
        });
    return out;
  }

  public boolean hasGroup(String group) {
    return groups.containsKey(group);
  }

  public boolean has(String group, String key) {
    Map<String, String> g = groups.get(group);
    return g != null && g.containsKey(key);
  }

  /** Names of all groups, sorted. */
  public List<String> groupNames() {
    return List.copyOf(groups.keySet());
  }

  /** Names of the groups starting with {@code prefix}, sorted (e.g. {@code queue.}). */
  public List<String> groupNamesWithPrefix(String prefix) {
    List<String> out = new ArrayList<>();
    for (String n : groups.keySet()) {
      if (n.startsWith(prefix)) {
        out.add(n);
      }
    }
    return out;
  }

  /** Keys of a group, sorted; empty when the group is absent. */
  public List<String> keys(String group) {
    return List.copyOf(new TreeSet<>(groups.getOrDefault(group, Map.of()).keySet()));
  }

  /** A group's raw entries (unmodifiable); empty when absent. */
  public Map<String, String> entries(String group) {
    return groups.getOrDefault(group, Map.of());
  }

  /** A view of one group with the typed getters (an absent group has no keys). */
  public Group group(String name) {
    return new Group(this, name);
  }

  /**
   * One property group with typed getters; the same rules and messages as the {@code
   * PropertyGroups} getters. Getters with a default return it when the key is absent or blank.
   */
  public static final class Group {
    private final PropertyGroups all;
    private final String name;

    Group(PropertyGroups all, String name) {
      this.all = all;
      this.name = name;
    }

    public String name() {
      return name;
    }

    public boolean has(String key) {
      return all.has(name, key);
    }

    public String getString(String key) {
      return all.string(name, key);
    }

    public String getString(String key, String dflt) {
      return all.string(name, key, dflt);
    }

    public int getInt(String key) {
      return all.integer(name, key);
    }

    public int getInt(String key, int dflt) {
      return all.integer(name, key, dflt);
    }

    public long getLong(String key, long dflt) {
      return all.longValue(name, key, dflt);
    }

    public double getDouble(String key) {
      return all.doubleValue(name, key);
    }

    public double getDouble(String key, double dflt) {
      return all.doubleValue(name, key, dflt);
    }

    public Duration getDuration(String key) {
      return all.duration(name, key);
    }

    public Duration getDuration(String key, Duration dflt) {
      return all.duration(name, key, dflt);
    }

    public boolean getBoolean(String key, boolean dflt) {
      return all.bool(name, key, dflt);
    }

    public List<String> getList(String key, List<String> dflt) {
      return all.list(name, key, dflt);
    }

    /** An exception naming this group and {@code key}, for checks done by the caller. */
    public ConfigException invalid(String key, String what) {
      return ConfigException.of(name, key, what);
    }
  }

  // ---- strings

  /** A required non-blank string (trimmed). */
  public String string(String group, String key) {
    Map<String, String> g = groups.get(group);
    if (g == null) {
      throw ConfigException.of(group, key, "required, but the group is missing");
    }
    String v = g.get(key);
    if (v == null) {
      throw ConfigException.of(group, key, "required, but missing");
    }
    if (v.isBlank()) {
      throw ConfigException.of(group, key, "required, but blank");
    }
    return v.trim();
  }

  /** An optional string: {@code def} when absent or blank. */
  public String string(String group, String key, String def) {
    String v = raw(group, key);
    return v == null || v.isBlank() ? def : v.trim();
  }

  // ---- numbers

  public int integer(String group, String key) {
    return parseInt(group, key, string(group, key));
  }

  public int integer(String group, String key, int def) {
    String v = raw(group, key);
    return v == null || v.isBlank() ? def : parseInt(group, key, v.trim());
  }

  public long longValue(String group, String key) {
    return parseLong(group, key, string(group, key));
  }

  public long longValue(String group, String key, long def) {
    String v = raw(group, key);
    return v == null || v.isBlank() ? def : parseLong(group, key, v.trim());
  }

  public double doubleValue(String group, String key) {
    return parseDouble(group, key, string(group, key));
  }

  public double doubleValue(String group, String key, double def) {
    String v = raw(group, key);
    return v == null || v.isBlank() ? def : parseDouble(group, key, v.trim());
  }

  // ---- durations, booleans, lists

  public Duration duration(String group, String key) {
    return parseDuration(group, key, string(group, key));
  }

  public Duration duration(String group, String key, Duration def) {
    String v = raw(group, key);
    return v == null || v.isBlank() ? def : parseDuration(group, key, v.trim());
  }

  public boolean bool(String group, String key) {
    return parseBool(group, key, string(group, key));
  }

  public boolean bool(String group, String key, boolean def) {
    String v = raw(group, key);
    return v == null || v.isBlank() ? def : parseBool(group, key, v.trim());
  }

  /** A required non-empty comma-separated list. */
  public List<String> list(String group, String key) {
    return parseList(group, key, string(group, key));
  }

  /** An optional comma-separated list: {@code def} when absent or blank. */
  public List<String> list(String group, String key, List<String> def) {
    String v = raw(group, key);
    return v == null || v.isBlank() ? def : parseList(group, key, v);
  }

  // ---- checks callers use on parsed values

  /** Fails unless {@code value} is in [{@code min}, {@code max}]. */
  public static void checkRange(String group, String key, double value, double min, double max) {
    if (value < min || value > max || Double.isNaN(value)) {
      throw ConfigException.of(
          group, key, "must be between " + fmt(min) + " and " + fmt(max) + ", was " + fmt(value));
    }
  }

  /** Fails unless {@code d} is strictly positive. */
  public static void checkPositive(String group, String key, Duration d) {
    if (d.isZero() || d.isNegative()) {
      throw ConfigException.of(group, key, "must be a positive duration, was " + d);
    }
  }

  private String raw(String group, String key) {
    Map<String, String> g = groups.get(group);
    return g == null ? null : g.get(key);
  }

  private static int parseInt(String group, String key, String v) {
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw ConfigException.of(group, key, "not an integer: '" + v + "'");
    }
  }

  private static long parseLong(String group, String key, String v) {
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw ConfigException.of(group, key, "not an integer: '" + v + "'");
    }
  }

  private static double parseDouble(String group, String key, String v) {
    double d;
    try {
      d = Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw ConfigException.of(group, key, "not a number: '" + v + "'");
    }
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw ConfigException.of(group, key, "not a finite number: '" + v + "'");
    }
    return d;
  }

  static Duration parseDuration(String group, String key, String v) {
    String s = v.trim();
    if (s.length() > 1 && (s.charAt(0) == 'P' || s.charAt(0) == 'p')) {
      try {
        return Duration.parse(s.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        throw ConfigException.of(group, key, "not an ISO-8601 duration: '" + v + "'");
      }
    }
    if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
      s = s + "s"; // a bare number is seconds
    }
    Matcher m = DURATION.matcher(s.toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw ConfigException.of(
          group,
          key,
          "not a duration: '" + v + "' (use e.g. 200ms, 30s, 5m, 2h, 1d or ISO-8601 PT5M)");
    }
    long n;
    try {
      n = Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      throw ConfigException.of(group, key, "duration out of range: '" + v + "'");
    }
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m", "min" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }

  private static boolean parseBool(String group, String key, String v) {
    if ("true".equalsIgnoreCase(v)) {
      return true;
    }
    if ("false".equalsIgnoreCase(v)) {
      return false;
    }
    throw ConfigException.of(group, key, "not a boolean (true or false): '" + v + "'");
  }

  private static List<String> parseList(String group, String key, String v) {
    List<String> out = new ArrayList<>();
    for (String part : v.split(",", -1)) {
      String p = part.trim();
      if (p.isEmpty()) {
        throw ConfigException.of(group, key, "empty element in list '" + v + "'");
      }
      out.add(p);
    }
    return List.copyOf(out);
  }

  private static String fmt(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }

  @Override
  public String toString() {
    return "PropertyGroups" + groups;
  }
}
