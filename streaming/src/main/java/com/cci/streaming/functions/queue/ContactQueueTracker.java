package com.cci.streaming.functions.queue;

import com.cci.streaming.records.ContactEventRecord;
import com.cci.streaming.records.CtrRecord;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Where each contact stands in its queue, keyed by ContactId, from unordered best-effort contact
 * events (input 1) and de-duplicated CTRs (input 2). Emits each {@link QueueTransition} of a
 * contact once: ENQUEUED, then one exit (ANSWERED, ABANDONED or TIMED_OUT).
 *
 * <ul>
 *   <li>Any event carrying queue info (QUEUED, CONNECTED_TO_AGENT, DISCONNECTED: they all carry
 *       {@code queueInfo.enqueueTimestamp}) proves the enqueue, so a DISCONNECTED or
 *       CONNECTED_TO_AGENT that overtakes its QUEUED still yields ENQUEUED first; the late QUEUED
 *       is then ignored.
 *   <li>An event with the agent's {@code connectedToAgentTimestamp} (CONNECTED_TO_AGENT, or a
 *       DISCONNECTED after an answer) means ANSWERED at that time; a DISCONNECTED without one means
 *       ABANDONED at its {@code disconnectTimestamp} (Connect: disconnected while queued).
 *   <li>The CTR is final: if the contact's events were lost it supplies what is missing (enqueue,
 *       and answer at {@code Agent.ConnectedToAgentTimestamp}, or abandon at {@code
 *       Queue.DequeueTimestamp}); counted in {@code transitionsFromCtr}.
 *   <li>A contact still waiting {@code queueTimeout} after its enqueue with neither an exit event
 *       nor a CTR leaves as TIMED_OUT (counted in {@code queueTimeouts}).
 *   <li>Events and CTRs without queue info create no state. After the exit the state stays as a
 *       tombstone (so late events and the CTR change nothing) until {@code eventGrace} after the
 *       CTR or, without a CTR, {@code retention} after the exit.
 * </ul>
 *
 * Transfers need no special case: the transferred contact is a new ContactId (with {@code
 * PreviousContactId}) queued in the target queue.
 */
