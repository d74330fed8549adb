package com.cci.batch.bench;

import com.cci.batch.local.LocalBedrock;
import com.cci.batch.scoring.BedrockScorer;
import com.cci.batch.scoring.QaPrompt;
import com.cci.batch.scoring.ScoreOutcome;
import com.cci.batch.scoring.ScoreRequest;
import com.cci.batch.scoring.ScorerConfig;
import com.cci.batch.scoring.TenantSettings;
import com.cci.schemas.Json;
import com.cci.schemas.transcript.CallTranscript;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scoring benchmarks P3 and P4 of issue 4, on the local Bedrock with the real SDK client.
 *
 * <ul>
 *   <li><b>P3</b> — throughput under a quota: the local Bedrock answers in {@code latencyMs} (800
 *       ms) and refuses more than {@code quotaRpm} (2 000) requests per sliding minute with real
 *       429s. The {@link BedrockScorer} scores {@code calls} transcripts with its client-side
 *       limiter set to the quota. Figures: scored calls per minute ÷ quota (goal ≥ 0.9), calls lost
 *       (scored + quarantined must equal calls; goal 0), and the speed-up over scoring the same
 *       transcripts one at a time (the seed's Lambda-per-call loop, ceiling 60 s ÷ 0.8 s = 75 per
 *       minute), measured on the first {@code sequentialCalls} of them (goal ≥ 20×, ceiling 2 000 ÷
 *       75 ≈ 26.7).
 *   <li><b>P4</b> — tokens and cost per 10-minute call on the default form: {@code calls} voice
 *       calls of exactly 10 minutes, scored on demand; mean input and output tokens as the model
 *       reports them in {@code usage} (the local Bedrock counts 4 characters a token), and the cost
 *       at Claude 3 Haiku list price ($0.25/M in, $1.25/M out; goal ≤ $0.0015). Also a conservative
 *       input figure: the prompt at {@value QaPrompt#CHARS_PER_TOKEN} characters a token plus
 *       Anthropic's tool-use system prompt ({@value #TOOL_USE_OVERHEAD_TOKENS} tokens for a forced
 *       tool on Claude 3 Haiku).
 * </ul>
 */
public final class ScoringBenchmarks {
  private ScoringBenchmarks() {}

  /** Tokens Anthropic adds for tool use with a forced tool on Claude 3 (their documentation). */
  public static final int TOOL_USE_OVERHEAD_TOKENS = 340;

  /**
   * P3 figures.
   *
   * @param calls transcripts scored concurrently
   * @param quotaRpm the local Bedrock's requests-per-minute quota
   * @param latencyMs the local Bedrock's latency per call
   * @param seconds wall time of the concurrent run
   * @param scored calls scored
   * @param quarantined calls quarantined
   * @param lost calls neither scored nor quarantined
   * @param throttled 429s the local Bedrock answered (quota)
   * @param scoredPerMinute scored calls per minute
   * @param quotaUtilisation scoredPerMinute ÷ quotaRpm
   * @param sequentialCalls calls scored one at a time
   * @param sequentialPerMinute calls per minute one at a time
   * @param speedup scoredPerMinute ÷ sequentialPerMinute
   */
  public record P3(
      int calls,
      int quotaRpm,
      long latencyMs,
      double seconds,
      int scored,
      int quarantined,
      int lost,
      long throttled,
      double scoredPerMinute,
      double quotaUtilisation,
      int sequentialCalls,
      double sequentialPerMinute,
      double speedup) {}

  /**
   * P4 figures (means per scored call).
   *
   * @param calls 10-minute calls scored
   * @param turnsPerCall transcript turns
   * @param wordsPerCall transcript words
   * @param tokensIn input tokens reported in usage
   * @param tokensOut output tokens reported in usage
   * @param costPerCallUsd at the tenant's (Haiku list) prices
   * @param tokensInConservative prompt at 3.6 characters a token + the tool-use system prompt
   * @param costPerCallConservativeUsd with the conservative input and the reported output
   */
  public record P4(
      int calls,
      double turnsPerCall,
      double wordsPerCall,
      double tokensIn,
      double tokensOut,
      double costPerCallUsd,
      double tokensInConservative,
      double costPerCallConservativeUsd) {}

