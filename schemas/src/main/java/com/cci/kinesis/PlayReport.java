package com.cci.kinesis;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a {@link KinesisPlayer} run did, per logical stream and in total.
 *
 * @param streams counters per logical stream name, in first-seen order
 * @param elapsed wall-clock duration of the run
 * @param simulatedSpan arrival time of the last record minus that of the first
 * @param maxLag how far behind schedule the player fell at worst (a record sent later than its
 *     arrival divided by the speed factor); large values mean the speed factor was too high for the
 *     sink. Zero when playing as fast as possible.
 * @param interrupted true when the run was stopped early by an interrupt (records not yet read from
 *     the iterator were not consumed)
 * @param errors the first distinct error messages (rejected records, given-up entries)
 */
public record PlayReport(
    Map<String, StreamStats> streams,
    Duration elapsed,
    Duration simulatedSpan,
    Duration maxLag,
    boolean interrupted,
    List<String> errors) {

  /** Counters for one stream. */
  public record StreamStats(
      String logical,
      String kinesisName,
      long read,
      long sent,
      long failed,
      long retried,
      long rejected,
      long reordered,
      long putRecordsCalls,
      long bytes) {}

  public long read() {
    return streams.values().stream().mapToLong(StreamStats::read).sum();
  }

  public long sent() {
    return streams.values().stream().mapToLong(StreamStats::sent).sum();
  }

  public long failed() {
    return streams.values().stream().mapToLong(StreamStats::failed).sum();
  }

  public long retried() {
    return streams.values().stream().mapToLong(StreamStats::retried).sum();
  }

  public long rejected() {
    return streams.values().stream().mapToLong(StreamStats::rejected).sum();
  }

  /** True when every record read was delivered. */
  public boolean complete() {
    return sent() == read() && !interrupted;
  }

  /** Records delivered per wall-clock second. */
  public double recordsPerSecond() {
    double s = elapsed.toNanos() / 1e9;
    return s <= 0 ? 0 : sent() / s;
  }

  /** A small table for the console. */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            "%-16s %9s %9s %7s %8s %8s %9s %7s%n",
            "stream", "read", "sent", "failed", "retried", "rejected", "reordered", "calls"));
    for (StreamStats s : streams.values()) {
      sb.append(
          String.format(
              "%-16s %9d %9d %7d %8d %8d %9d %7d%n",
              s.kinesisName(),
              s.read(),
              s.sent(),
              s.failed(),
              s.retried(),
              s.rejected(),
              s.reordered(),
              s.putRecordsCalls()));
    }
    sb.append(
        String.format(
            "total: %d read, %d sent, %d failed, %d rejected in %.1f s (%.0f records/s, simulated"
                + " span %s, max lag %d ms)%s%n",
            read(),
            sent(),
            failed(),
            rejected(),
            elapsed.toMillis() / 1000.0,
            recordsPerSecond(),
            simulatedSpan,
            maxLag.toMillis(),
            interrupted ? " — INTERRUPTED" : ""));
    for (String e : errors) {
      sb.append("  error: ").append(e).append('\n');
    }
    return sb.toString();
  }
}