public class ContactQueueTracker
    extends KeyedCoProcessFunction<String, ContactEventRecord, CtrRecord, QueueTransition> {
  private static final long serialVersionUID = 1L;

  private final long queueTimeoutMs;
  private final long retentionMs;
  private final long eventGraceMs;
  private transient ValueState<TrackedContact> state;
  private transient Counter fromCtr;
  private transient Counter timeouts;

  public ContactQueueTracker(long queueTimeoutMs, long retentionMs, long eventGraceMs) {
    if (queueTimeoutMs <= 0 || retentionMs <= 0 || eventGraceMs <= 0) {
      throw new IllegalArgumentException("timeout, retention and grace must be > 0 ms");
    }
    this.queueTimeoutMs = queueTimeoutMs;
    this.retentionMs = retentionMs;
    this.eventGraceMs = eventGraceMs;
  }

  public ContactQueueTracker(QueueRulesConfig cfg) {
    this(cfg.queueTimeoutMs(), cfg.contactRetentionMs(), cfg.eventGraceMs());
  }

  @Override
  public void open(OpenContext ctx) {
    state =
        getRuntimeContext().getState(new ValueStateDescriptor<>("contact", TrackedContact.class));
    fromCtr = getRuntimeContext().getMetricGroup().counter("transitionsFromCtr");
    timeouts = getRuntimeContext().getMetricGroup().counter("queueTimeouts");
  }

  @Override
  public void processElement1(ContactEventRecord e, Context ctx, Collector<QueueTransition> out)
      throws Exception {
    TrackedContact c = state.value();
    if (e.queueId == null || e.enqueueMs == null) {
      return; // INITIATED, CONNECTED_TO_SYSTEM, or a contact that never queued
    }
    if (c == null) {
      c = new TrackedContact();
      enqueue(c, e.contactId, e.queueId, null, e.enqueueMs, QueueTransition.FROM_EVENT, out);
    }
    if (c.waiting()) {
      if (e.connectedToAgentMs != null || "CONNECTED_TO_AGENT".equals(e.eventType)) {
        long at = e.connectedToAgentMs != null ? e.connectedToAgentMs : e.eventTimeMs;
        exit(c, e.contactId, QueueTransition.ANSWERED, at, QueueTransition.FROM_EVENT, out);
      } else if ("DISCONNECTED".equals(e.eventType)) {
        long at = e.disconnectMs != null ? e.disconnectMs : e.eventTimeMs;
        exit(c, e.contactId, QueueTransition.ABANDONED, at, QueueTransition.FROM_EVENT, out);
      }
    }
    schedule(c, ctx.timerService().currentWatermark(), ctx);
  }

  @Override
  public void processElement2(CtrRecord r, Context ctx, Collector<QueueTransition> out)
      throws Exception {
    TrackedContact c = state.value();
    if (c == null && (r.queueId == null || r.enqueueMs == null)) {
      return; // never queued
    }
    if (c == null) {
      c = new TrackedContact();
      enqueue(c, r.contactId, r.queueId, r.queueName, r.enqueueMs, QueueTransition.FROM_CTR, out);
      fromCtr.inc();
    }
    if (c.queueName == null) {
      c.queueName = r.queueName;
    }
    if (c.waiting()) {
      if (r.connectedToAgentMs != null) {
        exit(
            c,
            r.contactId,
            QueueTransition.ANSWERED,
            r.connectedToAgentMs,
            QueueTransition.FROM_CTR,
            out);
      } else {
        long at =
            r.dequeueMs != null
                ? r.dequeueMs
                : r.disconnectMs != null ? r.disconnectMs : r.lastUpdateMs;
        exit(c, r.contactId, QueueTransition.ABANDONED, at, QueueTransition.FROM_CTR, out);
      }
      fromCtr.inc();
    }
    c.ctrSeen = true;
    schedule(c, Math.max(r.lastUpdateMs, c.exitMs), ctx);
  }

  private void enqueue(
      TrackedContact c,
      String contactId,
      String queueId,
      String queueName,
      long enqueueMs,
      String source,
      Collector<QueueTransition> out) {
    c.queueId = queueId;
    c.queueName = queueName;
    c.enqueueMs = enqueueMs;
    out.collect(
        new QueueTransition(
            queueId, queueName, contactId, QueueTransition.ENQUEUED, enqueueMs, enqueueMs, source));
  }

  private void exit(
      TrackedContact c,
      String contactId,
      String kind,
      long atMs,
      String source,
      Collector<QueueTransition> out) {
    c.exitKind = kind;
    c.exitMs = Math.max(atMs, c.enqueueMs);
    out.collect(
        new QueueTransition(
            c.queueId, c.queueName, contactId, kind, c.exitMs, c.enqueueMs, source));
  }

  /**
   * Stores the state and keeps exactly one timer: the queue timeout while waiting, else the
   * tombstone's end ({@code eventGrace} after {@code referenceMs} once the CTR is in, else {@code
   * retention} after the exit).
   */
  private void schedule(TrackedContact c, long referenceMs, Context ctx) throws Exception {
    long due;
    if (c.waiting()) {
      due = c.enqueueMs + queueTimeoutMs;
    } else if (c.ctrSeen) {
      due = Math.max(referenceMs, c.exitMs) + eventGraceMs;
    } else {
      due = c.exitMs + retentionMs;
    }
    if (due != c.timerMs) {
      if (c.timerMs != 0) {
        ctx.timerService().deleteEventTimeTimer(c.timerMs);
      }
      ctx.timerService().registerEventTimeTimer(due);
      c.timerMs = due;
    }
    state.update(c);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<QueueTransition> out)
      throws Exception {
    TrackedContact c = state.value();
    if (c == null || timestamp != c.timerMs) {
      return;
    }
    if (c.waiting()) {
      timeouts.inc();
      exit(
          c,
          ctx.getCurrentKey(),
          QueueTransition.TIMED_OUT,
          timestamp,
          QueueTransition.FROM_TIMEOUT,
          out);
      c.timerMs = timestamp + retentionMs;
      ctx.timerService().registerEventTimeTimer(c.timerMs);
      state.update(c);
      return;
    }
    state.clear();
  }
}
