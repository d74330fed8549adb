package com.cci.schemas.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cci.schemas.Json;
import com.cci.schemas.RoundTrip;
import com.cci.schemas.SchemaKind;
import com.cci.schemas.qa.QaForm.Criterion;
import com.cci.schemas.qa.QaForm.Section;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectEvaluationFormMapperTest {

  private static JsonNode resource(String name) throws Exception {
    try (InputStream in =
        ConnectEvaluationFormMapperTest.class
            .getClassLoader()
            .getResourceAsStream("connect/" + name)) {
      return Json.mapper().readTree(in);
    }
  }

  @Test
  void questionOnlyFormMapsSectionsQuestionsWeightsAndAutoFail() throws Exception {
    MappedForm mapped =
        ConnectEvaluationFormMapper.map(
            resource("describe-evaluation-form-question-only.json"),
            FormTarget.forTenant("demo-tenant"),
            Map.of("q-disclosure", List.of("this call may be recorded")));
    QaForm form = mapped.form();

    assertThat(form.tenantId()).isEqualTo("demo-tenant");
    assertThat(form.formId()).isEqualTo("f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b");
    assertThat(form.version()).isEqualTo(4);
    assertThat(form.title()).isEqualTo("Retail banking phone QA");
    assertThat(form.description()).startsWith("Branch-to-phone");
    assertThat(form.language()).isEqualTo(FormTarget.DEFAULT_LANGUAGE);
    assertThat(form.passThreshold()).isEqualTo(FormTarget.DEFAULT_PASS_THRESHOLD);
    assertThat(form.sections())
        .extracting(Section::id, Section::title, Section::weight)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("sec-greeting", "Greeting", null),
            org.assertj.core.groups.Tuple.tuple("sec-compliance", "Compliance", null),
            org.assertj.core.groups.Tuple.tuple(
                "sec-idv", "Compliance / Identity & verification", null));

    Criterion greeting = form.criterion("q-greeting").orElseThrow();
    assertThat(greeting.question()).isEqualTo("Did the agent use the standard greeting?");
    assertThat(greeting.description()).isEqualTo("Bank name, agent name, offer of help.");
    assertThat(greeting.weight()).isEqualTo(20.0);
    assertThat(greeting.autoFail()).isFalse();
    assertThat(greeting.required()).isTrue();
    assertThat(greeting.evidenceHints()).isEmpty();

    Criterion disclosure = form.criterion("q-disclosure").orElseThrow();
    assertThat(disclosure.autoFail()).as("the 'No' option is AutomaticFail").isTrue();
    assertThat(disclosure.weight()).isEqualTo(40.0);
    assertThat(disclosure.evidenceHints()).containsExactly("this call may be recorded");

    Criterion idv = form.criterion("q-idv-count").orElseThrow();
    assertThat(idv.naAllowed()).isTrue();
    assertThat(idv.weight()).isEqualTo(40.0);

    assertThat(mapped.skipped())
        .hasSize(2)
        .anySatisfy(s -> assertThat(s).contains("q-opening-notes").contains("TEXT"))
        .anySatisfy(s -> assertThat(s).contains("q-coaching").contains("weight 0"));
    RoundTrip.assertSchemaValid(SchemaKind.QA_FORM, form);
  }

  @Test
  void sectionOnlyFormCarriesSectionWeightsAndFormLanguage() throws Exception {
    MappedForm mapped =
        ConnectEvaluationFormMapper.map(
            resource("evaluation-form-section-only.json"),
            FormTarget.forTenant("demo-tenant").withPassThreshold(70));
    QaForm form = mapped.form();

    assertThat(form.language()).isEqualTo("de-DE");
    assertThat(form.passThreshold()).isEqualTo(70.0);
    assertThat(form.version()).isEqualTo(2);
    assertThat(form.sections()).extracting(Section::weight).containsExactly(25.0, 75.0);
    assertThat(form.criterion("q-polite").orElseThrow().weight())
        .as("no Weight -> 1")
        .isEqualTo(1.0);
    assertThat(form.criterion("q-answered").orElseThrow().weight()).isEqualTo(60.0);
    assertThat(form.criterion("q-followup").orElseThrow().naAllowed()).isTrue();
    assertThat(mapped.skipped()).isEmpty();
    RoundTrip.assertSchemaValid(SchemaKind.QA_FORM, form);
  }

  @Test
  void disabledScoringGivesEqualWeightsAndTargetOverridesIdentity() throws Exception {
    ObjectNode json = (ObjectNode) resource("describe-evaluation-form-question-only.json");
    ((ObjectNode) json.get("EvaluationForm").get("ScoringStrategy")).put("Status", "DISABLED");

    QaForm form =
        ConnectEvaluationFormMapper.map(
                json, FormTarget.forTenant("demo-tenant").withForm("phone-qa", 9, "Phone QA"))
            .form();

    assertThat(form.formId()).isEqualTo("phone-qa");
    assertThat(form.version()).isEqualTo(9);
    assertThat(form.title()).isEqualTo("Phone QA");
    assertThat(form.allCriteria()).extracting(Criterion::weight).containsOnly(1.0);
    assertThat(form.allCriteria())
        .extracting(Criterion::id)
        .containsExactly("q-greeting", "q-disclosure", "q-coaching", "q-idv-count");
  }

  @Test
  void notAnEvaluationFormIsAClearError() {
    ObjectNode notAForm = Json.mapper().createObjectNode().put("ContactId", "x");
    assertThatThrownBy(
            () -> ConnectEvaluationFormMapper.map(notAForm, FormTarget.forTenant("demo-tenant")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no Items");
  }

  @Test
  void refIdOutsideTheContractPatternIsAClearError() throws Exception {
    ObjectNode json = (ObjectNode) resource("evaluation-form-section-only.json");
    ((ObjectNode) json.at("/Items/0/Section/Items/0/Question")).put("RefId", "polite agent?");
    assertThatThrownBy(
            () -> ConnectEvaluationFormMapper.map(json, FormTarget.forTenant("demo-tenant")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'polite agent?'")
        .hasMessageContaining("Was the agent polite?");
  }

  @Test
  void formWithOnlyTextQuestionsIsRejectedWithWhatWasSkipped() throws Exception {
    JsonNode json =
        Json.mapper()
            .readTree(
                "{\"EvaluationFormId\":\"x\",\"EvaluationFormVersion\":1,\"Title\":\"Notes\","
                    + "\"Items\":[{\"Section\":{\"RefId\":\"s\",\"Title\":\"S\",\"Items\":["
                    + "{\"Question\":{\"RefId\":\"n\",\"Title\":\"Notes\",\"QuestionType\":\"TEXT\"}}]}}]}");
    assertThatThrownBy(() -> ConnectEvaluationFormMapper.map(json, FormTarget.forTenant("t")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no scoreable")
        .hasMessageContaining("question n 'Notes': type TEXT");
  }
}
