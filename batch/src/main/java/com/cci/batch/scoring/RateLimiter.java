package com.cci.batch.scoring;

/**
 * Client-side limiter on requests per minute <em>and</em> tokens per minute, as Bedrock counts
 * them: a request reserves its input estimate plus {@code maxTokens} when it starts; when it ends
 * the caller {@link #refund refunds} what it did not use, as Bedrock settles the reservation to the
 * tokens actually used.
 *
 * <p>Two token buckets that may go into debt (a reservation is granted at once and the caller waits
 * until the debt is paid off), so callers are served in arrival order and a single request larger
 * than a bucket still goes through. Each bucket holds one second's worth ({@code burst}) and
 * refills at {@code (perMinute - burst) / 60 s}: over any sliding minute at most {@code perMinute}
 * is admitted, which is how Bedrock's quota window counts. Steady-state throughput is therefore
 * {@code 59/60} of the quota (98.3 %).
 *
 * <p>Thread-safe. Time comes from a {@link Ticker} so tests can run on a fake clock.
 */
public final class RateLimiter {
  private static final long MINUTE_NANOS = 60_000_000_000L;

  /** Monotonic nanoseconds and sleeping; {@link #SYSTEM} in production, a fake in tests. */
  public interface Ticker {
    long nanoTime();

    void sleepNanos(long nanos) throws InterruptedException;

    /** {@link System#nanoTime()} and {@link Thread#sleep}. */
    Ticker SYSTEM =
        new Ticker() {
          @Override
          public long nanoTime() {
            return System.nanoTime();
          }

          @Override
          public void sleepNanos(long nanos) throws InterruptedException {
            if (nanos > 0) {
              Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            }
          }
        };
  }

  private final Ticker ticker;
  private final Bucket requests;
  private final Bucket tokens;

  /**
   * @param requestsPerMinute request quota per sliding minute, 1 or more
   * @param tokensPerMinute token quota per sliding minute, 1 or more
   */
  public RateLimiter(int requestsPerMinute, long tokensPerMinute, Ticker ticker) {
    if (requestsPerMinute < 1 || tokensPerMinute < 1) {
      throw new IllegalArgumentException(
          "requestsPerMinute and tokensPerMinute must be 1 or more, got "
              + requestsPerMinute
              + " and "
              + tokensPerMinute);
    }
    this.ticker = ticker;
    long now = ticker.nanoTime();
    this.requests = new Bucket(requestsPerMinute, now);
    this.tokens = new Bucket(tokensPerMinute, now);
  }

  /**
   * Reserves one request and {@code tokenCount} tokens now; returns how long (nanoseconds) the
   * caller must wait before sending it (0 = at once).
   */
  public synchronized long reserve(long tokenCount) {
    if (tokenCount < 0) {
      throw new IllegalArgumentException("tokenCount must not be negative: " + tokenCount);
    }
    long now = ticker.nanoTime();
    return Math.max(requests.take(1, now), tokens.take(tokenCount, now));
  }

  /** Reserves and waits until the request may be sent. */
  public void acquire(long tokenCount) throws InterruptedException {
    long wait = reserve(tokenCount);
    if (wait > 0) {
      ticker.sleepNanos(wait);
    }
  }

  /** Gives back reserved tokens the request did not use (or all of them when it was refused). */
  public synchronized void refund(long tokenCount) {
    if (tokenCount > 0) {
      tokens.give(tokenCount, ticker.nanoTime());
    }
  }

  /** Requests currently available without waiting (negative = in debt), for tests and metrics. */
  public synchronized double availableRequests() {
    requests.refill(ticker.nanoTime());
    return requests.available;
  }

  /** Tokens currently available without waiting (negative = in debt). */
  public synchronized double availableTokens() {
    tokens.refill(ticker.nanoTime());
    return tokens.available;
  }

  private static final class Bucket {
    final double capacity;
    final double perNano;
    double available;
    long last;

    Bucket(long perMinute, long now) {
      this.capacity = Math.max(1.0, perMinute / 60.0);
      // capacity + rate * 60 s = perMinute: no sliding minute admits more than the quota
      this.perNano = Math.max(perMinute - capacity, perMinute / 120.0) / MINUTE_NANOS;
      this.available = capacity;
      this.last = now;
    }

    void refill(long now) {
      if (now > last) {
        available = Math.min(capacity, available + (now - last) * perNano);
        last = now;
      }
    }

    long take(double n, long now) {
      refill(now);
      available -= n;
      return available >= 0 ? 0 : (long) Math.ceil(-available / perNano);
    }

    void give(double n, long now) {
      refill(now);
      available = Math.min(capacity, available + n);
    }
  }
}
