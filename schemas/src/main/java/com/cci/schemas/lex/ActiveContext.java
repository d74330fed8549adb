package com.cci.schemas.lex;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A Lex V2 active context.
 *
 * @param name context name
 * @param contextAttributes string attributes
 * @param timeToLive how long it stays active
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActiveContext(
    @JsonProperty("name") String name,
    @JsonProperty("contextAttributes") Map<String, String> contextAttributes,
    @JsonProperty("timeToLive") TimeToLive timeToLive) {
  public ActiveContext {
    contextAttributes = Copies.map(contextAttributes);
  }

  /**
   * @param timeToLiveInSeconds seconds (5..86400)
   * @param turnsToLive turns (1..20)
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record TimeToLive(
      @JsonProperty("timeToLiveInSeconds") Integer timeToLiveInSeconds,
      @JsonProperty("turnsToLive") Integer turnsToLive) {}
}
