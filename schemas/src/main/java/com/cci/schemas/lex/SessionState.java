package com.cci.schemas.lex;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Lex V2 session state, in both the code-hook event and the response.
 *
 * @param activeContexts active contexts, may be null
 * @param sessionAttributes string attributes kept for the session, may be null
 * @param runtimeHints slot hints, kept as JSON
 * @param dialogAction the next step (required in a response)
 * @param intent the active intent
 * @param originatingRequestId id of the request that started the turn
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionState(
    @JsonProperty("activeContexts") List<ActiveContext> activeContexts,
    @JsonProperty("sessionAttributes") Map<String, String> sessionAttributes,
    @JsonProperty("runtimeHints") JsonNode runtimeHints,
    @JsonProperty("dialogAction") DialogAction dialogAction,
    @JsonProperty("intent") Intent intent,
    @JsonProperty("originatingRequestId") String originatingRequestId) {

  public SessionState {
    activeContexts = Copies.list(activeContexts);
    sessionAttributes = Copies.map(sessionAttributes);
  }

  /** The session attribute, or null. */
  public String sessionAttribute(String key) {
    return sessionAttributes == null ? null : sessionAttributes.get(key);
  }
}
