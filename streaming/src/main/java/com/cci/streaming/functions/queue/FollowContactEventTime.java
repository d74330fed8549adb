package com.cci.streaming.functions.queue;

import com.cci.streaming.records.CtrRecord;
import org.apache.flink.api.common.eventtime.RecordTimestampAssigner;
import org.apache.flink.api.common.eventtime.TimestampAssigner;
import org.apache.flink.api.common.eventtime.TimestampAssignerSupplier;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkGeneratorSupplier;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Watermark strategy for the de-duplicated CTRs on their way into {@link ContactQueueTracker}:
 * keeps the records' timestamps and declares the input idle, so the tracker (and everything after
 * it) runs on the contact events' watermark alone. CTRs come minutes after their contact and late
 * ones hours after, so the CTR stream needs a long out-of-orderness bound; held in the tracker's
 * minimum it would delay every window and QUEUE_WAIT timer by that bound. The tracker does not need
 * it: it applies a CTR once the contact events' watermark passes the CTR's time (all the contact's
 * events are in by then), and late CTRs are still processed (process functions drop nothing). The
 * final watermark of a bounded input is still forwarded.
 */
public final class FollowContactEventTime implements WatermarkStrategy<CtrRecord> {
  private static final long serialVersionUID = 1L;

  @Override
  public WatermarkGenerator<CtrRecord> createWatermarkGenerator(
      WatermarkGeneratorSupplier.Context context) {
    return new Idle();
  }

  @Override
  public TimestampAssigner<CtrRecord> createTimestampAssigner(
      TimestampAssignerSupplier.Context context) {
    return new RecordTimestampAssigner<>(); // keep the timestamp the parse stage assigned
  }

  /** Emits no watermark and reports the input idle. */
  static final class Idle implements WatermarkGenerator<CtrRecord> {
    @Override
    public void onEvent(CtrRecord event, long eventTimestamp, WatermarkOutput output) {
      output.markIdle();
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
      output.markIdle();
    }
  }
}
