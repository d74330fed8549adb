package com.cci.streaming.functions.bot;

import com.cci.streaming.rules.AlarmEpisode;

/**
 * Running totals of a sliding window of {@link SecondBucket}s plus the rule's alarm episode (Flink
 * POJO). The window covers seconds {@code [endSec - windowSec + 1, endSec]}.
 */
public class SlidingWindowState {
  public long total;
  public long hits;

  /** Newest second in the window (epoch seconds). */
  public long endSec;

  /** No bucket older than this second remains in the map. */
  public long oldestSec;

  public AlarmEpisode episode = new AlarmEpisode();

  public SlidingWindowState() {}

  @Override
  public String toString() {
    return "SlidingWindowState{" + hits + "/" + total + " end=" + endSec + ", " + episode + "}";
  }
}
