package com.cci.fulfillment.obs;

import com.cci.schemas.Json;
import com.cci.schemas.fulfillment.FulfillmentEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * Writes fulfillment events to a Kinesis stream ({@code cci-fulfillment}) in the background: {@link
 * #emit} only offers to a bounded queue (never blocks the reply); one daemon thread drains it in
 * {@code PutRecords} batches (up to 500 records, or whatever arrived within {@code linger}),
 * retries the records a batch rejected (throttling) up to {@code maxAttempts} times with backoff,
 * and counts the rest as dropped. Partition key: {@code sessionIdHash}, so one session's events
 * stay in order on one shard. Drops are counted and logged (at most one WARN line per 10 s with the
 * running total).
 *
 * <p>The Kinesis client is created on the sender thread at its first batch, so constructing the
 * sink opens no connection (SnapStart-safe).
 */
public final class KinesisEventSink implements FulfillmentEventSink {
  static final int MAX_BATCH = 500;
  private static final ObjectWriter WRITER = Json.mapper().writerFor(FulfillmentEvent.class);
  private static final Object POISON = new Object();

  private final String stream;
  private final Supplier<KinesisClient> clientFactory;
  private final BlockingQueue<Object> queue;
  private final Duration linger;
  private final int maxAttempts;
  private final JsonLogger log;
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong lastDropLog = new AtomicLong();
  // drops of events that never entered the queue (so flush does not wait for them)
  private final AtomicLong droppedBeforeAccept = new AtomicLong();
  private final Object progress = new Object();
  private volatile boolean closed;
  private Thread sender;
  private KinesisClient client;

  /**
   * @param stream stream name
   * @param clientFactory builds the client lazily (on the sender thread)
   * @param capacity queue bound; beyond it events are dropped and counted
   * @param linger how long a partial batch may wait for more events
   * @param maxAttempts tries per record (throttled records are retried)
   */
  public KinesisEventSink(
      String stream,
      Supplier<KinesisClient> clientFactory,
      int capacity,
      Duration linger,
      int maxAttempts,
      JsonLogger log) {
    this.stream = Objects.requireNonNull(stream);
    this.clientFactory = Objects.requireNonNull(clientFactory);
    if (capacity < 1 || maxAttempts < 1) {
      throw new IllegalArgumentException("capacity and maxAttempts must be >= 1");
    }
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.linger = Objects.requireNonNull(linger);
    this.maxAttempts = maxAttempts;
    this.log = Objects.requireNonNull(log);
  }

  @Override
  public boolean emit(FulfillmentEvent event) {
    if (event == null) {
      return false;
    }
    if (closed || !queue.offer(event)) {
      drop(1, closed ? "sink closed" : "queue full");
      return false;
    }
    accepted.incrementAndGet();
    startSender();
    return true;
  }

  private void startSender() {
    if (sender != null) {
      return;
    }
    synchronized (this) {
      if (sender == null && !closed) {
        Thread t = new Thread(this::run, "fulfillment-events");
        t.setDaemon(true);
        t.start();
        sender = t;
      }
    }
  }

  @Override
  public void flush(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (progress) {
      while (delivered.get() + dropped.get() < accepted.get() + droppedBeforeAccept.get()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(progress, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private void drop(int n, String why) {
    dropped.addAndGet(n);
    if (why.equals("queue full") || why.equals("sink closed")) {
      droppedBeforeAccept.addAndGet(n);
    }
    long now = System.currentTimeMillis();
    long last = lastDropLog.get();
    if (now - last >= 10_000 && lastDropLog.compareAndSet(last, now)) {
      log.warn(
          "fulfillment events dropped",
          Map.of("reason", why, "droppedTotal", dropped.get(), "stream", stream));
    }
  }

  private void run() {
    List<Object> batch = new ArrayList<>(MAX_BATCH);
    boolean stop = false;
    while (!stop) {
      batch.clear();
      try {
        Object first = queue.poll(1, TimeUnit.SECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        long until = System.nanoTime() + linger.toNanos();
        while (batch.size() < MAX_BATCH) {
          long left = until - System.nanoTime();
          Object next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
          if (next == null) {
            break;
          }
          batch.add(next);
        }
      } catch (InterruptedException e) {
        stop = true;
      }
      if (batch.remove(POISON)) {
        stop = true;
        queue.drainTo(batch);
        batch.remove(POISON);
      }
      List<FulfillmentEvent> events = new ArrayList<>(batch.size());
      for (Object o : batch) {
        events.add((FulfillmentEvent) o);
      }
      for (int i = 0; i < events.size(); i += MAX_BATCH) {
        send(events.subList(i, Math.min(events.size(), i + MAX_BATCH)));
      }
    }
    if (client != null) {
      client.close();
    }
  }

  private void send(List<FulfillmentEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    List<PutRecordsRequestEntry> pending = new ArrayList<>(events.size());
    for (FulfillmentEvent e : events) {
      try {
        pending.add(
            PutRecordsRequestEntry.builder()
                .partitionKey(e.sessionIdHash())
                .data(SdkBytes.fromByteArray(WRITER.writeValueAsBytes(e)))
                .build());
      } catch (JsonProcessingException ex) {
        drop(1, "not serializable");
      }
    }
    for (int attempt = 1; attempt <= maxAttempts && !pending.isEmpty(); attempt++) {
      try {
        if (client == null) {
          client = clientFactory.get();
        }
        List<PutRecordsRequestEntry> batch = pending;
        PutRecordsResponse r = client.putRecords(b -> b.streamName(stream).records(batch));
        List<PutRecordsRequestEntry> failed = new ArrayList<>();
        List<PutRecordsResultEntry> results = r.records();
        for (int i = 0; i < results.size(); i++) {
          if (results.get(i).errorCode() != null) {
            failed.add(batch.get(i));
          }
        }
        delivered.addAndGet(batch.size() - failed.size());
        signal();
        pending = failed;
      } catch (RuntimeException e) {
        if (attempt == maxAttempts) {
          log.warn(
              "fulfillment events: PutRecords failed",
              Map.of("stream", stream, "records", pending.size(), "error", e.getClass().getName()));
        }
      }
      if (!pending.isEmpty() && attempt < maxAttempts) {
        try {
          Thread.sleep(Math.min(1000L, 50L << (attempt - 1)));
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    if (!pending.isEmpty()) {
      drop(pending.size(), "delivery failed");
      signal();
    }
  }

  private void signal() {
    synchronized (progress) {
      progress.notifyAll();
    }
  }

  @Override
  public long accepted() {
    return accepted.get();
  }

  @Override
  public long dropped() {
    return dropped.get();
  }

  @Override
  public long delivered() {
    return delivered.get();
  }

  /** Sends what is queued (waiting up to 5 s), then stops the sender thread. */
  @Override
  public void close() {
    Thread t;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      t = sender;
    }
    if (t == null) {
      return;
    }
    // The queue may be full: the sender drains it, so put() makes progress.
    try {
      if (!queue.offer(POISON, 5, TimeUnit.SECONDS)) {
        t.interrupt();
      }
      t.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (t.isAlive()) {
      t.interrupt();
    }
  }
}
