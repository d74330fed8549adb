package com.cci.streaming.functions.conversation;

import com.cci.streaming.records.AlarmEvent;
import com.cci.streaming.records.FulfillmentRecord;
import com.cci.streaming.records.SegmentRecord;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.co.CoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * PLACEHOLDER owned by s-conversation, with the agreed signature; emits nothing. Replaced by the
 * s-conversation version on merge.
 */
public final class ConversationPipeline {
  private ConversationPipeline() {}

  public static DataStream<AlarmEvent> define(
      DataStream<SegmentRecord> segments,
      DataStream<FulfillmentRecord> fulfillment,
      ConversationRulesConfig cfg) {
    return segments
        .connect(fulfillment)
        .process(new Nothing())
        .returns(TypeInformation.of(AlarmEvent.class))
        .name("conversation-placeholder")
        .uid("conversation-placeholder");
  }

  static final class Nothing
      extends CoProcessFunction<SegmentRecord, FulfillmentRecord, AlarmEvent> {
    @Override
    public void processElement1(SegmentRecord v, Context ctx, Collector<AlarmEvent> out) {}

    @Override
    public void processElement2(FulfillmentRecord v, Context ctx, Collector<AlarmEvent> out) {}
  }
}
