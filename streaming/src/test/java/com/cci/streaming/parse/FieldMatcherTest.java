package com.cci.streaming.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cci.schemas.Json;
import com.cci.streaming.config.JobConfig;
import com.cci.streaming.config.PropertyGroups;
import com.cci.streaming.records.SegmentRecord;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldMatcherTest {
  static final FieldMatcher ABC = new FieldMatcher("a", "b", "c");

  static List<String> names(String json, FieldMatcher m) throws Exception {
    List<String> out = new ArrayList<>();
    try (JsonParser p = Json.mapper().getFactory().createParser(json)) {
      assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
      int f = FieldMatcher.OTHER;
      while ((f = m.next(p, m.after(f))) != FieldMatcher.END) {
        out.add(f >= 0 ? m.name(f) : "?" + p.currentName());
        p.nextToken();
        p.skipChildren();
      }
      assertThat(p.currentToken()).isEqualTo(JsonToken.END_OBJECT);
    }
    return out;
  }

  @Test
  void findsEveryFieldWhateverTheOrder() throws Exception {
    assertThat(names("{\"a\":1,\"b\":2,\"c\":3}", ABC)).containsExactly("a", "b", "c");
    assertThat(names("{\"c\":1,\"x\":{\"a\":1},\"a\":2,\"b\":[1]}", ABC))
        .containsExactly("c", "?x", "a", "b");
    assertThat(names("{\"b\":1,\"b\":2}", ABC)).containsExactly("b", "b");
    assertThat(names("{\"\\u0061\":1}", ABC)).containsExactly("a"); // escaped name
    assertThat(names("{}", ABC)).isEmpty();
  }

  @Test
  void nextNameReturnsTheNamesInAnyOrder() throws Exception {
    try (JsonParser p =
        Json.mapper().getFactory().createParser("{\"b\":1,\"zz\":2,\"a\":3,\"c\":4}")) {
      p.nextToken();
      List<String> out = new ArrayList<>();
      String name = null;
      while ((name = ABC.nextName(p, name)) != null) {
        out.add(name);
        p.nextToken();
      }
      assertThat(out).containsExactly("b", "zz", "a", "c");
    }
  }

  @Test
  void malformedJsonFailsAsWithNextToken() throws Exception {
    try (JsonParser p = Json.mapper().getFactory().createParser("{\"a\":1,2}")) {
      p.nextToken();
      assertThat(ABC.next(p, 0)).isEqualTo(0);
      p.nextToken();
      assertThatThrownBy(() -> ABC.next(p, 1))
          .isInstanceOf(com.fasterxml.jackson.core.JsonParseException.class);
    }
  }

  /**
   * The segment parser gives the same record (or the same rejection) whatever order the fields come
   * in: every object of the sample records with its fields reversed (array order kept).
   */
  @Test
  void segmentParserResultDoesNotDependOnFieldOrder() throws Exception {
    SegmentParser parser =
        new SegmentParser(JobConfig.from(PropertyGroups.fromDevResource()).parse());
    List<String> samples =
        List.of(
            "{\"Version\":\"1.0.0\",\"Channel\":\"VOICE\",\"AccountId\":\"1\",\"InstanceId\":\"i\","
                + "\"ContactId\":\"c1\",\"LanguageCode\":\"en-US\",\"EventType\":\"SEGMENTS\","
                + "\"Segments\":[{\"Utterance\":{\"Id\":\"u1\",\"TranscriptId\":\"t1\","
                + "\"ParticipantId\":\"AGENT\",\"ParticipantRole\":\"AGENT\",\"PartialContent\":\"hi\","
                + "\"BeginOffsetMillis\":1,\"EndOffsetMillis\":2}},{\"Transcript\":{\"Id\":\"t1\","
                + "\"ParticipantId\":\"CUSTOMER\",\"ParticipantRole\":\"CUSTOMER\",\"Content\":\"x\","
                + "\"BeginOffsetMillis\":1,\"EndOffsetMillis\":900,\"Sentiment\":\"NEGATIVE\"}},"
                + "{\"Categories\":{\"MatchedCategories\":[\"Fraud\"],\"MatchedDetails\":"
                + "{\"Fraud\":{\"PointsOfInterest\":[]},\"Other\":{}}}}]}",
            "{\"Version\":\"2.0.0\",\"Channel\":\"CHAT\",\"AccountId\":\"1\",\"InstanceId\":\"i\","
                + "\"ContactId\":\"c2\",\"OutputType\":\"Raw\",\"StreamingEventType\":\"SEGMENTS\","
                + "\"StreamingSettings\":{\"LanguageCode\":\"en-US\"},\"Segments\":[{\"Transcript\":"
                + "{\"Id\":\"t2\",\"ParticipantId\":\"p\",\"ParticipantRole\":\"AGENT\","
                + "\"DisplayName\":\"G\",\"Content\":\"hello\",\"ContentType\":\"text/plain\","
                + "\"Time\":{\"AbsoluteTime\":\"2026-11-20T05:09:19.528Z\"},\"Sentiment\":\"POSITIVE\"}}]}",
            // rejected: unknown role
            "{\"Version\":\"1.0.0\",\"ContactId\":\"c3\",\"EventType\":\"SEGMENTS\",\"Segments\":"
                + "[{\"Transcript\":{\"Id\":\"t\",\"ParticipantRole\":\"ROBOT\",\"EndOffsetMillis\":1}}]}");
    long now = System.currentTimeMillis();
    for (String json : samples) {
      String reversed = Json.mapper().writeValueAsString(reverse(Json.mapper().readTree(json)));
      assertThat(outcome(parser, reversed, now)).as(json).isEqualTo(outcome(parser, json, now));
    }
    assertThat(outcome(parser, samples.get(0), now)).contains("CUSTOMER").contains("Fraud");
    assertThat(outcome(parser, samples.get(2), now)).startsWith("rejected");
  }

  private static String outcome(SegmentParser parser, String json, long now) throws Exception {
    try {
      SegmentRecord r = parser.parse(json, now);
      // categories are listed in the order they are written (MatchedCategories, then the
      // MatchedDetails keys): reversing the fields reverses them, by design
      java.util.Arrays.sort(r.matchedCategories);
      return Json.mapper().writeValueAsString(r);
    } catch (RejectedRecordException e) {
      return "rejected: " + e.getMessage();
    }
  }

  private static JsonNode reverse(JsonNode n) {
    if (n.isObject()) {
      List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        fields.add(it.next());
      }
      Collections.reverse(fields);
      ObjectNode o = Json.mapper().createObjectNode();
      for (Map.Entry<String, JsonNode> e : fields) {
        o.set(e.getKey(), reverse(e.getValue()));
      }
      return o;
    }
    if (n.isArray()) {
      var a = Json.mapper().createArrayNode();
      n.forEach(c -> a.add(reverse(c)));
      return a;
    }
    return n;
  }
}
