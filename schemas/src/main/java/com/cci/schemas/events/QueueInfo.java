package com.cci.schemas.events;

import com.cci.schemas.ctr.Arns;
import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * The queue of a contact event ({@code queueInfo}, also spelled {@code QueueInfo} with {@code
 * QueueArn}... in AWS samples; both read, camelCase written).
 *
 * @param queueArn queue ARN
 * @param queueType e.g. {@code STANDARD}
 * @param enqueueTimestamp when the contact was queued
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QueueInfo(
    @JsonProperty("queueArn") @JsonAlias("QueueArn") String queueArn,
    @JsonProperty("queueType") @JsonAlias("QueueType") String queueType,
    @JsonProperty("enqueueTimestamp") @JsonAlias("EnqueueTimestamp") Instant enqueueTimestamp) {

  /** The queue id: the element after {@code /queue/} in the ARN, or null. */
  public String queueId() {
    return Arns.lastSegment(queueArn, "queue");
  }
}