  /**
   * Runs P3: the concurrent run and the one-at-a-time run each against a fresh local Bedrock with
   * the given latency and quota (separate quota windows, so neither run eats the other's quota).
   */
  public static P3 p3(int calls, int sequentialCalls, int quotaRpm, long latencyMs) {
    List<ScoreRequest> requests = BenchCalls.voiceCalls(calls, 3, 0);
    int seqCalls = Math.min(sequentialCalls, calls);
    double sequentialPerMinute;
    try (LocalBedrock bedrock = localBedrock(quotaRpm, latencyMs);
        BedrockScorer sequential = new BedrockScorer(config(bedrock, quotaRpm, latencyMs))) {
      sequential.score(requests.get(requests.size() - 1)); // warm-up (client, JIT), not timed
      long t0 = System.nanoTime();
      for (ScoreRequest r : requests.subList(0, seqCalls)) {
        sequential.score(r);
      }
      sequentialPerMinute = seqCalls * 60.0 / ((System.nanoTime() - t0) / 1e9);
    }
    try (LocalBedrock bedrock = localBedrock(quotaRpm, latencyMs)) {
      List<ScoreOutcome> out;
      long t0 = System.nanoTime();
      try (BedrockScorer scorer = new BedrockScorer(config(bedrock, quotaRpm, latencyMs))) {
        out = scorer.scoreAll(requests);
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      int scored = 0;
      int quarantined = 0;
      for (ScoreOutcome o : out) {
        if (o.scored()) {
          scored++;
        } else {
          quarantined++;
        }
      }
      double perMinute = scored * 60.0 / seconds;
      return new P3(
          calls,
          quotaRpm,
          latencyMs,
          seconds,
          scored,
          quarantined,
          calls - scored - quarantined,
          bedrock.stats().throttled(),
          perMinute,
          perMinute / quotaRpm,
          seqCalls,
          sequentialPerMinute,
          perMinute / sequentialPerMinute);
    }
  }

  private static LocalBedrock localBedrock(int quotaRpm, long latencyMs) {
    return LocalBedrock.start(
        LocalBedrock.Options.defaults()
            .latency(Duration.ofMillis(latencyMs), Duration.ZERO)
            .requestsPerMinute(quotaRpm)
            .threads(concurrency(quotaRpm, latencyMs) + 16));
  }

  /**
   * Calls in flight at the quota rate ({@code rpm / 60 * latency}) with 2.5x headroom, so that
   * concurrency never binds even when a loaded machine stretches each call.
   */
  private static int concurrency(int quotaRpm, long latencyMs) {
    return (int) Math.ceil(quotaRpm / 60.0 * latencyMs / 1000.0 * 2.5) + 4;
  }

  /**
   * The scorer's settings for P3: the client-side limit at the quota, concurrency never binding.
   */
  private static ScorerConfig config(LocalBedrock bedrock, int quotaRpm, long latencyMs) {
    return ScorerConfig.builder()
        .bedrockRuntimeEndpoint(bedrock.endpoint().toString())
        .requestsPerMinute(quotaRpm)
        .tokensPerMinute(1_000_000_000L)
        .maxConcurrency(concurrency(quotaRpm, latencyMs))
        .apiCallAttemptTimeoutMillis(latencyMs * 4 + 10_000)
        .build();
  }

  /** Runs P4 on {@code calls} 10-minute voice calls against a fresh local Bedrock. */
  public static P4 p4(int calls) {
    List<ScoreRequest> requests = BenchCalls.tenMinuteCalls(calls, 4);
    TenantSettings prices = TenantSettings.demoDefaults("demo-tenant");
    try (LocalBedrock bedrock = LocalBedrock.start(LocalBedrock.Options.defaults());
        BedrockScorer scorer =
            new BedrockScorer(
                ScorerConfig.builder()
                    .bedrockRuntimeEndpoint(bedrock.endpoint().toString())
                    .maxConcurrency(8)
                    .build())) {
      List<ScoreOutcome> out = scorer.scoreAll(requests);
      double in = 0;
      double outTok = 0;
      double conservative = 0;
      double turns = 0;
      double words = 0;
      int n = 0;
      for (int i = 0; i < out.size(); i++) {
        ScoreOutcome o = out.get(i);
        if (!o.scored() || o.attempts() != 1) {
          continue; // a re-asked call is not a typical call
        }
        n++;
        in += o.result().usage().inputTokens();
        outTok += o.result().usage().outputTokens();
        CallTranscript t = requests.get(i).transcript();
        QaPrompt.Built p = QaPrompt.build(requests.get(i).form(), t);
        conservative += p.inputTokenEstimate() + TOOL_USE_OVERHEAD_TOKENS;
        turns += t.turns().size();
        words += BenchCalls.words(t.turns());
      }
      if (n == 0) {
        throw new IllegalStateException("P4: no call was scored at the first attempt");
      }
      double meanIn = in / n;
      double meanOut = outTok / n;
      double meanCons = conservative / n;
      return new P4(
          n,
          turns / n,
          words / n,
          meanIn,
          meanOut,
          prices.costUsd(Math.round(meanIn), Math.round(meanOut)),
          meanCons,
          prices.costUsd(Math.round(meanCons), Math.round(meanOut)));
    }
  }

  /** The figures under the names {@code ./cci bench batch} prints in its last JSON line. */
  public static Map<String, Object> figures(P3 p3, P4 p4) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (p3 != null) {
      m.put("p3_quota_utilisation", round(p3.quotaUtilisation(), 3));
      m.put("p3_speedup", round(p3.speedup(), 1));
      m.put("p3_scored_per_minute", round(p3.scoredPerMinute(), 1));
      m.put("p3_sequential_per_minute", round(p3.sequentialPerMinute(), 1));
      m.put("p3_calls", p3.calls());
      m.put("p3_lost", p3.lost());
      m.put("p3_quarantined", p3.quarantined());
      m.put("p3_throttled", p3.throttled());
    }
    if (p4 != null) {
      m.put("p4_tokens_in", Math.round(p4.tokensIn()));
      m.put("p4_tokens_out", Math.round(p4.tokensOut()));
      m.put("p4_cost_per_call_usd", round(p4.costPerCallUsd(), 6));
      m.put("p4_tokens_in_conservative", Math.round(p4.tokensInConservative()));
      m.put("p4_cost_per_call_conservative_usd", round(p4.costPerCallConservativeUsd(), 6));
    }
    return m;
  }

