package com.cci.streaming.functions.queue;

import com.cci.streaming.records.AlarmEvent;
import com.cci.streaming.records.QueueMetrics;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * What {@link QueuePipeline#define} produces.
 *
 * @param alarms QUEUE_WAIT, QUEUE_SIZE, ABANDONMENT_RATE and SERVICE_LEVEL state changes
 * @param metrics one record per queue per slide
 */
public record QueueOutputs(DataStream<AlarmEvent> alarms, DataStream<QueueMetrics> metrics) {}
