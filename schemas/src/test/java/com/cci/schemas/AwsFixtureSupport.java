package com.cci.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.schemas.validation.ContractValidator;
import com.cci.schemas.validation.ValidationResult;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Test helpers shared by the AWS-shaped contract tests. */
public final class AwsFixtureSupport {
  private AwsFixtureSupport() {}

  /** The records of a fixture: one pretty-printed object, or one per non-blank line. */
  public static List<String> records(SchemaKind kind, String group, String file) {
    return records(Fixtures.dir(kind, group).resolve(file));
  }

  public static List<String> records(Path file) {
    try {
      String text = Files.readString(file).strip();
      if (isSingleDocument(text)) {
        return List.of(text);
      }
      List<String> out = new ArrayList<>();
      for (String line : text.split("\n")) {
        if (!line.isBlank()) {
          out.add(line);
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isSingleDocument(String text) {
    try (var parser = Json.mapper().createParser(text)) {
      Json.mapper().readTree(parser);
      return parser.nextToken() == null;
    } catch (IOException e) {
      return false;
    }
  }

  public static JsonNode tree(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Asserts the JSON validates against the kind's schema. */
  public static void assertValid(SchemaKind kind, String json) {
    ValidationResult r = ContractValidator.shared().validate(kind, json, "serialised");
    assertThat(r.valid()).as(r.describe()).isTrue();
  }

  /**
   * Asserts every field of {@code written} is present in {@code original} with an equal value
   * (recursively), except the named fields whose value is normalised. Fields of the original that
   * are null or unknown to the Java type may be missing from {@code written}.
   */
  public static void assertSubsetOf(
      JsonNode written, JsonNode original, Set<String> normalised, String path) {
    if (written.isObject()) {
      assertThat(original.isObject()).as("%s is an object in the original", path).isTrue();
      for (Iterator<Map.Entry<String, JsonNode>> it = written.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String p = path + "." + e.getKey();
        assertThat(original.has(e.getKey())).as("%s written but not in the original", p).isTrue();
        if (!normalised.contains(e.getKey())) {
          assertSubsetOf(e.getValue(), original.get(e.getKey()), normalised, p);
        }
      }
    } else if (written.isArray()) {
      assertThat(written.size()).as("%s size", path).isEqualTo(original.size());
      for (int i = 0; i < written.size(); i++) {
        assertSubsetOf(written.get(i), original.get(i), normalised, path + "[" + i + "]");
      }
    } else if (written.isNumber() && original.isNumber()) {
      assertThat(written.decimalValue()).as(path).isEqualByComparingTo(original.decimalValue());
    } else {
      assertThat(written).as(path).isEqualTo(original);
    }
  }
}
