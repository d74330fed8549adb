package com.cci.fulfillment.bank;

/**
 * The bank answered with a client error (4xx other than 429): the request itself is wrong or not
 * allowed. Never retried and never counted against the circuit breaker.
 */
public final class BankApiException extends RuntimeException {
  private final int status;
  private final String code;

  public BankApiException(int status, String code, String message) {
    super(status + " " + code + ": " + message);
    this.status = status;
    this.code = code;
  }

  /** HTTP status code (400, 404, 409, 422). */
  public int status() {
    return status;
  }

  /** Machine-readable error code from the error body, e.g. {@code INSUFFICIENT_FUNDS}. */
  public String code() {
    return code;
  }
}
