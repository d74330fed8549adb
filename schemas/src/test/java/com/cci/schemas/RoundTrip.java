package com.cci.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.schemas.validation.ContractValidator;
import com.cci.schemas.validation.ValidationResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Test helpers: read fixture records, round-trip them through a Java type, compare JSON. */
public final class RoundTrip {
  private RoundTrip() {}

  /** The records of a fixture file (one pretty-printed object or JSON Lines). */
  public static List<JsonNode> records(Path file) {
    try {
      String text = Files.readString(file).strip();
      List<JsonNode> out = new ArrayList<>();
      try (var parser = Json.mapper().createParser(text)) {
        Iterator<JsonNode> it = Json.mapper().readValues(parser, JsonNode.class);
        it.forEachRemaining(out::add);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The only record of a fixture. */
  public static JsonNode record(SchemaKind kind, String group, String name) {
    List<JsonNode> r = records(Fixtures.dir(kind, group).resolve(name));
    assertThat(r).as("%s/%s/%s holds one record", kind.id(), group, name).hasSize(1);
    return r.get(0);
  }

  public static <T> T parse(JsonNode node, Class<T> type) {
    try {
      return Json.mapper().treeToValue(node, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode toTree(Object value) {
    return Json.mapper().valueToTree(value);
  }

  /** Asserts the object serializes to a record the schema accepts. */
  public static void assertSchemaValid(SchemaKind kind, Object value) {
    ValidationResult r =
        ContractValidator.shared().validate(kind, toTree(value), value.getClass().getSimpleName());
    assertThat(r.violations()).as(r.describe()).isEmpty();
  }

  /**
   * Parses the record into {@code type}, writes it back and asserts the same JSON comes out
   * (numbers compared by value; with {@code nullsAreAbsent}, null properties of the input are
   * expected to be omitted).
   */
  public static <T> T assertRoundTrips(JsonNode input, Class<T> type, boolean nullsAreAbsent) {
    T value = parse(input, type);
    JsonNode expected = nullsAreAbsent ? withoutNulls(input) : input;
    JsonNode actual = toTree(value);
    assertThat(actual.equals(NUMERIC_AWARE, expected))
        .as("round trip of %s%nexpected: %s%nactual:   %s", type.getSimpleName(), expected, actual)
        .isTrue();
    return value;
  }

  /** A deep copy without null-valued object properties. */
  public static JsonNode withoutNulls(JsonNode node) {
    JsonNode copy = node.deepCopy();
    strip(copy);
    return copy;
  }

  private static void strip(JsonNode node) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = ((ObjectNode) node).fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getValue().isNull()) {
          it.remove();
        } else {
          strip(e.getValue());
        }
      }
    } else if (node.isArray()) {
      node.forEach(RoundTrip::strip);
    }
  }

  private static final Comparator<JsonNode> NUMERIC_AWARE =
      (a, b) -> {
        if (a.equals(b)) {
          return 0;
        }
        if (a.isNumber() && b.isNumber()) {
          return a.decimalValue().compareTo(b.decimalValue());
        }
        return 1;
      };
}
