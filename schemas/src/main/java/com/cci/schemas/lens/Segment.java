package com.cci.schemas.lens;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One element of {@code Segments}: exactly one member is set. The chat-only kinds ({@code Issues},
 * {@code Event}, {@code Attachments}) are kept as JSON trees.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Segment(
    @JsonProperty("Utterance") Utterance utterance,
    @JsonProperty("Transcript") SegmentTranscript transcript,
    @JsonProperty("Categories") Categories categories,
    @JsonProperty("PostContactSummary") PostContactSummary postContactSummary,
    @JsonProperty("Issues") JsonNode issues,
    @JsonProperty("Event") JsonNode event,
    @JsonProperty("Attachments") JsonNode attachments) {}
