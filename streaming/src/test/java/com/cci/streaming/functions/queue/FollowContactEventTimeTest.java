package com.cci.streaming.functions.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.streaming.records.CtrRecord;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.TimestampAssigner;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.junit.jupiter.api.Test;

class FollowContactEventTimeTest {
  @Test
  void keepsTimestampsEmitsNoWatermarkAndReportsIdle() {
    FollowContactEventTime s = new FollowContactEventTime();
    TimestampAssigner<CtrRecord> assigner = s.createTimestampAssigner(null);
    assertThat(assigner.extractTimestamp(new CtrRecord(), 1234L)).isEqualTo(1234L);
    WatermarkGenerator<CtrRecord> g = s.createWatermarkGenerator(null);
    List<String> calls = new ArrayList<>();
    WatermarkOutput out =
        new WatermarkOutput() {
          @Override
          public void emitWatermark(Watermark watermark) {
            calls.add("watermark " + watermark.getTimestamp());
          }

          @Override
          public void markIdle() {
            calls.add("idle");
          }

          @Override
          public void markActive() {
            calls.add("active");
          }
        };
    g.onEvent(new CtrRecord(), 5_000L, out);
    g.onPeriodicEmit(out);
    assertThat(calls).containsOnly("idle");
  }
}
