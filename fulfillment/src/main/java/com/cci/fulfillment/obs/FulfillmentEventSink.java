package com.cci.fulfillment.obs;

import com.cci.schemas.fulfillment.FulfillmentEvent;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where the {@code fulfillment-event} of every turn goes. {@link #emit} never blocks and never
 * throws: an event that cannot be accepted is counted in {@link #dropped()} (and logged by the
 * implementation), never silently lost.
 */
public interface FulfillmentEventSink extends AutoCloseable {

  /** Hands one event over; returns false when it was dropped (and counted). */
  boolean emit(FulfillmentEvent event);

  /** Waits up to {@code timeout} for events handed over so far to be delivered. */
  default void flush(Duration timeout) {}

  /** Events accepted by {@link #emit}. */
  long accepted();

  /** Events dropped: queue full, sink closed, or delivery failed for good. */
  long dropped();

  /** Events delivered to the destination. */
  long delivered();

  @Override
  default void close() {}

  /**
   * A sink for runs without a stream (local webhook with no Kinesis configured): counts the events
   * and delivers them nowhere. Never used when {@code CCI_FULFILLMENT_STREAM} is set.
   */
  static FulfillmentEventSink countingOnly() {
    return new FulfillmentEventSink() {
      private final AtomicLong accepted = new AtomicLong();

      @Override
      public boolean emit(FulfillmentEvent event) {
        accepted.incrementAndGet();
        return true;
      }

      @Override
      public long accepted() {
        return accepted.get();
      }

      @Override
      public long dropped() {
        return 0;
      }

      @Override
      public long delivered() {
        return 0;
      }
    };
  }
}
