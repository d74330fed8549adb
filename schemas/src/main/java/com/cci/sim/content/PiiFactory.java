package com.cci.sim.content;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Generates realistic, checksum-valid residual PII values for the simulator. Stateless: every
 * method draws from the random source it is given, so output is deterministic in that source.
 * Values are synthetic (random digits with valid checksums), not taken from any real person.
 */
public final class PiiFactory {
  private PiiFactory() {}

  private static final String[] CARD_PREFIXES = {"4", "51", "52", "53", "54", "55", "2221", "6011"};
  private static final String[] EMAIL_DOMAINS = {
    "gmail.com", "yahoo.com", "outlook.com", "icloud.com", "hotmail.com", "aol.com"
  };
  private static final String[] IBAN_COUNTRIES = {"DE", "GB", "FR", "NL", "ES", "IT"};
  private static final char[] UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray();

  /** A value of the given type; {@code customerName} seeds e-mail local parts. */
  public static String value(PiiType type, SplittableRandom rnd, String customerName) {
    switch (type) {
      case CARD_NUMBER:
        return cardNumber(rnd);
      case SSN:
        return ssn(rnd);
      case ACCOUNT_NUMBER:
        return accountNumber(rnd);
      case IBAN:
        return iban(rnd);
      case ROUTING_NUMBER:
        return routingNumber(rnd);
      case EMAIL:
        return email(rnd, customerName);
      case PHONE:
        return phone(rnd);
      default:
        throw new IllegalArgumentException("unknown PII type " + type);
    }
  }

  /**
   * A 16-digit Luhn-valid card number with a Visa, Mastercard or Discover prefix: plain (half of
   * the time), or grouped in fours by spaces or dashes.
   */
  public static String cardNumber(SplittableRandom rnd) {
    String prefix = CARD_PREFIXES[rnd.nextInt(CARD_PREFIXES.length)];
    StringBuilder digits = new StringBuilder(16).append(prefix);
    while (digits.length() < 15) {
      digits.append((char) ('0' + rnd.nextInt(10)));
    }
    digits.append((char) ('0' + PiiChecks.luhnCheckDigit(digits)));
    int style = rnd.nextInt(4);
    if (style <= 1) {
      return digits.toString();
    }
    char sep = style == 2 ? ' ' : '-';
    StringBuilder out = new StringBuilder(19);
    for (int i = 0; i < 16; i++) {
      if (i > 0 && i % 4 == 0) {
        out.append(sep);
      }
      out.append(digits.charAt(i));
    }
    return out.toString();
  }

  /** An SSN {@code AAA-GG-SSSS}: area 001–899 except 666, group 01–99, serial 0001–9999. */
  public static String ssn(SplittableRandom rnd) {
    int area;
    do {
      area = 1 + rnd.nextInt(899);
    } while (area == 666);
    int group = 1 + rnd.nextInt(99);
    int serial = 1 + rnd.nextInt(9999);
    StringBuilder sb = new StringBuilder(11);
    pad(sb, area, 3).append('-');
    pad(sb, group, 2).append('-');
    return pad(sb, serial, 4).toString();
  }

  /** An account number of 8 to 12 digits, not starting with 0. */
  public static String accountNumber(SplittableRandom rnd) {
    int len = 8 + rnd.nextInt(5);
    StringBuilder sb = new StringBuilder(len).append((char) ('1' + rnd.nextInt(9)));
    while (sb.length() < len) {
      sb.append((char) ('0' + rnd.nextInt(10)));
    }
    return sb.toString();
  }

  /** A 9-digit ABA routing number with a Federal Reserve prefix and a valid checksum. */
  public static String routingNumber(SplittableRandom rnd) {
    int prefix;
    do {
      prefix = 1 + rnd.nextInt(80);
    } while (!PiiChecks.abaPrefixValid(prefix));
    StringBuilder sb = new StringBuilder(9);
    pad(sb, prefix, 2);
    while (sb.length() < 8) {
      sb.append((char) ('0' + rnd.nextInt(10)));
    }
    return sb.append((char) ('0' + PiiChecks.abaCheckDigit(sb))).toString();
  }

