package com.cci.streaming.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.schemas.Fixtures;
import com.cci.schemas.SchemaKind;
import com.cci.streaming.config.ParseSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The streaming fast path of {@link ContactEventParser} gives exactly what the data-binding read
 * gives: the same record for every accepted input, the same reason for every rejected one — over
 * the contract fixtures, the malformed corpus and systematic mutations of them (wrong types, other
 * timestamp formats, duplicates, aliases, nulls, trailing content).
 */
class ContactEventFastReaderTest {
  static final long NOW = MalformedCorpusTest.NOW;
  static final ContactEventParser PARSER = new ContactEventParser(ParseSettings.defaults());

  static Stream<String> inputs() {
    List<String> base = new ArrayList<>();
    for (Path f : Fixtures.valid(SchemaKind.CONTACT_EVENT)) {
      base.addAll(ContractFixturesParseTest.records(f));
    }
    for (Path f : Fixtures.invalid(SchemaKind.CONTACT_EVENT)) {
      base.addAll(ContractFixturesParseTest.records(f));
    }
    base.add(MalformedCorpusTest.EVENT_OK);
    List<String> out = new ArrayList<>(base);
    for (String b : base) {
      out.addAll(mutations(b));
    }
    return out.stream();
  }

  static List<String> mutations(String r) {
    List<String> m = new ArrayList<>();
    String[][] swaps = {
      {"\"VOICE\"", "\"voice\""},
      {"\"VOICE\"", "\"\""},
      {"\"VOICE\"", "7"},
      {"\"VOICE\"", "\"PIGEON\""},
      {"\"0\"", "0"},
      {"\"aws.connect\"", "\"aws.other\""},
      {"\"aws.connect\"", "null"},
      {"\"resources\":[", "\"resources\":[1,"},
      {"\"resources\":[", "\"resources\":[null,"},
      {"\"resources\":[", "\"resources\":\"x\",\"r2\":["},
      {"\"detail\":{", "\"detail\":null,\"d2\":{"},
      {"\"detail\":{", "\"detail\":{\"eventType\":\"QUEUED\","},
      {"\"detail\":{", "\"detail\":{\"tags\":{\"a\":1},"},
      {"\"detail\":{", "\"detail\":{\"tags\":{\"a\":\"b\",\"c\":null},"},
      {"\"detail\":{", "\"detail\":{\"segmentAttributes\":{\"x\":[1,{\"y\":true}]},"},
      {"\"detail\":{", "\"detail\":{\"customerVoiceActivity\":{\"greetingStartTimestamp\":5},"},
      {"\"detail\":{", "\"detail\":{\"scheduledTimestamp\":\"2026-11-20T15:00:00+01:00\","},
      {"\"detail\":{", "\"detail\":{\"unknownThing\":[1,2,{\"a\":null}],"},
      {"\"contactId\":", "\"contactId\":null,\"x\":"},
      {"\"contactId\":\"", "\"contactId\":\" "},
      {"\"queueInfo\":{", "\"QueueInfo\":null,\"queueInfo\":{"},
      {"\"queueInfo\":{", "\"queueInfo\":{\"QueueArn\":\"arn:x\","},
      {"\"queueInfo\":{", "\"queueInfo\":[],\"q\":{"},
      {"\"agentInfo\":{", "\"agentInfo\":{\"agentArn\":false,"},
      {"\"eventType\":\"", "\"eventType\":\" "},
      {".000Z\"", "Z\""},
      {".000Z\"", ".000+00:00\""},
      {".000Z\"", ".000\""},
      {".000Z\"", "\""},
      {"Z\"", "z\""},
      {"T09:", " 09:"},
      {"\"2026-", "\"2099-"},
      {"\"2026-", "\"1999-"},
      {"\"time\":\"", "\"time\":1,\"t\":\""},
      {"\"time\":\"", "\"time\":null,\"t\":\""},
    };
    for (String[] s : swaps) {
      if (r.contains(s[0])) {
        m.add(
            r.replaceFirst(
                java.util.regex.Pattern.quote(s[0]),
                java.util.regex.Matcher.quoteReplacement(s[1])));
        m.add(r.replace(s[0], s[1]));
      }
    }
    m.add(r + "{}");
    m.add(r + " ");
    m.add(r.substring(0, r.length() - 1));
    m.add(r.substring(0, r.length() / 2));
    // every field duplicated once: first key repeated at the front of the object
    int brace = r.indexOf('{', 1);
    if (brace > 0) {
      m.add(r.replaceFirst("\\{\"(\\w+)\":(\"[^\"]*\")", "{\"$1\":$2,\"$1\":$2"));
    }
    return m;
  }

  @ParameterizedTest
  @MethodSource("inputs")
  void fastPathAgreesWithTheTypedRead(String raw) {
    String typed = outcome(() -> PARSER.parseTyped(raw.getBytes(StandardCharsets.UTF_8), NOW));
    String parsed = outcome(() -> PARSER.parse(raw, NOW));
    if (typed.startsWith("rejected: not a JSON") || raw.isBlank()) {
      return; // the precheck runs before either read
    }
    assertThat(parsed).isEqualTo(typed);
  }

  @Test
  void theFixturesTakeTheFastPath() {
    int fast = 0;
    int all = 0;
    for (Path f : Fixtures.valid(SchemaKind.CONTACT_EVENT)) {
      for (String r : ContractFixturesParseTest.records(f)) {
        all++;
        if (ContactEventFastReader.read(r.getBytes(StandardCharsets.UTF_8)) != null) {
          fast++;
        }
      }
    }
    // every valid envelope is read by the fast path; only the bare detail object is not
    assertThat(fast).isEqualTo(all - 1);
  }

  /** Every public field of the record (its toString shows only some). */
  static String fields(Object o) {
    StringBuilder b = new StringBuilder();
    for (java.lang.reflect.Field f : o.getClass().getFields()) {
      try {
        b.append(f.getName()).append('=').append(f.get(o)).append(' ');
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
    return b.toString();
  }

  interface Parse {
    Object run() throws RejectedRecordException;
  }

  static String outcome(Parse p) {
    try {
      return "parsed: " + fields(p.run());
    } catch (RejectedRecordException e) {
      return "rejected: " + e.getMessage();
    } catch (RuntimeException e) {
      return "error: " + e;
    }
  }
}
