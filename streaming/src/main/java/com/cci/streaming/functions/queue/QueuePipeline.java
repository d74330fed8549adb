package com.cci.streaming.functions.queue;

import com.cci.streaming.records.AlarmEvent;
import com.cci.streaming.records.ContactEventRecord;
import com.cci.streaming.records.CtrRecord;
import com.cci.streaming.records.QueueMetrics;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * PLACEHOLDER owned by s-queues, with the agreed signature; emits nothing. Replaced by the s-queues
 * version on merge.
 */
public final class QueuePipeline {
  private QueuePipeline() {}

  public static QueueOutputs define(
      DataStream<ContactEventRecord> events, DataStream<CtrRecord> ctrs, QueueRulesConfig cfg) {
    DataStream<AlarmEvent> alarms =
        events
            .process(new Nothing<ContactEventRecord, AlarmEvent>())
            .returns(TypeInformation.of(AlarmEvent.class))
            .name("queue-placeholder")
            .uid("queue-placeholder");
    DataStream<QueueMetrics> metrics =
        ctrs.process(new Nothing<CtrRecord, QueueMetrics>())
            .returns(TypeInformation.of(QueueMetrics.class))
            .name("queue-metrics-placeholder")
            .uid("queue-metrics-placeholder");
    return new QueueOutputs(alarms, metrics);
  }

  static final class Nothing<I, O> extends ProcessFunction<I, O> {
    @Override
    public void processElement(I value, Context ctx, Collector<O> out) {}
  }
}
