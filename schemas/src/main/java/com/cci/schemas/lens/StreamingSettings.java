package com.cci.schemas.lens;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Chat (Version 2.0.0) session settings: language and redaction.
 *
 * @param languageCode e.g. {@code en-US}
 * @param output {@code Raw}, {@code Redacted} or {@code RedactedAndRaw}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StreamingSettings(
    @JsonProperty("LanguageCode") String languageCode,
    @JsonProperty("Output") String output,
    @JsonProperty("RedactionTypes") List<String> redactionTypes,
    @JsonProperty("RedactionTypesMetadata") JsonNode redactionTypesMetadata) {}
