package com.cci.schemas.events;

import static com.cci.schemas.AwsFixtureSupport.assertValid;
import static com.cci.schemas.AwsFixtureSupport.records;
import static com.cci.schemas.AwsFixtureSupport.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cci.schemas.Fixtures;
import com.cci.schemas.SchemaKind;
import com.cci.schemas.ctr.Channel;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ContactEventTest {
  private static final SchemaKind KIND = SchemaKind.CONTACT_EVENT;
  private static final String QUEUE_ID = "c677a7a5-1d56-4ce3-a890-79fc53f7fe3f";
  private static final String AGENT_ID = "5c1e2f3a-7b8d-4e9f-a0b1-c2d3e4f5a6b7";

  private static ContactEvent read(String file) throws IOException {
    return ContactEvent.read(records(KIND, "valid", file).get(0));
  }

  @Test
  void fixturesCoverTheFiveLifecycleEventTypes() throws IOException {
    Set<EventType> seen = EnumSet.noneOf(EventType.class);
    for (Path p : Fixtures.valid(KIND)) {
      for (String json : records(p)) {
        seen.add(ContactEvent.read(json).detail().type());
      }
    }
    assertThat(seen)
        .contains(
            EventType.INITIATED,
            EventType.CONNECTED_TO_SYSTEM,
            EventType.QUEUED,
            EventType.CONNECTED_TO_AGENT,
            EventType.DISCONNECTED,
            EventType.CONTACT_DATA_UPDATED);
  }

  @Test
  void envelopeFields() throws IOException {
    ContactEvent e = read("initiated.json");
    assertThat(e.detailType()).isEqualTo(ContactEvent.DETAIL_TYPE);
    assertThat(e.source()).isEqualTo(ContactEvent.SOURCE);
    assertThat(e.account()).isEqualTo("111122223333");
    assertThat(e.region()).isEqualTo("eu-west-2");
    assertThat(e.time()).isEqualTo(Instant.parse("2026-11-20T09:14:38Z"));
    assertThat(e.resources()).hasSize(2);
    assertThat(e.detail().type()).isEqualTo(EventType.INITIATED);
    assertThat(e.detail().channel()).isEqualTo(Channel.VOICE);
    assertThat(e.detail().instanceId()).isEqualTo("9a7f5c2e-3b1d-4c8e-9f60-2d7e1a4b8c01");
    assertThat(e.detail().initiationTimestamp())
        .isEqualTo(Instant.parse("2026-11-20T09:14:38.000Z"));
    assertThat(e.detail().queueInfo()).isNull();
    assertThat(e.detail().queueId()).isNull();
  }

  @Test
  void lowercaseQueueAndAgentInfo() throws IOException {
    ContactEventDetail d = read("connected-to-agent-lowercase-agentinfo.json").detail();
    assertThat(d.type()).isEqualTo(EventType.CONNECTED_TO_AGENT);
    assertThat(d.queueId()).isEqualTo(QUEUE_ID);
    assertThat(d.queueInfo().queueType()).isEqualTo("STANDARD");
    assertThat(d.queueInfo().enqueueTimestamp()).isEqualTo(Instant.parse("2026-11-20T09:14:42Z"));
    assertThat(d.agentId()).isEqualTo(AGENT_ID);
    assertThat(d.agentInfo().connectedToAgentTimestamp())
        .isEqualTo(Instant.parse("2026-11-20T09:15:09Z"));
  }

  @Test
  void capitalisedQueueAndAgentInfoAndTitleCaseChannel() throws IOException {
    ContactEventDetail d = read("disconnected-capitalised-agentinfo.json").detail();
    assertThat(d.type()).isEqualTo(EventType.DISCONNECTED);
    assertThat(d.channel()).isEqualTo(Channel.VOICE);
    assertThat(d.queueId()).isEqualTo(QUEUE_ID);
    assertThat(d.queueInfo().queueType()).isEqualTo("STANDARD");
    assertThat(d.agentId()).isEqualTo(AGENT_ID);
    assertThat(d.agentInfo().connectedToAgentTimestamp()).isNotNull();
    assertThat(d.customerVoiceActivity().greetingEndTimestamp())
        .isEqualTo(Instant.parse("2026-11-20T09:15:12Z"));
    assertThat(d.disconnectTimestamp()).isEqualTo(Instant.parse("2026-11-20T09:21:22Z"));
    assertThat(d.previousContactId()).isEqualTo(d.contactId());
  }

  @Test
  void bareDetailIsReadAsAnEventWithoutEnvelope() throws IOException {
    ContactEvent e = read("bare-detail-connected-to-agent.json");
    assertThat(e.bare()).isTrue();
    assertThat(e.id()).isNull();
    assertThat(e.source()).isNull();
    assertThat(tree(e.toJson()).get("eventType").asText()).isEqualTo("CONNECTED_TO_AGENT");
    assertThat(e.detail().type()).isEqualTo(EventType.CONNECTED_TO_AGENT);
    assertThat(e.detail().agentId()).isEqualTo(AGENT_ID);
  }

  @Test
  void unknownEventTypeIsToleratedAndKeptRaw() throws IOException {
    String json =
        records(KIND, "valid", "initiated.json")
            .get(0)
            .replace("\"INITIATED\"", "\"AGENT_WHISPER_PLAYED\"");
    ContactEvent e = ContactEvent.read(json);
    assertThat(e.detail().type()).isEqualTo(EventType.UNKNOWN);
    assertThat(e.detail().eventType()).isEqualTo("AGENT_WHISPER_PLAYED");
    assertThat(tree(e.toJson()).at("/detail/eventType").asText()).isEqualTo("AGENT_WHISPER_PLAYED");
    assertValid(KIND, e.toJson());
  }

  @Test
  void neitherEnvelopeNorDetailIsRejected() {
    assertThatThrownBy(() -> ContactEvent.read("{\"foo\":1}"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not a contact event");
    assertThatThrownBy(() -> ContactEvent.read("[1]"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("JSON object");
  }

  static Stream<Path> validFiles() {
    return Fixtures.valid(KIND).stream();
  }

  @ParameterizedTest
  @MethodSource("validFiles")
  void everyValidFixtureRoundTripsWithWireNames(Path file) throws IOException {
    for (String json : records(file)) {
      ContactEvent e = ContactEvent.read(json);
      assertThat(e.detail().contactId()).isNotBlank();
      String written = e.toJson();
      JsonNode out = tree(written);
      if (e.id() != null) {
        assertThat(out.get("detail-type").asText()).isEqualTo(ContactEvent.DETAIL_TYPE);
        assertThat(out.get("source").asText()).isEqualTo("aws.connect");
      }
      JsonNode detail = e.bare() ? out : out.get("detail");
      assertThat(detail.get("contactId").asText()).isEqualTo(e.detail().contactId());
      assertThat(detail.has("AgentInfo") || detail.has("QueueInfo")).isFalse();
      if (e.detail().agentInfo() != null) {
        assertThat(detail.at("/agentInfo/agentArn").asText()).endsWith("/agent/" + AGENT_ID);
      }
      assertThat(detail.has("type") || detail.has("queueId")).isFalse();
      assertValid(KIND, written);
      assertThat(ContactEvent.read(written)).isEqualTo(e);
    }
  }
}
