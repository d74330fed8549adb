package com.cci.schemas.lens;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A final transcript segment: voice ones carry millisecond offsets into the call, chat ones a
 * {@link SegmentTime} instead.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SegmentTranscript(
    @JsonProperty("Id") String id,
    @JsonProperty("ParticipantId") String participantId,
    @JsonProperty("ParticipantRole") String participantRole,
    @JsonProperty("DisplayName") String displayName,
    @JsonProperty("Content") String content,
    @JsonProperty("ContentType") String contentType,
    @JsonProperty("BeginOffsetMillis") Long beginOffsetMillis,
    @JsonProperty("EndOffsetMillis") Long endOffsetMillis,
    @JsonProperty("Time") SegmentTime time,
    @JsonProperty("Sentiment") String sentiment,
    @JsonProperty("Redaction") JsonNode redaction,
    @JsonProperty("IssuesDetected") JsonNode issuesDetected) {}
