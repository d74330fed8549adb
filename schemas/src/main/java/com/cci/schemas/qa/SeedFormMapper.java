package com.cci.schemas.qa;

import com.cci.schemas.qa.QaForm.Criterion;
import com.cci.schemas.qa.QaForm.Section;
import com.fasterxml.jackson.databind.JsonNode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Maps a simple seed-style form - a flat list of questions with optional ids and weights - onto a
 * one-section {@link QaForm}.
 *
 * <pre>
 * {"title": "...", "questions": [{"id": "greeting", "text": "Did the agent greet?", "weight": 2,
 *   "hints": ["thank you for calling"]}, {"text": "Was the issue resolved?"}]}</pre>
 *
 * <p>A question without an id gets a slug of its text ({@code was-the-issue-resolved}),
 * de-duplicated with {@code -2}, {@code -3}; a missing weight is 1. Seed questions are required,
 * not N/A-able and not auto-fail. Optional per-question {@code hints} (or {@code evidenceHints})
 * become the criterion's evidence hints.
 */
public final class SeedFormMapper {
  /** Id of the single section a seed form maps to. */
  public static final String SECTION_ID = "questions";

  private SeedFormMapper() {}

  /**
   * @param seed the seed document
   * @param target tenant, form id, version and settings; formId and version are required here
   * @throws IllegalArgumentException when the seed has no questions, a question has no text, a
   *     weight is not a positive number, or the resulting form is invalid (e.g. duplicate ids)
   */
  public static MappedForm map(JsonNode seed, FormTarget target) {
    if (target.formId() == null || target.version() == null) {
      throw new IllegalArgumentException("a seed form needs formId and version in the target");
    }
    if (seed == null || !seed.path("questions").isArray() || seed.path("questions").isEmpty()) {
      throw new IllegalArgumentException("seed form has no 'questions' array (or it is empty)");
    }
    List<Criterion> criteria = new ArrayList<>();
    Set<String> used = new HashSet<>();
    int i = 0;
    for (JsonNode q : seed.path("questions")) {
      String where = "questions[" + i++ + "]";
      String text = q.path("text").asText("").strip();
      if (text.isEmpty()) {
        throw new IllegalArgumentException(where + ": question has no 'text'");
      }
      String id = q.hasNonNull("id") ? q.get("id").asText().strip() : uniqueSlug(text, used);
      used.add(id);
      double weight = 1.0;
      if (q.hasNonNull("weight")) {
        if (!q.get("weight").isNumber() || q.get("weight").asDouble() <= 0) {
          throw new IllegalArgumentException(
              where + ": weight must be a number greater than 0, got " + q.get("weight"));
        }
        weight = q.get("weight").asDouble();
      }
      List<String> hints = new ArrayList<>();
      JsonNode h = q.has("evidenceHints") ? q.get("evidenceHints") : q.path("hints");
      for (JsonNode hint : h) {
        if (!hint.asText("").isBlank() && !hints.contains(hint.asText().strip())) {
          hints.add(hint.asText().strip());
        }
      }
      criteria.add(new Criterion(id, text, null, weight, true, false, false, hints));
    }
    String title =
        target.title() != null ? target.title() : seed.path("title").asText(target.formId());
    QaForm form =
        new QaForm(
            target.tenantId(),
            target.formId(),
            target.version(),
            title,
            null,
            target.language(),
            target.passThreshold(),
            List.of(new Section(SECTION_ID, title, null, criteria)));
    return new MappedForm(form.requireValid(), List.of());
  }

  /** Lowercase ASCII slug of the text, at most 48 characters, unique among {@code used}. */
  static String uniqueSlug(String text, Set<String> used) {
    String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    String slug =
        ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() > 48) {
      slug = slug.substring(0, 48).replaceAll("-+$", "");
    }
    if (slug.isEmpty()) {
      slug = "q";
    }
    String candidate = slug;
    for (int n = 2; used.contains(candidate); n++) {
      candidate = slug + "-" + n;
    }
    return candidate;
  }
}
