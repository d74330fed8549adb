package com.cci.schemas.ctr;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A link from the contact to another document (task references).
 *
 * @param name reference name
 * @param type e.g. {@code URL}, {@code ATTACHMENT}, {@code STRING}
 * @param value the reference's value
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reference(
    @JsonProperty("Name") String name,
    @JsonProperty("Type") String type,
    @JsonProperty("Value") String value) {}
