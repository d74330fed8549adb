package com.cci.schemas.ctr;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * The queue a contact waited in ({@code Queue} on the contact record).
 *
 * @param arn queue ARN
 * @param name queue name
 * @param enqueueTimestamp when the contact entered the queue
 * @param dequeueTimestamp when it left (answered or abandoned)
 * @param duration whole seconds between enqueue and dequeue
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QueueInfo(
    @JsonProperty("ARN") String arn,
    @JsonProperty("Name") String name,
    @JsonProperty("EnqueueTimestamp") Instant enqueueTimestamp,
    @JsonProperty("DequeueTimestamp") Instant dequeueTimestamp,
    @JsonProperty("Duration") Integer duration) {

  /** The queue's id: the last path element of its ARN ({@code .../queue/<id>}), or null. */
  public String queueId() {
    return Arns.lastSegment(arn, "queue");
  }
}
