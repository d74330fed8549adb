package com.cci.batch.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.schemas.qa.QaForm;
import com.cci.sim.content.BankingDialogueGenerator;
import com.cci.sim.content.BehaviourMarkers.Behaviour;
import com.cci.sim.content.ContactContext;
import com.cci.sim.content.Conversation;
import com.cci.sim.content.Turn;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The local model on prompts in the scorer's layout ({@code com.cci.batch.scoring.QaPrompt}: {@code
 * CRITERIA (id | question | flags)} lines, {@code TRANSCRIPT (turn | role | text)} lines numbered
 * 1..n, a tool schema with {@code criteria[{id, answer, justification, evidenceTurnIds}]} and
 * {@code summary}), on transcripts from the simulator: its answers follow the simulator's QA
 * labels.
 */
class ScoringPromptLayoutTest {
  static final ObjectMapper M = LocalBedrock.mapper();
  static final QaForm FORM = QaForm.fromClasspath(QaForm.DEMO_DEFAULT_RESOURCE);

  static String user(List<String[]> criteria, List<String[]> turns) {
    StringBuilder u = new StringBuilder("FORM default v1\nCRITERIA (id | question | flags)\n");
    for (String[] c : criteria) {
      u.append(c[0]).append(" | ").append(c[1]).append(" | ").append(c[2]).append('\n');
    }
    u.append("TRANSCRIPT (turn | role | text)");
    for (int i = 0; i < turns.size(); i++) {
      u.append('\n')
          .append(i + 1)
          .append(" | ")
          .append(turns.get(i)[0])
          .append(" | ")
          .append(turns.get(i)[1]);
    }
    return u.toString();
  }

  static ObjectNode schema(List<String> ids) {
    ObjectNode root = M.createObjectNode().put("type", "object");
    ObjectNode props = root.putObject("properties");
    ObjectNode criteria =
        props
            .putObject("criteria")
            .put("type", "array")
            .put("minItems", ids.size())
            .put("maxItems", ids.size());
    ObjectNode item = criteria.putObject("items").put("type", "object");
    ObjectNode ip = item.putObject("properties");
    ArrayNode idEnum = ip.putObject("id").put("type", "string").putArray("enum");
    ids.forEach(idEnum::add);
    ip.putObject("answer")
        .put("type", "string")
        .putArray("enum")
        .add("PASSED")
        .add("FAILED")
        .add("NOT_APPLICABLE");
    ip.putObject("justification").put("type", "string").put("maxLength", 400);
    ip.putObject("evidenceTurnIds")
        .put("type", "array")
        .put("maxItems", 8)
        .putObject("items")
        .put("type", "string");
    item.put("additionalProperties", false);
    ObjectNode sp = props.putObject("summary").put("type", "object").putObject("properties");
    sp.putObject("issue").put("type", "string").put("maxLength", 400);
    sp.putObject("resolution").put("type", "string").put("maxLength", 400);
    sp.putObject("outcome")
        .put("type", "string")
        .putArray("enum")
        .add("RESOLVED")
        .add("UNRESOLVED")
        .add("ESCALATED")
        .add("FOLLOW_UP")
        .add("TRANSFERRED")
        .add("ABANDONED");
    sp.putObject("actionItems")
        .put("type", "array")
        .put("maxItems", 5)
        .putObject("items")
        .put("type", "string");
    sp.putObject("toneScore").put("type", "number").put("minimum", 0).put("maximum", 100);
    sp.putObject("sentimentSummary").put("type", "string").put("maxLength", 400);
    root.put("additionalProperties", false);
    return root;
  }

  static ObjectNode converseBody(String user, ObjectNode schema) {
    ObjectNode body = M.createObjectNode();
    body.putArray("system").addObject().put("text", "You are a bank contact-center QA evaluator.");
    ObjectNode msg = body.putArray("messages").addObject().put("role", "user");
    msg.putArray("content").addObject().put("text", user);
    body.putObject("inferenceConfig").put("maxTokens", 2000).put("temperature", 0);
    ObjectNode tc = body.putObject("toolConfig");
    ObjectNode spec = tc.putArray("tools").addObject().putObject("toolSpec");
    spec.put("name", "record_qa_result")
        .put("description", "Record the QA evaluation of the call.");
    spec.putObject("inputSchema").set("json", schema);
    tc.putObject("toolChoice").putObject("tool").put("name", "record_qa_result");
    return body;
  }

  static JsonNode answer(ModelResponder responder, ObjectNode body) {
    ModelResponder.Reply r = responder.reply(ModelCall.converse("m", body), null);
    assertThat(r.stopReason()).isEqualTo("tool_use");
    return r.toolInput();
  }

  static List<String[]> formCriteria(QaForm form) {
    return form.allCriteria().stream()
        .map(
            c ->
                new String[] {
                  c.id(),
                  c.question(),
                  (c.required() ? "required" : "optional")
                      + (c.naAllowed() ? ",na-allowed" : "")
                      + (c.autoFail() ? ",auto-fail" : "")
                })
        .toList();
  }

