package com.cci.schemas.ctr;

import static com.cci.schemas.AwsFixtureSupport.assertSubsetOf;
import static com.cci.schemas.AwsFixtureSupport.assertValid;
import static com.cci.schemas.AwsFixtureSupport.records;
import static com.cci.schemas.AwsFixtureSupport.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cci.schemas.Fixtures;
import com.cci.schemas.SchemaKind;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ContactRecordTest {
  private static final SchemaKind KIND = SchemaKind.CTR;

  private static ContactRecord one(String file) throws Exception {
    List<String> recs = records(KIND, "valid", file);
    assertThat(recs).hasSize(1);
    return ContactRecord.fromJson(recs.get(0));
  }

  @Test
  void answeredInboundVoiceCall() throws Exception {
    ContactRecord r = one("voice-inbound-answered.json");
    assertThat(r.contactId()).isEqualTo("15a5cf14-3212-45a1-9f86-a8e97db8afaf");
    assertThat(r.channel()).isEqualTo(Channel.VOICE);
    assertThat(r.initiationMethod()).isEqualTo("INBOUND");
    assertThat(r.initiationTimestamp()).isEqualTo(Instant.parse("2026-11-20T09:14:38Z"));
    assertThat(r.agent().username()).isEqualTo("j.doe");
    assertThat(r.agent().agentId()).isEqualTo("5c1e2f3a-7b8d-4e9f-a0b1-c2d3e4f5a6b7");
    assertThat(r.agent().routingProfile().name()).isEqualTo("Cards Routing Profile");
    assertThat(r.agent().hierarchyGroups().level1().groupName()).isEqualTo("Retail Banking");
    assertThat(r.agent().hierarchyGroups().level2()).isNull();
    assertThat(r.agent().deviceInfo().platformName()).isEqualTo("Chrome");
    assertThat(r.agent().numberOfHolds()).isEqualTo(1);
    assertThat(r.queue().queueId()).isEqualTo("c677a7a5-1d56-4ce3-a890-79fc53f7fe3f");
    assertThat(r.customerEndpoint().address()).isEqualTo("+447700900123");
    assertThat(r.attributes()).containsEntry("intent", "CardLost");
    assertThat(r.recordings()).singleElement().extracting(Recording::storageType).isEqualTo("S3");
    assertThat(r.answered()).isTrue();
    assertThat(r.abandonedInQueue()).isFalse();
    assertThat(r.queueWaitSeconds()).hasValue(27);
    assertThat(r.answerWaitSeconds()).hasValue(27);
  }

  @Test
  void abandonedInQueueWithAgentNull() throws Exception {
    ContactRecord r = one("abandoned-in-queue-agent-null.json");
    assertThat(r.agent()).isNull();
    assertThat(r.answered()).isFalse();
    assertThat(r.abandonedInQueue()).isTrue();
    assertThat(r.queueWaitSeconds()).hasValue(204);
    assertThat(r.answerWaitSeconds()).isEmpty();
    assertThat(r.recording()).isNull();
  }

  @Test
  void queueWaitFallsBackToTimestampsWhenDurationMissing() throws Exception {
    ContactRecord r = one("abandoned-in-queue-agent-null.json");
    QueueInfo noDuration =
        new QueueInfo(r.queue().arn(), r.queue().name(), r.queue().enqueueTimestamp(), null, null);
    ContactRecord copy = withQueue(r, noDuration);
    // no dequeue time: enqueue 10:02:16 to disconnect 10:05:40
    assertThat(copy.queueWaitSeconds()).hasValue(204);
    assertThat(copy.abandonedInQueue()).isTrue();
  }

  @Test
  void chatWithLowercaseChannelAndFractionalTimestamp() throws Exception {
    ContactRecord r = one("chat-lowercase-channel.json");
    assertThat(r.channel()).isEqualTo(Channel.CHAT);
    assertThat(r.initiationTimestamp()).isEqualTo(Instant.parse("2026-11-20T11:00:00.512Z"));
    assertThat(r.customerEndpoint()).isNull();
    assertThat(r.mediaStreams()).extracting(MediaStream::type).containsExactly("CHAT");
    assertThat(r.abandonedInQueue()).isFalse();
    assertThat(r.queueWaitSeconds()).hasValue(41);
    // enqueued 11:00:07, connected to agent 11:00:49
    assertThat(r.answerWaitSeconds()).hasValue(42);
  }

  @Test
  void outboundWithoutQueueAndTitleCaseChannel() throws Exception {
    ContactRecord r = one("outbound-no-queue.json");
    assertThat(r.channel()).isEqualTo(Channel.VOICE);
    assertThat(r.queue()).isNull();
    assertThat(r.abandonedInQueue()).isFalse();
    assertThat(r.queueWaitSeconds()).isEmpty();
    assertThat(r.answerWaitSeconds()).isEmpty();
    assertThat(r.answered()).isTrue();
  }

  @Test
  void reEmissionIsOrderedByLastUpdateTimestamp() throws Exception {
    List<String> recs = records(KIND, "valid", "re-emission-same-contact.json");
    assertThat(recs).hasSize(2);
    ContactRecord first = ContactRecord.fromJson(recs.get(0));
    ContactRecord second = ContactRecord.fromJson(recs.get(1));
    assertThat(second.contactId()).isEqualTo(first.contactId());
    assertThat(second.isNewerThan(first)).isTrue();
    assertThat(first.isNewerThan(second)).isFalse();
    assertThat(first.isNewerThan(first)).isFalse();
    assertThat(second.attributes()).containsEntry("disposition", "resolved");
    ContactRecord other = one("abandoned-in-queue-agent-null.json");
    assertThatThrownBy(() -> other.isNewerThan(first))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("different contacts");
  }

  @Test
  void channelParsingIsCaseInsensitiveWithUnknownFallback() {
    assertThat(Channel.of("voice")).isEqualTo(Channel.VOICE);
    assertThat(Channel.of("Chat")).isEqualTo(Channel.CHAT);
    assertThat(Channel.of("EMAIL")).isEqualTo(Channel.EMAIL);
    assertThat(Channel.of("FAX")).isEqualTo(Channel.UNKNOWN);
    assertThat(Channel.of(null)).isNull();
  }

  static Stream<Path> validFiles() {
    return Fixtures.valid(KIND).stream();
  }

  @ParameterizedTest
  @MethodSource("validFiles")
  void everyValidFixtureRoundTripsWithWireNames(Path file) throws Exception {
    for (String json : records(file)) {
      ContactRecord r = ContactRecord.fromJson(json);
      assertThat(r.contactId()).isNotBlank();
      assertThat(r.lastUpdateTimestamp()).isNotNull();
      String written = r.toJson();
      JsonNode out = tree(written);
      JsonNode in = tree(json);
      assertThat(out.get("ContactId").asText()).isEqualTo(in.get("ContactId").asText());
      assertThat(out.get("LastUpdateTimestamp").asText())
          .isEqualTo(in.get("LastUpdateTimestamp").asText());
      assertThat(out.has("abandonedInQueue") || out.has("answered") || out.has("queueWaitSeconds"))
          .as("derived accessors are not serialised")
          .isFalse();
      assertSubsetOf(out, in, Set.of("Channel"), "$");
      assertThat(out.get("Channel").asText()).isEqualTo(r.channel().name());
      assertValid(KIND, written);
      assertThat(ContactRecord.fromJson(written)).isEqualTo(r);
    }
  }

  private static ContactRecord withQueue(ContactRecord r, QueueInfo q) throws Exception {
    JsonNode node = tree(r.toJson());
    ((com.fasterxml.jackson.databind.node.ObjectNode) node)
        .set("Queue", com.cci.schemas.Json.mapper().valueToTree(q));
    return ContactRecord.fromJson(node.toString());
  }
}
