package com.cci.batch.pii;

/**
 * Kinds of residual PII the {@link PiiGuard} masks. The {@link #token()} replaces the value in the
 * text; {@link #name()} is the key of the per-call counts ({@code QaResult.piiCounts}).
 */
public enum PiiType {
  /** Luhn-valid payment card number of 13 to 19 digits, optionally grouped by spaces or dashes. */
  CARD,
  /** US social security number ({@code AAA-GG-SSSS}, or nine digits after "social"/"SSN"). */
  SSN,
  /** International bank account number with valid ISO 13616 mod-97 check digits. */
  IBAN,
  /**
   * ABA routing transit number: nine digits with a valid checksum, or nine digits after "routing".
   */
  ROUTING,
  /**
   * Bank account number: 8 to 17 digits shortly after "account", "acct", "checking" or "savings".
   */
  ACCOUNT,
  /** E-mail address. */
  EMAIL,
  /** Phone number: NANP ({@code (212) 555-0143}, {@code 212-555-0143}, …) or E.164. */
  PHONE;

  /** The placeholder written in place of a value, e.g. {@code [CARD]}. */
  public String token() {
    return "[" + name() + "]";
  }
}
