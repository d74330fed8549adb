package com.cci.batch.pii;

import com.cci.schemas.transcript.CallTranscript;
import com.cci.sim.content.PiiChecks;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and masks residual PII that upstream redaction missed, before any text leaves for a model
 * and before anything is stored: payment cards (Luhn), SSNs, IBANs (mod 97), ABA routing numbers
 * (checksum), account numbers (digits in account context), e-mail addresses and phone numbers (NANP
 * and E.164), written with digits or spoken as digit words ("four one one one …").
 *
 * <p>Each value is replaced by its type's token ({@code [CARD]}, {@code [SSN]}, …) and counted per
 * type. Detection runs in a fixed priority order (e-mail, IBAN, card, SSN, phone, routing,
 * account); a span taken by one type is not considered again. Checksums keep false positives on
 * ordinary numbers (amounts, dates, reference numbers) low; numbers that carry no checksum
 * (accounts, unformatted SSNs) need a context word within the preceding {@value #CONTEXT_WINDOW}
 * characters.
 *
 * <p>Thread-safe and stateless. It never logs or throws text: errors and counts carry no transcript
 * content.
 */
public final class PiiGuard implements Serializable {
  private static final long serialVersionUID = 1L;

  /** How far back (characters) a context word such as "account" may stand before a number. */
  public static final int CONTEXT_WINDOW = 48;

  private static final Pattern EMAIL =
      Pattern.compile(
          "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63})*\\.[A-Za-z]{2,24}");
  // Country letters, two check digits, then 11..30 alphanumerics optionally grouped by single
  // spaces.
  private static final Pattern IBAN_CANDIDATE =
      Pattern.compile("(?<![A-Za-z0-9])[A-Za-z]{2}[0-9]{2}(?: ?[A-Za-z0-9]){11,30}");
  // Digits optionally grouped by single spaces or dashes.
  private static final Pattern DIGIT_GROUPS = Pattern.compile("(?<![0-9])[0-9]+(?:[ -][0-9]+)*");
  private static final Pattern SSN_FORMATTED =
      Pattern.compile("(?<![0-9-])[0-9]{3}-[0-9]{2}-[0-9]{4}(?![0-9]|-[0-9])");
  private static final Pattern NANP =
      Pattern.compile(
          "(?<![0-9+])(?:\\+?1[ .-]?)?(?:\\([2-9][0-9]{2}\\) ?|[2-9][0-9]{2}[ .-])[2-9][0-9]{2}[ .-][0-9]{4}(?![0-9])");
  private static final Pattern E164 =
      Pattern.compile("(?<![0-9])\\+[1-9][0-9]{0,2}(?:[ .-]?[0-9]){7,13}(?![0-9])");
  private static final Pattern NINE_DIGITS = Pattern.compile("(?<![0-9])[0-9]{9}(?![0-9])");
  private static final Pattern ACCOUNT_DIGITS =
      Pattern.compile("(?<![0-9])[0-9](?:[ -]?[0-9]){7,16}(?![0-9])");
  private static final Pattern TEN_DIGITS = Pattern.compile("(?<![0-9])1?[2-9][0-9]{9}(?![0-9])");
  private static final String DIGIT_WORD =
      "(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)";
  private static final Pattern SPOKEN_DIGITS =
      Pattern.compile(
          "(?i)(?<![A-Za-z])" + DIGIT_WORD + "(?:[ ,-]{1,2}" + DIGIT_WORD + "){7,18}(?![A-Za-z])");

  private static final Pattern ACCOUNT_CONTEXT =
      Pattern.compile("(?i)\\b(?:account|acct|a/c|checking|savings)\\b");
  private static final Pattern ROUTING_CONTEXT =
      Pattern.compile("(?i)\\b(?:routing|aba|transit number|sort code)\\b");
  private static final Pattern SSN_CONTEXT =
      Pattern.compile("(?i)\\b(?:social|ssn|social security)\\b");
  private static final Pattern PHONE_CONTEXT =
      Pattern.compile("(?i)\\b(?:phone|call me|mobile|cell|reach me|text me)\\b");

  /**
   * A transcript with residual PII masked.
   *
   * @param transcript the transcript with every turn's text (and the summary) masked
   * @param counts values masked per {@link PiiType#name()}, only types found (sorted by name)
   */
  public record Masked(CallTranscript transcript, Map<String, Integer> counts) {
    public Masked {
      counts = Collections.unmodifiableMap(new TreeMap<>(counts));
    }

    /** Total values masked. */
    public int total() {
      return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  /**
   * One text with residual PII masked.
   *
   * @param text the masked text
   * @param counts values masked per {@link PiiType#name()}, only types found
   */
  public record MaskedText(String text, Map<String, Integer> counts) {
    public MaskedText {
      counts = Collections.unmodifiableMap(new TreeMap<>(counts));
    }
  }

  /** A detected value: {@code [begin, end)} of the original text. */
  public record Finding(int begin, int end, PiiType type) {}

  /** Masks every turn's text and the summary of a transcript; counts per type over all of them. */
  public Masked mask(CallTranscript transcript) {
    if (transcript == null) {
      throw new IllegalArgumentException("transcript is null");
    }
    EnumMap<PiiType, Integer> counts = new EnumMap<>(PiiType.class);
    List<CallTranscript.Turn> turns = new ArrayList<>(transcript.turns().size());
    for (CallTranscript.Turn t : transcript.turns()) {
      String masked = maskInto(t.text(), counts);
      turns.add(
          masked == t.text()
              ? t
              : new CallTranscript.Turn(
                  t.id(),
                  t.role(),
                  t.beginOffsetMillis(),
                  t.endOffsetMillis(),
                  masked,
                  t.sentiment(),
                  t.loudness()));
    }
    String summary = maskInto(transcript.summary(), counts);
    CallTranscript out =
        new CallTranscript(
            transcript.format(),
            transcript.contactId(),
            transcript.instanceId(),
            transcript.channel(),
            transcript.languageCode(),
            turns,
            transcript.matchedCategories(),
            summary,
            transcript.overallSentiment(),
            transcript.totalDurationMillis());
    return new Masked(out, names(counts));
  }

  /** Masks one text. */
  public MaskedText maskText(String text) {
    EnumMap<PiiType, Integer> counts = new EnumMap<>(PiiType.class);
    String masked = maskInto(text, counts);
    return new MaskedText(masked, names(counts));
  }

  /** The values found in {@code text}, in text order, without overlaps (no masking). */
  public List<Finding> find(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    Claims claims = new Claims();
    if (text.indexOf('@') >= 0) {
      emails(text, claims);
    }
    boolean hasDigit = hasDigit(text);
    if (hasDigit) {
      ibans(text, claims);
      cards(text, claims);
      ssns(text, claims);
      phones(text, claims);
      nineDigits(text, claims);
      accounts(text, claims);
    }
    spoken(text, claims);
    return claims.sorted();
  }

  private String maskInto(String text, EnumMap<PiiType, Integer> counts) {
    List<Finding> found = find(text);
    if (found.isEmpty()) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text.length());
    int pos = 0;
    for (Finding f : found) {
      sb.append(text, pos, f.begin()).append(f.type().token());
      pos = f.end();
      counts.merge(f.type(), 1, Integer::sum);
    }
    return sb.append(text, pos, text.length()).toString();
  }

  private static Map<String, Integer> names(EnumMap<PiiType, Integer> counts) {
    Map<String, Integer> out = new TreeMap<>();
    counts.forEach((k, v) -> out.put(k.name(), v));
    return out;
  }

  // ---- detectors, in priority order ----

  private static void emails(String text, Claims claims) {
    Matcher m = EMAIL.matcher(text);
    while (m.find()) {
      // the pattern ends on the top-level domain's letters: a sentence's full stop stays outside
      claims.claim(m.start(), m.end(), PiiType.EMAIL);
    }
  }

  private static void ibans(String text, Claims claims) {
    Matcher m = IBAN_CANDIDATE.matcher(text);
    int from = 0;
    while (from < text.length() && m.find(from)) {
      int start = m.start();
      int end = m.end();
      int found = -1;
      // the candidate may run into the next word: shrink from the right to the longest valid IBAN
      for (int e = end; e > start + 14; e--) {
        char last = text.charAt(e - 1);
        if (last == ' ') {
          continue;
        }
        if (e < text.length() && isAlnum(text.charAt(e))) {
          continue; // must end at a word boundary
        }
        if (PiiChecks.ibanValid(text.subSequence(start, e))) {
          found = e;
          break;
        }
      }
      if (found > 0) {
        claims.claim(start, found, PiiType.IBAN);
        from = found;
      } else {
        from = start + 1;
      }
    }
  }

  private static void cards(String text, Claims claims) {
    Matcher m = DIGIT_GROUPS.matcher(text);
    while (m.find()) {
      List<int[]> groups = groups(text, m.start(), m.end());
      // longest Luhn-valid run of whole groups with 13..19 digits
      int[] best = null;
      for (int i = 0; i < groups.size(); i++) {
        int digits = 0;
        for (int j = i; j < groups.size(); j++) {
          digits += groups.get(j)[1] - groups.get(j)[0];
          if (digits > 19) {
            break;
          }
          if (digits >= 13) {
            int b = groups.get(i)[0];
            int e = groups.get(j)[1];
            if ((best == null || e - b > best[1] - best[0])
                && PiiChecks.luhnValid(text.subSequence(b, e))) {
              best = new int[] {b, e};
            }
          }
        }
      }
      if (best != null) {
        claims.claim(best[0], best[1], PiiType.CARD);
      }
    }
  }

  private static void ssns(String text, Claims claims) {
    Matcher m = SSN_FORMATTED.matcher(text);
    while (m.find()) {
      if (PiiChecks.ssnValid(m.group())) {
        claims.claim(m.start(), m.end(), PiiType.SSN);
      }
    }
  }

  private static void phones(String text, Claims claims) {
    Matcher m = NANP.matcher(text);
    while (m.find()) {
      claims.claim(m.start(), m.end(), PiiType.PHONE);
    }
    m = E164.matcher(text);
    while (m.find()) {
      claims.claim(m.start(), m.end(), PiiType.PHONE);
    }
    m = TEN_DIGITS.matcher(text);
    while (m.find()) {
      if (nearest(text, m.start(), PHONE_CONTEXT) >= 0) {
        claims.claim(m.start(), m.end(), PiiType.PHONE);
      }
    }
  }

  /** Nine plain digits: an SSN after "social", a routing number by checksum or after "routing". */
  private static void nineDigits(String text, Claims claims) {
    Matcher m = NINE_DIGITS.matcher(text);
    while (m.find()) {
      int s = m.start();
      int ssn = nearest(text, s, SSN_CONTEXT);
      int routing = nearest(text, s, ROUTING_CONTEXT);
      int account = nearest(text, s, ACCOUNT_CONTEXT);
      if (ssn >= 0 && ssn >= routing && ssn >= account) {
        claims.claim(s, m.end(), PiiType.SSN);
      } else if (routing >= 0 && routing >= account) {
        claims.claim(s, m.end(), PiiType.ROUTING);
      } else if (account < 0 && PiiChecks.abaValid(m.group())) {
        claims.claim(s, m.end(), PiiType.ROUTING);
      }
      // nine digits after "account" are left to the account detector
    }
  }

  private static void accounts(String text, Claims claims) {
    Matcher m = ACCOUNT_DIGITS.matcher(text);
    while (m.find()) {
      if (nearest(text, m.start(), ACCOUNT_CONTEXT) >= 0) {
        claims.claim(m.start(), m.end(), PiiType.ACCOUNT);
      }
    }
  }

  /** Digits spoken as words ("four one one one …"): classified like written digits. */
  private static void spoken(String text, Claims claims) {
    Matcher m = SPOKEN_DIGITS.matcher(text);
    while (m.find()) {
      String digits = spokenToDigits(m.group());
      int s = m.start();
      PiiType type;
      int n = digits.length();
      if (n >= 13 && PiiChecks.luhnValid(digits)) {
        type = PiiType.CARD;
      } else if (n == 9 && nearest(text, s, SSN_CONTEXT) >= 0) {
        type = PiiType.SSN;
      } else if (n == 9 && (nearest(text, s, ROUTING_CONTEXT) >= 0 || PiiChecks.abaValid(digits))) {
        type = PiiType.ROUTING;
      } else if ((n == 10 || (n == 11 && digits.charAt(0) == '1'))
          && nearest(text, s, ACCOUNT_CONTEXT) < 0) {
        type = PiiType.PHONE;
      } else {
        // any other run of eight or more spoken digits is an account-like identifier
        type = PiiType.ACCOUNT;
      }
      claims.claim(s, m.end(), type);
    }
  }

  private static String spokenToDigits(String s) {
    StringBuilder sb = new StringBuilder(20);
    for (String w : s.toLowerCase(Locale.ROOT).split("[ ,-]+")) {
      switch (w) {
        case "zero", "oh" -> sb.append('0');
        case "one" -> sb.append('1');
        case "two" -> sb.append('2');
        case "three" -> sb.append('3');
        case "four" -> sb.append('4');
        case "five" -> sb.append('5');
        case "six" -> sb.append('6');
        case "seven" -> sb.append('7');
        case "eight" -> sb.append('8');
        case "nine" -> sb.append('9');
        default -> {}
      }
    }
    return sb.toString();
  }

  /** Groups of digits ({@code [begin, end)}) in a run matched by {@link #DIGIT_GROUPS}. */
  private static List<int[]> groups(String text, int from, int to) {
    List<int[]> out = new ArrayList<>();
    int i = from;
    while (i < to) {
      int b = i;
      while (i < to && isDigit(text.charAt(i))) {
        i++;
      }
      out.add(new int[] {b, i});
      i++; // the separator
    }
    return out;
  }

  /**
   * Offset of the last match of {@code context} ending within {@link #CONTEXT_WINDOW} characters
   * before {@code pos}, or -1.
   */
  private static int nearest(String text, int pos, Pattern context) {
    int from = Math.max(0, pos - CONTEXT_WINDOW);
    Matcher m = context.matcher(text).region(from, pos);
    int last = -1;
    while (m.find()) {
      last = m.start();
    }
    return last;
  }

  private static boolean hasDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (isDigit(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAlnum(char c) {
    return isDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  /** Spans already taken; a later (lower-priority) detector cannot take an overlapping span. */
  private static final class Claims {
    private final List<Finding> findings = new ArrayList<>();

    void claim(int begin, int end, PiiType type) {
      for (Finding f : findings) {
        if (begin < f.end() && f.begin() < end) {
          return;
        }
      }
      findings.add(new Finding(begin, end, type));
    }

    List<Finding> sorted() {
      findings.sort((a, b) -> Integer.compare(a.begin(), b.begin()));
      return List.copyOf(findings);
    }
  }
}