  /** Human-readable lines for the figures. */
  public static List<String> describe(P3 p3, P4 p4) {
    List<String> out = new java.util.ArrayList<>();
    if (p3 != null) {
      out.add(
          String.format(
              "P3 scoring under quota: %d calls, local Bedrock %d ms/call, quota %d rpm: %.1f s,"
                  + " %d scored, %d quarantined, %d lost, %d throttled (429)",
              p3.calls(),
              p3.latencyMs(),
              p3.quotaRpm(),
              p3.seconds(),
              p3.scored(),
              p3.quarantined(),
              p3.lost(),
              p3.throttled()));
      out.add(
          String.format(
              "P3   %.0f scored/min = %.3f of quota (goal >= 0.9); one at a time (%d calls) %.1f/min;"
                  + " speed-up %.1fx (goal >= 20x, ceiling %.1fx)",
              p3.scoredPerMinute(),
              p3.quotaUtilisation(),
              p3.sequentialCalls(),
              p3.sequentialPerMinute(),
              p3.speedup(),
              p3.quotaRpm() / (60_000.0 / p3.latencyMs())));
    }
    if (p4 != null) {
      out.add(
          String.format(
              "P4 tokens per 10-minute call (default form, %d calls, %.0f turns, %.0f words): %.0f in,"
                  + " %.0f out -> $%.6f at Haiku list price (goal <= $0.0015)",
              p4.calls(),
              p4.turnsPerCall(),
              p4.wordsPerCall(),
              p4.tokensIn(),
              p4.tokensOut(),
              p4.costPerCallUsd()));
      out.add(
          String.format(
              "P4   conservative: %.0f in (3.6 chars/token + %d tool-use tokens) -> $%.6f",
              p4.tokensInConservative(),
              TOOL_USE_OVERHEAD_TOKENS,
              p4.costPerCallConservativeUsd()));
    }
    return out;
  }

  private static double round(double v, int digits) {
    double f = Math.pow(10, digits);
    return Math.round(v * f) / f;
  }

  /**
   * Runs P3 and P4 on their own: {@code [p3Calls] [sequentialCalls]} (default 2 000 and 20). Last
   * line: the figures as one JSON object.
   */
  public static void main(String[] args) throws Exception {
    int calls = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int sequential = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    P4 p4 = p4(40);
    P3 p3 = p3(calls, sequential, 2000, 800);
    describe(p3, p4).forEach(System.out::println);
    System.out.println(Json.mapper().writeValueAsString(figures(p3, p4)));
  }
}
