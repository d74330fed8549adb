package com.cci.batch.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private static final long SEC = 1_000_000_000L;

  /** A clock that only moves when someone sleeps (or the test advances it). */
  static final class FakeTicker implements RateLimiter.Ticker {
    long now = 5 * SEC;
    long slept;

    @Override
    public long nanoTime() {
      return now;
    }

    @Override
    public void sleepNanos(long nanos) {
      now += nanos;
      slept += nanos;
    }
  }

  @Test
  void burstOfOneSecondThenSteadyRate() {
    FakeTicker t = new FakeTicker();
    RateLimiter l = new RateLimiter(600, 1_000_000, t); // 10/s burst, refill 590/min
    for (int i = 0; i < 10; i++) {
      assertThat(l.reserve(1)).isZero();
    }
    long wait = l.reserve(1);
    assertThat(wait).isEqualTo((long) Math.ceil(60.0 * SEC / 590));
    assertThat(l.reserve(1)).isEqualTo((long) Math.ceil(2 * 60.0 * SEC / 590));
  }

  /** Over any sliding minute, admissions never exceed the quota (how Bedrock counts). */
  @Test
  void noSlidingMinuteAdmitsMoreThanTheRequestQuota() throws Exception {
    FakeTicker t = new FakeTicker();
    int rpm = 2000;
    RateLimiter l = new RateLimiter(rpm, 100_000_000, t);
    Deque<Long> window = new ArrayDeque<>();
    int maxInWindow = 0;
    long start = t.now;
    int admitted = 0;
    while (t.now - start < 5 * 60 * SEC) {
      l.acquire(10);
      admitted++;
      window.addLast(t.now);
      while (t.now - window.peekFirst() >= 60 * SEC) {
        window.pollFirst();
      }
      maxInWindow = Math.max(maxInWindow, window.size());
    }
    assertThat(maxInWindow).isLessThanOrEqualTo(rpm);
    // and it uses the quota: 59/60 of it in steady state
    double perMinute = admitted / 5.0;
    assertThat(perMinute).isGreaterThan(0.98 * rpm);
  }

  @Test
  void tokensPerMinuteBindsWhenRequestsAreLarge() throws Exception {
    FakeTicker t = new FakeTicker();
    long tpm = 60_000; // 1 000 burst, 59 000 / min refill
    RateLimiter l = new RateLimiter(10_000, tpm, t);
    long start = t.now;
    int admitted = 0;
    while (t.now - start < 10 * 60 * SEC) {
      l.acquire(5_000); // larger than the bucket: goes into debt, waits it off
      admitted++;
    }
    // 10 minutes at 59 000 tokens/min with 5 000 per request ~ 118 requests (+1 burst)
    assertThat(admitted).isBetween(115, 121);
  }

  @Test
  void refundsGiveBackUnusedTokens() {
    FakeTicker t = new FakeTicker();
    RateLimiter l = new RateLimiter(1000, 60_000, t); // 1 000 tokens burst
    assertThat(l.reserve(900)).isZero();
    assertThat(l.availableTokens()).isEqualTo(100.0);
    l.refund(700); // used 200 of 900
    assertThat(l.availableTokens()).isEqualTo(800.0);
    l.refund(10_000); // never above the burst
    assertThat(l.availableTokens()).isEqualTo(1000.0);
    assertThat(l.reserve(800)).isZero();
  }

  @Test
  void waitersAreServedInArrivalOrder() {
    FakeTicker t = new FakeTicker();
    RateLimiter l = new RateLimiter(60, 1_000_000, t); // 1 burst, 59/min
    assertThat(l.reserve(1)).isZero();
    long w1 = l.reserve(1);
    long w2 = l.reserve(1);
    long w3 = l.reserve(1);
    assertThat(w1).isPositive();
    assertThat(w2).isGreaterThan(w1);
    assertThat(w3 - w2).isCloseTo(w2 - w1, org.assertj.core.data.Offset.offset(2L));
  }
}
