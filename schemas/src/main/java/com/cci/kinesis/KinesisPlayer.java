package com.cci.kinesis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;

/**
 * Plays {@link StreamRecord}s into Kinesis streams at their arrival times, scaled by a speed factor
 * (1 = real time, 60 = one simulated minute per second, {@link Double#POSITIVE_INFINITY} = as fast
 * as possible).
 *
 * <p>Records are buffered per stream and sent with {@code PutRecords} (at most 500 records and 5 MB
 * per call, at most 1 MB per record incl. partition key). A buffer is sent when full, when its
 * oldest record has waited {@code maxBufferDelay} of wall time, before the player sleeps past that
 * delay, and at the end. Entries the service fails ({@code FailedRecordCount}, e.g. {@code
 * ProvisionedThroughputExceededException}) are resent with exponential backoff and jitter, before
 * anything newer for that stream, up to {@code maxAttempts}; whole calls failing with a retryable
 * error are retried the same way. A missing stream is an error (nothing is sent to it).
 *
 * <p><b>Ordering:</b> records of one partition key are sent in arrival order. The one case where
 * Kinesis can still reorder them is a partial failure in which a later entry with the same key
 * succeeds while an earlier one fails; the player counts those as {@code reordered}.
 *
 * <p>Not thread-safe; one {@link #play} at a time. Interrupting the playing thread stops it after
 * sending what is buffered.
 */
public final class KinesisPlayer {
  private static final Logger LOG = LoggerFactory.getLogger(KinesisPlayer.class);
  static final int MAX_RECORDS_PER_CALL = 500;
  static final long MAX_BYTES_PER_CALL = 5L * 1024 * 1024;
  static final long MAX_BYTES_PER_RECORD = 1024L * 1024;
  private static final int MAX_ERRORS = 20;

  private final KinesisClient kinesis;
  private final double speed;
  private final Function<String, String> streamName;
  private final Duration maxBufferDelay;
  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final int maxRecordsPerCall;

  private KinesisPlayer(Builder b) {
    this.kinesis = b.kinesis;
    this.speed = b.speed;
    this.streamName = b.streamName;
    this.maxBufferDelay = b.maxBufferDelay;
    this.maxAttempts = b.maxAttempts;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.maxRecordsPerCall = b.maxRecordsPerCall;
  }

  public static Builder builder(KinesisClient kinesis) {
    return new Builder(kinesis);
  }

  /** Plays every record of the iterator; returns the counters. */
  public PlayReport play(Iterator<StreamRecord> records) {
    Run run = new Run();
    return run.play(records);
  }

  /** Per-stream buffer and counters. */
  private static final class StreamState {
    final String logical;
    final String kinesisName;
    final List<PutRecordsRequestEntry> buffer = new ArrayList<>();
    long bufferBytes;
    long oldestBufferedNanos;
    long read;
    long sent;
    long failed;
    long retried;
    long rejected;
    long reordered;
    long calls;
    long bytes;

    StreamState(String logical, String kinesisName) {
      this.logical = logical;
      this.kinesisName = kinesisName;
    }

    PlayReport.StreamStats stats() {
      return new PlayReport.StreamStats(
          logical, kinesisName, read, sent, failed, retried, rejected, reordered, calls, bytes);
    }
  }

  private final class Run {
    final Map<String, StreamState> streams = new LinkedHashMap<>();
    final Set<String> errors = new LinkedHashSet<>();
    long wallStart;
    long lastProgress;
    long maxLagNanos;
    boolean interrupted;

    PlayReport play(Iterator<StreamRecord> records) {
      wallStart = System.nanoTime();
      lastProgress = wallStart;
      Instant simStart = null;
      Instant simLast = null;
      try {
        while (records.hasNext()) {
          StreamRecord r = records.next();
          if (r == null) {
            error(null, "null record in the input");
            continue;
          }
          if (simStart == null && r.arrival() != null) {
            simStart = r.arrival();
          }
          if (r.arrival() != null) {
            simLast = r.arrival();
          }
          if (!pace(r.arrival(), simStart)) {
            interrupted = true;
            break;
          }
          add(r);
          progress();
        }
        // Send what is buffered even after an interrupt; restore the flag afterwards.
        boolean wasInterrupted = Thread.interrupted();
        interrupted |= wasInterrupted;
        try {
          for (StreamState s : streams.values()) {
            flush(s);
          }
        } finally {
          if (wasInterrupted) {
            Thread.currentThread().interrupt();
          }
        }
      } finally {
        if (Thread.currentThread().isInterrupted()) {
          interrupted = true;
        }
      }
      Duration span = simStart == null ? Duration.ZERO : Duration.between(simStart, simLast);
      Map<String, PlayReport.StreamStats> stats = new LinkedHashMap<>();
      streams.forEach((k, v) -> stats.put(k, v.stats()));
      PlayReport report =
          new PlayReport(
              stats,
              Duration.ofNanos(System.nanoTime() - wallStart),
              span,
              Duration.ofNanos(maxLagNanos),
              interrupted,
              List.copyOf(errors));
      LOG.info("play finished:\n{}", report.summary());
      return report;
    }

