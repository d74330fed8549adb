package com.cci.schemas.ctr;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A contact-record endpoint: a phone number in E.164 ({@code TELEPHONE_NUMBER}) or another address.
 *
 * @param address the address, e.g. {@code +447700900123}
 * @param type the endpoint type, e.g. {@code TELEPHONE_NUMBER}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Endpoint(
    @JsonProperty("Address") String address, @JsonProperty("Type") String type) {}
