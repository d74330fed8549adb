package com.cci.schemas.ctr;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A media stream used by the contact.
 *
 * @param type {@code AUDIO}, {@code VIDEO} or {@code CHAT}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MediaStream(@JsonProperty("Type") String type) {}
