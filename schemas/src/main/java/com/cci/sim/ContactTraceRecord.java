package com.cci.sim;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * An Amazon Connect contact record (CTR) as the simulator emits it, following Connect's contact
 * record data model. Timestamps are ISO-8601 UTC to the second ({@code 2026-11-20T09:15:02Z}),
 * durations are whole seconds. {@code Agent} and {@code Queue} are null (written as JSON null) when
 * the contact never reached them, as Connect does.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
public record ContactTraceRecord(
    @JsonProperty("AWSAccountId") String awsAccountId,
    @JsonProperty("AWSContactTraceRecordFormatVersion") String formatVersion,
    @JsonProperty("Agent") @JsonInclude(JsonInclude.Include.ALWAYS) AgentInfo agent,
    @JsonProperty("AgentConnectionAttempts") int agentConnectionAttempts,
    @JsonProperty("Attributes") Map<String, String> attributes,
    @JsonProperty("Channel") String channel,
    @JsonProperty("ConnectedToSystemTimestamp") String connectedToSystemTimestamp,
    @JsonProperty("ContactId") String contactId,
    @JsonProperty("CustomerEndpoint") Endpoint customerEndpoint,
    @JsonProperty("DisconnectReason") String disconnectReason,
    @JsonProperty("DisconnectTimestamp") String disconnectTimestamp,
    @JsonProperty("InitialContactId") @JsonInclude(JsonInclude.Include.ALWAYS)
        String initialContactId,
    @JsonProperty("InitiationMethod") String initiationMethod,
    @JsonProperty("InitiationTimestamp") String initiationTimestamp,
    @JsonProperty("InstanceARN") String instanceArn,
    @JsonProperty("LastUpdateTimestamp") String lastUpdateTimestamp,
    @JsonProperty("MediaStreams") List<MediaStream> mediaStreams,
    @JsonProperty("NextContactId") @JsonInclude(JsonInclude.Include.ALWAYS) String nextContactId,
    @JsonProperty("PreviousContactId") @JsonInclude(JsonInclude.Include.ALWAYS)
        String previousContactId,
    @JsonProperty("Queue") @JsonInclude(JsonInclude.Include.ALWAYS) QueueInfo queue,
    @JsonProperty("Recording") @JsonInclude(JsonInclude.Include.ALWAYS) Recording recording,
    @JsonProperty("SystemEndpoint") Endpoint systemEndpoint,
    @JsonProperty("TransferCompletedTimestamp") @JsonInclude(JsonInclude.Include.ALWAYS)
        String transferCompletedTimestamp,
    @JsonProperty("TransferredToEndpoint") @JsonInclude(JsonInclude.Include.ALWAYS)
        Endpoint transferredToEndpoint) {

  /** The CTR's {@code Agent} block. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder(alphabetic = true)
  public record AgentInfo(
      @JsonProperty("ARN") String arn,
      @JsonProperty("AfterContactWorkDuration") Integer afterContactWorkDuration,
      @JsonProperty("AfterContactWorkEndTimestamp") String afterContactWorkEndTimestamp,
      @JsonProperty("AfterContactWorkStartTimestamp") String afterContactWorkStartTimestamp,
      @JsonProperty("AgentInteractionDuration") Integer agentInteractionDuration,
      @JsonProperty("ConnectedToAgentTimestamp") String connectedToAgentTimestamp,
      @JsonProperty("CustomerHoldDuration") Integer customerHoldDuration,
      @JsonProperty("HierarchyGroups") @JsonInclude(JsonInclude.Include.ALWAYS)
          Object hierarchyGroups,
      @JsonProperty("LongestHoldDuration") Integer longestHoldDuration,
      @JsonProperty("NumberOfHolds") Integer numberOfHolds,
      @JsonProperty("RoutingProfile") RoutingProfile routingProfile,
      @JsonProperty("Username") String username) {}

  /** A routing profile reference. */
  public record RoutingProfile(
      @JsonProperty("ARN") String arn, @JsonProperty("Name") String name) {}

  /** The CTR's {@code Queue} block; {@code Duration} is seconds in queue. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonPropertyOrder(alphabetic = true)
  public record QueueInfo(
      @JsonProperty("ARN") String arn,
      @JsonProperty("DequeueTimestamp") String dequeueTimestamp,
      @JsonProperty("Duration") int duration,
      @JsonProperty("EnqueueTimestamp") String enqueueTimestamp,
      @JsonProperty("Name") String name) {}

  /** A customer or system endpoint. */
  public record Endpoint(
      @JsonProperty("Address") String address, @JsonProperty("Type") String type) {}

  /** A media stream ({@code AUDIO} for voice, {@code CHAT} for chat). */
  public record MediaStream(@JsonProperty("Type") String type) {}

  /** Call recording / chat transcript location. */
  @JsonPropertyOrder(alphabetic = true)
  public record Recording(
      @JsonProperty("DeletionReason") @JsonInclude(JsonInclude.Include.ALWAYS)
          String deletionReason,
      @JsonProperty("Location") String location,
      @JsonProperty("Status") String status,
      @JsonProperty("Type") String type) {}
}
