package com.cci.streaming.parse;

import java.io.Serializable;

/**
 * Parses one raw record of an input stream into the job's POJO, or rejects it with a reason.
 * Implementations are stateless and thread-safe; they never throw anything but {@link
 * RejectedRecordException}.
 *
 * @param <T> the POJO emitted for the stream
 */
public interface RecordParser<T> extends Serializable {
  /** Logical stream name ({@code com.cci.kinesis.Streams}). */
  String stream();

  /** The POJO class. */
  Class<T> type();

  /**
   * Parses {@code raw}; {@code nowMs} is the wall clock used for the future-timestamp check.
   *
   * @throws RejectedRecordException with the dead-letter reason
   */
  T parse(String raw, long nowMs) throws RejectedRecordException;
}
