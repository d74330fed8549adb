package com.cci.streaming.parse;

import com.cci.schemas.Json;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * What every parser shares: the strict reader configuration, the cheap pre-checks (empty, too
 * large, not a JSON object) and the timestamp plausibility check. Jackson errors are turned into
 * one-sentence reasons naming the JSON path.
 *
 * <p>Strictness on top of the contract's shared mapper ({@link Json}): timestamps must be ISO-8601
 * strings (a number is rejected, not read as epoch seconds); numbers are not read from strings and
 * strings not from numbers; trailing content after the object is rejected.
 */
final class ParseSupport {
  /** Timestamps before this are implausible (a zero or epoch-unit mistake). */
  static final long MIN_PLAUSIBLE_MS = Instant.parse("2000-01-01T00:00:00Z").toEpochMilli();

  private static final ObjectMapper STRICT = strictMapper();

  private ParseSupport() {}

  /**
   * A streaming parser over {@code raw} for the parsers that read fields directly (no data-binding
   * into the contract records): the strict mapper's factory, so limits and features match.
   */
  static JsonParser streamingParser(String raw) throws IOException {
    return streamingParser(utf8(raw));
  }

  /** {@link #streamingParser(String)} over bytes already encoded. */
  static JsonParser streamingParser(byte[] utf8) throws IOException {
    return STRICT.getFactory().createParser(utf8);
  }

  /**
   * The record as UTF-8, what every parser reads: Jackson's byte parser (quad-based field-name
   * table) is faster than its char parser over a String by more than the encoding costs (an ASCII
   * String encodes by array copy); Kinesis delivers bytes anyway.
   */
  static byte[] utf8(String raw) {
    return raw.getBytes(StandardCharsets.UTF_8);
  }

  /** After the root object: anything but the end of input is rejected (as the typed read does). */
  static void requireEndOfInput(JsonParser p) throws IOException, RejectedRecordException {
    if (p.nextToken() != null) {
      throw new RejectedRecordException("malformed JSON: content after the end of the object");
    }
  }

  /**
   * The JSON path {@code prefix[index]suffix} ({@code index < 0}: {@code prefix suffix}); built
   * only when a reason needs it.
   */
  static String path(String prefix, int index, String suffix) {
    return index < 0 ? prefix + suffix : prefix + "[" + index + "]" + suffix;
  }

