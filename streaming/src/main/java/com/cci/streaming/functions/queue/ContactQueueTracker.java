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
 *   <li>The CTR is final, but it is applied only when the watermark passes its {@code
 *       LastUpdateTimestamp}: by then every contact event of the contact (all earlier) has been
 *       processed, so the events' millisecond times win and the result does not depend on which
 *       stream was read first. If the events were lost, the CTR supplies what is missing (enqueue
 *       at {@code Queue.EnqueueTimestamp}, answer at {@code Agent.ConnectedToAgentTimestamp}, or
 *       abandon at {@code Queue.DequeueTimestamp}); counted in {@code transitionsFromCtr}.
 *   <li>A contact still waiting {@code queueTimeout} after its enqueue with neither an exit event
 *       nor a CTR leaves as TIMED_OUT (counted in {@code queueTimeouts}); a CTR arriving later
 *       changes nothing.
 *   <li>Events and CTRs without queue info create no state. After the exit the state stays as a
 *       tombstone (so late events, the CTR and its re-emissions change nothing) until {@code
 *       retention} after the exit or the CTR's {@code LastUpdateTimestamp}, whichever is later.
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
  private transient ValueState<TrackedContact> state;
  private transient Counter fromCtr;
  private transient Counter timeouts;

  public ContactQueueTracker(long queueTimeoutMs, long retentionMs) {
    if (queueTimeoutMs <= 0 || retentionMs <= 0) {
      throw new IllegalArgumentException("timeout and retention must be > 0 ms");
    }
    this.queueTimeoutMs = queueTimeoutMs;
    this.retentionMs = retentionMs;
  }

  public ContactQueueTracker(QueueRulesConfig cfg) {
    this(cfg.queueTimeoutMs(), cfg.contactRetentionMs());
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
    if (e.queueId == null || e.enqueueMs == null) {
      return; // INITIATED, CONNECTED_TO_SYSTEM, or a contact that never queued
    }
    TrackedContact c = state.value();
    if (c == null) {
      c = new TrackedContact();
    }
    if (!c.enqueued) {
      enqueue(c, e.contactId, e.queueId, e.enqueueMs, QueueTransition.FROM_EVENT, out);
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
    schedule(c, ctx);
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
    }
    if (c.queueName == null) {
      c.queueName = r.queueName;
    }
    if (!c.ctrSeen) {
      c.ctrSeen = true;
      c.ctrPending = r.queueId != null && r.enqueueMs != null;
      c.ctrLastUpdateMs = r.lastUpdateMs;
      c.ctrQueueId = r.queueId;
      c.ctrEnqueueMs = r.enqueueMs;
      c.ctrAnswerMs = r.connectedToAgentMs;
      c.ctrLeftMs =
          r.connectedToAgentMs != null
              ? r.connectedToAgentMs
              : r.dequeueMs != null
                  ? r.dequeueMs
                  : r.disconnectMs != null ? r.disconnectMs : r.lastUpdateMs;
    }
    schedule(c, ctx);
  }

  /** Applies the CTR: emits what the events did not. */
  private void reconcile(TrackedContact c, String contactId, Collector<QueueTransition> out) {
    c.ctrPending = false;
    if (!c.enqueued) {
      enqueue(c, contactId, c.ctrQueueId, c.ctrEnqueueMs, QueueTransition.FROM_CTR, out);
      fromCtr.inc();
    }
    if (c.waiting()) {
      String kind = c.ctrAnswerMs != null ? QueueTransition.ANSWERED : QueueTransition.ABANDONED;
      exit(c, contactId, kind, c.ctrLeftMs, QueueTransition.FROM_CTR, out);
      fromCtr.inc();
    }
  }

  private void enqueue(
      TrackedContact c,
      String contactId,
      String queueId,
      long enqueueMs,
      String source,
      Collector<QueueTransition> out) {
    c.enqueued = true;
    c.queueId = queueId;
    c.enqueueMs = enqueueMs;
    out.collect(
        new QueueTransition(
            queueId,
            c.queueName,
            contactId,
            QueueTransition.ENQUEUED,
            enqueueMs,
            enqueueMs,
            source));
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

  /** When this contact's one timer is due. */
  private long due(TrackedContact c) {
    if (c.ctrPending) {
      return c.ctrLastUpdateMs; // reconcile once the watermark passes the CTR
    }
    if (c.waiting()) {
      return c.enqueueMs + queueTimeoutMs;
    }
    // Tombstone: a re-emitted CTR (later LastUpdateTimestamp, so not a duplicate to the
    // de-duplicator) can come hours after the first one.
    return Math.max(c.ctrSeen ? c.ctrLastUpdateMs : Long.MIN_VALUE, c.exitMs) + retentionMs;
  }

  /** Stores the state and keeps exactly one event-time timer at {@link #due}. */
  private void schedule(TrackedContact c, Context ctx) throws Exception {
    long due = due(c);
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
    c.timerMs = 0;
    if (c.ctrPending) {
      reconcile(c, ctx.getCurrentKey(), out);
    } else if (c.waiting()) {
      timeouts.inc();
      exit(
          c,
          ctx.getCurrentKey(),
          QueueTransition.TIMED_OUT,
          timestamp,
          QueueTransition.FROM_TIMEOUT,
          out);
    } else {
      state.clear();
      return;
    }
    schedule(c, ctx);
  }
}
