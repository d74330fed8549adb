package com.cci.batch.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.schemas.transcript.CallTranscript;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class QaPromptTest {
  @Test
  void numbersTurnsAndListsEveryCriterionWithFlags() {
    CallTranscript t =
        TestForms.transcript("Hello, thanks\nfor calling.", "My card\u0007 is [CARD].", "Bye");
    QaPrompt.Built b = QaPrompt.build(TestForms.small(), t);
    assertThat(b.system()).contains(QaPrompt.TOOL_NAME).contains("exactly once");
    assertThat(b.user())
        .startsWith("FORM small v3\nCRITERIA (id | question | flags)\n")
        .contains("c1 | Q1? | required\n")
        .contains("c2 | Q2? d2 | optional,na-allowed\n")
        .contains("c3 | Q3? | required,auto-fail\n")
        .contains("c5 | Q5? | required,na-allowed\n");
    assertThat(QaPrompt.transcriptLines(b.user()))
        .containsExactly(
            "1 | AGENT | Hello, thanks for calling.",
            "2 | CUSTOMER | My card is [CARD].",
            "3 | AGENT | Bye");
    assertThat(b.turnIdFor("2")).isEqualTo("t2");
    assertThat(b.turnIdFor("4")).isNull();
    assertThat(b.inputTokenEstimate()).isGreaterThan(QaPrompt.estimateTokens(b.user()));
  }

  @Test
  void toolSchemaIsTheResultSchemaWithTheFormsIds() {
    JsonNode s = QaPrompt.toolSchema(TestForms.small());
    assertThat(s.at("/required").toString()).isEqualTo("[\"criteria\",\"summary\"]");
    assertThat(s.at("/properties/criteria/minItems").asInt()).isEqualTo(5);
    assertThat(s.at("/properties/criteria/items/properties/id/enum").toString())
        .isEqualTo("[\"c1\",\"c2\",\"c3\",\"c4\",\"c5\"]");
    assertThat(s.at("/properties/criteria/items/properties/answer/enum").toString())
        .isEqualTo("[\"PASSED\",\"FAILED\",\"NOT_APPLICABLE\"]");
    assertThat(s.at("/properties/summary/properties/toneScore/maximum").asInt()).isEqualTo(100);
    assertThat(s.at("/properties/summary/properties/outcome/enum")).hasSize(6);
    assertThat(s.at("/properties/summary/required")).hasSize(6);
  }

  @Test
  void reaskAppendsTheErrorsOnOneLine() {
    QaPrompt.Built b = QaPrompt.build(TestForms.small(), TestForms.transcript("Hi", "Hello"));
    QaPrompt.Built r = b.reask("criterion 'c1' is not answered;\nsummary is missing");
    assertThat(r.user())
        .startsWith(b.user())
        .endsWith(
            "\nPREVIOUS ANSWER REJECTED: criterion 'c1' is not answered; summary is missing\n"
                + "Call the tool again.");
    assertThat(r.inputTokenEstimate()).isGreaterThan(b.inputTokenEstimate());
    assertThat(QaPrompt.transcriptLines(r.user()))
        .isEqualTo(List.of("1 | AGENT | Hi", "2 | CUSTOMER | Hello"));
  }
}
