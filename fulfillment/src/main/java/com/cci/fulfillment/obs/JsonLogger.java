package com.cci.fulfillment.obs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Structured JSON logs, one object per line: {@code timestamp}, {@code level}, {@code service},
 * {@code logger}, {@code message}, then the given fields — every value passed through {@link
 * PiiMasker} (by field name and as free text), and an exception only as its class and masked
 * message (never a stack trace with data in it). The level comes from {@code LOG_LEVEL} (DEBUG,
 * INFO, WARN, ERROR; default INFO), the same variable Powertools and the Lambda advanced logging
 * controls use.
 */
public final class JsonLogger {
  /** Log levels, lowest first. */
  public enum Level {
    DEBUG,
    INFO,
    WARN,
    ERROR;

    /** Parses a level name; unknown or empty names are INFO. */
    public static Level parse(String s) {
      if (s == null || s.isBlank()) {
        return INFO;
      }
      try {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        return INFO;
      }
    }
  }

  private static final JsonFactory JSON = new JsonFactory();

  private final String service;
  private final String name;
  private final Level threshold;
  private final LineWriter out;
  private final Clock clock;

  public JsonLogger(String service, String name, Level threshold, LineWriter out, Clock clock) {
    this.service = Objects.requireNonNull(service);
    this.name = Objects.requireNonNull(name);
    this.threshold = Objects.requireNonNull(threshold);
    this.out = Objects.requireNonNull(out);
    this.clock = Objects.requireNonNull(clock);
  }

  /** A logger for another component with the same settings. */
  public JsonLogger named(String otherName) {
    return new JsonLogger(service, otherName, threshold, out, clock);
  }

  public boolean enabled(Level level) {
    return level.compareTo(threshold) >= 0;
  }

  public void debug(String message, Map<String, ?> fields) {
    log(Level.DEBUG, message, fields, null);
  }

  public void info(String message, Map<String, ?> fields) {
    log(Level.INFO, message, fields, null);
  }

  public void warn(String message, Map<String, ?> fields) {
    log(Level.WARN, message, fields, null);
  }

  public void error(String message, Map<String, ?> fields, Throwable error) {
    log(Level.ERROR, message, fields, error);
  }

  /** Writes one line when {@code level} is enabled. Never throws. */
  public void log(Level level, String message, Map<String, ?> fields, Throwable error) {
    if (!enabled(level)) {
      return;
    }
    try {
      out.write(format(level, message, fields, error));
    } catch (RuntimeException e) {
      // Logging must never break a customer's turn.
    }
  }

  String format(Level level, String message, Map<String, ?> fields, Throwable error) {
    StringWriter w = new StringWriter(256);
    try (JsonGenerator g = JSON.createGenerator(w)) {
      g.writeStartObject();
      g.writeStringField("timestamp", Instant.ofEpochMilli(clock.millis()).toString());
      g.writeStringField("level", level.name());
      g.writeStringField("service", service);
      g.writeStringField("logger", name);
      g.writeStringField("message", PiiMasker.maskText(message));
      if (fields != null) {
        for (Map.Entry<String, ?> f : fields.entrySet()) {
          Object v = f.getValue();
          if (v == null) {
            continue;
          }
          if (v instanceof Integer || v instanceof Long) {
            g.writeNumberField(f.getKey(), ((Number) v).longValue());
          } else if (v instanceof Double || v instanceof Float) {
            g.writeNumberField(f.getKey(), ((Number) v).doubleValue());
          } else if (v instanceof Boolean b) {
            g.writeBooleanField(f.getKey(), b);
          } else {
            g.writeStringField(f.getKey(), PiiMasker.maskField(f.getKey(), String.valueOf(v)));
          }
        }
      }
      if (error != null) {
        g.writeStringField("errorType", error.getClass().getName());
        g.writeStringField("errorMessage", PiiMasker.maskText(String.valueOf(error.getMessage())));
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }
}
