package com.cci.batch.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The form's criteria as a scoring prompt lists them, one line each: {@code <id> | <question> |
 * <flags>} with flags a comma-separated list of {@code required}, {@code optional}, {@code
 * na-allowed}, {@code auto-fail} (the layout of {@code com.cci.batch.scoring.QaPrompt}).
 */
final class PromptCriteria {
  /** A criterion from the prompt. */
  record Entry(String id, String question, boolean naAllowed) {}

  private static final String FLAG = "(?:required|optional|na-allowed|auto-fail)";
  private static final Pattern LINE =
      Pattern.compile(
          "^\\s*(?<id>[A-Za-z0-9][A-Za-z0-9_.-]{0,63})\\s*\\|\\s*(?<q>.+?)\\s*\\|\\s*(?<flags>"
              + FLAG
              + "(?:\\s*,\\s*"
              + FLAG
              + ")*)\\s*$",
          Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

  private PromptCriteria() {}

  /** The criteria listed in the prompt, by id, in prompt order. */
  static Map<String, Entry> parse(String prompt) {
    Map<String, Entry> out = new LinkedHashMap<>();
    Matcher m = LINE.matcher(prompt);
    while (m.find()) {
      String id = m.group("id");
      boolean na = m.group("flags").toLowerCase(Locale.ROOT).contains("na-allowed");
      out.putIfAbsent(id, new Entry(id, m.group("q"), na));
    }
    return out;
  }

  private static final List<String> STOP =
      List.of(
          "agent",
          "customer",
          "customer's",
          "did",
          "the",
          "and",
          "that",
          "with",
          "their",
          "before",
          "after",
          "about",
          "which",
          "when",
          "what",
          "call",
          "calls",
          "this",
          "they",
          "them",
          "such",
          "from",
          "into",
          "only",
          "does",
          "each",
          "ending",
          "other");

  /** Word stems (first five letters of words of five or more letters) of a question. */
  static List<String> stems(String question) {
    return Pattern.compile("[^a-z']+")
        .splitAsStream(question.toLowerCase(Locale.ROOT))
        .filter(w -> w.length() >= 5 && !STOP.contains(w))
        .map(w -> w.substring(0, 5))
        .distinct()
        .toList();
  }
}