  /** The current string value, null for JSON null; any other token is rejected. */
  static String text(JsonParser p, String prefix, int index, String suffix)
      throws IOException, RejectedRecordException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    throw wrongType(path(prefix, index, suffix), "a string", t);
  }

  /** The current whole number, null for JSON null; strings, fractions and the rest are rejected. */
  static Long wholeNumber(JsonParser p, String prefix, int index, String suffix)
      throws IOException, RejectedRecordException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NUMBER_INT) {
      return p.getLongValue();
    }
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    throw wrongType(path(prefix, index, suffix), "a whole number", t);
  }

  /**
   * The current ISO-8601 timestamp, null for JSON null or an empty string; the same acceptance and
   * reasons as the typed read ({@link StrictInstantDeserializer}).
   */
  static Instant timestamp(JsonParser p, String prefix, int index, String suffix)
      throws IOException, RejectedRecordException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING) {
      Instant fast =
          IsoTimestamps.fastInstant(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
      if (fast != null) {
        return fast;
      }
      String text = p.getText().trim();
      if (text.isEmpty()) {
        return null;
      }
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e) {
        throw new RejectedRecordException(
            "field '"
                + path(prefix, index, suffix)
                + "': cannot read "
                + shorten(text)
                + " as an ISO-8601 timestamp");
      }
    }
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    throw new RejectedRecordException(
        "field '"
            + path(prefix, index, suffix)
            + "': timestamp must be an ISO-8601 string, not "
            + t);
  }

  /** Moves onto the value of the current field: an object (true), null (false), else rejected. */
  static boolean objectOrNull(JsonParser p, String prefix, int index, String suffix)
      throws RejectedRecordException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      return true;
    }
    if (t == JsonToken.VALUE_NULL) {
      return false;
    }
    throw wrongType(path(prefix, index, suffix), "an object", t);
  }

  /** The current value is an array (true), null (false), else rejected. */
  static boolean arrayOrNull(JsonParser p, String prefix, int index, String suffix)
      throws RejectedRecordException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_ARRAY) {
      return true;
    }
    if (t == JsonToken.VALUE_NULL) {
      return false;
    }
    throw wrongType(path(prefix, index, suffix), "an array", t);
  }

  static RejectedRecordException wrongType(String path, String expected, JsonToken t) {
    return new RejectedRecordException(
        "field '" + path + "': expected " + expected + ", not " + describe(t));
  }

  private static String describe(JsonToken t) {
    if (t == null) {
      return "the end of input";
    }
    return switch (t) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT -> "a whole number";
      case VALUE_NUMBER_FLOAT -> "a fractional number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> t.toString();
    };
  }

  static ObjectReader readerFor(Class<?> type) {
    return STRICT.readerFor(type).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  private static ObjectMapper strictMapper() {
    ObjectMapper m = Json.newMapper();
    SimpleModule strictTime = new SimpleModule("cci-strict-instant");
    strictTime.addDeserializer(Instant.class, new StrictInstantDeserializer());
    m.registerModule(strictTime);
    m.coercionConfigFor(LogicalType.Integer)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    m.coercionConfigFor(LogicalType.Float)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    m.coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    m.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    return m;
  }

  /**
   * Cheap checks before Jackson runs: not null or blank, at most {@code maxChars}, starts with
   * {@code {}.
   */
  static void precheck(String raw, int maxChars) throws RejectedRecordException {
    if (raw == null || raw.isEmpty()) {
      throw new RejectedRecordException("empty record");
    }
    if (raw.length() > maxChars) {
      throw new RejectedRecordException(
          "record of " + raw.length() + " chars exceeds the cap of " + maxChars + " chars");
    }
    int i = 0;
    while (i < raw.length() && Character.isWhitespace(raw.charAt(i))) {
      i++;
    }
    if (i == raw.length()) {
      throw new RejectedRecordException("empty record (whitespace only)");
    }
    if (raw.charAt(i) != '{') {
      throw new RejectedRecordException(
          "not a JSON object: starts with " + describe(raw.charAt(i)) + " at char " + i);
    }
  }

  /** Turns a Jackson failure into a reason naming the path and the problem. */
  static RejectedRecordException rejected(JsonProcessingException e) {
    if (e instanceof JsonEOFException) {
      return new RejectedRecordException("truncated JSON: unexpected end of input");
    }
    if (e instanceof JsonParseException) {
      return new RejectedRecordException("malformed JSON: " + shorten(e.getOriginalMessage()));
    }
    String original = String.valueOf(e.getOriginalMessage());
    if (original.contains("end-of-input")) {
      return new RejectedRecordException("truncated JSON: unexpected end of input");
    }
    if (original.startsWith("Trailing token")) {
      return new RejectedRecordException("malformed JSON: content after the end of the object");
    }
    if (e instanceof JsonMappingException me) {
      String path = path(me);
      String what =
          e instanceof InvalidFormatException ife
              ? "cannot read " + shorten(String.valueOf(ife.getValue())) + " as " + typeName(ife)
              : shorten(firstLine(me.getOriginalMessage()));
      return new RejectedRecordException(
          (path.isEmpty() ? "record" : "field '" + path + "'") + ": " + what);
    }
    return new RejectedRecordException("unreadable JSON: " + shorten(e.getOriginalMessage()));
  }

  /** Wraps an I/O failure of an in-memory parse (always a JSON problem). */
  static RejectedRecordException rejected(IOException e) {
    return e instanceof JsonProcessingException jpe
        ? rejected(jpe)
        : new RejectedRecordException("unreadable JSON: " + shorten(e.getMessage()));
  }

  /**
   * A required, plausible timestamp: present, not before 2000, not later than {@code nowMs +
   * maxFutureSkewMs}. Returns epoch ms.
   */
  static long requireTime(String field, Instant t, long nowMs, long maxFutureSkewMs)
      throws RejectedRecordException {
    if (t == null) {
      throw new RejectedRecordException("missing " + field);
    }
    return checkTime(field, t, nowMs, maxFutureSkewMs);
  }

  /** An optional timestamp: null when absent, else checked like {@link #requireTime}. */
  static Long optionalTime(String field, Instant t, long nowMs, long maxFutureSkewMs)
      throws RejectedRecordException {
    return t == null ? null : checkTime(field, t, nowMs, maxFutureSkewMs);
  }

  private static long checkTime(String field, Instant t, long nowMs, long maxFutureSkewMs)
      throws RejectedRecordException {
    long ms;
    try {
      ms = t.toEpochMilli();
    } catch (ArithmeticException e) {
      throw new RejectedRecordException(field + " " + t + " is out of range");
    }
    if (ms < MIN_PLAUSIBLE_MS) {
      throw new RejectedRecordException(field + " " + t + " is implausibly old (before 2000)");
    }
    if (ms > nowMs + maxFutureSkewMs) {
      throw new RejectedRecordException(
          field
              + " "
              + t
              + " is in the future: more than "
              + (maxFutureSkewMs / 1000)
              + " s after "
              + Instant.ofEpochMilli(nowMs));
    }
    return ms;
  }

  static String requireText(String field, String v) throws RejectedRecordException {
    if (v == null || v.isBlank()) {
      throw new RejectedRecordException("missing " + field);
    }
    return v;
  }

  private static String path(JsonMappingException e) {
    StringBuilder b = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        if (b.length() > 0) {
          b.append('.');
        }
        b.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      }
    }
    return b.toString();
  }

  private static String typeName(InvalidFormatException e) {
    Class<?> t = e.getTargetType();
    if (t == Instant.class) {
      return "an ISO-8601 timestamp";
    }
    if (t != null && t.isEnum()) {
      return "one of " + java.util.Arrays.toString(t.getEnumConstants());
    }
    return t == null ? "the expected type" : t.getSimpleName();
  }

  private static String describe(char c) {
    if (c < 0x20 || c == 0xFFFD || (c >= 0x7F && c < 0xA0)) {
      return String.format("control/binary char U+%04X", (int) c);
    }
    return "'" + c + "'";
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  static String shorten(String s) {
    if (s == null) {
      return "";
    }
    return s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }

  /** ISO-8601 strings only; numbers (epoch units are ambiguous) and other shapes are rejected. */
  static final class StrictInstantDeserializer extends StdScalarDeserializer<Instant> {
    private static final long serialVersionUID = 1L;

    StrictInstantDeserializer() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_STRING) {
        // The formats on our streams take the allocation-free fast path; anything else (and every
        // invalid text) goes through Instant.parse as before.
        Instant fast =
            IsoTimestamps.fastInstant(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        if (fast != null) {
          return fast;
        }
        String text = p.getText().trim();
        if (text.isEmpty()) {
          return null;
        }
        try {
          return Instant.parse(text);
        } catch (DateTimeParseException e) {
          throw ctxt.weirdStringException(text, Instant.class, "not an ISO-8601 timestamp");
        }
      }
      if (p.currentToken() == JsonToken.VALUE_NULL) {
        return null;
      }
      return (Instant)
          ctxt.handleUnexpectedToken(
              Instant.class,
              p.currentToken(),
              p,
              "timestamp must be an ISO-8601 string, not %s",
              p.currentToken());
    }
  }
}
