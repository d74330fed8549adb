package com.cci.kinesis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.LimitExceededException;
import software.amazon.awssdk.services.kinesis.model.ListShardsRequest;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.ResourceInUseException;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * Creates Kinesis streams when missing and waits until they are ACTIVE, polling {@code
 * DescribeStreamSummary} every 250 ms (the SDK's waiter polls every 10 s).
 */
public final class KinesisAdmin {
  private static final Logger LOG = LoggerFactory.getLogger(KinesisAdmin.class);

  /**
   * Default shard count for local streams. kinesis-mock's writes slow down as a stream fills (20
   * 000 records of 350 bytes, measured per 5 000: 1 shard 800 to 150 records/s, 4 shards 2 500 to
   * 500, 16 shards 3 900 to 1 400), so load is spread over several shards; more shards also mean
   * more GetRecords polling for every reader. Raise it ({@code ./cci stack up --shards}) for big
   * plays.
   */
  public static final int DEFAULT_SHARDS = 4;

  private static final Duration POLL = Duration.ofMillis(250);

  private final KinesisClient kinesis;

  public KinesisAdmin(KinesisClient kinesis) {
    this.kinesis = Objects.requireNonNull(kinesis);
  }

  /** {@link #ensureStreams(Collection, int, Duration)} with a 60 s timeout. */
  public void ensureStreams(Collection<String> names, int shards) {
    ensureStreams(names, shards, Duration.ofSeconds(60));
  }

  /**
   * Creates each stream that does not exist (provisioned, {@code shards} shards), then waits until
   * all are ACTIVE. Existing streams are left as they are, whatever their shard count.
   *
   * @throws IllegalStateException when a stream is not ACTIVE within the timeout
   */
  public void ensureStreams(Collection<String> names, int shards, Duration timeout) {
    if (shards < 1) {
      throw new IllegalArgumentException("shards must be >= 1: " + shards);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    for (String name : names) {
      createIfMissing(name, shards, deadline);
    }
    for (String name : names) {
      awaitActive(name, Math.max(0, deadline - System.nanoTime()));
    }
  }

  /**
   * Creates the stream unless it exists. Kinesis (and kinesis-mock) allow only a few streams in
   * CREATING at once and answer {@code LimitExceededException} beyond that: wait and retry.
   */
  private void createIfMissing(String name, int shards, long deadline) {
    while (status(name) == null) {
      try {
        kinesis.createStream(b -> b.streamName(name).shardCount(shards));
        LOG.info("created stream {} with {} shard(s)", name, shards);
        return;
      } catch (ResourceInUseException e) {
        return; // created concurrently by someone else: fine
      } catch (LimitExceededException e) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "cannot create stream " + name + " in time: " + e.getMessage(), e);
        }
        sleep(name);
      }
    }
  }

  private static void sleep(String name) {
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for stream " + name, e);
    }
  }

  /** Waits until the stream is ACTIVE. */
  public void awaitActive(String name, Duration timeout) {
    awaitActive(name, timeout.toNanos());
  }

  private void awaitActive(String name, long timeoutNanos) {
    long deadline = System.nanoTime() + timeoutNanos;
    StreamStatus last = null;
    while (true) {
      last = status(name);
      if (last == StreamStatus.ACTIVE) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "stream "
                + name
                + " not ACTIVE in time (status "
                + (last == null ? "missing" : last)
                + ")");
      }
      sleep(name);
    }
  }

  /** The stream's status, or null when it does not exist. */
  public StreamStatus status(String name) {
    try {
      return kinesis
          .describeStreamSummary(b -> b.streamName(name))
          .streamDescriptionSummary()
          .streamStatus();
    } catch (ResourceNotFoundException e) {
      return null;
    }
  }

  /** All shards of a stream (open and closed), following pagination. */
  public List<Shard> shards(String name) {
    List<Shard> out = new ArrayList<>();
    ListShardsResponse r = kinesis.listShards(ListShardsRequest.builder().streamName(name).build());
    out.addAll(r.shards());
    while (r.nextToken() != null) {
      String token = r.nextToken();
      r = kinesis.listShards(ListShardsRequest.builder().nextToken(token).build());
      out.addAll(r.shards());
    }
    return out;
  }
}
