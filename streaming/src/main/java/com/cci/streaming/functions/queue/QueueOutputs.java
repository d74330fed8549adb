package com.cci.streaming.functions.queue;

import com.cci.streaming.records.AlarmEvent;
import com.cci.streaming.records.QueueMetrics;
import org.apache.flink.streaming.api.datastream.DataStream;

/** PLACEHOLDER owned by s-queues: what {@link QueuePipeline#define} returns. */
public record QueueOutputs(DataStream<AlarmEvent> alarms, DataStream<QueueMetrics> metrics) {}
