package com.cci.fulfillment.auth;

/**
 * Server-side authentication state for a Lex conversation. The state is keyed by the Connect
 * contact (or the Lex session when there is none) and lives in DynamoDB with a 5-minute inactivity
 * expiry; it is never read from session attributes, which a chat client can set freely. Failed PIN
 * attempts are counted per customer atomically, and a customer is locked after exactly {@code
 * maxFailures} failures, across sessions, for a configurable period.
 *
 * <p>Implementations: {@code DynamoAuthService} (production, DynamoDB conditional writes).
 */
public interface AuthService {

  /**
   * The current state for a session, refreshing its inactivity expiry when authenticated. A session
   * idle for longer than the expiry is {@link AuthState#anonymous()}.
   */
  AuthState current(String sessionKey);

  /**
   * Checks a PIN for a customer through the core bank and records the result: VERIFIED marks the
   * session authenticated as that customer; FAILED counts one failure atomically; LOCKED when the
   * customer is (or just became) locked — a locked customer's PIN is not even checked.
   */
  PinOutcome verifyPin(String sessionKey, String customerId, String pin);

  /** Whether a customer is locked out now (lockout survives sessions). */
  boolean isLocked(String customerId);

  /** Ends a session's authentication (e.g. the customer asked to stop, or the contact ended). */
  void signOut(String sessionKey);

  /**
   * A session's authentication state.
   *
   * @param authenticated whether the session is authenticated now
   * @param customerId the authenticated customer, or null
   * @param expiresAtEpochMs inactivity expiry, 0 when anonymous
   */
  record AuthState(boolean authenticated, String customerId, long expiresAtEpochMs) {
    public static AuthState anonymous() {
      return new AuthState(false, null, 0L);
    }
  }

  /** Result of one PIN attempt. */
  record PinOutcome(Status status, int failuresSoFar, int attemptsLeft) {
    /** VERIFIED, FAILED (wrong PIN, not yet locked), LOCKED, UNAVAILABLE (bank or store down). */
    public enum Status {
      VERIFIED,
      FAILED,
      LOCKED,
      UNAVAILABLE
    }
  }
}
