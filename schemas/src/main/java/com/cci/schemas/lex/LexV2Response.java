package com.cci.schemas.lex;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * What a Lambda code hook returns to Amazon Lex V2 (contract kind {@code lex-v2-response}; AWS Lex
 * V2 developer guide, "AWS Lambda response format for Lex V2"). Build it with {@link LexResponses}
 * so the Lex rules (dialogAction.type set, ElicitSlot names its slot, Close carries the intent
 * state, ...) always hold.
 *
 * @param sessionState the session state to continue with; its dialogAction is required
 * @param messages messages for the user, may be null (Lex then uses the bot's own prompts)
 * @param requestAttributes request attributes, may be null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LexV2Response(
    @JsonProperty("sessionState") SessionState sessionState,
    @JsonProperty("messages") List<Message> messages,
    @JsonProperty("requestAttributes") Map<String, String> requestAttributes) {

  public LexV2Response {
    messages = Copies.list(messages);
    requestAttributes = Copies.map(requestAttributes);
  }

  /** The dialog action type, or null. */
  public DialogAction.Type dialogActionType() {
    return sessionState == null || sessionState.dialogAction() == null
        ? null
        : sessionState.dialogAction().type();
  }
}
