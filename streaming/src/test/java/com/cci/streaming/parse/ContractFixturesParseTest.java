package com.cci.streaming.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cci.kinesis.Streams;
import com.cci.schemas.Fixtures;
import com.cci.schemas.Json;
import com.cci.schemas.SchemaKind;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The schemas module's fixtures through the parsers: every valid record parses; every invalid one
 * is rejected unless it is listed in {@link #ACCEPTED_INVALID} (schema violations in fields the job
 * does not read, documented on each parser).
 */
class ContractFixturesParseTest {
  static final long NOW = MalformedCorpusTest.NOW;

  static final Map<SchemaKind, String> STREAM =
      Map.of(
          SchemaKind.CTR, Streams.CTR,
          SchemaKind.CONTACT_EVENT, Streams.CONTACT_EVENTS,
          SchemaKind.CONTACT_LENS_SEGMENT, Streams.CONTACT_LENS,
          SchemaKind.FULFILLMENT_EVENT, Streams.FULFILLMENT);

  /** Invalid by schema, accepted on purpose (see the parsers' Javadoc for why). */
  static final Set<String> ACCEPTED_INVALID =
      Set.of(
          "ctr/unknown-channel.json",
          "contact-event/disconnected-without-timestamp.json",
          "contact-lens-segment/utterance-missing-offset.json",
          "fulfillment-event/attempt-without-auth.json",
          "fulfillment-event/event-time-without-millis.json",
          "fulfillment-event/extra-account-number.json",
          "fulfillment-event/extra-pin-field.json",
          "fulfillment-event/raw-phone-as-session-hash.json");

  static Stream<Arguments> fixtures(String group) {
    List<Arguments> out = new ArrayList<>();
    for (SchemaKind k : STREAM.keySet()) {
      List<Path> files = group.equals("valid") ? Fixtures.valid(k) : Fixtures.invalid(k);
      for (Path f : files) {
        for (String rec : records(f)) {
          out.add(Arguments.of(k, k.id() + "/" + f.getFileName(), rec));
        }
      }
    }
    return out.stream();
  }

  static Stream<Arguments> valid() {
    return fixtures("valid");
  }

  static Stream<Arguments> invalid() {
    return fixtures("invalid");
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("valid")
  void validFixturesParse(SchemaKind kind, String name, String record) {
    RecordParser<?> p = MalformedCorpusTest.parser(STREAM.get(kind));
    assertThatCode(() -> assertThat(p.parse(record, NOW)).isNotNull()).doesNotThrowAnyException();
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("invalid")
  void invalidFixturesAreRejectedUnlessDocumented(SchemaKind kind, String name, String record)
      throws Exception {
    RecordParser<?> p = MalformedCorpusTest.parser(STREAM.get(kind));
    if (ACCEPTED_INVALID.contains(name)) {
      assertThat(p.parse(record, NOW)).isNotNull();
    } else {
      assertThatThrownBy(() -> p.parse(record, NOW))
          .isInstanceOf(RejectedRecordException.class)
          .hasMessageNotContaining("parser error");
    }
  }

  /** One pretty-printed object, or JSON Lines (as the schemas module's Fixtures allow). */
  static List<String> records(Path f) {
    try {
      String text = Files.readString(f);
      JsonNode whole;
      try {
        whole = Json.mapper().readTree(text);
        if (text.trim().indexOf('\n') < 0 || text.trim().startsWith("{\n")) {
          return List.of(whole.toString());
        }
      } catch (IOException notOneDocument) {
        // JSON Lines
      }
      List<String> out = new ArrayList<>();
      for (String line : text.split("\n")) {
        if (!line.isBlank()) {
          out.add(line);
        }
      }
      return out;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
