package com.cci.batch.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a tool's JSON input schema with {@link AnswerDeriver.Answers}, so the local model answers
 * in whatever layout the scorer's tool asks for. The schema's shape decides the layout; property
 * names decide which answer goes where:
 *
 * <ul>
 *   <li>the criteria: an array (property name containing {@code criteri}/{@code answers}/{@code
 *       results}/{@code evaluations}, or items with a criterion-id property) gets one item per
 *       criterion; an object whose properties are criterion ids gets one property per criterion;
 *   <li>in a criterion: {@code criterionId}/{@code id} → the id; {@code answer}/{@code result}/
 *       {@code verdict}/{@code status} → PASSED/FAILED/NOT_APPLICABLE (mapped onto the enum's
 *       values); {@code justification}/{@code reason}/{@code rationale} → the justification; {@code
 *       evidence*} → turn ids;
 *   <li>elsewhere: {@code issue}, {@code resolution}, {@code outcome}, {@code actionItems}, {@code
 *       tone*} (clamped to the schema's bounds), {@code sentiment*}, {@code summary}.
 * </ul>
 *
 * Criterion ids come from the schema (an {@code enum}/{@code const} on the id property, or the
 * property names of a criteria object), else from the prompt ({@link #criterionIdsFromPrompt}).
 *
 * <p>The writer remembers where it put the criteria, the bounded numbers and the evidence lists, so
 * faults can break exactly those ({@link Written}).
 */
final class ToolInputWriter {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** A bounded number written into an object (for the out-of-range fault). */
  record Bounded(ObjectNode parent, String field, double max, boolean tone) {}

  /** The written tool input and the places faults can break. */
  static final class Written {
    JsonNode root;
    JsonNode criteria; // ArrayNode or ObjectNode
    String criterionIdField;
    final List<Bounded> bounded = new ArrayList<>();
    final List<ArrayNode> evidence = new ArrayList<>();
  }

  private final JsonNode rootSchema;
  private final AnswerDeriver.Answers answers;
  private final Written written = new Written();

  private ToolInputWriter(JsonNode rootSchema, AnswerDeriver.Answers answers) {
    this.rootSchema = rootSchema;
    this.answers = answers;
  }

  static Written write(JsonNode schema, AnswerDeriver.Answers answers) {
    ToolInputWriter w = new ToolInputWriter(schema, answers);
    w.written.root = w.value("", schema, null, 0);
    return w.written;
  }

  /** The default layout when a request has no tool (the text answer). */
  static JsonNode defaultLayout(AnswerDeriver.Answers a) {
    ObjectNode root = F.objectNode();
    ArrayNode criteria = root.putArray("criteria");
    for (AnswerDeriver.CriterionAnswer c : a.criteria()) {
      ObjectNode item = criteria.addObject();
      item.put("criterionId", c.criterionId());
      item.put("answer", c.answer());
      item.put("justification", c.justification());
      ArrayNode ev = item.putArray("evidenceTurnIds");
      c.evidenceTurnIds().forEach(ev::add);
    }
    ObjectNode s = root.putObject("summary");
    s.put("issue", a.summary().issue());
    s.put("resolution", a.summary().resolution());
    s.put("outcome", a.summary().outcome());
    ArrayNode actions = s.putArray("actionItems");
    a.summary().actionItems().forEach(actions::add);
    s.put("toneScore", a.summary().toneScore());
    s.put("sentimentSummary", a.summary().sentimentSummary());
    return root;
  }

  // ------------------------------------------------------------------ criterion ids

  /** Criterion ids the schema names, in schema order; empty when it names none. */
  static List<String> criterionIdsFromSchema(JsonNode schema) {
    Set<String> out = new LinkedHashSet<>();
    collectIds(schema, schema, "", out, 0);
    return new ArrayList<>(out);
  }

  private static void collectIds(
      JsonNode root, JsonNode s, String name, Set<String> out, int depth) {
    if (s == null || depth > 12 || !s.isObject()) {
      return;
    }
    s = resolve(root, s);
    JsonNode props = s.path("properties");
    if (props.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = props.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode ps = resolve(root, e.getValue());
        if (isIdName(e.getKey()) && isCriteriaName(name)) {
          if (ps.path("enum").isArray()) {
            ps.path("enum").forEach(v -> out.add(v.asText()));
          } else if (ps.has("const")) {
            out.add(ps.get("const").asText());
          }
        }
        if (isCriteriaName(e.getKey()) && ps.path("properties").isObject() && !looksLikeItem(ps)) {
          ps.path("properties").fieldNames().forEachRemaining(out::add);
          continue;
        }
        collectIds(root, ps, e.getKey(), out, depth + 1);
      }
    }
    if (s.has("items")) {
      collectIds(root, s.get("items"), name, out, depth + 1);
    }
    for (String k : List.of("prefixItems", "oneOf", "anyOf", "allOf")) {
      for (JsonNode sub : s.path(k)) {
        collectIds(root, sub, name, out, depth + 1);
      }
    }
  }

  private static final Map<String, Pattern> WORD_PATTERNS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static final Pattern PROMPT_ID =
      Pattern.compile(
          "(?i)(?:criterion(?:\\s*|_)?id|\\bid)\\s*[\"']?\\s*[:=]\\s*[\"'`]?([A-Za-z0-9][A-Za-z0-9_.-]{0,63})");

  /**
   * Criterion ids named in a prompt: {@code criterionId: x} / {@code id: x} / {@code "id": "x"}
   * entries, and ids of known form criteria that appear as whole words; in order of appearance.
   */
  static List<String> criterionIdsFromPrompt(String prompt, Set<String> knownIds) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = PROMPT_ID.matcher(prompt);
    while (m.find()) {
      String id = m.group(1);
      if (knownIds.contains(id) || prompt.contains("criterion")) {
        out.add(id);
      }
    }
    List<int[]> hits = new ArrayList<>();
    List<String> ids = new ArrayList<>(knownIds);
    for (int i = 0; i < ids.size(); i++) {
      Matcher k =
          WORD_PATTERNS
              .computeIfAbsent(
                  ids.get(i),
                  id ->
                      Pattern.compile(
                          "(?<![A-Za-z0-9_-])" + Pattern.quote(id) + "(?![A-Za-z0-9_-])"))
              .matcher(prompt);
      if (k.find()) {
        hits.add(new int[] {k.start(), i});
      }
    }
    hits.sort((a, b) -> Integer.compare(a[0], b[0]));
    for (int[] h : hits) {
      out.add(ids.get(h[1]));
    }
    return new ArrayList<>(out);
  }

  // ------------------------------------------------------------------ writing

  private JsonNode value(String name, JsonNode schema, AnswerDeriver.CriterionAnswer c, int depth) {
    JsonNode s = resolve(rootSchema, schema);
    if (depth > 12) {
      return F.nullNode();
    }
    String type = typeOf(s);
    switch (type) {
      case "object":
        return object(name, s, c, depth);
      case "array":
        return array(name, s, c, depth);
      case "integer":
      case "number":
        return number(name, s, c, type.equals("integer"));
      case "boolean":
        return F.booleanNode(c == null ? true : !AnswerDeriver.FAILED.equals(c.answer()));
      case "null":
        return F.nullNode();
      default:
        return string(name, s, c);
    }
  }

  private JsonNode object(String name, JsonNode s, AnswerDeriver.CriterionAnswer c, int depth) {
    ObjectNode node = F.objectNode();
    JsonNode props = s.path("properties");
    if (c == null && isCriteriaName(name) && !looksLikeItem(s)) {
      // criteria keyed by id: {"greeting": {...}, "empathy": {...}}
      written.criteria = node;
      for (AnswerDeriver.CriterionAnswer a : answers.criteria()) {
        JsonNode ps =
            props.has(a.criterionId())
                ? props.get(a.criterionId())
                : s.path("additionalProperties");
        node.set(
            a.criterionId(),
            value(a.criterionId(), ps.isObject() ? ps : F.objectNode(), a, depth + 1));
      }
      return node;
    }
    Iterator<Map.Entry<String, JsonNode>> it = props.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = value(e.getKey(), e.getValue(), c, depth + 1);
      node.set(e.getKey(), v);
      JsonNode ps = resolve(rootSchema, e.getValue());
      if (v.isNumber() && ps.has("maximum")) {
        String n = AnswerDeriver.norm(e.getKey());
        written.bounded.add(
            new Bounded(node, e.getKey(), ps.get("maximum").asDouble(), n.contains("tone")));
      }
      if (c != null && isIdName(e.getKey()) && written.criterionIdField == null) {
        written.criterionIdField = e.getKey();
      }
    }
    return node;
  }

  private JsonNode array(String name, JsonNode s, AnswerDeriver.CriterionAnswer c, int depth) {
    ArrayNode arr = F.arrayNode();
    JsonNode items = resolve(rootSchema, s.path("items"));
    String n = AnswerDeriver.norm(name);
    if (c == null
        && (isCriteriaName(name) || hasIdProperty(items))
        && typeOf(items).equals("object")) {
      written.criteria = arr;
      for (AnswerDeriver.CriterionAnswer a : answers.criteria()) {
        arr.add(value(name, items, a, depth + 1));
      }
      return arr;
    }
    if (n.contains("evidence") || n.contains("turnid") || n.contains("turns")) {
      List<String> ids = c == null ? List.of() : c.evidenceTurnIds();
      int maxItems = s.path("maxItems").asInt(Integer.MAX_VALUE);
      for (String id : ids.subList(0, Math.min(ids.size(), maxItems))) {
        if (typeOf(items).equals("object")) {
          ObjectNode o = F.objectNode();
          Iterator<String> fields = items.path("properties").fieldNames();
          while (fields.hasNext()) {
            String f = fields.next();
            String fn = AnswerDeriver.norm(f);
            o.put(f, fn.contains("id") ? id : "");
          }
          arr.add(o);
        } else {
          arr.add(id);
        }
      }
      written.evidence.add(arr);
      return arr;
    }
    if (n.contains("action") || n.contains("nextstep") || n.contains("followup")) {
      List<String> actions = answers.summary().actionItems();
      actions
          .subList(0, Math.min(actions.size(), s.path("maxItems").asInt(Integer.MAX_VALUE)))
          .forEach(arr::add);
      return arr;
    }
    if (s.path("minItems").asInt(0) > 0) {
      arr.add(value(name, items, c, depth + 1));
    }
    return arr;
  }

  private JsonNode number(
      String name, JsonNode s, AnswerDeriver.CriterionAnswer c, boolean integer) {
    String n = AnswerDeriver.norm(name);
    double v;
    if (n.contains("tone")) {
      v = answers.summary().toneScore();
    } else if (n.contains("confidence")) {
      v = s.has("maximum") && s.get("maximum").asDouble() > 1 ? 90 : 0.9;
    } else if (c != null && (n.contains("score") || n.contains("points"))) {
      v =
          AnswerDeriver.PASSED.equals(c.answer())
              ? s.path("maximum").asDouble(1)
              : s.path("minimum").asDouble(0);
    } else {
      v = s.path("minimum").asDouble(0);
    }
    if (s.has("minimum")) {
      v = Math.max(v, s.get("minimum").asDouble());
    }
    if (s.has("maximum")) {
      v = Math.min(v, s.get("maximum").asDouble());
    }
    return integer ? F.numberNode(Math.round(v)) : F.numberNode(v);
  }

  private JsonNode string(String name, JsonNode s, AnswerDeriver.CriterionAnswer c) {
    String n = AnswerDeriver.norm(name);
    AnswerDeriver.Summary sum = answers.summary();
    if (s.has("const")) {
      return s.get("const");
    }
    if (s.path("enum").isArray() && !s.path("enum").isEmpty()) {
      return F.textNode(pickEnum(n, s.path("enum"), c));
    }
    String v;
    if (c != null) {
      if (isIdName(name)) {
        v = c.criterionId();
      } else if (n.contains("answer")
          || n.contains("result")
          || n.contains("verdict")
          || n.contains("status")) {
        v = c.answer();
      } else if (n.contains("evidence") || n.contains("quote")) {
        v = String.join(",", c.evidenceTurnIds());
      } else {
        v = c.justification();
      }
    } else if (n.contains("issue") || n.contains("reason") || n.contains("topic")) {
      v = sum.issue();
    } else if (n.contains("resolution")) {
      v = sum.resolution();
    } else if (n.contains("outcome")) {
      v = sum.outcome();
    } else if (n.contains("sentiment")) {
      v = sum.sentimentSummary();
    } else {
      v = sum.text();
    }
    int max = s.path("maxLength").asInt(Integer.MAX_VALUE);
    return F.textNode(v.length() > max ? v.substring(0, max) : v);
  }

  private String pickEnum(String n, JsonNode values, AnswerDeriver.CriterionAnswer c) {
    List<String> vals = new ArrayList<>();
    values.forEach(v -> vals.add(v.asText()));
    String want;
    if (c != null && !isIdName(n)) {
      want = c.answer();
    } else if (c != null) {
      return vals.contains(c.criterionId()) ? c.criterionId() : vals.get(0);
    } else if (n.contains("sentiment")) {
      want = answers.summary().sentiment();
    } else {
      want = answers.summary().outcome();
    }
    String w = AnswerDeriver.norm(want);
    for (String v : vals) {
      if (AnswerDeriver.norm(v).equals(w)) {
        return v;
      }
    }
    List<String> synonyms =
        switch (want) {
          case AnswerDeriver.PASSED -> List.of("pass", "yes", "met", "true", "compliant");
          case AnswerDeriver.FAILED -> List.of("fail", "no", "notmet", "false", "noncompliant");
          case AnswerDeriver.NOT_APPLICABLE -> List.of("na", "notapplicable", "nota", "none");
          case "ESCALATED" ->
              List.of("escalated", "transferred", "unresolved", "partiallyresolved");
          case "UNRESOLVED" -> List.of("unresolved", "notresolved", "open", "partiallyresolved");
          default -> List.of(w);
        };
    for (String syn : synonyms) {
      for (String v : vals) {
        if (AnswerDeriver.norm(v).equals(syn)) {
          return v;
        }
      }
    }
    return vals.get(0);
  }

  // ------------------------------------------------------------------ schema helpers

  static JsonNode resolve(JsonNode root, JsonNode s) {
    int guard = 0;
    while (s != null && s.has("$ref") && guard++ < 16) {
      String ref = s.get("$ref").asText();
      if (!ref.startsWith("#")) {
        break;
      }
      JsonNode target = root.at(ref.substring(1));
      if (target.isMissingNode()) {
        break;
      }
      s = target;
    }
    if (s != null
        && s.path("allOf").isArray()
        && !s.has("properties")
        && !s.path("allOf").isEmpty()) {
      return resolve(root, s.path("allOf").get(0));
    }
    for (String k : List.of("anyOf", "oneOf")) {
      if (s != null && s.path(k).isArray() && !s.has("type")) {
        for (JsonNode alt : s.path(k)) {
          JsonNode r = resolve(root, alt);
          if (!"null".equals(typeOf(r))) {
            return r;
          }
        }
      }
    }
    return s == null ? F.objectNode() : s;
  }

  static String typeOf(JsonNode s) {
    JsonNode t = s.path("type");
    if (t.isTextual()) {
      return t.asText();
    }
    if (t.isArray()) {
      for (JsonNode x : t) {
        if (!x.asText().equals("null")) {
          return x.asText();
        }
      }
    }
    if (s.has("properties")) {
      return "object";
    }
    if (s.has("items")) {
      return "array";
    }
    return "string";
  }

  static boolean isIdName(String name) {
    String n = AnswerDeriver.norm(name);
    return n.equals("id") || (n.contains("criteri") && n.endsWith("id")) || n.equals("key");
  }

  static boolean isCriteriaName(String name) {
    String n = AnswerDeriver.norm(name);
    return n.contains("criteri")
        || n.equals("answers")
        || n.equals("results")
        || n.equals("evaluations")
        || n.equals("scores");
  }

  private static boolean hasIdProperty(JsonNode items) {
    Iterator<String> it = items.path("properties").fieldNames();
    while (it.hasNext()) {
      String f = AnswerDeriver.norm(it.next());
      if (f.contains("criteri")) {
        return true;
      }
    }
    return false;
  }

  /** A criterion item schema (has an answer-like property) rather than a map keyed by ids. */
  private static boolean looksLikeItem(JsonNode s) {
    Iterator<String> it = s.path("properties").fieldNames();
    while (it.hasNext()) {
      String f = AnswerDeriver.norm(it.next());
      if (f.equals("answer")
          || f.equals("result")
          || f.equals("verdict")
          || f.contains("justification")
          || f.contains("evidence")) {
        return true;
      }
    }
    return false;
  }
}
