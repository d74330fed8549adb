package com.cci.batch.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.schemas.Json;
import com.cci.schemas.qa.QaResult.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResultValidatorTest {
  private final QaPrompt.Built prompt =
      QaPrompt.build(TestForms.small(), TestForms.transcript("a", "b", "c", "d"));

  /** A valid tool input for the small form. */
  static ObjectNode valid() {
    ObjectNode root = Json.mapper().createObjectNode();
    ArrayNode cs = root.putArray("criteria");
    for (String id : new String[] {"c1", "c2", "c3", "c4", "c5"}) {
      ObjectNode c = cs.addObject();
      c.put("id", id);
      c.put("answer", "PASSED");
      c.put("justification", "The agent did it.");
      c.putArray("evidenceTurnIds").add("1");
    }
    ObjectNode s = root.putObject("summary");
    s.put("issue", "Lost card.");
    s.put("resolution", "Card blocked.");
    s.put("outcome", "RESOLVED");
    s.putArray("actionItems").add("Send new card");
    s.put("toneScore", 85);
    s.put("sentimentSummary", "Calm throughout.");
    return root;
  }

  private ResultValidator.Verdict check(Consumer<ObjectNode> change) {
    ObjectNode n = valid();
    change.accept(n);
    return ResultValidator.validate(n, TestForms.small(), prompt);
  }

  private static ObjectNode crit(ObjectNode root, int i) {
    return (ObjectNode) root.get("criteria").get(i);
  }

  @Test
  void acceptsACleanAnswerAndMapsEvidenceToTurnIds() {
    ResultValidator.Verdict v = check(n -> {});
    assertThat(v.valid()).isTrue();
    assertThat(v.parsed().repairs()).isEmpty();
    assertThat(v.parsed().answers()).hasSize(5);
    assertThat(v.parsed().answers().get(0).evidenceTurnIds()).containsExactly("t1");
    assertThat(v.parsed().summary().toneScore()).isEqualTo(85.0);
  }

  @Test
  void rejectsEachBrokenRule() {
    assertThat(check(n -> ((ArrayNode) n.get("criteria")).remove(4)).errors())
        .containsExactly("criterion 'c5' is not answered");
    assertThat(check(n -> ((ArrayNode) n.get("criteria")).add(crit(n, 0).deepCopy())).errors())
        .containsExactly("criterion 'c1' is answered more than once");
    assertThat(check(n -> crit(n, 0).put("id", "c9")).errors())
        .containsExactlyInAnyOrder(
            "criterion 'c9' is not on the form", "criterion 'c1' is not answered");
    assertThat(check(n -> crit(n, 0).put("answer", "MAYBE")).errors())
        .containsExactly(
            "criterion 'c1': answer 'MAYBE' is not one of PASSED, FAILED, NOT_APPLICABLE");
    assertThat(check(n -> crit(n, 0).put("answer", "NOT_APPLICABLE")).errors())
        .containsExactly("criterion 'c1' does not allow NOT_APPLICABLE");
    assertThat(check(n -> crit(n, 1).putArray("evidenceTurnIds").add("7")).errors())
        .containsExactly("criterion 'c2': evidence turn '7' is not in the transcript (turns 1..4)");
    assertThat(check(n -> crit(n, 2).remove("justification")).errors())
        .containsExactly("criterion 'c3': justification is missing");
    assertThat(check(n -> ((ObjectNode) n.get("summary")).put("toneScore", 140)).errors())
        .containsExactly("summary.toneScore 140.0 is outside 0..100");
    assertThat(check(n -> ((ObjectNode) n.get("summary")).put("toneScore", -1)).errors())
        .containsExactly("summary.toneScore -1.0 is outside 0..100");
    assertThat(check(n -> ((ObjectNode) n.get("summary")).put("outcome", "GREAT")).errors())
        .hasSize(1)
        .allMatch(e -> e.startsWith("summary.outcome 'GREAT' is not one of"));
    assertThat(check(n -> ((ObjectNode) n.get("summary")).remove("issue")).errors())
        .containsExactly("summary.issue is missing");
    assertThat(check(n -> n.remove("summary")).errors())
        .containsExactly("summary is missing or not an object");
    assertThat(check(n -> n.remove("criteria")).errors())
        .containsExactly("criteria is missing or not an array");
  }

  @Test
  void naIsAcceptedWhereAllowed() {
    ResultValidator.Verdict v = check(n -> crit(n, 1).put("answer", "NOT_APPLICABLE"));
    assertThat(v.valid()).isTrue();
    assertThat(v.parsed().answers().get(1).answer()).isEqualTo(Answer.NOT_APPLICABLE);
  }

  @Test
  void repairsSmallDeviations() {
    ResultValidator.Verdict v =
        check(
            n -> {
              crit(n, 0).put("answer", "passed");
              crit(n, 1).put("answer", "N/A");
              crit(n, 2).putArray("evidenceTurnIds").add(2).add("2").add("t3");
              crit(n, 3).put("justification", "x".repeat(1000));
              ((ObjectNode) n.get("summary")).remove("actionItems");
              ((ObjectNode) n.get("summary")).put("toneScore", "72");
            });
    assertThat(v.errors()).isEmpty();
    assertThat(v.parsed().repairs())
        .contains(
            "answer-spelling",
            "evidence-as-number",
            "duplicate-evidence",
            "evidence-by-turn-id",
            "text-cut",
            "missing-action-items",
            "tone-as-text");
    assertThat(v.parsed().answers().get(1).answer()).isEqualTo(Answer.NOT_APPLICABLE);
    assertThat(v.parsed().answers().get(2).evidenceTurnIds()).containsExactly("t2", "t3");
    assertThat(v.parsed().answers().get(3).justification()).hasSize(ResultValidator.MAX_TEXT);
    assertThat(v.parsed().summary().toneScore()).isEqualTo(72.0);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "code fence | ```json\\n%s\\n``` | code-fence",
        "trailing text | %s\\nI hope this helps! | surrounding-text",
        "leading text | Here is the evaluation: %s | surrounding-text",
        "control characters | x\u0000 %s \u0007y | control-characters",
        "wrapped tool call | {\"name\":\"record_qa_result\",\"input\":%s} | unwrapped-tool-call",
      })
  void repairsJsonSentAsText(String name, String template, String repair) {
    String text = template.replace("\\n", "\n").replace("%s", valid().toString());
    ResultValidator.Verdict v = ResultValidator.validateText(text, TestForms.small(), prompt);
    assertThat(v.errors()).isEmpty();
    assertThat(v.parsed().repairs()).contains("json-as-text", repair);
  }

  @Test
  void rawLineBreaksInsideStringsAreRepaired() {
    String text = valid().toString().replace("Lost card.", "Lost\ncard.");
    ResultValidator.Verdict v = ResultValidator.validateText(text, TestForms.small(), prompt);
    assertThat(v.valid()).isTrue();
    assertThat(v.parsed().summary().issue()).isEqualTo("Lost card.");
  }

  @Test
  void nestedObjectsSentAsJsonStringsAreRepaired() {
    ObjectNode n = valid();
    n.put("criteria", n.get("criteria").toString());
    ResultValidator.Verdict v = ResultValidator.validate(n, TestForms.small(), prompt);
    assertThat(v.valid()).isTrue();
    assertThat(v.parsed().repairs()).contains("nested-json-as-text");
  }

  @ParameterizedTest(name = "unrepairable: {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "truncated | the answer's JSON object is not closed (truncated output?)",
        "no json | the answer holds no JSON object",
        "bad json | the answer's JSON does not parse at line 1 column 16",
      })
  void reportsUnrepairableText(String kind, String error) {
    String text =
        switch (kind) {
          case "truncated" -> valid().toString().substring(0, 120);
          case "no json" -> "I cannot evaluate this call.";
          default -> "{\"criteria\": [}";
        };
    ResultValidator.Verdict v = ResultValidator.validateText(text, TestForms.small(), prompt);
    assertThat(v.valid()).isFalse();
    assertThat(v.errors()).containsExactly(error);
  }

  @Test
  void errorsNeverQuoteJustificationText() {
    JsonNode n = valid();
    ((ObjectNode) n.get("criteria").get(0))
        .put("answer", "SECRET-CUSTOMER-TEXT-0123456789-ABCDEFG");
    ResultValidator.Verdict v = ResultValidator.validate(n, TestForms.small(), prompt);
    assertThat(v.message()).doesNotContain("ABCDEFG");
  }
}
