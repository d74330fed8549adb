package com.cci.schemas.qa;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.schemas.Fixtures;
import com.cci.schemas.RoundTrip;
import com.cci.schemas.SchemaKind;
import com.cci.schemas.qa.QaResult.Answer;
import com.cci.schemas.qa.QaResult.CriterionResult;
import com.cci.schemas.qa.QaResult.Totals;
import com.cci.schemas.validation.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class QaResultTest {

  @Test
  void bedrockVoiceFixtureParsesWithConcreteValues() {
    QaResult r =
        RoundTrip.parse(
            RoundTrip.record(SchemaKind.QA_RESULT, "valid", "bedrock-voice-passed.json"),
            QaResult.class);

    assertThat(r.tenantId()).isEqualTo("demo-tenant");
    assertThat(r.contactId()).isEqualTo("3f8c2a51-7d4e-4b9a-9c61-0e2d5f7a8b13");
    assertThat(r.callDate()).isEqualTo(LocalDate.of(2026, 11, 20));
    assertThat(r.channel()).isEqualTo(QaResult.Channel.VOICE);
    assertThat(r.scorer()).isEqualTo(QaResult.Scorer.BEDROCK);
    assertThat(r.modelId()).startsWith("anthropic.claude-3-haiku");
    assertThat(r.criteria())
        .hasSize(9)
        .allSatisfy(c -> assertThat(c.answer()).isEqualTo(Answer.PASSED));
    assertThat(r.criteria().get(0).evidenceTurnIds()).containsExactly("t-0001");
    assertThat(r.totals()).isEqualTo(new Totals(100, 100, 100, true, false));
    assertThat(r.summary().outcome()).isEqualTo(QaResult.Outcome.RESOLVED);
    assertThat(r.summary().toneScore()).isEqualTo(88.0);
    assertThat(r.piiCounts()).containsEntry("CARD_NUMBER", 1);
    assertThat(r.usage().inputTokens()).isEqualTo(3412);
    assertThat(r.usage().costUsd()).isEqualTo(0.00161);
    assertThat(r.scoredAt()).isEqualTo(Instant.parse("2026-11-21T02:14:07.532Z"));
  }

  @Test
  void rulesChatFixtureHasNotApplicableAndAutoFail() {
    QaResult r =
        RoundTrip.parse(
            RoundTrip.record(SchemaKind.QA_RESULT, "valid", "rules-chat-autofailed.json"),
            QaResult.class);
    assertThat(r.scorer()).isEqualTo(QaResult.Scorer.RULES);
    assertThat(r.agentId()).isNull();
    assertThat(r.usage()).isEqualTo(QaResult.Usage.NONE);
    CriterionResult idv =
        r.criteria().stream()
            .filter(c -> c.id().equals("identity-verification"))
            .findFirst()
            .orElseThrow();
    assertThat(idv.answer()).isEqualTo(Answer.NOT_APPLICABLE);
    assertThat(idv.max()).isZero();
    assertThat(r.totals().autoFailed()).isTrue();
    assertThat(r.totals().passed()).isFalse();
    assertThat(r.totals().max()).isEqualTo(85.0);
  }

  @Test
  void everyValidFixtureRoundTripsAndIsArithmeticallyConsistent() {
    int records = 0;
    for (Path p : Fixtures.valid(SchemaKind.QA_RESULT)) {
      for (JsonNode rec : RoundTrip.records(p)) {
        QaResult r = RoundTrip.assertRoundTrips(rec, QaResult.class, true);
        assertThat(r.validate()).as(p.getFileName().toString()).isEmpty();
        records++;
      }
    }
    assertThat(records).as("bedrock-batch fixture is JSON Lines with two records").isEqualTo(4);
  }

  @Test
  void scorerKeepsItsWireName() {
    JsonNode rec =
        RoundTrip.records(
                Fixtures.dir(SchemaKind.QA_RESULT, "valid").resolve("bedrock-batch-fraud.json"))
            .get(0);
    QaResult r = RoundTrip.parse(rec, QaResult.class);
    assertThat(r.scorer()).isEqualTo(QaResult.Scorer.BEDROCK_BATCH);
    assertThat(RoundTrip.toTree(r).get("scorer").asText()).isEqualTo("bedrock-batch");
    assertThat(RoundTrip.toTree(r).get("callDate").asText()).isEqualTo("2026-11-19");
  }

  @Test
  void callIdIsDeterministicNameBasedAndDistinctPerContact() {
    String a = QaResult.callIdFor("demo-tenant", "3f8c2a51-7d4e-4b9a-9c61-0e2d5f7a8b13");
    assertThat(a)
        .isEqualTo(QaResult.callIdFor("demo-tenant", "3f8c2a51-7d4e-4b9a-9c61-0e2d5f7a8b13"));
    assertThat(UUID.fromString(a).version()).isEqualTo(5);
    assertThat(a)
        .isNotEqualTo(QaResult.callIdFor("other-tenant", "3f8c2a51-7d4e-4b9a-9c61-0e2d5f7a8b13"));
    assertThat(a)
        .isNotEqualTo(QaResult.callIdFor("demo-tenant", "3f8c2a51-7d4e-4b9a-9c61-0e2d5f7a8b14"));
    // the id in the fixture was derived the same way
    assertThat(
            RoundTrip.record(SchemaKind.QA_RESULT, "valid", "bedrock-voice-passed.json")
                .get("callId")
                .asText())
        .isEqualTo(a);
  }

  @Test
  void validateCatchesArithmeticTheSchemaCannot() {
    QaResult ok =
        RoundTrip.parse(
            RoundTrip.record(SchemaKind.QA_RESULT, "valid", "bedrock-voice-passed.json"),
            QaResult.class);
    List<CriterionResult> criteria = new ArrayList<>(ok.criteria());
    CriterionResult first = criteria.get(0);
    criteria.set(
        0,
        new CriterionResult(
            first.id(),
            first.sectionId(),
            first.question(),
            Answer.PASSED,
            4,
            first.max(),
            first.justification(),
            first.evidenceTurnIds()));
    criteria.add(criteria.get(1));
    QaResult broken =
        new QaResult(
            ok.tenantId(),
            ok.contactId(),
            UUID.randomUUID().toString(),
            ok.callDate(),
            ok.channel(),
            ok.agentId(),
            ok.queue(),
            ok.formId(),
            ok.formVersion(),
            ok.modelId(),
            ok.scorer(),
            criteria,
            new Totals(100, 100, 90, true, true),
            ok.summary(),
            ok.piiCounts(),
            ok.usage(),
            ok.sourceKey(),
            ok.scoredAt());

    assertThat(broken.validate())
        .extracting(Violation::path)
        .containsExactlyInAnyOrder(
            "$.callId",
            "$.criteria[0].score",
            "$.criteria[9].id",
            "$.totals.score",
            "$.totals.max",
            "$.totals.percentage",
            "$.totals.passed");
  }
}
