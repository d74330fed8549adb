package com.cci.sim.content;

/** Kinds of residual PII the simulator plants; {@link #name()} is the {@link PlantedPii#type()}. */
public enum PiiType {
  /** 16-digit Luhn-valid payment card number, plain, spaced or dashed in groups of four. */
  CARD_NUMBER,
  /** US social security number {@code ###-##-####} with a valid area, group and serial. */
  SSN,
  /** Bank account number, 8 to 12 digits. */
  ACCOUNT_NUMBER,
  /** International bank account number with valid ISO 13616 mod-97 check digits. */
  IBAN,
  /** ABA routing transit number, 9 digits with a valid checksum. */
  ROUTING_NUMBER,
  /** E-mail address. */
  EMAIL,
  /** US phone number in one of the common written formats. */
  PHONE
}
