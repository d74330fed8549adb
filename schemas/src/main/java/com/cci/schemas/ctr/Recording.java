package com.cci.schemas.ctr;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A voice recording or chat transcript of the contact ({@code Recording} and the elements of {@code
 * Recordings}). Timestamps stay strings: Connect leaves them null in most records and their format
 * is not documented as strictly as the contact timestamps.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Recording(
    @JsonProperty("DeletionReason") String deletionReason,
    @JsonProperty("Location") String location,
    @JsonProperty("Status") String status,
    @JsonProperty("Type") String type,
    @JsonProperty("MediaStreamType") String mediaStreamType,
    @JsonProperty("ParticipantType") String participantType,
    @JsonProperty("FragmentStartNumber") String fragmentStartNumber,
    @JsonProperty("FragmentStopNumber") String fragmentStopNumber,
    @JsonProperty("StartTimestamp") String startTimestamp,
    @JsonProperty("StopTimestamp") String stopTimestamp,
    @JsonProperty("StorageType") String storageType) {}
