package com.cci.schemas.lex;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Lex V2 intent as it appears in session state, interpretations and responses.
 *
 * @param name intent name
 * @param slots slot name to slot; an unfilled slot maps to {@code null}
 * @param state fulfillment state
 * @param confirmationState Confirmed, Denied or None
 * @param kendraResponse Kendra query result (KendraSearchIntent only), kept as JSON
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Intent(
    @JsonProperty("name") String name,
    @JsonProperty("slots") Map<String, Slot> slots,
    @JsonProperty("state") State state,
    @JsonProperty("confirmationState") ConfirmationState confirmationState,
    @JsonProperty("kendraResponse") JsonNode kendraResponse) {

  public Intent {
    slots = Copies.map(slots);
  }

  /** Intent fulfillment state. */
  public enum State {
    @JsonProperty("Failed")
    FAILED,
    @JsonProperty("Fulfilled")
    FULFILLED,
    @JsonProperty("FulfillmentInProgress")
    FULFILLMENT_IN_PROGRESS,
    @JsonProperty("InProgress")
    IN_PROGRESS,
    @JsonProperty("ReadyForFulfillment")
    READY_FOR_FULFILLMENT,
    @JsonProperty("Waiting")
    WAITING
  }

  /** Whether the user confirmed the intent. */
  public enum ConfirmationState {
    @JsonProperty("Confirmed")
    CONFIRMED,
    @JsonProperty("Denied")
    DENIED,
    @JsonProperty("None")
    NONE
  }

  /** The slot, or null when it is absent or unfilled. */
  public Slot slot(String slotName) {
    return slots == null ? null : slots.get(slotName);
  }

  /** The slot's interpreted value, or null when the slot is absent, unfilled or has no value. */
  public String slotValue(String slotName) {
    Slot s = slot(slotName);
    return s == null ? null : s.interpretedValue();
  }

  /** A copy with a new state. */
  public Intent withState(State newState) {
    return new Intent(name, slots, newState, confirmationState, kendraResponse);
  }

  /** A copy with one slot set (or cleared with {@code null}); other slots are kept. */
  public Intent withSlot(String slotName, Slot slot) {
    Map<String, Slot> m = slots == null ? new LinkedHashMap<>() : new LinkedHashMap<>(slots);
    m.put(slotName, slot);
    return new Intent(name, m, state, confirmationState, kendraResponse);
  }
}
