package com.cci.streaming.functions.queue;

import com.cci.streaming.records.AlarmEvent;
import com.cci.streaming.records.ContactEventRecord;
import com.cci.streaming.records.CtrRecord;
import com.cci.streaming.records.QueueMetrics;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The queue part of the job graph: CTR de-duplication → per-contact queue tracking (contact events
 * reconciled with CTRs) → per-queue live state, sliding-window metrics and queue rules.
 *
 * <p>The inputs must carry event-time timestamps and watermarks (the parse stage assigns them from
 * the records' own times). Live, after de-duplication the CTRs stop contributing watermarks ({@link
 * FollowContactEventTime}), so windows and timers follow the contact events' watermark (in
 * event-time order, i.e. replays and {@code evaluation-order=event-time}, the CTRs keep theirs: see
 * {@link #define}); its out-of-orderness bound must cover twice the delivery jitter (a transition's
 * time can precede its record's timestamp by the jitter of the record it overtook).
 */
public final class QueuePipeline {
  private QueuePipeline() {}

  /** Wires the operators (names and uids {@code queue-*}). */
  public static QueueOutputs define(
      DataStream<ContactEventRecord> events, DataStream<CtrRecord> ctrs, QueueRulesConfig cfg) {
    SingleOutputStreamOperator<CtrRecord> deduplicated =
        ctrs.keyBy(new QueueKeys.CtrContactId())
            .process(new CtrDeduplicator(cfg.contactRetentionMs()))
            .name("queue-ctr-dedup")
            .uid("queue-ctr-dedup");
    // In arrival order the CTRs stop contributing watermarks (latency: windows follow the contact
    // events). In event-time order (replays, evaluation-order=event-time) they keep theirs: then
    // how far the contact events' watermark has got when a CTR is read does not depend on how fast
    // each source is read, so a CTR is applied (lost events repaired) at the same point of event
    // time in every run.
    DataStream<CtrRecord> unique =
        cfg.eventTimeOrder()
            ? deduplicated
            : deduplicated
                .assignTimestampsAndWatermarks(new FollowContactEventTime())
                .name("queue-ctr-follow-event-time")
                .uid("queue-ctr-follow-event-time");
    DataStream<QueueTransition> transitions =
        events
            .keyBy(new QueueKeys.EventContactId())
            .connect(unique.keyBy(new QueueKeys.CtrContactId()))
            .process(new ContactQueueTracker(cfg))
            .name("queue-contact-tracker")
            .uid("queue-contact-tracker");
    SingleOutputStreamOperator<QueueMetrics> metrics =
        transitions
            .keyBy(new QueueKeys.TransitionQueueId())
            .process(new QueueAnalyticsFunction(cfg))
            .name("queue-analytics")
            .uid("queue-analytics");
    DataStream<AlarmEvent> alarms = metrics.getSideOutput(QueueAnalyticsFunction.ALARMS);
    return new QueueOutputs(alarms, metrics);
  }
}
