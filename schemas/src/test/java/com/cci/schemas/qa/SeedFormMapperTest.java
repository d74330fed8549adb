package com.cci.schemas.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cci.schemas.Json;
import com.cci.schemas.RoundTrip;
import com.cci.schemas.SchemaKind;
import com.cci.schemas.qa.QaForm.Criterion;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class SeedFormMapperTest {
  private static final FormTarget TARGET =
      FormTarget.forTenant("demo-tenant").withForm("seed-basic", 1, null);

  private static JsonNode json(String s) throws Exception {
    return Json.mapper().readTree(s);
  }

  @Test
  void flatQuestionsBecomeOneSectionWithSlugIdsAndDefaultWeights() throws Exception {
    MappedForm mapped =
        SeedFormMapper.map(
            json(
                "{\"title\":\"Basic QA\",\"questions\":["
                    + "{\"id\":\"greeting\",\"text\":\"Did the agent greet the customer?\",\"weight\":2,"
                    + "\"hints\":[\"thank you for calling\",\"thank you for calling\",\" \"]},"
                    + "{\"text\":\"Was the issue resolved?\"},"
                    + "{\"text\":\"Was the issue resolved?\",\"weight\":0.5},"
                    + "{\"text\":\"Ça va? Did the agent check satisfaction?\"}]}"),
            TARGET);
    QaForm form = mapped.form();

    assertThat(mapped.skipped()).isEmpty();
    assertThat(form.title()).isEqualTo("Basic QA");
    assertThat(form.sections()).hasSize(1);
    assertThat(form.sections().get(0).id()).isEqualTo(SeedFormMapper.SECTION_ID);
    assertThat(form.allCriteria())
        .extracting(Criterion::id)
        .containsExactly(
            "greeting",
            "was-the-issue-resolved",
            "was-the-issue-resolved-2",
            "ca-va-did-the-agent-check-satisfaction");
    assertThat(form.allCriteria())
        .extracting(Criterion::weight)
        .containsExactly(2.0, 1.0, 0.5, 1.0);
    assertThat(form.criterion("greeting").orElseThrow().evidenceHints())
        .containsExactly("thank you for calling");
    assertThat(form.allCriteria())
        .allSatisfy(
            c -> {
              assertThat(c.required()).isTrue();
              assertThat(c.naAllowed()).isFalse();
              assertThat(c.autoFail()).isFalse();
            });
    RoundTrip.assertSchemaValid(SchemaKind.QA_FORM, form);
  }

  @Test
  void longTextIsSlugTrimmedAndTitleFallsBackToFormId() throws Exception {
    QaForm form =
        SeedFormMapper.map(
                json(
                    "{\"questions\":[{\"text\":\"Did the agent explain every fee, charge and"
                        + " interest rate that applies to the new account clearly?\"}]}"),
                TARGET)
            .form();
    String id = form.allCriteria().get(0).id();
    assertThat(id)
        .hasSizeLessThanOrEqualTo(48)
        .startsWith("did-the-agent-explain-every-fee")
        .doesNotEndWith("-");
    assertThat(form.title()).isEqualTo("seed-basic");
  }

  @Test
  void badSeedsAreClearErrors() {
    assertThatThrownBy(() -> SeedFormMapper.map(json("{\"questions\":[]}"), TARGET))
        .hasMessageContaining("no 'questions'");
    assertThatThrownBy(() -> SeedFormMapper.map(json("{\"questions\":[{\"id\":\"a\"}]}"), TARGET))
        .hasMessageContaining("questions[0]: question has no 'text'");
    assertThatThrownBy(
            () ->
                SeedFormMapper.map(
                    json("{\"questions\":[{\"text\":\"a\",\"weight\":\"high\"}]}"), TARGET))
        .hasMessageContaining("questions[0]: weight must be a number greater than 0");
    assertThatThrownBy(
            () ->
                SeedFormMapper.map(
                    json(
                        "{\"questions\":[{\"id\":\"x\",\"text\":\"a\"},{\"id\":\"x\",\"text\":\"b\"}]}"),
                    TARGET))
        .hasMessageContaining("criterion id 'x' is already used");
    assertThatThrownBy(
            () ->
                SeedFormMapper.map(
                    json("{\"questions\":[{\"text\":\"a\"}]}"),
                    FormTarget.forTenant("demo-tenant")))
        .hasMessageContaining("formId and version");
  }
}
