package com.cci.schemas.events;

import com.cci.schemas.ctr.Arns;
import com.cci.schemas.ctr.Channel;
import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/**
 * The {@code detail} of an Amazon Connect contact event. Field names are camelCase on the wire; the
 * nested objects whose casing varies between AWS samples ({@code agentInfo}/{@code AgentInfo},
 * {@code queueInfo}/{@code QueueInfo}, {@code customerVoiceActivity}/{@code CustomerVoiceActivity})
 * are read in either casing and written in camelCase. Timestamps carry milliseconds.
 *
 * @param eventType the raw event type; see {@link #type()} for the parsed one
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContactEventDetail(
    @JsonProperty("eventType") String eventType,
    @JsonProperty("contactId") String contactId,
    @JsonProperty("initialContactId") String initialContactId,
    @JsonProperty("previousContactId") String previousContactId,
    @JsonProperty("relatedContactId") String relatedContactId,
    @JsonProperty("channel") Channel channel,
    @JsonProperty("instanceArn") String instanceArn,
    @JsonProperty("initiationMethod") String initiationMethod,
    @JsonProperty("initiationTimestamp") Instant initiationTimestamp,
    @JsonProperty("connectedToSystemTimestamp") Instant connectedToSystemTimestamp,
    @JsonProperty("disconnectTimestamp") Instant disconnectTimestamp,
    @JsonProperty("scheduledTimestamp") Instant scheduledTimestamp,
    @JsonProperty("queueInfo") @JsonAlias("QueueInfo") QueueInfo queueInfo,
    @JsonProperty("agentInfo") @JsonAlias("AgentInfo") AgentInfo agentInfo,
    @JsonProperty("customerVoiceActivity") @JsonAlias("CustomerVoiceActivity")
        CustomerVoiceActivity customerVoiceActivity,
    @JsonProperty("tags") Map<String, String> tags,
    @JsonProperty("segmentAttributes") JsonNode segmentAttributes) {

  /** The event type; {@link EventType#UNKNOWN} for types this code does not know. */
  public EventType type() {
    return EventType.of(eventType);
  }

  /** The queue id from {@code queueInfo.queueArn}, or null when not queued. */
  public String queueId() {
    return queueInfo == null ? null : queueInfo.queueId();
  }

  /** The agent id from {@code agentInfo.agentArn}, or null when no agent. */
  public String agentId() {
    return agentInfo == null ? null : agentInfo.agentId();
  }

  /** The Connect instance id from {@code instanceArn}, or null. */
  public String instanceId() {
    return Arns.instanceId(instanceArn);
  }
}
