package com.cci.schemas.qa;

import com.cci.schemas.Json;
import com.cci.schemas.validation.Violation;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tenant's QA form (contract kind {@code qa-form}): sections of yes/no criteria with weights, a
 * pass threshold and per-criterion evidence hints for the offline rules scorer.
 *
 * <p>The schema checks each field; {@link #validate()} adds the rules JSON Schema cannot express
 * (criterion and section ids unique across the form) and re-checks the field rules for forms built
 * in code or by a mapper.
 *
 * @param tenantId tenant (S3 prefix)
 * @param formId stable form id (a Connect EvaluationFormId or a tenant-chosen name)
 * @param version form version, 1 or more
 * @param title display title
 * @param description optional description
 * @param language BCP-47 language of questions and hints, e.g. {@code en-US}
 * @param passThreshold percentage (0..100) at or above which a call passes
 * @param sections at least one section
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QaForm(
    @JsonProperty("tenantId") String tenantId,
    @JsonProperty("formId") String formId,
    @JsonProperty("version") int version,
    @JsonProperty("title") String title,
    @JsonProperty("description") String description,
    @JsonProperty("language") String language,
    @JsonProperty("passThreshold") double passThreshold,
    @JsonProperty("sections") List<Section> sections) {

  /** Classpath resource of the demo tenant's default retail-banking form. */
  public static final String DEMO_DEFAULT_RESOURCE = "qa-forms/demo-tenant/default-v1.json";

  static final String REF_ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}";
  private static final String TENANT_PATTERN = "[a-z0-9][a-z0-9-]{0,62}";
  private static final String LANGUAGE_PATTERN = "[a-z]{2,3}(-[A-Z]{2})?";

  public QaForm {
    sections = sections == null ? List.of() : List.copyOf(sections);
  }

  /**
   * A section of the form.
   *
   * @param id unique within the form
   * @param title display title
   * @param weight optional share of the whole form; null = the sum of its criteria's weights
   * @param criteria at least one criterion
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Section(
      @JsonProperty("id") String id,
      @JsonProperty("title") String title,
      @JsonProperty("weight") Double weight,
      @JsonProperty("criteria") List<Criterion> criteria) {
    public Section {
      criteria = criteria == null ? List.of() : List.copyOf(criteria);
    }
  }

  /**
   * One yes/no criterion.
   *
   * @param id unique across the whole form
   * @param question the question the evaluator answers
   * @param description optional guidance for the evaluator
   * @param weight points earned when PASSED; greater than 0
   * @param required the evaluator must answer it
   * @param naAllowed NOT_APPLICABLE is an accepted answer
   * @param autoFail failing it fails the whole call
   * @param evidenceHints phrases that indicate the behaviour (may be empty)
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Criterion(
      @JsonProperty("id") String id,
      @JsonProperty("question") String question,
      @JsonProperty("description") String description,
      @JsonProperty("weight") double weight,
      @JsonProperty("required") boolean required,
      @JsonProperty("naAllowed") boolean naAllowed,
      @JsonProperty("autoFail") boolean autoFail,
      @JsonProperty("evidenceHints") List<String> evidenceHints) {
    public Criterion {
      evidenceHints = evidenceHints == null ? List.of() : List.copyOf(evidenceHints);
    }
  }

  /** All criteria in form order. */
  @JsonIgnore
  public List<Criterion> allCriteria() {
    List<Criterion> out = new ArrayList<>();
    for (Section s : sections) {
      out.addAll(s.criteria());
    }
    return out;
  }

  /** The criterion with this id, if any. */
  public Optional<Criterion> criterion(String id) {
    return allCriteria().stream().filter(c -> c.id().equals(id)).findFirst();
  }

  /** The id of the section holding the criterion, if any. */
  public Optional<String> sectionOf(String criterionId) {
    for (Section s : sections) {
      for (Criterion c : s.criteria()) {
        if (c.id().equals(criterionId)) {
          return Optional.of(s.id());
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Checks the form: the main field rules of {@code qa-form.schema.json} (ids, weights, threshold,
   * language, non-empty sections) plus the cross-item rules the schema cannot express (criterion
   * ids unique across the form, section ids unique). Returns an empty list when the form is valid;
   * paths are JSON paths into the form ({@code $.sections[1].criteria[0].id}).
   */
  public List<Violation> validate() {
    List<Violation> out = new ArrayList<>();
    check(
        out,
        tenantId != null && tenantId.matches(TENANT_PATTERN),
        "$.tenantId",
        "pattern",
        "tenantId must be a lowercase slug (a-z, 0-9, '-')");
    check(out, formId != null && !formId.isBlank(), "$.formId", "required", "formId is missing");
    check(out, version >= 1, "$.version", "minimum", "version must be 1 or more, got " + version);
    check(out, title != null && !title.isBlank(), "$.title", "required", "title is missing");
    check(
        out,
        language != null && language.matches(LANGUAGE_PATTERN),
        "$.language",
        "pattern",
        "language must be a BCP-47 tag like en-US");
    check(
        out,
        passThreshold >= 0 && passThreshold <= 100,
        "$.passThreshold",
        "maximum",
        "passThreshold must be a percentage between 0 and 100, got " + passThreshold);
    check(out, !sections.isEmpty(), "$.sections", "minItems", "a form needs at least one section");
    Map<String, String> criterionIds = new HashMap<>();
    Map<String, String> sectionIds = new HashMap<>();
    for (int i = 0; i < sections.size(); i++) {
      Section s = sections.get(i);
      String sp = "$.sections[" + i + "]";
      if (s == null) {
        out.add(new Violation(sp, "type", "section is null"));
        continue;
      }
      checkRefId(out, s.id(), sp + ".id");
      if (s.id() != null) {
        String prev = sectionIds.putIfAbsent(s.id(), sp);
        check(
            out,
            prev == null,
            sp + ".id",
            "unique",
            "section id '" + s.id() + "' is already used by " + prev);
      }
      check(
          out,
          s.title() != null && !s.title().isBlank(),
          sp + ".title",
          "required",
          "section title is missing");
      check(
          out,
          s.weight() == null || s.weight() > 0,
          sp + ".weight",
          "exclusiveMinimum",
          "section weight must be greater than 0");
      check(
          out,
          !s.criteria().isEmpty(),
          sp + ".criteria",
          "minItems",
          "section '" + s.id() + "' has no criteria");
      for (int j = 0; j < s.criteria().size(); j++) {
        Criterion c = s.criteria().get(j);
        String cp = sp + ".criteria[" + j + "]";
        if (c == null) {
          out.add(new Violation(cp, "type", "criterion is null"));
          continue;
        }
        checkRefId(out, c.id(), cp + ".id");
        if (c.id() != null) {
          String prev = criterionIds.putIfAbsent(c.id(), cp);
          check(
              out,
              prev == null,
              cp + ".id",
              "unique",
              "criterion id '"
                  + c.id()
                  + "' is already used by "
                  + prev
                  + "; criterion ids must be unique across the form");
        }
        check(
            out,
            c.question() != null && !c.question().isBlank(),
            cp + ".question",
            "required",
            "question is missing");
        check(
            out,
            c.weight() > 0,
            cp + ".weight",
            "exclusiveMinimum",
            "weight must be greater than 0, got " + c.weight());
        for (int k = 0; k < c.evidenceHints().size(); k++) {
          String h = c.evidenceHints().get(k);
          check(
              out,
              h != null && !h.isBlank(),
              cp + ".evidenceHints[" + k + "]",
              "minLength",
              "evidence hint is blank");
        }
      }
    }
    return out;
  }

  private static void checkRefId(List<Violation> out, String id, String path) {
    if (id == null) {
      out.add(new Violation(path, "required", "id is missing"));
    } else if (!id.matches(REF_ID_PATTERN)) {
      out.add(
          new Violation(
              path,
              "pattern",
              "id '"
                  + id
                  + "' must be 1-64 letters, digits, '_', '.' or '-' starting with a letter or digit"));
    }
  }

  private static void check(List<Violation> out, boolean ok, String path, String rule, String msg) {
    if (!ok) {
      out.add(new Violation(path, rule, msg));
    }
  }

  /**
   * Returns this form when {@link #validate()} finds nothing, else throws with every violation.
   *
   * @throws IllegalArgumentException listing the violations
   */
  public QaForm requireValid() {
    List<Violation> v = validate();
    if (!v.isEmpty()) {
      StringBuilder sb = new StringBuilder("invalid QA form '" + formId + "' v" + version + ":");
      v.forEach(x -> sb.append("\n  ").append(x));
      throw new IllegalArgumentException(sb.toString());
    }
    return this;
  }

  /** Loads and validates a form from the classpath, e.g. {@link #DEMO_DEFAULT_RESOURCE}. */
  public static QaForm fromClasspath(String resource) {
    try (InputStream in = QaForm.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no QA form on the classpath at " + resource);
      }
      return Json.mapper().readValue(in, QaForm.class).requireValid();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read QA form " + resource, e);
    }
  }
}
