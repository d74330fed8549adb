package com.cci.schemas.lens;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The generative post-contact summary segment.
 *
 * @param status {@code COMPLETED} or {@code FAILED}
 * @param failureCode set when failed, e.g. {@code INSUFFICIENT_CONVERSATION_CONTENT}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PostContactSummary(
    @JsonProperty("Content") String content,
    @JsonProperty("Status") String status,
    @JsonProperty("FailureCode") String failureCode) {}
