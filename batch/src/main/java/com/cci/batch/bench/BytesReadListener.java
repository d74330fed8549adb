package com.cci.batch.bench;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/** Sums the bytes Spark's tasks read from storage ({@code taskMetrics.inputMetrics.bytesRead}). */
public final class BytesReadListener extends SparkListener {
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong tasks = new AtomicLong();

  @Override
  public void onTaskEnd(SparkListenerTaskEnd end) {
    if (end.taskMetrics() != null) {
      bytes.addAndGet(end.taskMetrics().inputMetrics().bytesRead());
      tasks.incrementAndGet();
    }
  }

  /** Bytes read since the last reset. */
  public long bytes() {
    return bytes.get();
  }

  public long tasks() {
    return tasks.get();
  }

  public void reset() {
    bytes.set(0);
    tasks.set(0);
  }
}
