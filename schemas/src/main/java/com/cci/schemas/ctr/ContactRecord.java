package com.cci.schemas.ctr;

import com.cci.schemas.Json;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * An Amazon Connect contact record (CTR) as streamed to Kinesis, with the wire names of the
 * published data model. Unknown fields are ignored on read; null fields are left out on write, so a
 * record read and written again keeps its shape.
 *
 * <p>Connect delivers records at least once and re-emits a contact's record with the same {@code
 * ContactId} and a later {@code LastUpdateTimestamp}: keep the latest with {@link
 * #isNewerThan(ContactRecord)}. The derived accessors ({@link #abandonedInQueue()}, {@link
 * #queueWaitSeconds()}, {@link #answerWaitSeconds()}) are not serialised.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContactRecord(
    @JsonProperty("AWSAccountId") String awsAccountId,
    @JsonProperty("AWSContactTraceRecordFormatVersion") String formatVersion,
    @JsonProperty("ContactId") String contactId,
    @JsonProperty("InitialContactId") String initialContactId,
    @JsonProperty("PreviousContactId") String previousContactId,
    @JsonProperty("NextContactId") String nextContactId,
    @JsonProperty("RelatedContactId") String relatedContactId,
    @JsonProperty("Channel") Channel channel,
    @JsonProperty("InitiationMethod") String initiationMethod,
    @JsonProperty("InitiationTimestamp") Instant initiationTimestamp,
    @JsonProperty("ConnectedToSystemTimestamp") Instant connectedToSystemTimestamp,
    @JsonProperty("DisconnectTimestamp") Instant disconnectTimestamp,
    @JsonProperty("DisconnectReason") String disconnectReason,
    @JsonProperty("LastUpdateTimestamp") Instant lastUpdateTimestamp,
    @JsonProperty("TransferCompletedTimestamp") Instant transferCompletedTimestamp,
    @JsonProperty("ScheduledTimestamp") Instant scheduledTimestamp,
    @JsonProperty("TransferredToEndpoint") Endpoint transferredToEndpoint,
    @JsonProperty("InstanceARN") String instanceArn,
    @JsonProperty("AgentConnectionAttempts") Integer agentConnectionAttempts,
    @JsonProperty("Agent") Agent agent,
    @JsonProperty("Queue") QueueInfo queue,
    @JsonProperty("CustomerEndpoint") Endpoint customerEndpoint,
    @JsonProperty("SystemEndpoint") Endpoint systemEndpoint,
    @JsonProperty("Attributes") Map<String, String> attributes,
    @JsonProperty("Recording") Recording recording,
    @JsonProperty("Recordings") List<Recording> recordings,
    @JsonProperty("MediaStreams") List<MediaStream> mediaStreams,
    @JsonProperty("ContactDetails") JsonNode contactDetails,
    @JsonProperty("References") List<Reference> references,
    @JsonProperty("SegmentAttributes") JsonNode segmentAttributes,
    @JsonProperty("Tags") Map<String, String> tags,
    @JsonProperty("QueueInfo") JsonNode queueInfo,
    @JsonProperty("Campaign") JsonNode campaign,
    @JsonProperty("AnsweringMachineDetectionStatus") String answeringMachineDetectionStatus) {

  /** Reads one record from JSON text with the contract's shared mapper. */
  public static ContactRecord fromJson(String json) throws JsonProcessingException {
    return Json.mapper().readValue(json, ContactRecord.class);
  }

  /** Writes the record with its wire names. */
  public String toJson() {
    try {
      return Json.mapper().writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise contact record " + contactId, e);
    }
  }

  /**
   * True when the contact waited in a queue and never reached an agent: {@code
   * Queue.EnqueueTimestamp} present and no {@code Agent.ConnectedToAgentTimestamp} (the admin
   * guide's definition of an abandoned contact).
   */
  public boolean abandonedInQueue() {
    return queue != null
        && queue.enqueueTimestamp() != null
        && (agent == null || agent.connectedToAgentTimestamp() == null);
  }

  /** True when an agent was connected ({@code Agent.ConnectedToAgentTimestamp} present). */
  public boolean answered() {
    return agent != null && agent.connectedToAgentTimestamp() != null;
  }

  /**
   * Seconds the contact spent in queue: {@code Queue.Duration} when Connect gave it, else dequeue
   * minus enqueue, else (no dequeue, e.g. abandoned) disconnect minus enqueue. Empty when the
   * contact was never queued or the times needed are missing.
   */
  public OptionalLong queueWaitSeconds() {
    if (queue == null || (queue.duration() == null && queue.enqueueTimestamp() == null)) {
      return OptionalLong.empty();
    }
    if (queue.duration() != null) {
      return OptionalLong.of(queue.duration());
    }
    Instant end = queue.dequeueTimestamp() != null ? queue.dequeueTimestamp() : disconnectTimestamp;
    return seconds(queue.enqueueTimestamp(), end);
  }

  /**
   * Seconds from entering the queue to being connected to an agent (queue wait plus ring time; the
   * speed of answer). Empty when the contact was not queued or not answered.
   */
  public OptionalLong answerWaitSeconds() {
    if (queue == null || !answered()) {
      return OptionalLong.empty();
    }
    return seconds(queue.enqueueTimestamp(), agent.connectedToAgentTimestamp());
  }

  /**
   * True when this record is a later emission of the same contact than {@code other}, judged by
   * {@code LastUpdateTimestamp} (a record with a timestamp is newer than one without).
   *
   * @throws IllegalArgumentException when the two records are of different contacts
   */
  public boolean isNewerThan(ContactRecord other) {
    Objects.requireNonNull(other, "other");
    if (!Objects.equals(contactId, other.contactId)) {
      throw new IllegalArgumentException(
          "cannot order records of different contacts: " + contactId + " vs " + other.contactId);
    }
    if (lastUpdateTimestamp == null) {
      return false;
    }
    return other.lastUpdateTimestamp == null
        || lastUpdateTimestamp.isAfter(other.lastUpdateTimestamp);
  }

  private static OptionalLong seconds(Instant from, Instant to) {
    if (from == null || to == null || to.isBefore(from)) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Duration.between(from, to).getSeconds());
  }
}
