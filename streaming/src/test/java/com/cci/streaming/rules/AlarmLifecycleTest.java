package com.cci.streaming.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.schemas.alarm.AlarmIds;
import com.cci.schemas.alarm.AlarmRule;
import com.cci.streaming.records.AlarmEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AlarmLifecycleTest {
  private static final long MIN = 60_000;
  private final AlarmLifecycle abandonment = new AlarmLifecycle(AlarmRule.ABANDONMENT_RATE, "HIGH");
  private final AlarmLifecycle fraud = new AlarmLifecycle(AlarmRule.FRAUD_CATEGORY, "CRITICAL");
  private final Hysteresis above = Hysteresis.above(20, 15);

  private static AlarmLifecycle.Observation window(double value, long start, long t) {
    return new AlarmLifecycle.Observation("General", null, value, start, start + 15 * MIN, t, "m");
  }

  private static AlarmLifecycle.Observation contact(long t) {
    return new AlarmLifecycle.Observation(null, "c-1", 1, null, null, t, "m");
  }

  @Test
  void raisesOnceHoldsWhileActiveAndClearsWithTheSameId() {
    AlarmEpisode ep = new AlarmEpisode();
    assertThat(abandonment.evaluate(ep, above, window(20, 0, 1))).as("not above 20").isNull();
    AlarmEvent raised = abandonment.evaluate(ep, above, window(25, 0, 2));
    assertThat(raised.state).isEqualTo("RAISED");
    assertThat(raised.threshold).isEqualTo(20);
    assertThat(raised.alarmId)
        .isEqualTo(
            AlarmIds.of(AlarmRule.ABANDONMENT_RATE, "General", null, Instant.ofEpochMilli(0)));
    assertThat(abandonment.evaluate(ep, above, window(30, MIN, 3))).as("active").isNull();
    assertThat(abandonment.evaluate(ep, above, window(16, MIN, 4))).as("hysteresis").isNull();
    AlarmEvent cleared = abandonment.evaluate(ep, above, window(15, MIN, 5));
    assertThat(cleared.state).isEqualTo("CLEARED");
    assertThat(cleared.threshold).isEqualTo(15);
    assertThat(cleared.alarmId).isEqualTo(raised.alarmId);
    assertThat(ep.active).isFalse();
    assertThat(ep.endedAtMs).isEqualTo(5);
    assertThat(ep.startedAtMs).as("kept after CLEARED").isZero();
  }

  @Test
  void aSecondEpisodeNeverStartsAtOrBeforeTheLastOneSoNoIdIsReused() {
    AlarmEpisode ep = new AlarmEpisode();
    AlarmEvent first = abandonment.evaluate(ep, above, window(25, 10 * MIN, 1));
    assertThat(abandonment.evaluate(ep, above, window(10, 10 * MIN, 2)).state).isEqualTo("CLEARED");
    // the same window breaches again (more records arrived), and a late, older window
    assertThat(abandonment.evaluate(ep, above, window(40, 10 * MIN, 3))).isNull();
    assertThat(abandonment.evaluate(ep, above, window(40, 9 * MIN, 4))).isNull();
    assertThat(AlarmLifecycle.canStart(ep, 10 * MIN)).isFalse();
    assertThat(AlarmLifecycle.canStart(ep, 11 * MIN)).isTrue();
    AlarmEvent second = abandonment.evaluate(ep, above, window(40, 11 * MIN, 5));
    assertThat(second.state).isEqualTo("RAISED");
    assertThat(second.alarmId).isNotEqualTo(first.alarmId);
    assertThat(ep.endedAtMs).as("reset while active").isZero();
  }

  @Test
  void raiseOnceAndClearForPerContactRules() {
    AlarmEpisode ep = new AlarmEpisode();
    AlarmEvent raised = fraud.raiseOnce(ep, 1, contact(100));
    assertThat(raised.alarmId)
        .isEqualTo(AlarmIds.of(AlarmRule.FRAUD_CATEGORY, null, "c-1", Instant.ofEpochMilli(100)));
    assertThat(fraud.raiseOnce(ep, 1, contact(200))).as("active").isNull();
    assertThat(fraud.clear(ep, 1, contact(300)).alarmId).isEqualTo(raised.alarmId);
    assertThat(fraud.clear(ep, 1, contact(301))).as("nothing active").isNull();
    assertThat(fraud.raiseOnce(ep, 1, contact(100))).as("same instant: same id").isNull();
    AlarmEvent again = fraud.raiseOnce(ep, 1, contact(400));
    assertThat(again.alarmId).isNotEqualTo(raised.alarmId);
  }

  @Test
  void belowRulesRaiseUnderAndClearAtOrAboveTheClearThreshold() {
    AlarmLifecycle sl = new AlarmLifecycle(AlarmRule.SERVICE_LEVEL, "MEDIUM");
    Hysteresis below = Hysteresis.below(80, 85);
    AlarmEpisode ep = new AlarmEpisode();
    assertThat(sl.evaluate(ep, below, window(80, 0, 1))).isNull();
    assertThat(sl.evaluate(ep, below, window(79, 0, 2)).state).isEqualTo("RAISED");
    assertThat(sl.evaluate(ep, below, window(84, MIN, 3))).isNull();
    assertThat(sl.evaluate(ep, below, window(85, MIN, 4)).state).isEqualTo("CLEARED");
  }
}
