package com.cci.schemas.transcript;

/** Turn-level sentiment as Contact Lens and Transcribe label it. */
public enum Sentiment {
  POSITIVE,
  NEGATIVE,
  NEUTRAL,
  MIXED;

  /** Parses a wire value (exact upper case, as AWS writes it); null when null or unknown. */
  public static Sentiment fromWire(String wire) {
    if (wire == null) {
      return null;
    }
    for (Sentiment s : values()) {
      if (s.name().equals(wire)) {
        return s;
      }
    }
    return null;
  }
}
