package com.cci.schemas.ctr;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One level of the agent hierarchy.
 *
 * @param arn hierarchy group ARN
 * @param groupName hierarchy group name
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HierarchyGroup(
    @JsonProperty("ARN") String arn, @JsonProperty("GroupName") String groupName) {}
