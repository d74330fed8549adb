package com.cci.schemas.ctr;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The agent's hierarchy groups, up to five levels; unset levels are null. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HierarchyGroups(
    @JsonProperty("Level1") HierarchyGroup level1,
    @JsonProperty("Level2") HierarchyGroup level2,
    @JsonProperty("Level3") HierarchyGroup level3,
    @JsonProperty("Level4") HierarchyGroup level4,
    @JsonProperty("Level5") HierarchyGroup level5) {}
