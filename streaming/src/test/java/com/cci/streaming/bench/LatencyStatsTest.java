package com.cci.streaming.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cci.schemas.SchemaKind;
import com.cci.schemas.validation.ContractValidator;
import com.cci.streaming.records.AlarmEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.junit.jupiter.api.Test;

class LatencyStatsTest {
  @Test
  void nearestRankPercentiles() {
    double[] v = new double[200];
    for (int i = 0; i < 200; i++) {
      v[199 - i] = i + 1; // 1..200, unsorted
    }
    LatencyStats s = new LatencyStats(v);
    assertThat(s.percentile(50)).isEqualTo(100);
    assertThat(s.percentile(99)).isEqualTo(198);
    assertThat(s.percentile(100)).isEqualTo(200);
    assertThat(s.min()).isEqualTo(1);
    assertThat(new LatencyStats(new double[] {7}).percentile(99)).isEqualTo(7);
    assertThatThrownBy(() -> new LatencyStats(new double[0])).hasMessageContaining("no latencies");
    assertThatThrownBy(() -> s.percentile(0)).hasMessageContaining("(0, 100]");
  }

  @Test
  void breachSegmentsAreContractValidAndRaiseFraud() throws Exception {
    String c = BreachSegments.contactId("r", 1);
    String json = BreachSegments.segment(c, Instant.parse("2026-11-20T10:00:00.250Z"));
    assertThat(
            ContractValidator.shared()
                .validate(SchemaKind.CONTACT_LENS_SEGMENT, json, "bench")
                .valid())
        .isTrue();
    List<AlarmEvent> out = new ArrayList<>();
    new FraudBreachDetector().flatMap(json, new ListCollector<>(out));
    assertThat(out).hasSize(1);
    assertThat(out.get(0).contactId).isEqualTo(c);
    assertThat(out.get(0).rule).isEqualTo("FRAUD_CATEGORY");
    assertThat(out.get(0).eventTimeMs)
        .isEqualTo(Instant.parse("2026-11-20T10:00:00.250Z").toEpochMilli());
  }
}
