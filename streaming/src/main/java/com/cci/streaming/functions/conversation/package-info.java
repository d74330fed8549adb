/**
 * Per-contact conversation rules over Contact Lens real-time segments, and the {@link
 * com.cci.streaming.functions.conversation.ConversationPipeline} that wires them with the bot rules
 * of {@link com.cci.streaming.functions.bot}.
 *
 * <h2>NEGATIVE_SENTIMENT</h2>
 *
 * Keyed by contactId. Only customer turns count ({@code roles[i] == CUSTOMER}); agent and
 * supervisor turns neither extend nor break a streak. K consecutive NEGATIVE customer turns
 * (default 3) raise (severity HIGH by default); a non-negative customer turn (POSITIVE, NEUTRAL,
 * MIXED) resets the streak; a customer turn without a sentiment (not analysed) is skipped. A turn
 * id already counted for the contact (at-least-once delivery, re-sent segments) is skipped and
 * counted in the {@code duplicateCustomerTurns} metric. The episode clears after M consecutive
 * non-negative customer turns (default 2) or when the contact ends; a later streak in the same
 * contact is a new episode (its id derives from its own event time). Value: the streak length;
 * threshold: K (M on a recovery CLEARED).
 *
 * <h2>FRAUD_CATEGORY</h2>
 *
 * Raised CRITICAL by the first segment whose matched categories ({@code MatchedCategories} and the
 * keys of {@code MatchedDetails}) contain a name matching {@code fraudCategoryPattern} (default
 * {@code (?i).*fraud.*}: contains "fraud", any case). Once per contact: later matches (Contact Lens
 * repeats a category as more of the conversation matches it) do nothing. <b>Cleared at contact
 * end</b> (COMPLETED or FAILED segment event, or the idle timeout), not never: the alarm is about a
 * live contact, so when the contact is over the live alarm is closed and every RAISED has its
 * CLEARED (dashboards of active alarms do not accumulate finished contacts). The RAISED record
 * (deterministic id) stays the audit trail; fraud case follow-up is not a live alarm.
 *
 * <h2>State and timers</h2>
 *
 * Per contact one {@link com.cci.streaming.functions.conversation.ContactConversationState} and a
 * {@code MapState} of counted customer turn ids. At COMPLETED/FAILED the turn ids are dropped and a
 * tombstone is kept for {@code completedRetention} of event time (default 10 min) so late or
 * duplicate segments of a finished contact are ignored (metric {@code segmentsAfterCompleted})
 * rather than re-raising; then an event-time timer clears everything. A contact that never
 * completes is dropped after {@code contactIdleTimeout} (default 2 h) without segments, its open
 * alarms CLEARED first. One timer per contact, moved at most once per minute of event time.
 */
package com.cci.streaming.functions.conversation;
