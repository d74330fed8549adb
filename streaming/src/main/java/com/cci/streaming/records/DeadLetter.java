package com.cci.streaming.records;

import java.util.Objects;

/**
 * A record that could not be parsed or failed validation: kept whole with where it came from and
 * why, for the dead-letter stream. Flink POJO.
 */
public class DeadLetter {
  /** Largest payload kept verbatim; longer payloads are cut and flagged. */
  public static final int MAX_PAYLOAD_CHARS = 256 * 1024;

  /** Logical source stream ({@code com.cci.kinesis.Streams}), e.g. {@code ctr}. */
  public String sourceStream;

  /** Why it was rejected, one human sentence naming the field and rule. */
  public String reason;

  /** The raw payload as received (UTF-8), cut at {@link #MAX_PAYLOAD_CHARS}. */
  public String payload;

  /** Original payload length in characters (so a cut payload is visible). */
  public int payloadLength;

  /**
   * Processing time the record was rejected, epoch millis (the record has no usable event time).
   */
  public long rejectedAtMs;

  public DeadLetter() {}

  public static DeadLetter of(String sourceStream, String payload, String reason, long nowMs) {
    DeadLetter d = new DeadLetter();
    d.sourceStream = sourceStream;
    d.reason = reason;
    d.payloadLength = payload == null ? 0 : payload.length();
    d.payload =
        payload == null || payload.length() <= MAX_PAYLOAD_CHARS
            ? payload
            : payload.substring(0, MAX_PAYLOAD_CHARS);
    d.rejectedAtMs = nowMs;
    return d;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DeadLetter d
        && payloadLength == d.payloadLength
        && rejectedAtMs == d.rejectedAtMs
        && Objects.equals(sourceStream, d.sourceStream)
        && Objects.equals(reason, d.reason)
        && Objects.equals(payload, d.payload);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sourceStream, reason, payloadLength, rejectedAtMs);
  }

  @Override
  public String toString() {
    return "DeadLetter{" + sourceStream + ": " + reason + " (" + payloadLength + " chars)}";
  }
}
