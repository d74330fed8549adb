package com.cci.fulfillment.bank;

/**
 * The core bank cannot answer right now: circuit open, bulkhead full, timeouts or server errors
 * after retries. Callers degrade ("our systems are temporarily unavailable") and route to an agent.
 */
public final class BankUnavailableException extends RuntimeException {
  /** Why the bank was deemed unavailable. */
  public enum Reason {
    CIRCUIT_OPEN,
    BULKHEAD_FULL,
    TIMEOUT,
    SERVER_ERROR,
    CONNECTION_FAILED
  }

  private final Reason reason;

  public BankUnavailableException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
