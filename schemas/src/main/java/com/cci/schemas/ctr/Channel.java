package com.cci.schemas.ctr;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

/**
 * How a contact reached the contact center, normalised from Amazon Connect's variable casing
 * ({@code VOICE}, {@code voice}, {@code Voice}). Shared by contact records, contact events, Contact
 * Lens segments and transcripts.
 */
public enum Channel {
  VOICE,
  CHAT,
  TASK,
  EMAIL,
  /** A channel this code does not know yet (AWS adds channels); never produced for null. */
  UNKNOWN;

  /**
   * Parses a wire value in any casing; {@code null} for null or blank, {@link #UNKNOWN} for a value
   * that is not a known channel.
   */
  @JsonCreator
  public static Channel of(String wire) {
    if (wire == null || wire.isBlank()) {
      return null;
    }
    try {
      return valueOf(wire.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return UNKNOWN;
    }
  }
}
