package com.cci.schemas.qa;

import com.cci.schemas.qa.QaForm.Criterion;
import com.cci.schemas.qa.QaForm.Section;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps an Amazon Connect evaluation form - the JSON of a DescribeEvaluationForm response ({@code
 * {"EvaluationForm": {...}}}) or the bare {@code EvaluationForm} object - onto a {@link QaForm}.
 *
 * <ul>
 *   <li>Each Connect section becomes a section (RefId to id, Title to title); nested sections are
 *       flattened into their own sections titled {@code Parent / Child}.
 *   <li>SINGLESELECT and NUMERIC questions become criteria: RefId to id, Title to question,
 *       Instructions to description, NotApplicableEnabled to naAllowed; autoFail is true when any
 *       answer option has AutomaticFail. Connect questions are all required.
 *   <li>Weights follow ScoringStrategy: QUESTION_ONLY uses each question's Weight (a question with
 *       Weight 0 does not count and is skipped); SECTION_ONLY gives the section its Weight and its
 *       questions their Weight within the section (1 when absent); scoring DISABLED (or absent)
 *       gives every question weight 1.
 *   <li>TEXT questions (and any other type without a pass/fail answer) are skipped. Every skipped
 *       item is listed in {@link MappedForm#skipped()}.
 *   <li>Connect forms carry no evidence phrases; pass them per RefId in {@code evidenceHints}.
 * </ul>
 *
 * <p>Field names are matched as Connect writes them (PascalCase) or in camelCase.
 */
public final class ConnectEvaluationFormMapper {
  private ConnectEvaluationFormMapper() {}

  /** Maps a form without evidence hints. */
  public static MappedForm map(JsonNode describeResponse, FormTarget target) {
    return map(describeResponse, target, Map.of());
  }

  /**
   * @param describeResponse DescribeEvaluationForm response or its EvaluationForm object
   * @param target tenant and settings; non-null formId, version, title override the form's own
   * @param evidenceHints evidence phrases per question RefId (may be empty)
   * @throws IllegalArgumentException when the JSON is not an evaluation form, a RefId does not fit
   *     the contract's id pattern, or the resulting form is invalid
   */
  public static MappedForm map(
      JsonNode describeResponse, FormTarget target, Map<String, List<String>> evidenceHints) {
    if (describeResponse == null || !describeResponse.isObject()) {
      throw new IllegalArgumentException("expected a DescribeEvaluationForm JSON object");
    }
    JsonNode form = field(describeResponse, "EvaluationForm");
    if (form.isMissingNode()) {
      form = describeResponse;
    }
    JsonNode items = field(form, "Items");
    if (!items.isArray() || items.isEmpty()) {
      throw new IllegalArgumentException(
          "not a Connect evaluation form: no Items (expected {\"EvaluationForm\": {\"Items\": [...]}})");
    }
    JsonNode strategy = field(form, "ScoringStrategy");
    boolean scoring = "ENABLED".equalsIgnoreCase(field(strategy, "Status").asText(""));
    String mode = field(strategy, "Mode").asText("").toUpperCase(Locale.ROOT);
    WeightMode weightMode =
        !scoring
            ? WeightMode.EQUAL
            : "SECTION_ONLY".equals(mode) ? WeightMode.SECTION : WeightMode.QUESTION;

    List<Section> sections = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (JsonNode item : items) {
      JsonNode section = field(item, "Section");
      if (section.isMissingNode()) {
        skipped.add(
            "top-level item without a Section (Connect requires questions inside sections)");
        continue;
      }
      addSection(section, null, weightMode, evidenceHints, sections, skipped);
    }
    if (sections.isEmpty()) {
      throw new IllegalArgumentException(
          "Connect form has no scoreable (SINGLESELECT or NUMERIC) questions; skipped: " + skipped);
    }

    String formId = target.formId() != null ? target.formId() : text(form, "EvaluationFormId");
    Integer version =
        target.version() != null
            ? target.version()
            : field(form, "EvaluationFormVersion").isInt()
                ? field(form, "EvaluationFormVersion").asInt()
                : null;
    if (formId == null || version == null) {
      throw new IllegalArgumentException(
          "Connect form has no EvaluationFormId/EvaluationFormVersion and the target names none");
    }
    String title = target.title() != null ? target.title() : text(form, "Title");
    String language = text(field(form, "LanguageConfiguration"), "FormLanguage");
    QaForm qaForm =
        new QaForm(
            target.tenantId(),
            formId,
            version,
            title,
            text(form, "Description"),
            language != null ? language : target.language(),
            target.passThreshold(),
            sections);
    return new MappedForm(qaForm.requireValid(), skipped);
  }

  private enum WeightMode {
    QUESTION,
    SECTION,
    EQUAL
  }

  private static void addSection(
      JsonNode section,
      String parentTitle,
      WeightMode mode,
      Map<String, List<String>> hints,
      List<Section> out,
      List<String> skipped) {
    String refId = requireRefId(section, "section");
    String title = text(section, "Title");
    String fullTitle = parentTitle == null ? title : parentTitle + " / " + title;
    List<Criterion> criteria = new ArrayList<>();
    List<JsonNode> nested = new ArrayList<>();
    for (JsonNode item : field(section, "Items")) {
      JsonNode q = field(item, "Question");
      if (!q.isMissingNode()) {
        Criterion c = toCriterion(q, mode, hints, skipped);
        if (c != null) {
          criteria.add(c);
        }
      } else if (!field(item, "Section").isMissingNode()) {
        nested.add(field(item, "Section"));
      }
    }
    if (criteria.isEmpty()) {
      if (nested.isEmpty()) {
        skipped.add("section " + refId + " '" + title + "': no scoreable questions");
      }
    } else {
      Double weight = null;
      if (mode == WeightMode.SECTION && field(section, "Weight").asDouble(0) > 0) {
        weight = field(section, "Weight").asDouble();
      }
      out.add(new Section(refId, fullTitle, weight, criteria));
    }
    for (JsonNode child : nested) {
      addSection(child, fullTitle, mode, hints, out, skipped);
    }
  }

  private static Criterion toCriterion(
      JsonNode q, WeightMode mode, Map<String, List<String>> hints, List<String> skipped) {
    String refId = requireRefId(q, "question");
    String title = text(q, "Title");
    String type = field(q, "QuestionType").asText("").toUpperCase(Locale.ROOT);
    JsonNode props = field(field(q, "QuestionTypeProperties"), camel(type));
    if (!type.equals("SINGLESELECT") && !type.equals("NUMERIC")) {
      skipped.add(
          "question "
              + refId
              + " '"
              + title
              + "': type "
              + (type.isEmpty() ? "(none)" : type)
              + " has no pass/fail answer");
      return null;
    }
    double weight;
    switch (mode) {
      case QUESTION -> {
        weight = field(q, "Weight").asDouble(0);
        if (weight <= 0) {
          skipped.add(
              "question " + refId + " '" + title + "': weight 0 does not count towards the score");
          return null;
        }
      }
      case SECTION -> {
        double w = field(q, "Weight").asDouble(0);
        weight = w > 0 ? w : 1.0;
      }
      case EQUAL -> weight = 1.0;
      default -> throw new IllegalStateException(mode.name());
    }
    boolean autoFail = false;
    for (JsonNode option : field(props, "Options")) {
      autoFail |= field(option, "AutomaticFail").asBoolean(false);
    }
    return new Criterion(
        refId,
        title,
        text(q, "Instructions"),
        weight,
        true,
        field(q, "NotApplicableEnabled").asBoolean(false),
        autoFail,
        hints.getOrDefault(refId, List.of()));
  }

  private static String requireRefId(JsonNode node, String what) {
    String refId = text(node, "RefId");
    if (refId == null || !refId.matches(QaForm.REF_ID_PATTERN)) {
      throw new IllegalArgumentException(
          what
              + " '"
              + text(node, "Title")
              + "' has RefId '"
              + refId
              + "', which is not a valid contract id (1-64 letters, digits, '_', '.', '-')");
    }
    return refId;
  }

  private static String camel(String upperType) {
    return switch (upperType) {
      case "SINGLESELECT" -> "SingleSelect";
      case "NUMERIC" -> "Numeric";
      case "TEXT" -> "Text";
      default -> upperType;
    };
  }

  /** The field by its PascalCase name or its camelCase twin; MissingNode when absent. */
  private static JsonNode field(JsonNode node, String pascal) {
    if (node == null || !node.isObject()) {
      return MissingNode.getInstance();
    }
    if (node.has(pascal)) {
      return node.get(pascal);
    }
    String camel = Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1);
    return node.has(camel) ? node.get(camel) : MissingNode.getInstance();
  }

  private static String text(JsonNode node, String pascal) {
    JsonNode v = field(node, pascal);
    return v.isValueNode() && !v.isNull() ? v.asText() : null;
  }
}
