package com.cci.batch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.batch.scoring.ScoreRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Small runs of the P3 / P4 benchmarks: the figures are measured, consistent and named. */
class ScoringBenchmarksTest {
  @Test
  void p3UsesTheQuotaLosesNothingAndBeatsOneAtATime() {
    // 1 200 rpm at 300 ms: one at a time ~200/min, ceiling 6x
    ScoringBenchmarks.P3 p3 = ScoringBenchmarks.p3(150, 4, 1200, 300);
    assertThat(p3.lost()).isZero();
    assertThat(p3.scored() + p3.quarantined()).isEqualTo(150);
    assertThat(p3.quarantined()).isZero();
    assertThat(p3.throttled()).isZero();
    // a short run: the one-second burst and the last call's latency move the rate a little
    assertThat(p3.quotaUtilisation()).isBetween(0.85, 1.1);
    assertThat(p3.sequentialPerMinute()).isBetween(100.0, 200.0);
    assertThat(p3.speedup()).isGreaterThan(4.5);
    Map<String, Object> f = ScoringBenchmarks.figures(p3, null);
    assertThat(f).containsKeys("p3_quota_utilisation", "p3_speedup", "p3_lost");
  }

  @Test
  void p4MeasuresARealisticTenMinuteCall() {
    List<ScoreRequest> calls = BenchCalls.tenMinuteCalls(2, 9);
    assertThat(calls)
        .allMatch(c -> BenchCalls.words(c.transcript().turns()) >= BenchCalls.TEN_MINUTE_WORDS);
    ScoringBenchmarks.P4 p4 = ScoringBenchmarks.p4(4);
    assertThat(p4.calls()).isEqualTo(4);
    assertThat(p4.wordsPerCall()).isGreaterThanOrEqualTo(BenchCalls.TEN_MINUTE_WORDS);
    assertThat(p4.tokensIn()).isBetween(2000.0, 5000.0);
    assertThat(p4.tokensOut()).isBetween(200.0, 1200.0);
    assertThat(p4.costPerCallUsd())
        .isCloseTo(
            Math.round(p4.tokensIn()) * 0.25e-6 + Math.round(p4.tokensOut()) * 1.25e-6,
            org.assertj.core.data.Offset.offset(1e-9));
    assertThat(p4.tokensInConservative()).isGreaterThan(p4.tokensIn());
    assertThat(ScoringBenchmarks.figures(null, p4))
        .containsKeys("p4_tokens_in", "p4_tokens_out", "p4_cost_per_call_usd");
  }
}
