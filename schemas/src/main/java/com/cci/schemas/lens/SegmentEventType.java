package com.cci.schemas.lens;

/**
 * The kind of a real-time segment event, from {@code EventType} (voice) or {@code
 * StreamingEventType} (chat).
 */
public enum SegmentEventType {
  STARTED,
  SEGMENTS,
  COMPLETED,
  FAILED,
  /** Absent or not one of the documented values. */
  UNKNOWN;

  static SegmentEventType of(String wire) {
    if (wire != null) {
      for (SegmentEventType t : values()) {
        if (t.name().equals(wire)) {
          return t;
        }
      }
    }
    return UNKNOWN;
  }
}
