package com.cci.schemas.lens;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A partial (in-progress) voice utterance; the final text arrives later as a {@link
 * SegmentTranscript}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Utterance(
    @JsonProperty("Id") String id,
    @JsonProperty("TranscriptId") String transcriptId,
    @JsonProperty("ParticipantId") String participantId,
    @JsonProperty("ParticipantRole") String participantRole,
    @JsonProperty("PartialContent") String partialContent,
    @JsonProperty("BeginOffsetMillis") Long beginOffsetMillis,
    @JsonProperty("EndOffsetMillis") Long endOffsetMillis,
    @JsonProperty("Sentiment") String sentiment) {}
