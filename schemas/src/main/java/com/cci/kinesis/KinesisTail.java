package com.cci.kinesis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ExpiredIteratorException;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * Reads every shard of one stream with {@code GetShardIterator}/{@code GetRecords}, for tests and
 * for printing alarms in the demo. Shard iterators are taken when the tail is created, so with
 * {@link Start#LATEST} everything written after construction is seen. Shards that appear later
 * (resharding) are read from their start; closed shards are dropped once drained.
 *
 * <p>Not thread-safe. Records of one shard come in sequence order; there is no order across shards.
 */
public final class KinesisTail {
  /** Where to start reading. */
  public enum Start {
    TRIM_HORIZON,
    LATEST
  }

  private static final Duration DISCOVERY_INTERVAL = Duration.ofSeconds(5);
  private static final Duration IDLE_SLEEP = Duration.ofMillis(200);

  private final KinesisClient kinesis;
  private final String stream;
  private final Start start;
  private final KinesisAdmin admin;

  /** shardId -> next iterator (null once a closed shard is drained). */
  private final Map<String, String> iterators = new LinkedHashMap<>();

  private final Map<String, String> lastSequence = new LinkedHashMap<>();
  private long lastDiscovery;

  public KinesisTail(KinesisClient kinesis, String stream, Start start) {
    this.kinesis = Objects.requireNonNull(kinesis);
    this.stream = Objects.requireNonNull(stream);
    this.start = Objects.requireNonNull(start);
    this.admin = new KinesisAdmin(kinesis);
    discover(start);
  }

  /** The stream name. */
  public String stream() {
    return stream;
  }

  private void discover(Start from) {
    for (Shard shard : admin.shards(stream)) {
      if (!iterators.containsKey(shard.shardId())) {
        iterators.put(shard.shardId(), iterator(shard.shardId(), from, null));
      }
    }
    lastDiscovery = System.nanoTime();
  }

  private String iterator(String shardId, Start from, String afterSequence) {
    return kinesis
        .getShardIterator(
            b -> {
              b.streamName(stream).shardId(shardId);
              if (afterSequence != null) {
                b.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                    .startingSequenceNumber(afterSequence);
              } else {
                b.shardIteratorType(
                    from == Start.LATEST
                        ? ShardIteratorType.LATEST
                        : ShardIteratorType.TRIM_HORIZON);
              }
            })
        .shardIterator();
  }

  /** One {@code GetRecords} round over all shards; returns what was read (maybe nothing). */
  public List<TailRecord> poll() {
    if (System.nanoTime() - lastDiscovery > DISCOVERY_INTERVAL.toNanos()) {
      discover(Start.TRIM_HORIZON); // shards created after we started: read them whole
    }
    List<TailRecord> out = new ArrayList<>();
    for (Map.Entry<String, String> e : iterators.entrySet()) {
      String shardId = e.getKey();
      String it = e.getValue();
      if (it == null) {
        continue;
      }
      GetRecordsResponse r;
      try {
        r = kinesis.getRecords(b -> b.shardIterator(it).limit(10_000));
      } catch (ExpiredIteratorException ex) {
        e.setValue(iterator(shardId, start, lastSequence.get(shardId)));
        continue;
      } catch (ProvisionedThroughputExceededException ex) {
        continue; // next round
      }
      for (Record rec : r.records()) {
        out.add(
            new TailRecord(
                stream,
                shardId,
                rec.sequenceNumber(),
                rec.partitionKey(),
                rec.approximateArrivalTimestamp(),
                rec.data().asUtf8String()));
        lastSequence.put(shardId, rec.sequenceNumber());
      }
      e.setValue(r.nextShardIterator());
    }
    return out;
  }

  /**
   * Polls until at least {@code count} records were read or the timeout passes; returns everything
   * read (possibly more than {@code count}, or fewer on timeout).
   */
  public List<TailRecord> await(int count, Duration timeout) {
    List<TailRecord> out = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (out.size() < count) {
      List<TailRecord> got = poll();
      out.addAll(got);
      if (out.size() >= count || System.nanoTime() > deadline) {
        break;
      }
      if (got.isEmpty() && !sleep()) {
        break;
      }
    }
    return out;
  }

  /**
   * Reads until nothing new arrives for {@code quiet} (or {@code max} passes): drains a stream
   * whose writers are done.
   */
  public List<TailRecord> drain(Duration quiet, Duration max) {
    List<TailRecord> out = new ArrayList<>();
    long deadline = System.nanoTime() + max.toNanos();
    long lastNew = System.nanoTime();
    while (System.nanoTime() < deadline) {
      List<TailRecord> got = poll();
      if (!got.isEmpty()) {
        out.addAll(got);
        lastNew = System.nanoTime();
      } else if (System.nanoTime() - lastNew > quiet.toNanos() || !sleep()) {
        break;
      }
    }
    return out;
  }

  /** Hands every record to {@code sink} until {@code stop} says so or the thread is interrupted. */
  public void follow(Consumer<TailRecord> sink, BooleanSupplier stop) {
    while (!stop.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
      List<TailRecord> got = poll();
      got.forEach(sink);
      if (got.isEmpty() && !sleep()) {
        return;
      }
    }
  }

  private static boolean sleep() {
    try {
      Thread.sleep(IDLE_SLEEP.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
