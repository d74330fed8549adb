package com.cci.streaming.functions.bot;

/** Counts of one event-time second of bot traffic (Flink POJO, value of a MapState). */
public class SecondBucket {
  public long total;
  public long hits;

  public SecondBucket() {}

  @Override
  public String toString() {
    return hits + "/" + total;
  }
}
