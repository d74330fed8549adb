package com.cci.schemas;

import static com.cci.schemas.AwsFixtureSupport.records;
import static com.cci.schemas.AwsFixtureSupport.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.cci.schemas.validation.ContractValidator;
import com.cci.schemas.validation.ValidationResult;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each case breaks one field of a valid fixture the way real data goes wrong and expects the schema
 * to reject it with a violation at that field (or at its parent for a missing field). The other
 * half of the contract, tolerance of what AWS adds, is covered by the valid fixtures (unknown
 * top-level and nested fields, nulls, casing variants).
 */
class AwsSchemaStrictnessTest {
  private static final String REMOVE = "<remove>";

  static Stream<Arguments> cases() {
    String ctr = "voice-inbound-answered.json";
    String ev = "disconnected-capitalised-agentinfo.json";
    String seg = "voice-session.json";
    String clv = "contact-lens-voice-1.1.0.json";
    String tca = "transcribe-call-analytics.json";
    String chat = "contact-lens-chat.json";
    return Stream.of(
        c(SchemaKind.CTR, ctr, 0, "/Queue/Duration", "-1", "$.Queue.Duration"),
        c(
            SchemaKind.CTR,
            ctr,
            0,
            "/InitiationTimestamp",
            "\"2019-08-09T01:07:04\"",
            "$.InitiationTimestamp"),
        c(
            SchemaKind.CTR,
            ctr,
            0,
            "/InitiationTimestamp",
            "\"2019-08-09T01:07:04+01:00\"",
            "$.InitiationTimestamp"),
        c(
            SchemaKind.CTR,
            ctr,
            0,
            "/DisconnectTimestamp",
            "\"2019-13-09T01:07:04Z\"",
            "$.DisconnectTimestamp"),
        c(SchemaKind.CTR, ctr, 0, "/ContactId", "\"\"", "$.ContactId"),
        c(SchemaKind.CTR, ctr, 0, "/ContactId", "123", "$.ContactId"),
        c(SchemaKind.CTR, ctr, 0, "/InitiationMethod", "\"inbound\"", "$.InitiationMethod"),
        c(SchemaKind.CTR, ctr, 0, "/Agent", "[]", "$.Agent"),
        c(SchemaKind.CTR, ctr, 0, "/LastUpdateTimestamp", "null", "$.LastUpdateTimestamp"),
        c(SchemaKind.CTR, ctr, 0, "/LastUpdateTimestamp", REMOVE, "$"),
        c(SchemaKind.CTR, ctr, 0, "/CustomerEndpoint", "\"+447700900123\"", "$.CustomerEndpoint"),
        c(SchemaKind.CTR, ctr, 0, "/InstanceARN", "\"instance/123\"", "$.InstanceARN"),
        c(SchemaKind.CTR, ctr, 0, "/AWSAccountId", "\"1111-2222-3333\"", "$.AWSAccountId"),
        c(
            SchemaKind.CTR,
            ctr,
            0,
            "/Agent/ConnectedToAgentTimestamp",
            "1565312824",
            "$.Agent.ConnectedToAgentTimestamp"),
        c(SchemaKind.CTR, ctr, 0, "/Channel", "\"vOiCe\"", "$.Channel"),
        c(SchemaKind.CONTACT_EVENT, ev, 0, "/time", "\"2021-08-04 17:43:48\"", "$.time"),
        c(SchemaKind.CONTACT_EVENT, ev, 0, "/resources", "\"arn\"", "$.resources"),
        c(SchemaKind.CONTACT_EVENT, ev, 0, "/detail", "null", "$.detail"),
        c(SchemaKind.CONTACT_EVENT, ev, 0, "/detail/channel", REMOVE, "$.detail"),
        c(SchemaKind.CONTACT_EVENT, ev, 0, "/detail/channel", "\"SMS\"", "$.detail.channel"),
        c(SchemaKind.CONTACT_EVENT, ev, 0, "/account", "111122223333", "$.account"),
        c(SchemaKind.CONTACT_EVENT, ev, 0, "/detail/eventType", "null", "$.detail.eventType"),
        c(
            SchemaKind.CONTACT_EVENT,
            ev,
            0,
            "/detail/AgentInfo/connectedToAgentTimestamp",
            "\"yesterday\"",
            "$.detail.AgentInfo.connectedToAgentTimestamp"),
        c(
            SchemaKind.CONTACT_EVENT,
            ev,
            0,
            "/detail-type",
            "\"Amazon Connect Agent Event\"",
            "$['detail-type']"),
        c(SchemaKind.CONTACT_LENS_SEGMENT, seg, 1, "/EventType", "\"SEGMENT\"", "$.EventType"),
        c(SchemaKind.CONTACT_LENS_SEGMENT, seg, 1, "/Segments", "{}", "$.Segments"),
        c(SchemaKind.CONTACT_LENS_SEGMENT, seg, 1, "/Segments", "[]", "$.Segments"),
        c(SchemaKind.CONTACT_LENS_SEGMENT, seg, 1, "/Segments/0", "{}", "$.Segments[0]"),
        c(
            SchemaKind.CONTACT_LENS_SEGMENT,
            seg,
            1,
            "/Segments/0/Utterance/ParticipantRole",
            "\"agent\"",
            "$.Segments[0].Utterance.ParticipantRole"),
        c(SchemaKind.CONTACT_LENS_SEGMENT, seg, 1, "/Version", "1.0", "$.Version"),
        c(
            SchemaKind.CONTACT_LENS_SEGMENT,
            seg,
            1,
            "/Segments/3/Categories/MatchedCategories",
            "\"CardLost\"",
            "$.Segments[3].Categories.MatchedCategories"),
        c(
            SchemaKind.CONTACT_LENS_SEGMENT,
            seg,
            1,
            "/Segments/1/Transcript/EndOffsetMillis",
            "-5",
            "$.Segments[1].Transcript.EndOffsetMillis"),
        c(SchemaKind.CONTACT_LENS_SEGMENT, seg, 1, "/LanguageCode", REMOVE, "$"),
        c(SchemaKind.CONTACT_LENS_SEGMENT, seg, 1, "/Channel", "\"CHAT\"", "$.Channel"),
        c(SchemaKind.POST_CALL_TRANSCRIPT, clv, 0, "/Transcript", "{}", "$.Transcript"),
        c(
            SchemaKind.POST_CALL_TRANSCRIPT,
            clv,
            0,
            "/Transcript/0/LoudnessScore",
            "[80, \"x\"]",
            "$.Transcript[0].LoudnessScore[1]"),
        c(
            SchemaKind.POST_CALL_TRANSCRIPT,
            clv,
            0,
            "/Transcript/0/Sentiment",
            "\"positive\"",
            "$.Transcript[0].Sentiment"),
        c(
            SchemaKind.POST_CALL_TRANSCRIPT,
            clv,
            0,
            "/Transcript/0/BeginOffsetMillis",
            "1.5",
            "$.Transcript[0].BeginOffsetMillis"),
        c(
            SchemaKind.POST_CALL_TRANSCRIPT,
            clv,
            0,
            "/Transcript/0/Content",
            REMOVE,
            "$.Transcript[0]"),
        c(SchemaKind.POST_CALL_TRANSCRIPT, clv, 0, "/LanguageCode", REMOVE, "$"),
        c(SchemaKind.POST_CALL_TRANSCRIPT, clv, 0, "/JobStatus", "\"DONE\"", "$.JobStatus"),
        c(
            SchemaKind.POST_CALL_TRANSCRIPT,
            clv,
            0,
            "/Transcript/1/IssuesDetected/0/CharacterOffsets",
            "{\"Begin\": 8, \"End\": 38}",
            "$.Transcript[1].IssuesDetected[0].CharacterOffsets"),
        c(
            SchemaKind.POST_CALL_TRANSCRIPT,
            clv,
            0,
            "/Participants",
            "[{\"ParticipantId\": \"AGENT\"}]",
            "$.Participants[0]"),
        c(
            SchemaKind.POST_CALL_TRANSCRIPT,
            tca,
            0,
            "/Transcript/0/ParticipantRole",
            REMOVE,
            "$.Transcript[0]"),
        c(
            SchemaKind.POST_CALL_TRANSCRIPT,
            tca,
            0,
            "/Transcript/1/IssuesDetected/0/CharacterOffsets",
            "{\"BeginOffsetChar\": 6, \"EndOffsetChar\": 43}",
            "$.Transcript[1].IssuesDetected[0].CharacterOffsets"),
        c(SchemaKind.POST_CALL_TRANSCRIPT, tca, 0, "/JobStatus", REMOVE, "$"),
        c(
            SchemaKind.POST_CALL_TRANSCRIPT,
            chat,
            0,
            "/Transcript/3/Content",
            REMOVE,
            "$.Transcript[3]"),
        c(
            SchemaKind.POST_CALL_TRANSCRIPT,
            chat,
            0,
            "/Transcript/3/AbsoluteTime",
            REMOVE,
            "$.Transcript[3]"));
  }

