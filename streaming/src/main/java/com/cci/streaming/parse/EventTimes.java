package com.cci.streaming.parse;

import com.cci.streaming.config.WatermarkSettings;
import com.cci.streaming.records.ContactEventRecord;
import com.cci.streaming.records.CtrRecord;
import com.cci.streaming.records.FulfillmentRecord;
import com.cci.streaming.records.SegmentRecord;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Watermark strategies of the input streams: bounded out-of-orderness and idleness per stream from
 * {@link WatermarkSettings}, timestamps from the records (never arrival time). Each assigner is a
 * named class so the job graph stays free of anonymous lambdas.
 */
public final class EventTimes {
  private EventTimes() {}

  public static WatermarkStrategy<CtrRecord> ctr(WatermarkSettings w, String stream) {
    return WatermarkStrategy.<CtrRecord>forBoundedOutOfOrderness(w.outOfOrderness(stream))
        .withTimestampAssigner(new CtrTime())
        .withIdleness(w.idleness(stream));
  }

  public static WatermarkStrategy<ContactEventRecord> contactEvents(
      WatermarkSettings w, String stream) {
    return WatermarkStrategy.<ContactEventRecord>forBoundedOutOfOrderness(w.outOfOrderness(stream))
        .withTimestampAssigner(new ContactEventTime())
        .withIdleness(w.idleness(stream));
  }

  /** Untimed segments ({@link SegmentParser#UNTIMED}) do not move the watermark. */
  public static WatermarkStrategy<SegmentRecord> segments(WatermarkSettings w, String stream) {
    return WatermarkStrategy.<SegmentRecord>forBoundedOutOfOrderness(w.outOfOrderness(stream))
        .withTimestampAssigner(new SegmentTime())
        .withIdleness(w.idleness(stream));
  }

  public static WatermarkStrategy<FulfillmentRecord> fulfillment(
      WatermarkSettings w, String stream) {
    return WatermarkStrategy.<FulfillmentRecord>forBoundedOutOfOrderness(w.outOfOrderness(stream))
        .withTimestampAssigner(new FulfillmentTime())
        .withIdleness(w.idleness(stream));
  }

  /** CTR: LastUpdateTimestamp. */
  public static final class CtrTime implements SerializableTimestampAssigner<CtrRecord> {
    private static final long serialVersionUID = 1L;

    @Override
    public long extractTimestamp(CtrRecord r, long previous) {
      return r.lastUpdateMs;
    }
  }

  /** Contact event: the time of what it reports (see {@link ContactEventParser}). */
  public static final class ContactEventTime
      implements SerializableTimestampAssigner<ContactEventRecord> {
    private static final long serialVersionUID = 1L;

    @Override
    public long extractTimestamp(ContactEventRecord r, long previous) {
      return r.eventTimeMs;
    }
  }

  /** Segment: its event time, or Long.MIN_VALUE while untimed. */
  public static final class SegmentTime implements SerializableTimestampAssigner<SegmentRecord> {
    private static final long serialVersionUID = 1L;

    @Override
    public long extractTimestamp(SegmentRecord r, long previous) {
      return r.eventTimeMs;
    }
  }

  /** Fulfillment: eventTime. */
  public static final class FulfillmentTime
      implements SerializableTimestampAssigner<FulfillmentRecord> {
    private static final long serialVersionUID = 1L;

    @Override
    public long extractTimestamp(FulfillmentRecord r, long previous) {
      return r.eventTimeMs;
    }
  }

  /** Segment event time for {@link RecordTimestamps} after {@link SegmentClock}. */
  public static final class SegmentEventTime implements RecordTimestamps.Extractor<SegmentRecord> {
    private static final long serialVersionUID = 1L;

    @Override
    public long eventTimeMs(SegmentRecord value) {
      return value.eventTimeMs;
    }
  }
}
