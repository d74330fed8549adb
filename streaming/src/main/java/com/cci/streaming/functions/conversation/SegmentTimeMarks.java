package com.cci.streaming.functions.conversation;

import com.cci.streaming.records.SegmentRecord;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * Before the segments are shuffled to the segment clock: a SEGMENTS record that no conversation
 * rule reads — no customer turn with a sentiment (NEGATIVE_SENTIMENT counts only those) and no
 * matched category (FRAUD_CATEGORY) — leaves as a {@link SegmentRecord#timeMark() time mark}: its
 * contact, type and time, without the turns (agent speech, about half of all segment records). The
 * segment clock still uses the mark's time (the contact's latest time, from which it times the
 * contact's COMPLETED record) and counts it in {@code segmentTimeMarks} instead of passing it on,
 * so the rules see every record they act on and nothing is dropped uncounted.
 *
 * <p>STARTED, COMPLETED and FAILED records always pass whole (the rules end a contact on them).
 * What the rules no longer see is the time of trailing agent-only records of a contact that never
 * completes: its idle timeout ({@code contactIdleTimeout}, 2 h) counts from its last record with a
 * customer turn or category instead.
 */
public final class SegmentTimeMarks implements MapFunction<SegmentRecord, SegmentRecord> {
  private static final long serialVersionUID = 1L;

  @Override
  public SegmentRecord map(SegmentRecord r) {
    return readByRules(r) ? r : r.timeMark();
  }

  /** Whether a conversation rule acts on anything in {@code r} besides its time. */
  public static boolean readByRules(SegmentRecord r) {
    if (!"SEGMENTS".equals(r.eventType)) {
      return true;
    }
    if (r.matchedCategories != null && r.matchedCategories.length > 0) {
      return true;
    }
    int n = r.turnCount();
    for (int i = 0; i < n; i++) {
      if (SentimentStreak.isCustomer(r.roles[i])
          && r.sentiments != null
          && r.sentiments[i] != null) {
        return true;
      }
    }
    return false;
  }
}
