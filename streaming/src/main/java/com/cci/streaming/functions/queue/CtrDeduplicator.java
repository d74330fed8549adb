package com.cci.streaming.functions.queue;

import com.cci.streaming.records.CtrRecord;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * CTR de-duplication, keyed by ContactId. Connect delivers CTRs at least once and re-emits a
 * contact's record with the same ContactId; this forwards the first record of a contact and any
 * later one with a strictly newer {@code LastUpdateTimestamp}, and drops the rest (counted in
 * {@code ctrDuplicatesDropped}).
 *
 * <p>State per contact: the newest {@code LastUpdateTimestamp} seen. It expires by an event-time
 * timer {@code retention} after that timestamp (a TTL that is deterministic in replays and drains
 * in bounded runs); a re-emission arriving after that is forwarded again, which the downstream
 * {@link ContactQueueTracker} absorbs while its own tombstone lives.
 */
public class CtrDeduplicator extends KeyedProcessFunction<String, CtrRecord, CtrRecord> {
  private static final long serialVersionUID = 1L;

  private final long retentionMs;
  private transient ValueState<Long> newest;
  private transient Counter forwarded;
  private transient Counter dropped;

  public CtrDeduplicator(long retentionMs) {
    if (retentionMs <= 0) {
      throw new IllegalArgumentException("retention must be > 0 ms, got " + retentionMs);
    }
    this.retentionMs = retentionMs;
  }

  @Override
  public void open(OpenContext ctx) {
    newest =
        getRuntimeContext().getState(new ValueStateDescriptor<>("newestLastUpdate", Long.class));
    forwarded = getRuntimeContext().getMetricGroup().counter("ctrForwarded");
    dropped = getRuntimeContext().getMetricGroup().counter("ctrDuplicatesDropped");
  }

  @Override
  public void processElement(CtrRecord ctr, Context ctx, Collector<CtrRecord> out)
      throws Exception {
    Long seen = newest.value();
    if (seen != null && ctr.lastUpdateMs <= seen) {
      dropped.inc();
      return;
    }
    if (seen != null) {
      ctx.timerService().deleteEventTimeTimer(expiry(seen));
    }
    newest.update(ctr.lastUpdateMs);
    ctx.timerService().registerEventTimeTimer(expiry(ctr.lastUpdateMs));
    forwarded.inc();
    out.collect(ctr);
  }

  private long expiry(long lastUpdateMs) {
    return lastUpdateMs > Long.MAX_VALUE - retentionMs
        ? Long.MAX_VALUE
        : lastUpdateMs + retentionMs;
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<CtrRecord> out)
      throws Exception {
    Long seen = newest.value();
    if (seen != null && expiry(seen) <= timestamp) {
      newest.clear();
    }
  }
}
