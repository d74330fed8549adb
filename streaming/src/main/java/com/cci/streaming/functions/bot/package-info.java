/**
 * Bot traffic rules over fulfillment events from the Lex code hook, in sliding event-time windows.
 *
 * <h2>Scope: global</h2>
 *
 * Both rules are keyed by {@link com.cci.schemas.alarm.AlarmIds#GLOBAL_SCOPE} ({@code *}, the whole
 * contact center): the queue is usually unknown while the caller is still in the bot (the
 * fulfillment event's {@code queue} is set only once routing is decided) and PIN-guessing calls
 * never reach a queue, so per-queue windows would split and hide the very spikes the rules look
 * for. Alarms carry no queue.
 *
 * <h2>FULFILLMENT_ERRORS</h2>
 *
 * Value: system-error share of fulfillment turns in the window, percent; a turn is an error when
 * {@link com.cci.streaming.records.FulfillmentRecord#isError()} (a backend timeout, error,
 * unavailability or an internal error — not VALIDATION, the customer's bad input). Raise above 5 %,
 * clear at or below 3 %, over 5 minutes, judged only with at least 50 turns in the window (the
 * normal-day simulation peaks at 2.3 % with that guard; a quiet night's one failure is not a 100 %
 * spike).
 *
 * <h2>AUTH_FAILURES</h2>
 *
 * Value: FAILURE or LOCKED PIN results in the window, a count. The baseline is an absolute level
 * per deployment: raise above 50 per 5 minutes, clear at or below 25 (the normal-day simulation
 * peaks at 18 per 5 minutes; the incident's PIN-guessing burst reaches 400+). A relative baseline
 * (a multiple of a trailing hour's average) was not built: it needs an hour of history before it
 * can judge, and an absolute level is what the fraud team can reason about.
 *
 * <h2>Evaluation and state</h2>
 *
 * {@link com.cci.streaming.functions.bot.BotWindowRuleFunction}: per event-time second one bucket
 * (total, hits) in a {@code MapState}, running totals in a value state; each record updates its
 * bucket and re-judges at once (the record that pushes the value over raises). Buckets leave as the
 * window end moves (the newest record's second); each new bucket registers an event-time timer for
 * the moment it leaves, so the window also slides, and an alarm clears, when traffic stops. An
 * empty window drops all state. Records older than the window (relative to the newest seen) are not
 * added (metric {@code lateRecords}). Below the minimum volume nothing is judged (no raise, no
 * clear) except that an empty window clears. Alarm ids: window start of the first breaching window,
 * scope {@code *}. A record that moves the window past expiries whose timers have not fired yet
 * first judges the window at each of them, as the timers would.
 *
 * <h2>Evaluation order</h2>
 *
 * In {@code arrival} order (the live default) records are judged as they arrive; which record
 * crosses a threshold, and so the alarm id, depends on how the records of different shards
 * interleave. In event-time order (replays, {@code rules} {@code evaluation-order=event-time}) the
 * records first pass {@link com.cci.streaming.functions.bot.FulfillmentEventTimeOrder}, which
 * releases them per event-time second, sorted, once the watermark has passed the second: the rules
 * then raise and clear the same alarms in every run and across a restore from a checkpoint, about
 * the fulfillment stream's out-of-orderness bound (+ up to 1 s) later (docs/decisions/0006).
 */
package com.cci.streaming.functions.bot;
