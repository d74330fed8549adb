package com.cci.fulfillment.intents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Slot value parsing and validation shared by the intents. Every method returns {@code null} for a
 * value that is missing or invalid, so the caller re-elicits the slot with an explanation.
 */
final class SlotRules {
  private SlotRules() {}

  private static final Pattern EMAIL =
      Pattern.compile("^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$");

  /** A positive dollar amount with at most two decimals ("$1,250.5" → 1250.50). */
  static BigDecimal amount(String v) {
    if (v == null) {
      return null;
    }
    String s = v.replace("$", "").replace(",", "").replace("USD", "").trim();
    if (!s.matches("[0-9]{1,9}(\\.[0-9]{1,2})?")) {
      return null;
    }
    BigDecimal a = new BigDecimal(s).setScale(2);
    return a.signum() > 0 ? a : null;
  }

  /** Exactly four digits (spaces and dashes ignored). */
  static String last4(String v) {
    if (v == null) {
      return null;
    }
    String d = v.replaceAll("[\\s-]", "");
    return d.matches("[0-9]{4}") ? d : null;
  }

  /** CHECKING, SAVINGS or MONEY_MARKET from what Lex resolved ("Checking", "money market"...). */
  static String accountType(String v) {
    if (v == null) {
      return null;
    }
    String s = v.trim().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
    return switch (s) {
      case "CHECKING", "CHEQUING", "CURRENT" -> "CHECKING";
      case "SAVINGS", "SAVING" -> "SAVINGS";
      case "MONEY_MARKET", "MONEYMARKET" -> "MONEY_MARKET";
      case "BUSINESS", "BUSINESS_CHECKING" -> "BUSINESS_CHECKING";
      default -> null;
    };
  }

  /** AUTO, MORTGAGE, PERSONAL... as the bank names loan types. */
  static String loanType(String v) {
    if (v == null) {
      return null;
    }
    String s = v.trim().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
    return switch (s) {
      case "AUTO", "CAR", "CAR_LOAN", "AUTO_LOAN" -> "AUTO";
      case "MORTGAGE", "HOME", "HOME_LOAN" -> "MORTGAGE";
      case "PERSONAL", "PERSONAL_LOAN" -> "PERSONAL";
      case "STUDENT", "STUDENT_LOAN" -> "STUDENT";
      case "HELOC", "HOME_EQUITY", "HOME_EQUITY_LINE" -> "HELOC";
      default -> null;
    };
  }

  /** An ISO date as Lex's AMAZON.Date resolves it ({@code 2026-11-03}). */
  static LocalDate date(String v) {
    if (v == null) {
      return null;
    }
    try {
      return LocalDate.parse(v.trim());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** A month: {@code 2026-10} or any date in it ({@code 2026-10-01}). */
  static YearMonth month(String v) {
    if (v == null) {
      return null;
    }
    String s = v.trim();
    try {
      return s.length() == 7 ? YearMonth.parse(s) : YearMonth.from(LocalDate.parse(s));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** A plausible e-mail address, lower-cased. */
  static String email(String v) {
    if (v == null) {
      return null;
    }
    String s = v.trim().replace(" at ", "@").replace(" dot ", ".").replace(" ", "");
    return s.length() <= 254 && EMAIL.matcher(s).matches() ? s.toLowerCase(Locale.ROOT) : null;
  }

  /** A phone number as {@code +} and 10-15 digits (a 10-digit number is taken as US). */
  static String phone(String v) {
    if (v == null) {
      return null;
    }
    String d = v.replaceAll("[^0-9]", "");
    if (d.length() == 10) {
      d = "1" + d;
    }
    return d.length() >= 11 && d.length() <= 15 ? "+" + d : null;
  }

  /** A US ABA routing number: 9 digits with a valid checksum. */
  static String routingNumber(String v) {
    if (v == null) {
      return null;
    }
    String d = v.replaceAll("[\\s-]", "");
    if (!d.matches("[0-9]{9}")) {
      return null;
    }
    int[] n = d.chars().map(c -> c - '0').toArray();
    int sum = 3 * (n[0] + n[3] + n[6]) + 7 * (n[1] + n[4] + n[7]) + (n[2] + n[5] + n[8]);
    return sum % 10 == 0 ? d : null;
  }

  /** An external account number: 4 to 17 digits. */
  static String externalAccount(String v) {
    if (v == null) {
      return null;
    }
    String d = v.replaceAll("[\\s-]", "");
    return d.matches("[0-9]{4,17}") ? d : null;
  }

  /** A payee name: 2-60 letters, spaces, apostrophes, dots, ampersands or dashes. */
  static String payeeName(String v) {
    if (v == null) {
      return null;
    }
    String s = v.trim().replaceAll("\\s+", " ");
    return s.matches("[\\p{L}][\\p{L} .'&-]{1,59}") ? s : null;
  }
}
