package com.cci.schemas.events;

import com.cci.schemas.Json;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * An "Amazon Connect Contact Event" as delivered by EventBridge: the envelope ({@code version},
 * {@code id}, {@code detail-type}, {@code source}, {@code account}, {@code time}, {@code region},
 * {@code resources}) and the contact in {@link #detail()}. Events are best effort and unordered;
 * order them by the detail's timestamps, not by arrival.
 *
 * <p>{@link #read(String)} also accepts a bare detail object (the first sample in the admin guide),
 * returning an event whose envelope fields are null.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContactEvent(
    @JsonProperty("version") String version,
    @JsonProperty("id") String id,
    @JsonProperty("detail-type") String detailType,
    @JsonProperty("source") String source,
    @JsonProperty("account") String account,
    @JsonProperty("time") Instant time,
    @JsonProperty("region") String region,
    @JsonProperty("resources") List<String> resources,
    @JsonProperty("detail") ContactEventDetail detail) {

  public static final String DETAIL_TYPE = "Amazon Connect Contact Event";
  public static final String SOURCE = "aws.connect";

  /**
   * Reads an EventBridge envelope, or a bare detail object.
   *
   * @throws IOException when the text is not JSON or neither shape
   */
  public static ContactEvent read(String json) throws IOException {
    return of(Json.mapper().readTree(json));
  }

  /**
   * Converts an already-parsed tree: an envelope (has {@code detail}) or a bare detail (has {@code
   * eventType}).
   *
   * @throws IOException when the tree is neither
   */
  public static ContactEvent of(JsonNode node) throws IOException {
    if (node == null || !node.isObject()) {
      throw new JsonProcessingException("contact event must be a JSON object") {};
    }
    if (node.has("detail")) {
      return Json.mapper().treeToValue(node, ContactEvent.class);
    }
    if (node.has("eventType")) {
      ContactEventDetail detail = Json.mapper().treeToValue(node, ContactEventDetail.class);
      return new ContactEvent(null, null, null, null, null, null, null, null, detail);
    }
    throw new JsonProcessingException(
        "not a contact event: neither an EventBridge envelope with 'detail' nor a detail with"
            + " 'eventType'") {};
  }

  /** True when read from a bare detail object (no EventBridge envelope fields). */
  public boolean bare() {
    return version == null && id == null && detailType == null && source == null;
  }

  /**
   * Writes the event with its wire names, in the shape it was read in: the envelope, or the bare
   * detail object when there is no envelope.
   */
  public String toJson() {
    try {
      return Json.mapper().writeValueAsString(bare() ? detail : this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise contact event " + id, e);
    }
  }
}