  static final Map<String, Behaviour> LABELLED =
      Map.of(
          "greeting", Behaviour.GREETING,
          "empathy", Behaviour.EMPATHY,
          "resolution", Behaviour.RESOLUTION,
          "satisfaction-check", Behaviour.SATISFACTION_CHECK,
          "compliance-disclosure", Behaviour.COMPLIANCE_DISCLOSURE);

  @Test
  void answersFollowTheSimulatorsLabelsOnItsTranscripts() {
    ModelResponder responder = new ModelResponder(List.of(FORM));
    BankingDialogueGenerator gen = new BankingDialogueGenerator();
    List<String> ids = FORM.allCriteria().stream().map(QaForm.Criterion::id).toList();
    ObjectNode schema = schema(ids);
    Map<String, Set<String>> seen = new HashMap<>();
    Instant t0 = Instant.parse("2026-11-20T09:00:00Z");
    for (long seed = 1; seed <= 60; seed++) {
      String[] topics = {
        "balance", "card-lost", "fraud", "dispute", "transfer", "loan-status", "branch-hours"
      };
      ContactContext ctx =
          new ContactContext(
              "demo-tenant",
              new UUID(seed, ~seed).toString(),
              seed % 4 == 0 ? "CHAT" : "VOICE",
              "Cards",
              topics[(int) (seed % topics.length)],
              "agent-7",
              "Dana Whitfield",
              "Maria Lopez",
              t0,
              t0.plusSeconds(120 + seed * 13),
              seed % 5 == 0,
              seed % 7 == 0,
              seed);
      Conversation conv = gen.generate(ctx, 0.0);
      List<String[]> turns =
          conv.turns().stream().map((Turn t) -> new String[] {t.participant(), t.text()}).toList();
      JsonNode input = answer(responder, converseBody(user(formCriteria(FORM), turns), schema));

      JsonNode criteria = input.path("criteria");
      assertThat(criteria).hasSize(ids.size());
      Set<String> answered = new HashSet<>();
      for (JsonNode c : criteria) {
        String id = c.path("id").asText();
        assertThat(answered.add(id)).as("answered once: " + id).isTrue();
        assertThat(c.fieldNames())
            .toIterable()
            .containsExactlyInAnyOrder("id", "answer", "justification", "evidenceTurnIds");
        for (JsonNode e : c.path("evidenceTurnIds")) {
          int n = Integer.parseInt(e.asText());
          assertThat(n).isBetween(1, turns.size());
          assertThat(turns.get(n - 1)[0]).isEqualTo("AGENT");
        }
        Behaviour b = LABELLED.get(id);
        if (b != null) {
          String expected = b.of(conv.labels()) ? "PASSED" : "FAILED";
          assertThat(c.path("answer").asText()).as("seed %d %s", seed, id).isEqualTo(expected);
          seen.computeIfAbsent(id, k -> new HashSet<>()).add(expected);
        }
      }
      assertThat(answered).containsExactlyInAnyOrderElementsOf(ids);
      JsonNode summary = input.path("summary");
      assertThat(summary.path("toneScore").asDouble()).isBetween(0.0, 100.0);
      assertThat(
              List.of(
                  "RESOLVED", "UNRESOLVED", "ESCALATED", "FOLLOW_UP", "TRANSFERRED", "ABANDONED"))
          .contains(summary.path("outcome").asText());
      assertThat(summary.path("resolution").asText().length()).isLessThanOrEqualTo(400);
    }
    // the sample covers both answers of every labelled behaviour
    LABELLED
        .keySet()
        .forEach(
            id -> assertThat(seen.get(id)).as(id).containsExactlyInAnyOrder("PASSED", "FAILED"));
  }

  @Test
  void criteriaOfUnknownFormsAreReadFromThePromptLines() {
    ModelResponder responder = new ModelResponder(List.of());
    List<String[]> criteria =
        List.of(
            new String[] {
              "hold-procedure",
              "Did the agent explain the hold before placing the customer on hold?",
              "optional,na-allowed"
            },
            new String[] {
              "mortgage-offer", "Did the agent mention mortgage products?", "required"
            });
    ObjectNode schemaWithoutEnum = schema(List.of());
    ((ObjectNode) schemaWithoutEnum.at("/properties/criteria/items/properties/id")).remove("enum");

    JsonNode held =
        answer(
            responder,
            converseBody(
                user(
                    criteria,
                    List.of(
                        new String[] {
                          "AGENT", "Let me explain: I am placing you on hold for a minute."
                        },
                        new String[] {"CUSTOMER", "Okay."})),
                schemaWithoutEnum));
    Map<String, String> a = new HashMap<>();
    held.path("criteria").forEach(c -> a.put(c.path("id").asText(), c.path("answer").asText()));
    assertThat(a).isEqualTo(Map.of("hold-procedure", "PASSED", "mortgage-offer", "FAILED"));

    JsonNode none =
        answer(
            responder,
            converseBody(
                user(criteria, List.<String[]>of(new String[] {"AGENT", "Your balance is fine."})),
                schemaWithoutEnum));
    Map<String, String> b = new HashMap<>();
    none.path("criteria").forEach(c -> b.put(c.path("id").asText(), c.path("answer").asText()));
    assertThat(b).isEqualTo(Map.of("hold-procedure", "NOT_APPLICABLE", "mortgage-offer", "FAILED"));
  }
}
