package com.cci.fulfillment.router;

import com.cci.fulfillment.auth.AuthService;
import com.cci.fulfillment.bank.BankUnavailableException;
import com.cci.fulfillment.bank.CoreBankingClient;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Test double of {@link AuthService} with the production rules in memory: PINs checked by the real
 * core bank, 5-minute inactivity expiry on the given clock, failures counted per customer (under
 * one lock, so racing attempts lock at exactly {@code maxFailures}), lockout across sessions. The
 * DynamoDB implementation is the runtime's.
 */
final class InMemoryAuthService implements AuthService {
  private final CoreBankingClient bank;
  private final Clock clock;
  private final Duration idle;
  private final int maxFailures;
  private final Map<String, AuthState> sessions = new HashMap<>();
  private final Map<String, Integer> failures = new HashMap<>();
  private int pinChecks;

  InMemoryAuthService(CoreBankingClient bank, Clock clock) {
    this.bank = bank;
    this.clock = clock;
    this.idle = Duration.ofMinutes(5);
    this.maxFailures = 3;
  }

  @Override
  public synchronized AuthState current(String sessionKey) {
    AuthState s = sessions.get(sessionKey);
    long now = clock.millis();
    if (s == null || s.expiresAtEpochMs() <= now) {
      sessions.remove(sessionKey);
      return AuthState.anonymous();
    }
    AuthState refreshed = new AuthState(true, s.customerId(), now + idle.toMillis());
    sessions.put(sessionKey, refreshed);
    return refreshed;
  }

  @Override
  public PinOutcome verifyPin(String sessionKey, String customerId, String pin) {
    synchronized (this) {
      int f = failures.getOrDefault(customerId, 0);
      if (f >= maxFailures) {
        return new PinOutcome(PinOutcome.Status.LOCKED, f, 0);
      }
      pinChecks++;
    }
    boolean ok;
    try {
      ok = bank.verifyPin(customerId, pin);
    } catch (BankUnavailableException e) {
      return new PinOutcome(PinOutcome.Status.UNAVAILABLE, 0, 0);
    }
    synchronized (this) {
      int f = failures.getOrDefault(customerId, 0);
      if (f >= maxFailures) {
        return new PinOutcome(PinOutcome.Status.LOCKED, f, 0);
      }
      if (ok) {
        failures.remove(customerId);
        sessions.put(sessionKey, new AuthState(true, customerId, clock.millis() + idle.toMillis()));
        return new PinOutcome(PinOutcome.Status.VERIFIED, f, maxFailures);
      }
      f++;
      failures.put(customerId, f);
      if (f >= maxFailures) {
        return new PinOutcome(PinOutcome.Status.LOCKED, f, 0);
      }
      return new PinOutcome(PinOutcome.Status.FAILED, f, maxFailures - f);
    }
  }

  @Override
  public synchronized boolean isLocked(String customerId) {
    return failures.getOrDefault(customerId, 0) >= maxFailures;
  }

  @Override
  public synchronized void signOut(String sessionKey) {
    sessions.remove(sessionKey);
  }

  /** Test set-up: the session is authenticated as {@code customerId} (as after a right PIN). */
  synchronized void authenticate(String sessionKey, String customerId) {
    sessions.put(sessionKey, new AuthState(true, customerId, clock.millis() + idle.toMillis()));
  }

  synchronized int pinChecks() {
    return pinChecks;
  }
}
