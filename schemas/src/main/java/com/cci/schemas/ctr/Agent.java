package com.cci.schemas.ctr;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * The agent who handled the contact ({@code Agent} on the contact record). Absent or null when the
 * contact never reached an agent. Durations are whole seconds.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Agent(
    @JsonProperty("ARN") String arn,
    @JsonProperty("Username") String username,
    @JsonProperty("RoutingProfile") RoutingProfile routingProfile,
    @JsonProperty("HierarchyGroups") HierarchyGroups hierarchyGroups,
    @JsonProperty("ConnectedToAgentTimestamp") Instant connectedToAgentTimestamp,
    @JsonProperty("AgentInteractionDuration") Integer agentInteractionDuration,
    @JsonProperty("CustomerHoldDuration") Integer customerHoldDuration,
    @JsonProperty("AfterContactWorkStartTimestamp") Instant afterContactWorkStartTimestamp,
    @JsonProperty("AfterContactWorkEndTimestamp") Instant afterContactWorkEndTimestamp,
    @JsonProperty("AfterContactWorkDuration") Integer afterContactWorkDuration,
    @JsonProperty("NumberOfHolds") Integer numberOfHolds,
    @JsonProperty("LongestHoldDuration") Integer longestHoldDuration,
    @JsonProperty("AgentPauseDuration") Integer agentPauseDuration,
    @JsonProperty("DeviceInfo") DeviceInfo deviceInfo,
    @JsonProperty("StateTransitions") JsonNode stateTransitions) {

  /** The agent's id: the last element of its ARN ({@code .../agent/<id>}), or null. */
  public String agentId() {
    return Arns.lastSegment(arn, "agent");
  }
}
