package com.cci.fulfillment.auth;

/**
 * Checks a PIN against the system of record. In production this is {@code
 * CoreBankingClient::verifyPin}; it may throw {@link
 * com.cci.fulfillment.bank.BankUnavailableException} when the bank cannot answer.
 */
@FunctionalInterface
public interface PinVerifier {
  /** True when the PIN is the customer's. Implementations never log the PIN. */
  boolean verify(String customerId, String pin);
}
