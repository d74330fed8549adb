package com.cci.schemas.events;

import com.cci.schemas.ctr.Arns;
import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * The agent of a contact event ({@code agentInfo}, also {@code AgentInfo}/{@code AgentArn} in AWS
 * samples; both read, camelCase written).
 *
 * @param agentArn agent ARN
 * @param connectedToAgentTimestamp when the contact was connected to the agent
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentInfo(
    @JsonProperty("agentArn") @JsonAlias("AgentArn") String agentArn,
    @JsonProperty("connectedToAgentTimestamp") @JsonAlias("ConnectedToAgentTimestamp")
        Instant connectedToAgentTimestamp) {

  /** The agent id: the element after {@code /agent/} in the ARN, or null. */
  public String agentId() {
    return Arns.lastSegment(agentArn, "agent");
  }
}
