package com.cci.fulfillment.session;

/**
 * Masks account and card numbers to their last four digits before they reach a message, a session
 * attribute or an event. The masked form ({@code ****0401}) is the only form of an account or card
 * number the code hook ever writes.
 */
public final class Masking {
  private Masking() {}

  /** {@code ****} + the last four digits; {@code ****} when there are fewer than four digits. */
  public static String last4(String number) {
    String digits = number == null ? "" : number.replaceAll("[^0-9]", "");
    if (digits.length() < 4) {
      return "****";
    }
    return "****" + digits.substring(digits.length() - 4);
  }

  /** Just the last four digits (for "ending in 0401"); empty when there are fewer than four. */
  public static String lastFourDigits(String number) {
    String digits = number == null ? "" : number.replaceAll("[^0-9]", "");
    return digits.length() < 4 ? "" : digits.substring(digits.length() - 4);
  }

  /**
   * Replaces every run of 7 or more digits in free text (an account, card or phone number a user
   * typed) by its masked form, so that text can be quoted back safely.
   */
  public static String scrubDigits(String text) {
    if (text == null) {
      return null;
    }
    return text.replaceAll("\\d[\\d -]{5,}\\d", "****");
  }
}
