package com.cci.schemas.events;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * The customer's greeting on an outbound call ({@code customerVoiceActivity} or {@code
 * CustomerVoiceActivity}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerVoiceActivity(
    @JsonProperty("greetingStartTimestamp") @JsonAlias("GreetingStartTimestamp")
        Instant greetingStartTimestamp,
    @JsonProperty("greetingEndTimestamp") @JsonAlias("GreetingEndTimestamp")
        Instant greetingEndTimestamp) {}
