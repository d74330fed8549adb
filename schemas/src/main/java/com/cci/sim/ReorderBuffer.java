package com.cci.sim;

import com.cci.kinesis.StreamRecord;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Puts stream records into arrival order with bounded memory. Every record is offered while the
 * simulation clock is at or before its arrival; once the clock passes an instant no record can
 * arrive earlier, so everything before the clock is released. Ties are released in offer order.
 * Only records in flight (delivery jitter, late CTRs, segments of ongoing calls) are held.
 */
final class ReorderBuffer {
  private record Pending(long arrivalMs, long seq, StreamRecord record) {}

  private final PriorityQueue<Pending> heap =
      new PriorityQueue<>(
          (a, b) -> {
            int c = Long.compare(a.arrivalMs, b.arrivalMs);
            return c != 0 ? c : Long.compare(a.seq, b.seq);
          });
  private final Consumer<StreamRecord> out;
  private long seq;
  private long clockMs = Long.MIN_VALUE;
  private long clamped;
  private int highWater;

  ReorderBuffer(Consumer<StreamRecord> out) {
    this.out = out;
  }

  /**
   * Holds a record until its arrival. A record whose arrival lies before the clock (it would have
   * to travel back in time) is moved to the clock and counted in {@link #clamped()}.
   */
  void offer(StreamRecord r) {
    long ms = r.arrival().toEpochMilli();
    if (ms < clockMs) {
      clamped++;
      ms = clockMs;
      r = new StreamRecord(Instant.ofEpochMilli(ms), r.stream(), r.partitionKey(), r.json());
    }
    heap.add(new Pending(ms, seq++, r));
    highWater = Math.max(highWater, heap.size());
  }

  /** Advances the clock and releases every record arriving strictly before it. */
  void advanceTo(long nowMs) {
    if (nowMs > clockMs) {
      clockMs = nowMs;
    }
    while (!heap.isEmpty() && heap.peek().arrivalMs < clockMs) {
      out.accept(heap.poll().record);
    }
  }

  /** Releases everything (end of the run). */
  void drain() {
    while (!heap.isEmpty()) {
      Pending p = heap.poll();
      clockMs = Math.max(clockMs, p.arrivalMs);
      out.accept(p.record);
    }
  }

  long clamped() {
    return clamped;
  }

  int highWater() {
    return highWater;
  }
}
