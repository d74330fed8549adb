package com.cci.schemas.lex;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The value of a slot as Lex understood it.
 *
 * @param originalValue what the user said or typed
 * @param interpretedValue the value Lex resolved it to (the one to act on)
 * @param resolvedValues candidate resolutions, may be null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SlotValue(
    @JsonProperty("originalValue") String originalValue,
    @JsonProperty("interpretedValue") String interpretedValue,
    @JsonProperty("resolvedValues") List<String> resolvedValues) {
  public SlotValue {
    resolvedValues = Copies.list(resolvedValues);
  }

  /** A value the code hook sets itself: original and interpreted are the same. */
  public static SlotValue of(String value) {
    return new SlotValue(value, value, List.of(value));
  }
}
