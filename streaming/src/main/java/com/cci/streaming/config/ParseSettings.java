package com.cci.streaming.config;

import java.io.Serializable;
import java.time.Duration;

/**
 * Checks the parse stage applies to every record (group {@value #GROUP}):
 *
 * <ul>
 *   <li>{@code max-record-chars} (default 262144): longer records are dead-lettered unparsed;
 *   <li>{@code max-future-skew} (default 1d): a timestamp later than the wall clock plus this is
 *       rejected (clock bugs, epoch-unit mistakes);
 *   <li>{@code dead-letter.max-payload-chars} (default 262144): dead-letter payloads are cut to
 *       this (the original length is kept);
 *   <li>{@code segment.anchor-wait} (default 2h, at most 6h): how long after the contact started
 *       (event time) a voice segment waits for its contact's connected-to-agent time (contact event
 *       or CTR) before it is dead-lettered; see {@code parse.SegmentClock}.
 * </ul>
 */
public final class ParseSettings implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String GROUP = "parse";

  public final int maxRecordChars;
  public final long maxFutureSkewMs;
  public final int deadLetterMaxPayloadChars;
  public final long segmentAnchorWaitMs;

  public ParseSettings(
      int maxRecordChars,
      long maxFutureSkewMs,
      int deadLetterMaxPayloadChars,
      long segmentAnchorWaitMs) {
    this.maxRecordChars = maxRecordChars;
    this.maxFutureSkewMs = maxFutureSkewMs;
    this.deadLetterMaxPayloadChars = deadLetterMaxPayloadChars;
    this.segmentAnchorWaitMs = segmentAnchorWaitMs;
  }

  /** The defaults listed above. */
  public static ParseSettings defaults() {
    return new ParseSettings(256 * 1024, Duration.ofDays(1).toMillis(), 256 * 1024, 7_200_000);
  }

  public static ParseSettings from(PropertyGroups p) {
    ParseSettings d = defaults();
    int maxChars = p.integer(GROUP, "max-record-chars", d.maxRecordChars);
    PropertyGroups.checkRange(GROUP, "max-record-chars", maxChars, 1024, 10 * 1024 * 1024);
    Duration skew = p.duration(GROUP, "max-future-skew", Duration.ofMillis(d.maxFutureSkewMs));
    PropertyGroups.checkPositive(GROUP, "max-future-skew", skew);
    int dlMax = p.integer(GROUP, "dead-letter.max-payload-chars", d.deadLetterMaxPayloadChars);
    PropertyGroups.checkRange(GROUP, "dead-letter.max-payload-chars", dlMax, 256, 1024 * 1024);
    Duration wait =
        p.duration(GROUP, "segment.anchor-wait", Duration.ofMillis(d.segmentAnchorWaitMs));
    PropertyGroups.checkPositive(GROUP, "segment.anchor-wait", wait);
    if (wait.compareTo(Duration.ofHours(6)) > 0) {
      throw ConfigException.of(
          GROUP,
          "segment.anchor-wait",
          "must be at most 6h (the segment clock's state retention), was " + wait);
    }
    return new ParseSettings(maxChars, skew.toMillis(), dlMax, wait.toMillis());
  }
}
