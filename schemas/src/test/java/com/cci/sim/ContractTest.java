package com.cci.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.kinesis.StreamRecord;
import com.cci.kinesis.Streams;
import com.cci.schemas.SchemaKind;
import com.cci.schemas.validation.ContractValidator;
import com.cci.schemas.validation.ValidationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every record the simulator emits (with the production content renderer) validates against the
 * data contract, for every built-in scenario.
 */
class ContractTest {
  private static final Map<String, SchemaKind> KIND_BY_STREAM =
      Map.of(
          Streams.CTR, SchemaKind.CTR,
          Streams.CONTACT_EVENTS, SchemaKind.CONTACT_EVENT,
          Streams.CONTACT_LENS, SchemaKind.CONTACT_LENS_SEGMENT,
          Streams.FULFILLMENT, SchemaKind.FULFILLMENT_EVENT);

  @Test
  void everyEmittedRecordValidates() {
    ContractValidator validator = ContractValidator.shared();
    for (String scenario : Scenario.BUILT_IN) {
      SimRun run = SimRun.real(scenario, SimulationOptions.seed(21).withContacts(400));
      assertThat(run.records).isNotEmpty();
      List<String> failures = new ArrayList<>();
      Map<String, Integer> seen = new java.util.TreeMap<>();
      int i = 0;
      for (StreamRecord r : run.records) {
        SchemaKind kind = KIND_BY_STREAM.get(r.stream());
        assertThat(kind).as("stream %s", r.stream()).isNotNull();
        ValidationResult v = validator.validate(kind, r.json(), scenario + "#" + i++);
        if (!v.valid() && failures.size() < 10) {
          failures.add(v.describe() + "\n  " + r.json());
        }
        seen.merge(r.stream(), 1, Integer::sum);
      }
      assertThat(failures).as(scenario).isEmpty();
      assertThat(seen).as(scenario).containsKeys(Streams.INPUTS.toArray(String[]::new));
    }
  }

  @Test
  void recordsAndContentNameTheSameConnectInstance() throws Exception {
    SimRun run = SimRun.real("normal-day", SimulationOptions.seed(3).withContacts(200));
    var mapper = com.cci.schemas.Json.mapper();
    java.util.Set<String> instances = new java.util.TreeSet<>();
    for (StreamRecord r : run.records) {
      var tree = mapper.readTree(r.json());
      switch (r.stream()) {
        case Streams.CTR -> instances.add(tree.get("InstanceARN").asText().replaceAll(".*/", ""));
        case Streams.CONTACT_LENS -> instances.add(tree.get("InstanceId").asText());
        case Streams.CONTACT_EVENTS ->
            instances.add(tree.get("detail").get("instanceArn").asText().replaceAll(".*/", ""));
        default -> {}
      }
    }
    assertThat(instances)
        .containsExactly(com.cci.sim.content.ConnectContentRenderer.instanceIdOf("demo-tenant"));
  }

  @Test
  void transcriptFilesValidateAndMatchTheirFormat() {
    SimRun run = SimRun.real("incident", SimulationOptions.seed(4).withContacts(300));
    assertThat(run.files).hasSize(run.qa.size()).isNotEmpty();
    List<String> formats = run.qa.stream().map(GroundTruth.QaLabelRow::format).distinct().toList();
    assertThat(formats).contains("CONTACT_LENS_VOICE", "CONTACT_LENS_CHAT", "TCA");
    for (int i = 0; i < run.files.size(); i++) {
      var f = run.files.get(i);
      var qa = run.qa.get(i);
      assertThat(f.relativeKey()).isEqualTo(qa.transcriptKey()).startsWith("demo-tenant/");
      switch (qa.format()) {
        case "CONTACT_LENS_VOICE" -> assertThat(f.relativeKey()).contains("/Analysis/Voice/");
        case "CONTACT_LENS_CHAT" -> assertThat(f.relativeKey()).contains("/Analysis/Chat/");
        default -> assertThat(f.relativeKey()).contains("/tca/");
      }
      ValidationResult v =
          ContractValidator.shared()
              .validate(SchemaKind.POST_CALL_TRANSCRIPT, f.json(), f.relativeKey());
      assertThat(v.valid()).as(v.describe()).isTrue();
    }
    // PII plantings point into transcripts that exist
    var keys = run.files.stream().map(f -> f.relativeKey()).toList();
    for (GroundTruth.PiiRow p : run.pii) {
      assertThat(keys).contains(p.transcriptKey());
      assertThat(p.endChar()).isGreaterThan(p.beginChar());
    }
  }
}
