package com.cci.streaming.parse;

import com.cci.streaming.records.DeadLetter;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.OutputTag;

/** The side output every parse-stage function sends rejected records to. */
public final class DeadLetters {
  private DeadLetters() {}

  public static final OutputTag<DeadLetter> TAG =
      new OutputTag<>("dead-letter", TypeInformation.of(DeadLetter.class));

  /** A dead letter with the payload cut to {@code maxPayloadChars} (the original length kept). */
  public static DeadLetter of(
      String stream, String raw, String reason, long nowMs, int maxPayloadChars) {
    DeadLetter d = DeadLetter.of(stream, raw, reason, nowMs);
    if (d.payload != null && d.payload.length() > maxPayloadChars) {
      d.payload = d.payload.substring(0, maxPayloadChars);
    }
    return d;
  }
}
