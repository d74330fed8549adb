package com.cci.fulfillment.obs;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.schemas.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmfMetricsTest {
  final List<String> lines = new ArrayList<>();
  final EmfMetrics emf =
      new EmfMetrics(
          "CCI/Fulfillment",
          "cci-fulfillment",
          lines::add,
          Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC));

  @Test
  void writesEmbeddedMetricFormatPerIntentAndOutcome() throws Exception {
    emf.record("CheckBalance", "FULFILLED", 4);
    emf.record("CheckBalance", "FULFILLED", 7);
    emf.record("TransferInternal", "ESCALATED", 30);
    assertThat(emf.flush()).isEqualTo(2);
    JsonNode cb =
        lines.stream()
            .map(EmfMetricsTest::parse)
            .filter(n -> n.get("Intent").asText().equals("CheckBalance"))
            .findFirst()
            .orElseThrow();
    JsonNode aws = cb.get("_aws");
    assertThat(aws.get("Timestamp").asLong())
        .isEqualTo(Instant.parse("2026-11-22T10:00:00Z").toEpochMilli());
    JsonNode directive = aws.get("CloudWatchMetrics").get(0);
    assertThat(directive.get("Namespace").asText()).isEqualTo("CCI/Fulfillment");
    assertThat(directive.get("Dimensions").toString())
        .isEqualTo("[[\"Service\",\"Intent\",\"Outcome\"],[\"Service\",\"Intent\"]]");
    assertThat(directive.get("Metrics").toString())
        .contains("{\"Name\":\"TurnCount\",\"Unit\":\"Count\"}")
        .contains("{\"Name\":\"TurnLatency\",\"Unit\":\"Milliseconds\"}");
    // every dimension and metric named in the directive is a root member, as EMF requires
    for (String member : List.of("Service", "Intent", "Outcome", "TurnCount", "TurnLatency")) {
      assertThat(cb.has(member)).as(member).isTrue();
    }
    assertThat(cb.get("Outcome").asText()).isEqualTo("FULFILLED");
    assertThat(cb.get("TurnCount").asInt()).isEqualTo(2);
    assertThat(cb.get("TurnLatency").toString()).isEqualTo("[4,7]");
    assertThat(emf.flush()).as("a new window starts empty").isZero();
  }

  @Test
  void splitsWindowsAboveOneHundredValuesAcrossLines() {
    for (int i = 0; i < 250; i++) {
      emf.record("BranchHours", "FULFILLED", i);
    }
    assertThat(emf.flush()).isEqualTo(3);
    int total =
        lines.stream().map(EmfMetricsTest::parse).mapToInt(n -> n.get("TurnCount").asInt()).sum();
    assertThat(total).isEqualTo(250);
    assertThat(lines)
        .allSatisfy(l -> assertThat(parse(l).get("TurnLatency").size()).isLessThanOrEqualTo(100));
  }

  static JsonNode parse(String s) {
    try {
      return Json.mapper().readTree(s);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
