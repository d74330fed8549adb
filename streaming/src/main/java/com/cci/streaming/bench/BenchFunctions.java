package com.cci.streaming.bench;

import com.cci.streaming.records.FulfillmentRecord;
import com.cci.streaming.records.SegmentRecord;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.functions.MapFunction;

/** The benchmark job's source-side functions (named classes, as in the job). */
final class BenchFunctions {
  private BenchFunctions() {}

  /** Index → Contact Lens segment record (lookup + parse). */
  static final class ParseSegment implements MapFunction<Long, SegmentRecord> {
    private static final long serialVersionUID = 1L;

    @Override
    public SegmentRecord map(Long i) {
      BenchData.markFirst();
      int k = i.intValue();
      return ProvisionalParsers.segment(
          BenchData.json[BenchData.CONTACT_LENS][k],
          BenchData.arrivalMs[BenchData.CONTACT_LENS][k]);
    }
  }

  /** Index → fulfillment record (lookup + parse). */
  static final class ParseFulfillment implements MapFunction<Long, FulfillmentRecord> {
    private static final long serialVersionUID = 1L;

    @Override
    public FulfillmentRecord map(Long i) {
      BenchData.markFirst();
      return ProvisionalParsers.fulfillment(BenchData.json[BenchData.FULFILLMENT][i.intValue()]);
    }
  }

  /**
   * Index → parsed tree of a CTR or contact event, reduced to its field count: the queue side's
   * parse cost is paid; its rules join when s-queues' QueuePipeline is merged.
   */
  static final class ParseTreeOnly implements MapFunction<Long, Integer> {
    private static final long serialVersionUID = 1L;
    private final int stream;

    ParseTreeOnly(int stream) {
      this.stream = stream;
    }

    @Override
    public Integer map(Long i) {
      BenchData.markFirst();
      return ProvisionalParsers.tree(BenchData.json[stream][i.intValue()]).size();
    }
  }

  static final class SegmentTime implements SerializableTimestampAssigner<SegmentRecord> {
    private static final long serialVersionUID = 1L;

    @Override
    public long extractTimestamp(SegmentRecord r, long previous) {
      return r.eventTimeMs;
    }
  }

  static final class FulfillmentTime implements SerializableTimestampAssigner<FulfillmentRecord> {
    private static final long serialVersionUID = 1L;

    @Override
    public long extractTimestamp(FulfillmentRecord r, long previous) {
      return r.eventTimeMs;
    }
  }
}
