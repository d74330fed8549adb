package com.cci.sim;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One bot turn as the Lex code hook reports it on the fulfillment stream. {@code errorClass} and
 * {@code queue} are written as JSON null when absent.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({
  "eventId",
  "eventTime",
  "tenantId",
  "contactId",
  "sessionIdHash",
  "channel",
  "botId",
  "botAliasId",
  "localeId",
  "intent",
  "invocationSource",
  "outcome",
  "latencyMs",
  "authResult",
  "authAttempt",
  "errorClass",
  "queue"
})
public record FulfillmentEvent(
    @JsonProperty("eventId") String eventId,
    @JsonProperty("eventTime") String eventTime,
    @JsonProperty("tenantId") String tenantId,
    @JsonProperty("contactId") String contactId,
    @JsonProperty("sessionIdHash") String sessionIdHash,
    @JsonProperty("channel") String channel,
    @JsonProperty("botId") String botId,
    @JsonProperty("botAliasId") String botAliasId,
    @JsonProperty("localeId") String localeId,
    @JsonProperty("intent") String intent,
    @JsonProperty("invocationSource") String invocationSource,
    @JsonProperty("outcome") String outcome,
    @JsonProperty("latencyMs") int latencyMs,
    @JsonProperty("authResult") String authResult,
    @JsonProperty("authAttempt") int authAttempt,
    @JsonProperty("errorClass") String errorClass,
    @JsonProperty("queue") String queue) {}
