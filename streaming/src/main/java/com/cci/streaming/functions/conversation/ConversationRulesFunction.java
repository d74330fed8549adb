package com.cci.streaming.functions.conversation;

import com.cci.schemas.alarm.AlarmRule;
import com.cci.streaming.records.AlarmEvent;
import com.cci.streaming.records.SegmentRecord;
import com.cci.streaming.rules.AlarmLifecycle;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per-contact conversation rules over Contact Lens real-time segments, keyed by contactId:
 *
 * <ul>
 *   <li><b>NEGATIVE_SENTIMENT</b> ({@link SentimentStreak}): RAISED when the customer is NEGATIVE
 *       for K consecutive customer turns, CLEARED after M consecutive non-negative customer turns
 *       or when the contact ends. A turn id already counted (at-least-once delivery) is skipped.
 *   <li><b>FRAUD_CATEGORY</b>: RAISED at once when a matched category matches the configured
 *       pattern; once per contact (further matches do nothing); CLEARED when the contact ends
 *       (COMPLETED or FAILED segment event, or idle timeout), so every RAISED has its CLEARED and
 *       "active alarms" views do not accumulate finished contacts.
 * </ul>
 *
 * <p>State drains: on COMPLETED/FAILED the turn-id set is dropped and a tombstone is kept for
 * {@code completedRetention} of event time, counted from the later of the record's time and the
 * watermark (late duplicates are ignored, not re-raised; a fraud category reported only after the
 * end still raises its one FRAUD_CATEGORY, RAISED and CLEARED together), then everything is cleared
 * by an event-time timer. A contact that never completes goes idle after {@code contactIdleTimeout}
 * without segments: its open alarms are CLEARED and it becomes a tombstone like a completed contact
 * for another {@code contactIdleTimeout} (records of a contact that was only held back upstream do
 * not raise its fraud alarm a second time), then it is dropped. In the job, SEGMENTS records that
 * carry neither a customer turn with a sentiment nor a category do not reach this function ({@link
 * SegmentTimeMarks}: the segment clock keeps their time), so the idle timeout counts from the last
 * record with a customer turn or a category, or the last lifecycle record.
 */