    /** Sleeps until the record is due; flushes buffers that would otherwise wait too long. */
    boolean pace(Instant arrival, Instant simStart) {
      if (Double.isInfinite(speed) || arrival == null || simStart == null) {
        return !Thread.currentThread().isInterrupted();
      }
      long simNanos = Duration.between(simStart, arrival).toNanos();
      long due = wallStart + (long) (simNanos / speed);
      while (true) {
        long now = System.nanoTime();
        // Send buffers whose oldest record would exceed the delay before we wake up.
        long wake = Math.min(due, nextFlushDeadline());
        for (StreamState s : streams.values()) {
          if (!s.buffer.isEmpty()
              && s.oldestBufferedNanos + maxBufferDelay.toNanos() <= Math.max(now, wake)) {
            flush(s);
          }
        }
        now = System.nanoTime();
        if (now >= due) {
          maxLagNanos = Math.max(maxLagNanos, now - due);
          return !Thread.currentThread().isInterrupted();
        }
        long sleep = Math.min(due, nextFlushDeadline()) - now;
        if (sleep > 0) {
          try {
            Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
          }
        }
      }
    }

    long nextFlushDeadline() {
      long min = Long.MAX_VALUE;
      for (StreamState s : streams.values()) {
        if (!s.buffer.isEmpty()) {
          min = Math.min(min, s.oldestBufferedNanos + maxBufferDelay.toNanos());
        }
      }
      return min;
    }

    void add(StreamRecord r) {
      String logical = r.stream() == null ? "(none)" : r.stream();
      StreamState s =
          streams.computeIfAbsent(
              logical,
              l -> new StreamState(l, r.stream() == null ? "(none)" : streamName.apply(l)));
      s.read++;
      String reason = invalid(r);
      if (reason != null) {
        s.rejected++;
        error(s, reason);
        return;
      }
      byte[] data = r.json().getBytes(StandardCharsets.UTF_8);
      long size = data.length + r.partitionKey().getBytes(StandardCharsets.UTF_8).length;
      if (size > MAX_BYTES_PER_RECORD) {
        s.rejected++;
        error(
            s,
            "record of "
                + size
                + " bytes exceeds Kinesis' 1 MiB limit (key "
                + r.partitionKey()
                + ")");
        return;
      }
      if (s.buffer.size() >= maxRecordsPerCall || s.bufferBytes + size > MAX_BYTES_PER_CALL) {
        flush(s);
      }
      if (s.buffer.isEmpty()) {
        s.oldestBufferedNanos = System.nanoTime();
      }
      s.buffer.add(
          PutRecordsRequestEntry.builder()
              .partitionKey(r.partitionKey())
              .data(SdkBytes.fromByteArrayUnsafe(data))
              .build());
      s.bufferBytes += size;
    }

    String invalid(StreamRecord r) {
      if (r.stream() == null || r.stream().isBlank()) {
        return "record without a stream name (key " + r.partitionKey() + ")";
      }
      if (r.partitionKey() == null || r.partitionKey().isEmpty()) {
        return "record for stream " + r.stream() + " without a partition key";
      }
      if (r.partitionKey().length() > 256) {
        return "partition key longer than 256 characters for stream " + r.stream();
      }
      if (r.json() == null) {
        return "record for stream " + r.stream() + " without data (key " + r.partitionKey() + ")";
      }
      return null;
    }

    /** Sends the buffer, resending failed entries until they succeed or attempts run out. */
    void flush(StreamState s) {
      if (s.buffer.isEmpty()) {
        return;
      }
      List<PutRecordsRequestEntry> pending = new ArrayList<>(s.buffer);
      s.buffer.clear();
      s.bufferBytes = 0;
      int attempt = 1;
      while (!pending.isEmpty()) {
        PutRecordsResponse resp;
        try {
          s.calls++;
          final List<PutRecordsRequestEntry> batch = pending;
          resp = kinesis.putRecords(b -> b.streamName(s.kinesisName).records(batch));
        } catch (ResourceNotFoundException e) {
          s.failed += pending.size();
          throw new IllegalStateException(
              "Kinesis stream "
                  + s.kinesisName
                  + " does not exist: create it first (./cci stack up --streams, or"
                  + " KinesisAdmin.ensureStreams)",
              e);
        } catch (SdkException e) {
          if (!e.retryable() && !isThrottle(e)) {
            s.failed += pending.size();
            error(s, "PutRecords to " + s.kinesisName + " failed: " + e.getMessage());
            return;
          }
          if (attempt >= maxAttempts) {
            s.failed += pending.size();
            error(
                s,
                "PutRecords to "
                    + s.kinesisName
                    + " gave up after "
                    + attempt
                    + " attempts: "
                    + e.getMessage());
            return;
          }
          s.retried += pending.size();
          if (!backoff(attempt++)) {
            s.failed += pending.size();
            return;
          }
          continue;
        }
        List<PutRecordsRequestEntry> retry = new ArrayList<>();
        Set<String> failedKeys = new HashSet<>();
        List<PutRecordsResultEntry> results = resp.records();
        for (int i = 0; i < pending.size(); i++) {
          PutRecordsResultEntry res = i < results.size() ? results.get(i) : null;
          PutRecordsRequestEntry entry = pending.get(i);
          if (res != null && res.errorCode() == null) {
            s.sent++;
            s.bytes += entry.data().asByteArrayUnsafe().length;
            if (failedKeys.contains(entry.partitionKey())) {
              s.reordered++;
            }
          } else {
            retry.add(entry);
            failedKeys.add(entry.partitionKey());
            if (res != null && attempt >= maxAttempts) {
              error(s, res.errorCode() + ": " + res.errorMessage());
            }
          }
        }
        if (retry.isEmpty()) {
          return;
        }
        if (attempt >= maxAttempts) {
          s.failed += retry.size();
          error(
              s,
              retry.size()
                  + " record(s) to "
                  + s.kinesisName
                  + " still failing after "
                  + attempt
                  + " attempts");
          return;
        }
        s.retried += retry.size();
        if (!backoff(attempt++)) {
          s.failed += retry.size();
          return;
        }
        pending = retry;
      }
    }