  /**
   * An IBAN for DE (22), GB (22), FR (27), NL (18), ES (24) or IT (27 characters) with valid check
   * digits, compact or in the printed form grouped by four with spaces.
   */
  public static String iban(SplittableRandom rnd) {
    String country = IBAN_COUNTRIES[rnd.nextInt(IBAN_COUNTRIES.length)];
    StringBuilder bban = new StringBuilder(30);
    switch (country) {
      case "DE":
        digits(bban, rnd, 18);
        break;
      case "GB":
        letters(bban, rnd, 4);
        digits(bban, rnd, 14);
        break;
      case "FR":
        digits(bban, rnd, 23);
        break;
      case "NL":
        letters(bban, rnd, 4);
        digits(bban, rnd, 10);
        break;
      case "ES":
        digits(bban, rnd, 20);
        break;
      default: // IT
        letters(bban, rnd, 1);
        digits(bban, rnd, 22);
        break;
    }
    String compact = country + PiiChecks.ibanCheckDigits(country, bban.toString()) + bban;
    if (rnd.nextBoolean()) {
      return compact;
    }
    StringBuilder out = new StringBuilder(compact.length() + 8);
    for (int i = 0; i < compact.length(); i++) {
      if (i > 0 && i % 4 == 0) {
        out.append(' ');
      }
      out.append(compact.charAt(i));
    }
    return out.toString();
  }

  /** An e-mail address derived from the customer's name (letters only) and a free-mail domain. */
  public static String email(SplittableRandom rnd, String customerName) {
    StringBuilder local = new StringBuilder(24);
    boolean sepPending = false;
    String name = customerName == null ? "" : customerName;
    for (int i = 0; i < name.length() && local.length() < 20; i++) {
      char c = Character.toLowerCase(name.charAt(i));
      if (c >= 'a' && c <= 'z') {
        if (sepPending && local.length() > 0) {
          local.append(rnd.nextBoolean() ? '.' : '_');
        }
        sepPending = false;
        local.append(c);
      } else if (c == ' ' || c == '-') {
        sepPending = true;
      }
    }
    if (local.length() < 3) {
      local.append("customer");
    }
    if (rnd.nextBoolean()) {
      local.append(10 + rnd.nextInt(90));
    }
    return local.append('@').append(EMAIL_DOMAINS[rnd.nextInt(EMAIL_DOMAINS.length)]).toString();
  }

  /**
   * A US phone number (NANP area and exchange codes start 2–9) as {@code (212) 555-0143}, {@code
   * 212-555-0143}, {@code 212.555.0143} or {@code +1 212 555 0143}.
   */
  public static String phone(SplittableRandom rnd) {
    int area = 200 + rnd.nextInt(800);
    int exchange = 200 + rnd.nextInt(800);
    int line = rnd.nextInt(10000);
    StringBuilder sb = new StringBuilder(16);
    switch (rnd.nextInt(4)) {
      case 0:
        sb.append('(').append(area).append(") ").append(exchange).append('-');
        break;
      case 1:
        sb.append(area).append('-').append(exchange).append('-');
        break;
      case 2:
        sb.append(area).append('.').append(exchange).append('.');
        break;
      default:
        sb.append("+1 ").append(area).append(' ').append(exchange).append(' ');
        break;
    }
    return pad(sb, line, 4).toString();
  }

  /** Removes spaces and dashes (the grouping separators of card numbers and IBANs). */
  public static String compact(String value) {
    StringBuilder sb = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != ' ' && c != '-') {
        sb.append(c);
      }
    }
    return sb.toString().toUpperCase(Locale.ROOT);
  }

  private static StringBuilder pad(StringBuilder sb, int v, int width) {
    String s = Integer.toString(v);
    for (int i = s.length(); i < width; i++) {
      sb.append('0');
    }
    return sb.append(s);
  }

  private static void digits(StringBuilder sb, SplittableRandom rnd, int n) {
    for (int i = 0; i < n; i++) {
      sb.append((char) ('0' + rnd.nextInt(10)));
    }
  }

  private static void letters(StringBuilder sb, SplittableRandom rnd, int n) {
    for (int i = 0; i < n; i++) {
      sb.append(UPPER[rnd.nextInt(UPPER.length)]);
    }
  }
}
