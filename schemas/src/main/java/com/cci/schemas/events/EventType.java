package com.cci.schemas.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * The {@code eventType} of an Amazon Connect contact event. AWS adds event types over time and asks
 * consumers to keep working when new ones appear: anything not listed here is {@link #UNKNOWN} (the
 * raw value stays available on {@link ContactEventDetail#eventType()}).
 */
public enum EventType {
  INITIATED,
  CONNECTED_TO_SYSTEM,
  QUEUED,
  CONNECTED_TO_AGENT,
  DISCONNECTED,
  CONTACT_DATA_UPDATED,
  AMD_DISABLED,
  COMPLETED,
  @JsonEnumDefaultValue
  UNKNOWN;

  /** Parses a wire value; {@link #UNKNOWN} for null or unrecognised values. */
  @JsonCreator
  public static EventType of(String wire) {
    if (wire == null) {
      return UNKNOWN;
    }
    for (EventType t : values()) {
      if (t.name().equals(wire.trim())) {
        return t;
      }
    }
    return UNKNOWN;
  }
}