public class ConversationRulesFunction
    extends KeyedProcessFunction<String, SegmentRecord, AlarmEvent> {
  private static final long serialVersionUID = 1L;

  /** Timers are moved forward at most once per this much event time, not per record. */
  static final long TIMER_GRANULARITY_MS = 60_000;

  private final ConversationRulesConfig cfg;
  private final AlarmLifecycle sentimentLifecycle;
  private final AlarmLifecycle fraudLifecycle;
  private final SentimentStreak streak;

  private transient ValueState<ContactConversationState> state;
  private transient MapState<String, Boolean> countedTurns;
  private transient Counter duplicateTurns;
  private transient Counter afterCompleted;

  public ConversationRulesFunction(ConversationRulesConfig cfg) {
    this.cfg = cfg;
    this.sentimentLifecycle =
        new AlarmLifecycle(AlarmRule.NEGATIVE_SENTIMENT, cfg.sentimentSeverity);
    this.fraudLifecycle = new AlarmLifecycle(AlarmRule.FRAUD_CATEGORY, cfg.fraudSeverity);
    this.streak = new SentimentStreak(cfg.negativeStreakTurns, cfg.recoveryTurns);
  }

  @Override
  public void open(Configuration parameters) {
    state =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("contact", ContactConversationState.class));
    countedTurns =
        getRuntimeContext()
            .getMapState(new MapStateDescriptor<>("counted-turns", Types.STRING, Types.BOOLEAN));
    duplicateTurns = getRuntimeContext().getMetricGroup().counter("duplicateCustomerTurns");
    afterCompleted = getRuntimeContext().getMetricGroup().counter("segmentsAfterCompleted");
  }

  @Override
  public void processElement(SegmentRecord r, Context ctx, Collector<AlarmEvent> out)
      throws Exception {
    ContactConversationState s = state.value();
    String contactId = ctx.getCurrentKey();
    long t = r.eventTimeMs;
    if (s == null) {
      s = new ContactConversationState();
    } else if (s.completed) {
      afterCompleted.inc();
      lateFraudMatch(r, s, contactId, t, out);
      return;
    }
    if (t > s.lastEventMs) {
      s.lastEventMs = t;
    }
    applyTurns(r, s, contactId, t, out);
    applyCategories(r, s, contactId, t, out);
    if ("COMPLETED".equals(r.eventType) || "FAILED".equals(r.eventType)) {
      String why = "contact " + contactId + " ended (" + r.eventType + ")";
      emit(
          out, sentimentLifecycle.clear(s.sentiment, cfg.recoveryTurns, obs(contactId, 0, t, why)));
      emit(out, fraudLifecycle.clear(s.fraud, 1, obs(contactId, 0, t, why)));
      s.completed = true;
      countedTurns.clear();
      moveTimer(
          ctx, s, eventClock(ctx, Math.max(t, s.lastEventMs)) + cfg.completedRetentionMs, true);
    } else {
      moveTimer(ctx, s, eventClock(ctx, s.lastEventMs) + cfg.contactIdleTimeoutMs, false);
    }
    state.update(s);
  }

  private void applyTurns(
      SegmentRecord r,
      ContactConversationState s,
      String contactId,
      long t,
      Collector<AlarmEvent> out)
      throws Exception {
    int n = r.turnCount();
    for (int i = 0; i < n; i++) {
      if (!SentimentStreak.isCustomer(r.roles[i])) {
        continue;
      }
      String sentiment = r.sentiments == null ? null : r.sentiments[i];
      if (sentiment == null) {
        continue;
      }
      String turnId = r.turnIds[i];
      if (turnId != null) {
        if (countedTurns.contains(turnId)) {
          duplicateTurns.inc();
          continue;
        }
        countedTurns.put(turnId, Boolean.TRUE);
      }
      boolean negative = "NEGATIVE".equals(sentiment);
      switch (streak.observe(s, negative, s.sentiment.active)) {
        case RAISE ->
            emit(
                out,
                sentimentLifecycle.raiseOnce(
                    s.sentiment,
                    cfg.negativeStreakTurns,
                    obs(
                        contactId,
                        s.negativeStreak,
                        t,
                        "customer negative for "
                            + s.negativeStreak
                            + " consecutive turns on contact "
                            + contactId)));
        case CLEAR ->
            emit(
                out,
                sentimentLifecycle.clear(
                    s.sentiment,
                    cfg.recoveryTurns,
                    obs(
                        contactId,
                        s.recoveryStreak,
                        t,
                        "customer sentiment recovered ("
                            + s.recoveryStreak
                            + " non-negative turns) on contact "
                            + contactId)));
        case NONE -> {}
      }
    }
  }

  /**
   * A segment of a finished contact (late or re-delivered). Sentiment is over; but a fraud category
   * seen only now still raises FRAUD_CATEGORY once — RAISED and at once CLEARED, the contact having
   * ended — unless the contact already had its fraud alarm.
   */
  private void lateFraudMatch(
      SegmentRecord r,
      ContactConversationState s,
      String contactId,
      long t,
      Collector<AlarmEvent> out)
      throws Exception {
    if (s.fraud.alarmId != null || r.matchedCategories == null) {
      return;
    }
    String category = fraudCategory(r);
    if (category != null) {
      emit(
          out,
          fraudLifecycle.raiseOnce(
              s.fraud,
              1,
              obs(
                  contactId,
                  1,
                  t,
                  "Contact Lens category '"
                      + category
                      + "' matched on contact "
                      + contactId
                      + " (reported after the contact ended)")));
      emit(
          out,
          fraudLifecycle.clear(
              s.fraud, 1, obs(contactId, 0, t, "contact " + contactId + " already ended")));
      state.update(s);
    }
  }

  private String fraudCategory(SegmentRecord r) {
    for (String category : r.matchedCategories) {
      if (cfg.isFraudCategory(category)) {
        return category;
      }
    }
    return null;
  }

  /**
   * The later of a record's event time and the operator's watermark: cleanup deadlines count from
   * here, so a record that arrives behind the watermark (e.g. held back by the segment clock) still
   * gets its full retention instead of a timer that fires at once.
   */
  private static long eventClock(Context ctx, long t) {
    return Math.max(t, ctx.timerService().currentWatermark());
  }

  private void applyCategories(
      SegmentRecord r,
      ContactConversationState s,
      String contactId,
      long t,
      Collector<AlarmEvent> out) {
    if (s.fraud.active || r.matchedCategories == null) {
      return;
    }
    String category = fraudCategory(r);
    if (category != null) {
      emit(
          out,
          fraudLifecycle.raiseOnce(
              s.fraud,
              1,
              obs(
                  contactId,
                  1,
                  t,
                  "Contact Lens category '" + category + "' matched on contact " + contactId)));
    }
  }

  /**
   * Keeps one cleanup timer per contact. While the contact is live the deadline only grows; it is
   * re-registered when it moved by at least {@link #TIMER_GRANULARITY_MS} (onTimer re-arms for the
   * remainder), so a busy contact does not touch the timer service on every segment.
   */
  private void moveTimer(Context ctx, ContactConversationState s, long deadline, boolean force) {
    if (s.timerMs != Long.MIN_VALUE) {
      if (!force && deadline - s.timerMs < TIMER_GRANULARITY_MS) {
        return;
      }
      ctx.timerService().deleteEventTimeTimer(s.timerMs);
    }
    s.timerMs = deadline;
    ctx.timerService().registerEventTimeTimer(deadline);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<AlarmEvent> out)
      throws Exception {
    ContactConversationState s = state.value();
    if (s == null || timestamp != s.timerMs) {
      return;
    }
    if (!s.completed) {
      long due = s.lastEventMs + cfg.contactIdleTimeoutMs;
      if (due > timestamp) {
        s.timerMs = due;
        ctx.timerService().registerEventTimeTimer(due);
        state.update(s);
        return;
      }
      String contactId = ctx.getCurrentKey();
      String why = "contact " + contactId + " idle (no segments for the idle timeout)";
      emit(
          out,
          sentimentLifecycle.clear(
              s.sentiment, cfg.recoveryTurns, obs(contactId, 0, timestamp, why)));
      emit(out, fraudLifecycle.clear(s.fraud, 1, obs(contactId, 0, timestamp, why)));
      // keep a tombstone like a completed contact: if the contact shows up again (its records
      // were held back upstream), its fraud alarm is not raised a second time
      s.completed = true;
      s.negativeStreak = 0;
      s.recoveryStreak = 0;
      countedTurns.clear();
      s.timerMs = timestamp + cfg.contactIdleTimeoutMs;
      ctx.timerService().registerEventTimeTimer(s.timerMs);
      state.update(s);
      return;
    }
    state.clear();
    countedTurns.clear();
  }

  private static AlarmLifecycle.Observation obs(
      String contactId, double value, long t, String message) {
    return new AlarmLifecycle.Observation(null, contactId, value, null, null, t, message);
  }

  private static void emit(Collector<AlarmEvent> out, AlarmEvent e) {
    if (e != null) {
      out.collect(e);
    }
  }
}
