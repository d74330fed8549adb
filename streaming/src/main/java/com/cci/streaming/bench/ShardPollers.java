package com.cci.streaming.bench;

import com.cci.kinesis.KinesisAdmin;
import com.cci.kinesis.TailRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * P2's reader of the alarm stream: one thread per shard, each polling its shard from TRIM_HORIZON
 * ({@code GetRecords}, {@value #IDLE_MS} ms pause when a call returned nothing), so a record is
 * seen about when it becomes readable on its shard — a single reader going round the shards one
 * call after another would add the other shards' calls to every record's latency (on a loaded
 * kinesis-mock, hundreds of ms). Records are handed to {@code sink} with the wall-clock nanoTime at
 * which their {@code GetRecords} call returned. The shards are those of the stream at start (the
 * benchmark does not reshard).
 */
final class ShardPollers implements AutoCloseable {
  static final long IDLE_MS = 10;

  /** One record read, with when ({@link System#nanoTime()}) its GetRecords call returned. */
  record Read(TailRecord record, long readAtNanos) {}

  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean stopped;

  ShardPollers(KinesisClient kinesis, String stream, Consumer<Read> sink) {
    for (Shard shard : new KinesisAdmin(kinesis).shards(stream)) {
      String shardId = shard.shardId();
      Thread t = new Thread(() -> poll(kinesis, stream, shardId, sink), "p2-read-" + shardId);
      t.setDaemon(true);
      threads.add(t);
    }
  }

  void start() {
    threads.forEach(Thread::start);
  }

  private void poll(KinesisClient kinesis, String stream, String shardId, Consumer<Read> sink) {
    String it =
        kinesis
            .getShardIterator(
                b ->
                    b.streamName(stream)
                        .shardId(shardId)
                        .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
            .shardIterator();
    while (!stopped && it != null) {
      GetRecordsResponse r;
      try {
        String current = it;
        r = kinesis.getRecords(b -> b.shardIterator(current).limit(10_000));
      } catch (RuntimeException e) {
        if (stopped) {
          return;
        }
        sleep(Duration.ofMillis(100)); // throttled or a transient error: retry the same iterator
        continue;
      }
      long now = System.nanoTime();
      for (Record rec : r.records()) {
        sink.accept(
            new Read(
                new TailRecord(
                    stream,
                    shardId,
                    rec.sequenceNumber(),
                    rec.partitionKey(),
                    rec.approximateArrivalTimestamp(),
                    rec.data().asUtf8String()),
                now));
      }
      it = r.nextShardIterator();
      if (r.records().isEmpty()) {
        sleep(Duration.ofMillis(IDLE_MS));
      }
    }
  }

  private void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      stopped = true;
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() throws InterruptedException {
    stopped = true;
    for (Thread t : threads) {
      t.interrupt();
    }
    for (Thread t : threads) {
      t.join(5_000);
    }
  }
}
