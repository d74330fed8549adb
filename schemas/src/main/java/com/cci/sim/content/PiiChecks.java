package com.cci.sim.content;

/**
 * Checksum and shape validators for financial identifiers: Luhn (payment cards), ABA routing
 * numbers, IBAN (ISO 13616 mod 97) and US social security numbers. No regular expressions, no
 * allocation beyond what the IBAN check needs; safe to call from hot loops and from any thread.
 *
 * <p>Each validator accepts the identifier as it may appear in text: card numbers and IBANs may be
 * grouped with single spaces or dashes, which are ignored. Anything else that is not a digit (or,
 * for IBANs, an ASCII letter) makes the value invalid.
 */
public final class PiiChecks {
  private PiiChecks() {}

  /**
   * True if {@code value} is a Luhn-valid number of 12 to 19 digits, ignoring spaces and dashes.
   */
  public static boolean luhnValid(CharSequence value) {
    if (value == null) {
      return false;
    }
    int sum = 0;
    int digits = 0;
    boolean doubleIt = false;
    for (int i = value.length() - 1; i >= 0; i--) {
      char c = value.charAt(i);
      if (c == ' ' || c == '-') {
        continue;
      }
      if (c < '0' || c > '9') {
        return false;
      }
      int d = c - '0';
      if (doubleIt) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      doubleIt = !doubleIt;
      digits++;
    }
    return digits >= 12 && digits <= 19 && sum % 10 == 0;
  }

  /**
   * The Luhn check digit that, appended to {@code payload} (digits only), makes it Luhn-valid.
   *
   * @throws IllegalArgumentException if {@code payload} is empty or holds a non-digit
   */
  public static int luhnCheckDigit(CharSequence payload) {
    requireDigits(payload, "Luhn payload");
    int sum = 0;
    boolean doubleIt = true; // the check digit will be the rightmost, undoubled
    for (int i = payload.length() - 1; i >= 0; i--) {
      int d = payload.charAt(i) - '0';
      if (doubleIt) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      doubleIt = !doubleIt;
    }
    return (10 - sum % 10) % 10;
  }

  /**
   * True if {@code value} is exactly nine digits with a valid ABA checksum ({@code 3·(d1+d4+d7) +
   * 7·(d2+d5+d8) + (d3+d6+d9) ≡ 0 mod 10}) and a prefix in the Federal Reserve ranges 00–12, 21–32,
   * 61–72 or 80.
   */
  public static boolean abaValid(CharSequence value) {
    if (value == null || value.length() != 9) {
      return false;
    }
    for (int i = 0; i < 9; i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    int prefix = (value.charAt(0) - '0') * 10 + (value.charAt(1) - '0');
    if (!abaPrefixValid(prefix)) {
      return false;
    }
    return abaSum(value, 9) % 10 == 0;
  }

  /**
   * The ninth digit that completes an ABA routing number.
   *
   * @param firstEight the first eight digits
   */
  public static int abaCheckDigit(CharSequence firstEight) {
    requireDigits(firstEight, "ABA prefix");
    if (firstEight.length() != 8) {
      throw new IllegalArgumentException(
          "ABA prefix must have 8 digits, got " + firstEight.length());
    }
    return (10 - abaSum(firstEight, 8) % 10) % 10;
  }

  static boolean abaPrefixValid(int prefix) {
    return prefix <= 12
        || (prefix >= 21 && prefix <= 32)
        || (prefix >= 61 && prefix <= 72)
        || prefix == 80;
  }

  private static int abaSum(CharSequence v, int n) {
    int[] w = {3, 7, 1};
    int sum = 0;
    for (int i = 0; i < n; i++) {
      sum += w[i % 3] * (v.charAt(i) - '0');
    }
    return sum;
  }

  /**
   * True if {@code value} (spaces ignored, letters case-insensitive) is an IBAN of 15 to 34
   * characters — two letters, two check digits, alphanumeric BBAN — whose mod-97 remainder is 1.
   * Country-specific lengths are not checked.
   */
  public static boolean ibanValid(CharSequence value) {
    if (value == null) {
      return false;
    }
    StringBuilder compact = new StringBuilder(34);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ' ') {
        continue;
      }
      if (!isAsciiAlnum(c)) {
        return false;
      }
      compact.append(Character.toUpperCase(c));
    }
    int n = compact.length();
    if (n < 15 || n > 34) {
      return false;
    }
    if (!isAsciiLetter(compact.charAt(0))
        || !isAsciiLetter(compact.charAt(1))
        || !isDigit(compact.charAt(2))
        || !isDigit(compact.charAt(3))) {
      return false;
    }
    // rearranged: BBAN + country + check digits
    int rem = 0;
    for (int k = 0; k < n; k++) {
      rem = mod97Step(rem, compact.charAt((k + 4) % n));
    }
    return rem == 1;
  }

  /**
   * The two IBAN check digits for a country code and BBAN.
   *
   * @param country two ASCII letters, e.g. {@code DE}
   * @param bban the basic bank account number, ASCII letters and digits
   * @return the check digits as a two-character string, {@code 02} to {@code 98}
   */
  public static String ibanCheckDigits(String country, String bban) {
    if (country == null
        || country.length() != 2
        || !isAsciiLetter(country.charAt(0))
        || !isAsciiLetter(country.charAt(1))) {
      throw new IllegalArgumentException("IBAN country must be two letters, got " + country);
    }
    if (bban == null || bban.isEmpty()) {
      throw new IllegalArgumentException("IBAN BBAN must not be empty");
    }
    int rem = 0;
    for (int i = 0; i < bban.length(); i++) {
      char c = Character.toUpperCase(bban.charAt(i));
      if (!isAsciiAlnum(c)) {
        throw new IllegalArgumentException("IBAN BBAN must be alphanumeric, got " + bban);
      }
      rem = mod97Step(rem, c);
    }
    rem = mod97Step(rem, Character.toUpperCase(country.charAt(0)));
    rem = mod97Step(rem, Character.toUpperCase(country.charAt(1)));
    rem = mod97Step(rem, '0');
    rem = mod97Step(rem, '0');
    int check = 98 - rem;
    return check < 10 ? "0" + check : Integer.toString(check);
  }

  private static int mod97Step(int rem, char c) {
    if (isDigit(c)) {
      return (rem * 10 + (c - '0')) % 97;
    }
    int v = c - 'A' + 10; // two decimal digits
    return (rem * 100 + v) % 97;
  }

  /**
   * True if {@code value} is a US social security number written {@code AAA-GG-SSSS} with area not
   * 000, 666 or 900–999, group not 00 and serial not 0000.
   */
  public static boolean ssnValid(CharSequence value) {
    if (value == null || value.length() != 11 || value.charAt(3) != '-' || value.charAt(6) != '-') {
      return false;
    }
    for (int i = 0; i < 11; i++) {
      if (i != 3 && i != 6 && !isDigit(value.charAt(i))) {
        return false;
      }
    }
    int area = num(value, 0, 3);
    int group = num(value, 4, 6);
    int serial = num(value, 7, 11);
    return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0;
  }

  private static int num(CharSequence v, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      n = n * 10 + (v.charAt(i) - '0');
    }
    return n;
  }

  private static void requireDigits(CharSequence s, String what) {
    if (s == null || s.length() == 0) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    for (int i = 0; i < s.length(); i++) {
      if (!isDigit(s.charAt(i))) {
        throw new IllegalArgumentException(what + " must be digits only, got '" + s + "'");
      }
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  private static boolean isAsciiAlnum(char c) {
    return isDigit(c) || isAsciiLetter(c);
  }
}