    boolean isThrottle(SdkException e) {
      String n = e.getClass().getSimpleName();
      return n.contains("ProvisionedThroughputExceeded") || n.contains("LimitExceeded");
    }

    /** Exponential backoff with full jitter; false when interrupted. */
    boolean backoff(int attempt) {
      long cap =
          Math.min(maxBackoff.toMillis(), initialBackoff.toMillis() << Math.min(attempt - 1, 20));
      long sleep = cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1);
      try {
        Thread.sleep(sleep);
        return true;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        interrupted = true;
        return false;
      }
    }

    void error(StreamState s, String message) {
      if (errors.size() < MAX_ERRORS) {
        errors.add(message);
      }
      LOG.warn("{}{}", s == null ? "" : s.kinesisName + ": ", message);
    }

    void progress() {
      long now = System.nanoTime();
      if (now - lastProgress > 5_000_000_000L) {
        lastProgress = now;
        long read = streams.values().stream().mapToLong(x -> x.read).sum();
        long sent = streams.values().stream().mapToLong(x -> x.sent).sum();
        LOG.info("playing: {} read, {} sent", read, sent);
      }
    }
  }

  /** Options of a player. */
  public static final class Builder {
    private final KinesisClient kinesis;
    private double speed = 1.0;
    private Function<String, String> streamName = Streams::kinesisName;
    private Duration maxBufferDelay = Duration.ofMillis(200);
    private int maxAttempts = 8;
    private Duration initialBackoff = Duration.ofMillis(100);
    private Duration maxBackoff = Duration.ofSeconds(5);
    private int maxRecordsPerCall = MAX_RECORDS_PER_CALL;

    private Builder(KinesisClient kinesis) {
      this.kinesis = Objects.requireNonNull(kinesis, "kinesis client");
    }

    /**
     * Speed factor: simulated seconds per wall-clock second (1 = real time, 60 = a minute per
     * second, {@link Double#POSITIVE_INFINITY} = no pacing).
     */
    public Builder speed(double factor) {
      if (!(factor > 0)) {
        throw new IllegalArgumentException("speed must be > 0 (or Infinity): " + factor);
      }
      this.speed = factor;
      return this;
    }

    /**
     * Maps a logical stream name to the Kinesis stream name; default {@link Streams#kinesisName}.
     */
    public Builder streamName(Function<String, String> mapping) {
      this.streamName = Objects.requireNonNull(mapping);
      return this;
    }

    /** Longest a record waits in a buffer (wall time) before it is sent; default 200 ms. */
    public Builder maxBufferDelay(Duration d) {
      this.maxBufferDelay = Objects.requireNonNull(d);
      return this;
    }

    /** Attempts per entry before it counts as failed; default 8. */
    public Builder maxAttempts(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("maxAttempts must be >= 1");
      }
      this.maxAttempts = n;
      return this;
    }

    /** First backoff (doubling up to {@code max}); defaults 100 ms and 5 s. */
    public Builder backoff(Duration initial, Duration max) {
      this.initialBackoff = Objects.requireNonNull(initial);
      this.maxBackoff = Objects.requireNonNull(max);
      return this;
    }

    /** Records per PutRecords call, 1..500; default 500. */
    public Builder maxRecordsPerCall(int n) {
      if (n < 1 || n > MAX_RECORDS_PER_CALL) {
        throw new IllegalArgumentException("maxRecordsPerCall must be 1..500: " + n);
      }
      this.maxRecordsPerCall = n;
      return this;
    }

    public KinesisPlayer build() {
      return new KinesisPlayer(this);
    }
  }
}
