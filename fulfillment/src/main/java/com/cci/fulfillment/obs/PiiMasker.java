package com.cci.fulfillment.obs;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal and secret data before anything is logged. Two rules:
 *
 * <ul>
 *   <li><b>By field name</b>: values of fields that hold a PIN or other secret ({@code pin}, {@code
 *       Pin}, {@code password}, {@code ssn}, ...) become {@code ****}; values of fields that hold
 *       an account, card or phone number keep at most their last 4 characters.
 *   <li><b>In free text</b>: any run of digits (spaces and dashes allowed inside) with 4 or more
 *       digits is masked — 8 or more digits keep their last 4 ({@code ****0401}), shorter runs (a
 *       PIN is 4–6 digits) become {@code ****}. Numbers that are not PII (years, amounts under 1
 *       000) may be masked too: in a bank's logs that is the right side to err on.
 * </ul>
 */
public final class PiiMasker {
  private static final Pattern DIGIT_RUN = Pattern.compile("\\+?\\d(?:[ -]?\\d){3,}");
  private static final Set<String> SECRET =
      Set.of("pin", "newpin", "oldpin", "password", "ssn", "cvv", "cvc", "otp", "secret");
  private static final Set<String> LAST4 =
      Set.of(
          "account",
          "accountnumber",
          "fromaccount",
          "toaccount",
          "card",
          "cardnumber",
          "phone",
          "customerphone",
          "phonenumber",
          "ani",
          "routingnumber");

  private PiiMasker() {}

  /** Masks digit runs in free text; null stays null. */
  public static String maskText(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    Matcher m = DIGIT_RUN.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int last = 0;
    do {
      out.append(text, last, m.start());
      out.append(maskDigits(m.group()));
      last = m.end();
    } while (m.find());
    out.append(text, last, text.length());
    return out.toString();
  }

  /** Masks one field's value by its name, then as free text. */
  public static String maskField(String name, String value) {
    if (value == null) {
      return null;
    }
    String key = name == null ? "" : name.toLowerCase(Locale.ROOT).replace("_", "");
    if (SECRET.contains(key)) {
      return "****";
    }
    if (LAST4.contains(key)) {
      return last4(value);
    }
    return maskText(value);
  }

  /** {@code ****} followed by the last 4 digits (or characters) of a number. */
  public static String last4(String value) {
    if (value == null) {
      return null;
    }
    String digits = value.replaceAll("[^0-9A-Za-z]", "");
    if (digits.length() <= 4) {
      return "****";
    }
    return "****" + digits.substring(digits.length() - 4);
  }

  private static String maskDigits(String run) {
    String digits = run.replaceAll("[^0-9]", "");
    if (digits.length() >= 8) {
      return "****" + digits.substring(digits.length() - 4);
    }
    return "****";
  }
}
