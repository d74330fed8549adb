package com.cci.schemas.transcript;

import java.util.Locale;

/**
 * Who spoke a turn, normalised over the AWS formats. Contact Lens also knows {@code SUPERVISOR}
 * (mapped to {@link #AGENT}: a contact-center employee speaking) and {@code CUSTOM_BOT} (mapped to
 * {@link #SYSTEM}: not a person).
 */
public enum Role {
  AGENT,
  CUSTOMER,
  SYSTEM;

  /**
   * Normalises a wire role ({@code AGENT}, {@code CUSTOMER}, {@code SYSTEM}, {@code SUPERVISOR},
   * {@code CUSTOM_BOT}, any case); null when unknown or null.
   */
  public static Role fromWire(String wire) {
    if (wire == null) {
      return null;
    }
    return switch (wire.trim().toUpperCase(Locale.ROOT)) {
      case "AGENT", "SUPERVISOR" -> AGENT;
      case "CUSTOMER" -> CUSTOMER;
      case "SYSTEM", "CUSTOM_BOT" -> SYSTEM;
      default -> null;
    };
  }
}
