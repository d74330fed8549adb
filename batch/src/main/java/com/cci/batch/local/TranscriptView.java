package com.cci.batch.local;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The transcript turns found in a prompt. A turn is one line in one of these layouts (role
 * case-insensitive, AGENT / CUSTOMER / SYSTEM):
 *
 * <ul>
 *   <li>{@code [t3] AGENT: text} — also {@code t3 AGENT: text}, {@code t3 | AGENT | text}, {@code
 *       (t3) AGENT - text}
 *   <li>{@code AGENT [t3]: text} — also {@code AGENT (t3): text}
 *   <li>a JSON object on its own line with {@code id} (or {@code turnId}), {@code role} and {@code
 *       text}
 * </ul>
 *
 * <p>Lines that are none of these are not turns. A repeated turn id keeps its first occurrence (a
 * re-ask may quote turns again).
 */
final class TranscriptView {
  /** One turn: id, upper-case role and text. */
  record Turn(String id, String role, String text) {
    boolean isAgent() {
      return role.equals("AGENT");
    }

    boolean isCustomer() {
      return role.equals("CUSTOMER");
    }
  }

  private static final String ROLE = "(?<role>agent|customer|system)";
  private static final Pattern ID_FIRST =
      Pattern.compile(
          "^\\s*[-*]?\\s*[\\[(<]?(?:turn\\s*)?(?<id>[A-Za-z0-9][A-Za-z0-9_.:\\-]{0,80})[\\])>]?\\s*[|:\\-]?\\s*"
              + ROLE
              + "\\s*[:|\\-]\\s*(?<text>.*)$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern ROLE_FIRST =
      Pattern.compile(
          "^\\s*[-*]?\\s*"
              + ROLE
              + "\\s*[\\[(](?:turn\\s*)?(?<id>[A-Za-z0-9][A-Za-z0-9_.:\\-]{0,80})[\\])]\\s*[:|\\-]?\\s*(?<text>.*)$",
          Pattern.CASE_INSENSITIVE);

  private final List<Turn> turns;

  private TranscriptView(List<Turn> turns) {
    this.turns = List.copyOf(turns);
  }

  static TranscriptView of(String prompt) {
    List<Turn> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String line : prompt.split("\\R")) {
      Turn t = parseLine(line);
      if (t != null && !t.id().equalsIgnoreCase(t.role()) && seen.add(t.id())) {
        out.add(t);
      }
    }
    return new TranscriptView(out);
  }

  private static Turn parseLine(String line) {
    String trimmed = line.trim();
    if (trimmed.startsWith("{") && trimmed.endsWith("}")) {
      try {
        var node = LocalBedrock.mapper().readTree(trimmed);
        String id = node.path("id").asText(node.path("turnId").asText(null));
        String role = node.path("role").asText(node.path("participant").asText(null));
        String text = node.path("text").asText(node.path("content").asText(null));
        if (id != null && role != null && text != null) {
          return new Turn(id, role.toUpperCase(Locale.ROOT), text);
        }
      } catch (java.io.IOException e) {
        // not JSON: try the text layouts
      }
    }
    Matcher m = ROLE_FIRST.matcher(line);
    if (!m.matches()) {
      m = ID_FIRST.matcher(line);
      if (!m.matches()) {
        return null;
      }
    }
    return new Turn(
        m.group("id"), m.group("role").toUpperCase(Locale.ROOT), m.group("text").trim());
  }

  List<Turn> turns() {
    return turns;
  }

  boolean isEmpty() {
    return turns.isEmpty();
  }

  /** Turns of a role (AGENT, CUSTOMER). */
  List<Turn> byRole(String role) {
    return turns.stream().filter(t -> t.role().equals(role)).toList();
  }

  /** The whole text, lower case, for phrase searches. */
  String lowerText() {
    StringBuilder sb = new StringBuilder();
    for (Turn t : turns) {
      sb.append(t.text().toLowerCase(Locale.ROOT)).append('\n');
    }
    return sb.toString();
  }

  /** Turns of {@code role} (null = any) whose text contains one of {@code phrases}. */
  List<Turn> containing(String role, List<String> phrases) {
    List<Turn> out = new ArrayList<>();
    for (Turn t : turns) {
      if (role != null && !t.role().equals(role)) {
        continue;
      }
      String lower = t.text().toLowerCase(Locale.ROOT);
      for (String p : phrases) {
        if (lower.contains(p.toLowerCase(Locale.ROOT))) {
          out.add(t);
          break;
        }
      }
    }
    return out;
  }
}
