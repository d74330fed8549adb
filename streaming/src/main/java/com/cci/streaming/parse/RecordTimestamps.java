package com.cci.streaming.parse;

import org.apache.flink.api.common.functions.Function;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.ChainingStrategy;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Sets each element's Flink timestamp to the event time the record itself carries, and forwards
 * watermarks unchanged. Used after {@link SegmentClock}, whose outputs would otherwise carry the
 * timestamp of whichever input element released them.
 *
 * @param <T> record type
 */
public final class RecordTimestamps<T> extends AbstractStreamOperator<T>
    implements OneInputStreamOperator<T, T> {
  private static final long serialVersionUID = 1L;

  /** Extracts the event time from a record. */
  @FunctionalInterface
  public interface Extractor<T> extends Function {
    long eventTimeMs(T value);
  }

  private final Extractor<T> extractor;

  public RecordTimestamps(Extractor<T> extractor) {
    this.extractor = extractor;
    this.chainingStrategy = ChainingStrategy.ALWAYS;
  }

  @Override
  public void processElement(StreamRecord<T> element) {
    output.collect(element.replace(element.getValue(), extractor.eventTimeMs(element.getValue())));
  }
}
