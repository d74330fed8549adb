package com.cci.schemas.lens;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** The time of a chat segment item ({@code Time.AbsoluteTime}). */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SegmentTime(@JsonProperty("AbsoluteTime") Instant absoluteTime) {}
