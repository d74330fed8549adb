package com.cci.streaming.records;

/**
 * Per-queue metrics of one sliding window, emitted once per queue per slide (queue-metrics stream
 * and CloudWatch EMF). Flink POJO.
 */
public class QueueMetrics {
  public String queueId;
  public String queue;
  public long windowStartMs;
  public long windowEndMs;

  /** Contacts that entered the queue in the window. */
  public long offered;

  /** Contacts connected to an agent in the window. */
  public long answered;

  /** Contacts that left the queue without an agent in the window. */
  public long abandoned;

  /** abandoned / offered (0 when nothing offered). */
  public double abandonmentRate;

  /** Answered within the queue's service-level threshold. */
  public long answeredWithinThreshold;

  /** Service level per the configured formula (1.0 when nothing offered). */
  public double serviceLevel;

  public double avgWaitSeconds;
  public double maxWaitSeconds;

  /** Contacts waiting at the window end, and the longest current wait. */
  public long inQueue;

  public double oldestWaitSeconds;

  /** Whether the queue was open (hours of operation, holidays) at the window end. */
  public boolean open;

  public QueueMetrics() {}
}
