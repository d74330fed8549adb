package com.cci.schemas.ctr;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The agent's routing profile on a contact record.
 *
 * @param arn routing profile ARN
 * @param name routing profile name
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RoutingProfile(@JsonProperty("ARN") String arn, @JsonProperty("Name") String name) {}
