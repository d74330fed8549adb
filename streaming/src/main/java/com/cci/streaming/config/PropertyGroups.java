package com.cci.streaming.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Managed Flink runtime properties: named groups of string key/values (in AWS from {@code
 * KinesisAnalyticsRuntime.getApplicationProperties()}, locally from the dev JSON). Typed getters
 * fail fast with a {@link ConfigException} naming the group and key.
 *
 * <p>Minimal version written by s-conversation so its rules config compiles; s-platform owns this
 * class (its version replaces this one on merge).
 */
public final class PropertyGroups {
  private final Map<String, Properties> groups;

  private PropertyGroups(Map<String, Properties> groups) {
    this.groups = new TreeMap<>(groups);
  }

  public static PropertyGroups of(Map<String, Properties> groups) {
    return new PropertyGroups(Objects.requireNonNull(groups, "groups"));
  }

  /** The group, or an empty group when it is absent (its getters then fall back to defaults). */
  public Group group(String name) {
    Properties p = groups.get(name);
    return new Group(name, p == null ? new Properties() : p);
  }

  /** One property group with typed getters. */
  public static final class Group {
    private final String name;
    private final Properties props;

    Group(String name, Properties props) {
      this.name = name;
      this.props = props;
    }

    public String name() {
      return name;
    }

    private String raw(String key) {
      String v = props.getProperty(key);
      return v == null ? null : v.strip();
    }

    private ConfigException bad(String key, String what) {
      return new ConfigException("group '" + name + "' key '" + key + "': " + what);
    }

    public String getString(String key, String dflt) {
      String v = raw(key);
      if (v == null) {
        return dflt;
      }
      if (v.isEmpty()) {
        throw bad(key, "must not be empty");
      }
      return v;
    }

    public int getInt(String key, int dflt) {
      String v = raw(key);
      if (v == null) {
        return dflt;
      }
      try {
        return Integer.parseInt(v);
      } catch (NumberFormatException e) {
        throw bad(key, "'" + v + "' is not an integer");
      }
    }

    public double getDouble(String key, double dflt) {
      String v = raw(key);
      if (v == null) {
        return dflt;
      }
      try {
        double d = Double.parseDouble(v);
        if (Double.isNaN(d) || Double.isInfinite(d)) {
          throw bad(key, "'" + v + "' is not a finite number");
        }
        return d;
      } catch (NumberFormatException e) {
        throw bad(key, "'" + v + "' is not a number");
      }
    }

    /** An ISO-8601 duration ({@code PT5M}) or a number of seconds. */
    public Duration getDuration(String key, Duration dflt) {
      String v = raw(key);
      if (v == null) {
        return dflt;
      }
      try {
        return v.chars().allMatch(Character::isDigit)
            ? Duration.ofSeconds(Long.parseLong(v))
            : Duration.parse(v);
      } catch (DateTimeParseException | NumberFormatException e) {
        throw bad(key, "'" + v + "' is not a duration (ISO-8601 like PT5M, or seconds)");
      }
    }

    /** Throws naming group and key; for range checks done by the caller. */
    public ConfigException invalid(String key, String what) {
      return bad(key, what);
    }
  }
}
