package com.cci.streaming.io.kinesis;

import com.cci.streaming.records.AlarmEvent;
import java.util.function.LongSupplier;

/**
 * Serializes an {@link AlarmEvent} as the {@code alarm} contract ({@link
 * AlarmEvent#toContract(long)}), stamping {@code emittedAt} with the wall clock at serialization
 * time (when the sink takes the record), the only non-deterministic field.
 */
public final class AlarmSerializationSchema extends JsonSerializationSchema<AlarmEvent> {
  private static final long serialVersionUID = 1L;

  /** Serializable clock. */
  public interface Clock extends LongSupplier, java.io.Serializable {}

  private final Clock clock;

  public AlarmSerializationSchema() {
    this(System::currentTimeMillis);
  }

  /** With an explicit clock (tests). */
  public AlarmSerializationSchema(Clock clock) {
    this.clock = clock;
  }

  @Override
  protected Object toJsonValue(AlarmEvent element) {
    return element.toContract(clock.getAsLong());
  }
}
