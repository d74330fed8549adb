package com.cci.batch.local;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

/**
 * Bedrock's on-demand quotas over a sliding minute: requests per minute and tokens per minute. A
 * request reserves {@code inputTokens + maxTokens} when it starts (as Bedrock does); when it ends
 * the reservation is settled to the tokens actually used (input + output). A request that would go
 * over either quota is refused and reserves nothing.
 *
 * <p>Time comes from a nanosecond clock so tests can move it by hand.
 */
final class QuotaWindow {
  private static final long MINUTE_NANOS = 60_000_000_000L;

  /** A reservation; {@link #settle} replaces its tokens with the tokens actually used. */
  static final class Reservation {
    private final long at;
    private long tokens;
    private boolean inWindow = true;

    private Reservation(long at, long tokens) {
      this.at = at;
      this.tokens = tokens;
    }
  }

  private final int requestsPerMinute;
  private final long tokensPerMinute;
  private final LongSupplier nanoClock;
  private final Deque<Reservation> window = new ArrayDeque<>();
  private long tokensInWindow;

  /**
   * @param requestsPerMinute 0 = unlimited
   * @param tokensPerMinute 0 = unlimited
   */
  QuotaWindow(int requestsPerMinute, long tokensPerMinute, LongSupplier nanoClock) {
    this.requestsPerMinute = requestsPerMinute;
    this.tokensPerMinute = tokensPerMinute;
    this.nanoClock = nanoClock;
  }

  /** Why a request was refused, or null when it was admitted and {@code holder[0]} is set. */
  synchronized String tryAcquire(long tokens, Reservation[] holder) {
    long now = nanoClock.getAsLong();
    while (!window.isEmpty() && now - window.peekFirst().at >= MINUTE_NANOS) {
      Reservation old = window.pollFirst();
      old.inWindow = false;
      tokensInWindow -= old.tokens;
    }
    if (requestsPerMinute > 0 && window.size() + 1 > requestsPerMinute) {
      return "Too many requests, please wait before trying again. (requests per minute quota "
          + requestsPerMinute
          + ")";
    }
    if (tokensPerMinute > 0 && tokensInWindow + tokens > tokensPerMinute) {
      return "Too many tokens, please wait before trying again. (tokens per minute quota "
          + tokensPerMinute
          + "; this request reserves "
          + tokens
          + ", in use "
          + tokensInWindow
          + ")";
    }
    Reservation r = new Reservation(now, tokens);
    window.addLast(r);
    tokensInWindow += tokens;
    holder[0] = r;
    return null;
  }

  /** Replaces the reservation's tokens with the tokens actually used. */
  synchronized void settle(Reservation r, long actualTokens) {
    if (r.inWindow) {
      tokensInWindow += actualTokens - r.tokens;
    }
    r.tokens = actualTokens;
  }

  synchronized long tokensInWindow() {
    return tokensInWindow;
  }
}
