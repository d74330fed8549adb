package com.cci.schemas.ctr;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The agent's device as Connect reports it.
 *
 * @param platformName e.g. {@code Chrome}
 * @param platformVersion e.g. {@code 130.0}
 * @param operatingSystem e.g. {@code Windows 11}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeviceInfo(
    @JsonProperty("PlatformName") String platformName,
    @JsonProperty("PlatformVersion") String platformVersion,
    @JsonProperty("OperatingSystem") String operatingSystem) {}
