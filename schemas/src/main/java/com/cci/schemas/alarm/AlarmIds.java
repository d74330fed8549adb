package com.cci.schemas.alarm;

import com.cci.schemas.NameBasedIds;
import java.time.Instant;
import java.util.Objects;

/**
 * Deterministic alarm ids: a name-based (version 5) UUID of {@code (rule, scope, episode start)}.
 *
 * <ul>
 *   <li><b>scope</b> is the queue for queue-scoped rules, the contactId for per-contact rules, and
 *       the queue or {@code *} (whole contact center) for bot-traffic rules.
 *   <li><b>episode start</b> is event time, never wall-clock time: the {@code windowStart} of the
 *       first breaching window for windowed rules, else the {@code eventTime} of the observation
 *       that raised the alarm.
 * </ul>
 *
 * <p>The RAISED record and its CLEARED record share the id: the job computes it when it raises the
 * episode, keeps it in state and puts it on the CLEARED record (see {@link Alarm#cleared}). Since
 * nothing in the id depends on processing time, replaying the same input emits the same ids.
 */
public final class AlarmIds {
  /** Scope of bot-traffic rules that are not tied to a queue. */
  public static final String GLOBAL_SCOPE = "*";

  private AlarmIds() {}

  /**
   * The scope string of an alarm.
   *
   * @throws IllegalArgumentException when the rule needs a queue or contact that is missing
   */
  public static String scope(AlarmRule rule, String queue, String contactId) {
    Objects.requireNonNull(rule, "rule");
    return switch (rule.scope()) {
      case QUEUE -> requireText(queue, rule + " is queue-scoped and needs a queue");
      case CONTACT -> requireText(contactId, rule + " is per-contact and needs a contactId");
      case QUEUE_OR_GLOBAL -> queue == null || queue.isBlank() ? GLOBAL_SCOPE : queue;
    };
  }

  /**
   * The id of the episode of {@code rule} in {@code scope} that started at {@code episodeStart}.
   */
  public static String of(AlarmRule rule, String scope, Instant episodeStart) {
    Objects.requireNonNull(rule, "rule");
    requireText(scope, "scope is required");
    Objects.requireNonNull(episodeStart, "episodeStart");
    String name = "alarm/v1\n" + rule.name() + "\n" + scope + "\n" + episodeStart.toEpochMilli();
    return NameBasedIds.uuid5(NameBasedIds.ALARM_NAMESPACE, name).toString();
  }

  /** The id from the alarm's queue/contact, see {@link #scope}. */
  public static String of(AlarmRule rule, String queue, String contactId, Instant episodeStart) {
    return of(rule, scope(rule, queue, contactId), episodeStart);
  }

  /**
   * Re-derives the id of a RAISED alarm from its own fields (episode start = windowStart for
   * windowed rules, else eventTime); for checking a stored alarm.
   */
  public static String forRaised(Alarm raised) {
    if (raised.state() != AlarmState.RAISED) {
      throw new IllegalArgumentException("forRaised needs a RAISED alarm, got " + raised.state());
    }
    Instant start =
        raised.rule().windowed() && raised.windowStart() != null
            ? raised.windowStart()
            : raised.eventTime();
    return of(raised.rule(), raised.queue(), raised.contactId(), start);
  }

  private static String requireText(String s, String message) {
    if (s == null || s.isBlank()) {
      throw new IllegalArgumentException(message);
    }
    return s;
  }
}
