package com.cci.schemas.lens;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Matched Contact Lens rule categories. Voice segments list names in {@code MatchedCategories};
 * chat segments may give only {@code MatchedDetails} (keyed by category name), with points of
 * interest as transcript items instead of millisecond offsets.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Categories(
    @JsonProperty("MatchedCategories") List<String> matchedCategories,
    @JsonProperty("MatchedDetails") Map<String, JsonNode> matchedDetails) {}
