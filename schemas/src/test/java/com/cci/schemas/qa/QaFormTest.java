package com.cci.schemas.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cci.schemas.Fixtures;
import com.cci.schemas.RoundTrip;
import com.cci.schemas.SchemaKind;
import com.cci.schemas.qa.QaForm.Criterion;
import com.cci.schemas.qa.QaForm.Section;
import com.cci.schemas.validation.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class QaFormTest {

  @Test
  void demoDefaultFormLoadsFromTheClasspathAndFitsRetailBanking() {
    QaForm form = QaForm.fromClasspath(QaForm.DEMO_DEFAULT_RESOURCE);

    assertThat(form.tenantId()).isEqualTo("demo-tenant");
    assertThat(form.formId()).isEqualTo("default");
    assertThat(form.version()).isEqualTo(1);
    assertThat(form.language()).isEqualTo("en-US");
    assertThat(form.passThreshold()).isEqualTo(80.0);
    assertThat(form.sections())
        .extracting(Section::title)
        .containsExactly("Opening", "Discovery & Empathy", "Resolution", "Compliance", "Closing");
    // The simulator's ground-truth labels (QaLabels) must each have a criterion.
    assertThat(form.allCriteria())
        .extracting(Criterion::id)
        .contains(
            "greeting",
            "empathy",
            "resolution",
            "satisfaction-check",
            "compliance-disclosure",
            "identity-verification");
    assertThat(form.allCriteria().stream().mapToDouble(Criterion::weight).sum()).isEqualTo(100.0);
    assertThat(form.allCriteria())
        .filteredOn(Criterion::autoFail)
        .extracting(Criterion::id)
        .containsExactly("compliance-disclosure");
    assertThat(form.criterion("compliance-disclosure").orElseThrow().evidenceHints())
        .contains("may be recorded", "recorded for quality");
    assertThat(form.criterion("identity-verification").orElseThrow().naAllowed()).isTrue();
    assertThat(form.allCriteria())
        .allSatisfy(c -> assertThat(c.evidenceHints()).hasSizeGreaterThan(4));
    assertThat(form.sectionOf("satisfaction-check")).contains("closing");
    assertThat(form.validate()).isEmpty();
  }

  @Test
  void demoResourceAndItsFixtureCopyAreTheSame() {
    JsonNode fixture = RoundTrip.record(SchemaKind.QA_FORM, "valid", "retail-banking-default.json");
    assertThat(RoundTrip.toTree(QaForm.fromClasspath(QaForm.DEMO_DEFAULT_RESOURCE)))
        .isEqualTo(RoundTrip.toTree(RoundTrip.parse(fixture, QaForm.class)));
  }

  @Test
  void everyValidFixtureParsesValidatesAndRoundTrips() {
    for (Path p : Fixtures.valid(SchemaKind.QA_FORM)) {
      for (JsonNode rec : RoundTrip.records(p)) {
        QaForm form = RoundTrip.assertRoundTrips(rec, QaForm.class, true);
        assertThat(form.validate()).as(p.getFileName().toString()).isEmpty();
      }
    }
  }

  @Test
  void connectImportFixtureHasSectionWeightsAndEmptyHints() {
    QaForm form =
        RoundTrip.parse(
            RoundTrip.record(SchemaKind.QA_FORM, "valid", "connect-imported-collections.json"),
            QaForm.class);
    assertThat(form.version()).isEqualTo(3);
    assertThat(form.passThreshold()).isEqualTo(75.0);
    assertThat(form.sections()).extracting(Section::weight).containsExactly(30.0, 70.0);
    Criterion q1 = form.criterion("q1").orElseThrow();
    assertThat(q1.autoFail()).isTrue();
    assertThat(q1.evidenceHints()).isEmpty();
    assertThat(q1.description()).startsWith("Collections calls must state");
    assertThat(form.criterion("q3").orElseThrow().evidenceHints()).contains("payment plan");
  }

  @Test
  void serializationKeepsWireNamesAndOmitsNulls() {
    QaForm form =
        RoundTrip.parse(
            RoundTrip.record(SchemaKind.QA_FORM, "valid", "seed-single-section.json"),
            QaForm.class);
    JsonNode out = RoundTrip.toTree(form);
    assertThat(out.has("description")).isFalse();
    assertThat(out.at("/sections/0").has("weight")).isFalse();
    assertThat(out.at("/sections/0/criteria/0").has("description")).isFalse();
    assertThat(out.at("/sections/0/criteria/2/naAllowed").asBoolean()).isTrue();
    assertThat(out.at("/sections/0/criteria/1/weight").asDouble()).isEqualTo(2.5);
    assertThat(out.has("allCriteria")).as("helper methods are not properties").isFalse();
  }

  @Test
  void duplicateCriterionIdsAcrossSectionsAreReported() {
    QaForm form =
        form(
            section("a", criterion("greeting"), criterion("empathy")),
            section("b", criterion("resolution"), criterion("greeting")));

    List<Violation> v = form.validate();

    assertThat(v).hasSize(1);
    assertThat(v.get(0).path()).isEqualTo("$.sections[1].criteria[1].id");
    assertThat(v.get(0).rule()).isEqualTo("unique");
    assertThat(v.get(0).message()).contains("'greeting'").contains("$.sections[0].criteria[0]");
  }

  @Test
  void duplicateSectionIdsAndFieldRulesAreReported() {
    QaForm form =
        new QaForm(
            "Demo Tenant",
            "default",
            0,
            "t",
            null,
            "english",
            120,
            List.of(
                section("a", criterion("x")),
                new Section(
                    "a",
                    "again",
                    -1.0,
                    List.of(
                        new Criterion(
                            "bad id", "q?", null, 0, true, false, false, List.of(" "))))));

    List<String> paths =
        form.validate().stream().map(x -> x.path() + " " + x.rule()).collect(Collectors.toList());

    assertThat(paths)
        .containsExactlyInAnyOrder(
            "$.tenantId pattern",
            "$.version minimum",
            "$.language pattern",
            "$.passThreshold maximum",
            "$.sections[1].id unique",
            "$.sections[1].weight exclusiveMinimum",
            "$.sections[1].criteria[0].id pattern",
            "$.sections[1].criteria[0].weight exclusiveMinimum",
            "$.sections[1].criteria[0].evidenceHints[0] minLength");
  }

  @Test
  void emptyFormIsReportedAndRequireValidListsEverything() {
    QaForm empty = new QaForm("demo-tenant", "f", 1, "t", null, "en-US", 80, null);
    assertThat(empty.validate()).extracting(Violation::path).containsExactly("$.sections");
    assertThatThrownBy(empty::requireValid)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid QA form 'f' v1")
        .hasMessageContaining("$.sections [minItems]");
  }

  @Test
  void missingResourceIsAClearError() {
    assertThatThrownBy(() -> QaForm.fromClasspath("qa-forms/nobody/none.json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("qa-forms/nobody/none.json");
  }

  static QaForm form(Section... sections) {
    return new QaForm("demo-tenant", "f", 1, "Form", null, "en-US", 80, List.of(sections));
  }

  static Section section(String id, Criterion... criteria) {
    return new Section(id, "Section " + id, null, new ArrayList<>(List.of(criteria)));
  }

  static Criterion criterion(String id) {
    return new Criterion(id, "Did the agent " + id + "?", null, 1, true, false, false, List.of());
  }
}
