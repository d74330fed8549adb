package com.cci.batch.scoring;

import com.cci.schemas.Json;
import com.cci.schemas.qa.QaForm;
import com.cci.schemas.qa.QaResult;
import com.cci.schemas.qa.QaResult.Answer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Strict validation of a model's {@code record_qa_result} input against the form and transcript,
 * with repair of what is safely repairable.
 *
 * <p>Invalid (the caller re-asks once, then quarantines): not a JSON object; a form criterion not
 * answered, answered twice, or an id not on the form; an answer outside PASSED / FAILED /
 * NOT_APPLICABLE; NOT_APPLICABLE where the criterion does not allow it; a missing justification; an
 * evidence turn that is not in the transcript; a missing summary field; an outcome outside the
 * enum; a tone score outside 0..100.
 *
 * <p>Repaired (recorded in {@link Parsed#repairs()}): JSON sent as text instead of a tool call,
 * code fences around it, text before or after it, control characters in it, the tool call wrapped
 * as {@code {"name":…,"input":{…}}}; answers in another case or spelled {@code N/A}; evidence turn
 * numbers given as numbers, or as the transcript's own turn ids; duplicate evidence; texts longer
 * than {@value #MAX_TEXT} characters (cut); a missing {@code actionItems} (empty); a tone score
 * given as a numeric string.
 *
 * <p>Error messages name ids, fields and enum values only, never transcript or justification text.
 */
public final class ResultValidator {
  private ResultValidator() {}

  /** Longest justification or summary text kept. */
  public static final int MAX_TEXT = 400;

  /** Most evidence turns per criterion (more are cut, as a repair). */
  public static final int MAX_EVIDENCE = 3;

  /** Most action items (more are cut, as a repair). */
  public static final int MAX_ACTION_ITEMS = 2;

  /**
   * A valid answer, ready for {@link QaScoring}.
   *
   * @param answers one per form criterion, evidence mapped to the transcript's turn ids
   * @param summary the call summary
   * @param repairs what was repaired (names, no content); empty when the input was clean
   */
  public record Parsed(
      List<QaScoring.Answered> answers, QaResult.Summary summary, List<String> repairs) {}

  /**
   * The verdict: {@code parsed} when valid, else the errors (each without transcript text).
   *
   * @param parsed the parsed answer, or null when invalid
   * @param errors empty when valid
   */
  public record Verdict(Parsed parsed, List<String> errors) {
    public boolean valid() {
      return parsed != null;
    }

    /** The errors joined into one message (for a re-ask or a quarantine reason). */
    public String message() {
      return String.join("; ", errors);
    }

    static Verdict invalid(List<String> errors) {
      return new Verdict(null, List.copyOf(errors));
    }
  }

  /** Validates a tool call's input. */
  public static Verdict validate(JsonNode input, QaForm form, QaPrompt.Built prompt) {
    return validate(input, form, prompt, new ArrayList<>());
  }

  /**
   * Validates a model's text answer (no tool call): repairs code fences, surrounding text and
   * control characters, then validates the JSON inside.
   */
  public static Verdict validateText(String text, QaForm form, QaPrompt.Built prompt) {
    List<String> repairs = new ArrayList<>();
    repairs.add("json-as-text");
    JsonNode node;
    try {
      node = repairText(text, repairs);
    } catch (IllegalArgumentException e) {
      return Verdict.invalid(List.of(e.getMessage()));
    }
    return validate(node, form, prompt, repairs);
  }

  /**
   * The JSON object inside a text: control characters removed, code fences and text around the
   * outermost object dropped.
   *
   * @throws IllegalArgumentException when no JSON object can be read from it
   */
  static JsonNode repairText(String text, List<String> repairs) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("the answer is empty: no tool call and no JSON");
    }
    String s = text;
    StringBuilder clean = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
        continue;
      }
      clean.append(c);
    }
    if (clean.length() != s.length()) {
      repairs.add("control-characters");
      s = clean.toString();
    }
    if (s.contains("```")) {
      repairs.add("code-fence");
      s = s.replaceAll("```[A-Za-z]*", "");
    }
    int start = s.indexOf('{');
    if (start < 0) {
      throw new IllegalArgumentException("the answer holds no JSON object");
    }
    int end = matchingBrace(s, start);
    if (end < 0) {
      throw new IllegalArgumentException(
          "the answer's JSON object is not closed (truncated output?)");
    }
    if (start > 0 && !s.substring(0, start).isBlank()
        || end + 1 < s.length() && !s.substring(end + 1).isBlank()) {
      repairs.add("surrounding-text");
    }
    String json = s.substring(start, end + 1);
    // raw line breaks and tabs inside strings are not legal JSON
    String flattened = json.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    try {
      return Json.mapper().readTree(flattened);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "the answer's JSON does not parse at line "
              + e.getLocation().getLineNr()
              + " column "
              + e.getLocation().getColumnNr());
    }
  }

  /** Index of the brace closing the object opened at {@code start}, or -1; strings respected. */
  private static int matchingBrace(String s, int start) {
    int depth = 0;
    boolean inString = false;
    for (int i = start; i < s.length(); i++) {
      char c = s.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
        continue;
      }
      if (c == '"') {
        inString = true;
      } else if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
    }
    return -1;
  }

  private static Verdict validate(
      JsonNode input, QaForm form, QaPrompt.Built prompt, List<String> repairs) {
    List<String> errors = new ArrayList<>();
    if (input == null || !input.isObject()) {
      return Verdict.invalid(List.of("the tool input is not a JSON object"));
    }
    if (!input.has("criteria") && input.path("input").isObject()) {
      repairs.add("unwrapped-tool-call");
      input = input.get("input");
    }
    if (input.path("criteria").isTextual() || input.path("summary").isTextual()) {
      // some models send nested objects as JSON strings
      try {
        var copy = ((com.fasterxml.jackson.databind.node.ObjectNode) input).deepCopy();
        for (String f : List.of("criteria", "summary")) {
          if (copy.path(f).isTextual()) {
            copy.set(f, Json.mapper().readTree(copy.get(f).asText()));
          }
        }
        input = copy;
        repairs.add("nested-json-as-text");
      } catch (JsonProcessingException e) {
        return Verdict.invalid(List.of("criteria or summary is a string that is not JSON"));
      }
    }
    JsonNode criteria = input.get("criteria");
    List<QaScoring.Answered> answers = new ArrayList<>();
    if (criteria == null || !criteria.isArray()) {
      errors.add("criteria is missing or not an array");
    } else {
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < criteria.size(); i++) {
        QaScoring.Answered a = criterion(criteria.get(i), i, form, prompt, seen, errors, repairs);
        if (a != null) {
          answers.add(a);
        }
      }
      for (QaForm.Criterion c : form.allCriteria()) {
        if (!seen.contains(c.id())) {
          errors.add("criterion '" + c.id() + "' is not answered");
        }
      }
    }
    QaResult.Summary summary = summary(input.get("summary"), errors, repairs);
    if (!errors.isEmpty()) {
      return Verdict.invalid(errors);
    }
    return new Verdict(
        new Parsed(answers, summary, List.copyOf(new LinkedHashSet<>(repairs))), List.of());
  }

  private static QaScoring.Answered criterion(
      JsonNode c,
      int i,
      QaForm form,
      QaPrompt.Built prompt,
      Set<String> seen,
      List<String> errors,
      List<String> repairs) {
    String at = "criteria[" + i + "]";
    if (c == null || !c.isObject()) {
      errors.add(at + " is not an object");
      return null;
    }
    String id = c.path("id").isTextual() ? c.get("id").asText().trim() : null;
    if (id == null || id.isEmpty()) {
      errors.add(at + ".id is missing");
      return null;
    }
    var criterion = form.criterion(id);
    if (criterion.isEmpty()) {
      errors.add("criterion " + safe(id) + " is not on the form");
      return null;
    }
    if (!seen.add(id)) {
      errors.add("criterion '" + id + "' is answered more than once");
      return null;
    }
    Answer answer = answer(c.get("answer"), repairs);
    if (answer == null) {
      errors.add(
          "criterion '"
              + id
              + "': answer "
              + safe(c.path("answer").asText("<missing>"))
              + " is not one of PASSED, FAILED, NOT_APPLICABLE");
      return null;
    }
    if (answer == Answer.NOT_APPLICABLE && !criterion.get().naAllowed()) {
      errors.add("criterion '" + id + "' does not allow NOT_APPLICABLE");
      return null;
    }
    String justification = text(c.get("justification"), repairs);
    if (justification == null || justification.isBlank()) {
      errors.add("criterion '" + id + "': justification is missing");
      return null;
    }
    List<String> evidence = new ArrayList<>();
    JsonNode ev = c.get("evidenceTurnIds");
    if (ev != null && !ev.isNull()) {
      if (!ev.isArray()) {
        errors.add("criterion '" + id + "': evidenceTurnIds is not an array");
        return null;
      }
      for (JsonNode e : ev) {
        String ref;
        if (e.isIntegralNumber()) {
          repairs.add("evidence-as-number");
          ref = e.asText();
        } else if (e.isTextual()) {
          ref = e.asText().trim();
        } else {
          errors.add("criterion '" + id + "': an evidence turn id is not a string");
          continue;
        }
        String turnId = prompt.turnIdFor(ref);
        if (turnId == null && prompt.turnIds().containsValue(ref)) {
          repairs.add("evidence-by-turn-id");
          turnId = ref;
        }
        if (turnId == null) {
          errors.add(
              "criterion '"
                  + id
                  + "': evidence turn "
                  + safe(ref)
                  + " is not in the transcript (turns 1.."
                  + prompt.turnIds().size()
                  + ")");
        } else if (evidence.contains(turnId)) {
          repairs.add("duplicate-evidence");
        } else if (evidence.size() < MAX_EVIDENCE) {
          evidence.add(turnId);
        } else {
          repairs.add("evidence-cut");
        }
      }
    } else {
      repairs.add("missing-evidence-list");
    }
    return new QaScoring.Answered(id, answer, justification, evidence);
  }

  private static Answer answer(JsonNode n, List<String> repairs) {
    if (n == null || !n.isTextual()) {
      return null;
    }
    String raw = n.asText();
    for (Answer a : Answer.values()) {
      if (a.name().equals(raw)) {
        return a;
      }
    }
    String norm = raw.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    Answer a =
        switch (norm) {
          case "PASSED", "PASS" -> Answer.PASSED;
          case "FAILED", "FAIL" -> Answer.FAILED;
          case "NOT_APPLICABLE", "N/A", "NA" -> Answer.NOT_APPLICABLE;
          default -> null;
        };
    if (a != null) {
      repairs.add("answer-spelling");
    }
    return a;
  }

  private static QaResult.Summary summary(JsonNode s, List<String> errors, List<String> repairs) {
    if (s == null || !s.isObject()) {
      errors.add("summary is missing or not an object");
      return null;
    }
    String issue = requiredText(s, "issue", errors, repairs);
    String resolution = requiredText(s, "resolution", errors, repairs);
    String sentiment = requiredText(s, "sentimentSummary", errors, repairs);
    QaResult.Outcome outcome = null;
    JsonNode o = s.get("outcome");
    if (o == null || !o.isTextual()) {
      errors.add("summary.outcome is missing");
    } else {
      String v = o.asText().trim().toUpperCase(Locale.ROOT).replace(' ', '_');
      for (QaResult.Outcome x : QaResult.Outcome.values()) {
        if (x.name().equals(v)) {
          outcome = x;
        }
      }
      if (outcome == null) {
        errors.add(
            "summary.outcome "
                + safe(o.asText())
                + " is not one of "
                + List.of(QaResult.Outcome.values()));
      } else if (!v.equals(o.asText())) {
        repairs.add("outcome-spelling");
      }
    }
    Double tone = null;
    JsonNode t = s.get("toneScore");
    if (t != null && t.isNumber()) {
      tone = t.asDouble();
    } else if (t != null && t.isTextual()) {
      try {
        tone = Double.parseDouble(t.asText().trim());
        repairs.add("tone-as-text");
      } catch (NumberFormatException e) {
        tone = null;
      }
    }
    if (tone == null) {
      errors.add("summary.toneScore is missing or not a number");
    } else if (!(tone >= 0 && tone <= 100)) {
      errors.add("summary.toneScore " + tone + " is outside 0..100");
    }
    List<String> items = new ArrayList<>();
    JsonNode ai = s.get("actionItems");
    if (ai == null || ai.isNull()) {
      repairs.add("missing-action-items");
    } else if (!ai.isArray()) {
      errors.add("summary.actionItems is not an array");
    } else {
      for (JsonNode x : ai) {
        String v = text(x, repairs);
        if (v != null && !v.isBlank()) {
          if (items.size() < MAX_ACTION_ITEMS) {
            items.add(v);
          } else {
            repairs.add("action-items-cut");
          }
        }
      }
    }
    if (issue == null
        || resolution == null
        || sentiment == null
        || outcome == null
        || tone == null) {
      return null;
    }
    return new QaResult.Summary(issue, resolution, outcome, items, tone, sentiment);
  }

  private static String requiredText(
      JsonNode s, String field, List<String> errors, List<String> repairs) {
    String v = text(s.get(field), repairs);
    if (v == null || v.isBlank()) {
      errors.add("summary." + field + " is missing");
      return null;
    }
    return v;
  }

  private static String text(JsonNode n, List<String> repairs) {
    if (n == null || !n.isTextual()) {
      return null;
    }
    String raw = n.asText();
    if (raw.chars().anyMatch(Character::isISOControl)) {
      repairs.add("control-characters");
    }
    String v = QaPrompt.oneLine(raw);
    if (v.length() > MAX_TEXT) {
      repairs.add("text-cut");
      v = v.substring(0, MAX_TEXT - 1) + "…";
    }
    return v;
  }

  /** A model-supplied value quoted in an error: short, one line. */
  private static String safe(String v) {
    String s = QaPrompt.oneLine(v == null ? "" : v);
    return "'" + (s.length() > 24 ? s.substring(0, 24) + "…" : s) + "'";
  }
}