  private static Arguments c(
      SchemaKind kind, String file, int record, String pointer, String value, String violationAt) {
    return Arguments.of(kind, file, record, pointer, value, violationAt);
  }

  @ParameterizedTest(name = "{0} {1}: {3} = {4}")
  @MethodSource("cases")
  void brokenFieldIsRejectedAtThatField(
      SchemaKind kind, String file, int record, String pointer, String value, String violationAt) {
    JsonNode root = tree(records(kind, "valid", file).get(record));
    assertThat(ContractValidator.shared().validate(kind, root, file).valid()).isTrue();
    JsonPointer p = JsonPointer.compile(pointer);
    JsonNode parent = root.at(p.head());
    String last = p.last().getMatchingProperty();
    if (parent.isArray()) {
      ((ArrayNode) parent).set(p.last().getMatchingIndex(), tree(value));
    } else if (REMOVE.equals(value)) {
      assertThat(((ObjectNode) parent).remove(last)).as("fixture has %s", pointer).isNotNull();
    } else {
      assertThat(parent.has(last)).as("fixture has %s", pointer).isTrue();
      ((ObjectNode) parent).set(last, tree(value));
    }
    ValidationResult r = ContractValidator.shared().validate(kind, root, file);
    assertThat(r.valid()).as("%s %s = %s", file, pointer, value).isFalse();
    assertThat(r.violations())
        .as(r.describe())
        .anySatisfy(v -> assertThat(v.path()).isEqualTo(violationAt));
  }
}
