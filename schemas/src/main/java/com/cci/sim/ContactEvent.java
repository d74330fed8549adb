package com.cci.sim;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * An EventBridge "Amazon Connect Contact Event" as delivered to the contact-events stream. The
 * envelope {@code time} is to the second; the detail's timestamps carry milliseconds.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "version",
  "id",
  "detail-type",
  "source",
  "account",
  "time",
  "region",
  "resources",
  "detail"
})
public record ContactEvent(
    @JsonProperty("version") String version,
    @JsonProperty("id") String id,
    @JsonProperty("detail-type") String detailType,
    @JsonProperty("source") String source,
    @JsonProperty("account") String account,
    @JsonProperty("time") String time,
    @JsonProperty("region") String region,
    @JsonProperty("resources") List<String> resources,
    @JsonProperty("detail") Detail detail) {

  public static final String DETAIL_TYPE = "Amazon Connect Contact Event";

  /**
   * The event detail. Exactly one of {@code agentInfo} / {@code agentInfoVariant} is set when an
   * agent is involved: the variant reproduces the {@code AgentInfo} casing seen in some AWS
   * samples, which consumers must accept.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({
    "eventType",
    "contactId",
    "channel",
    "instanceArn",
    "initiationMethod",
    "initiationTimestamp",
    "connectedToSystemTimestamp",
    "previousContactId",
    "initialContactId",
    "queueInfo",
    "agentInfo",
    "AgentInfo",
    "disconnectTimestamp"
  })
  public record Detail(
      @JsonProperty("eventType") String eventType,
      @JsonProperty("contactId") String contactId,
      @JsonProperty("channel") String channel,
      @JsonProperty("instanceArn") String instanceArn,
      @JsonProperty("initiationMethod") String initiationMethod,
      @JsonProperty("initiationTimestamp") String initiationTimestamp,
      @JsonProperty("connectedToSystemTimestamp") String connectedToSystemTimestamp,
      @JsonProperty("previousContactId") String previousContactId,
      @JsonProperty("initialContactId") String initialContactId,
      @JsonProperty("queueInfo") QueueInfo queueInfo,
      @JsonProperty("agentInfo") AgentInfo agentInfo,
      @JsonProperty("AgentInfo") AgentInfo agentInfoVariant,
      @JsonProperty("disconnectTimestamp") String disconnectTimestamp) {}

  /** Queue the contact is in. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record QueueInfo(
      @JsonProperty("queueArn") String queueArn,
      @JsonProperty("queueType") String queueType,
      @JsonProperty("enqueueTimestamp") String enqueueTimestamp) {}

  /** Agent the contact is connected to. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record AgentInfo(
      @JsonProperty("agentArn") String agentArn,
      @JsonProperty("connectedToAgentTimestamp") String connectedToAgentTimestamp) {}
}
