package com.cci.batch.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** Bedrock batch inference jobs (placeholder until the control plane lands). */
final class BatchJobs implements AutoCloseable {
  BatchJobs(LocalBedrock bedrock, LocalBedrock.Options options) {}

  JsonNode create(JsonNode body) {
    throw new AwsServiceError("ValidationException", 400, "batch inference is not served yet");
  }

  JsonNode get(String id) {
    throw AwsServiceError.notFound("no job " + id);
  }

  JsonNode stop(String id) {
    throw AwsServiceError.notFound("no job " + id);
  }

  ObjectNode list(Map<String, String> query) {
    ObjectNode o = LocalBedrock.mapper().createObjectNode();
    o.putArray("invocationJobSummaries");
    return o;
  }

  long jobsCreated() {
    return 0;
  }

  long recordsAnswered() {
    return 0;
  }

  @Override
  public void close() {}
}
