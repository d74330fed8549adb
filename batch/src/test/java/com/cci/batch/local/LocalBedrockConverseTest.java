package com.cci.batch.local;

import static com.cci.batch.local.BedrockTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;

class LocalBedrockConverseTest {

  static Map<String, Document> byCriterion(ToolUseBlock use) {
    Map<String, Document> out = new HashMap<>();
    for (Document d : use.input().asMap().get("criteria").asList()) {
      out.put(d.asMap().get("criterionId").asString(), d);
    }
    return out;
  }

  static String answer(Map<String, Document> m, String id) {
    return m.get(id).asMap().get("answer").asString();
  }

  @Test
  void forcedToolAnswersAreDerivedFromTheTranscript() {
    try (LocalBedrock bedrock = LocalBedrock.start(LocalBedrock.Options.defaults());
        BedrockRuntimeClient client = runtime(bedrock.endpoint())) {
      ConverseResponse good = client.converse(request(GOOD_CALL));
      ConverseResponse poor = client.converse(request(POOR_CALL));

      assertThat(good.stopReason()).isEqualTo(StopReason.TOOL_USE);
      ToolUseBlock use = good.output().message().content().get(0).toolUse();
      assertThat(use.name()).isEqualTo(TOOL);
      assertThat(use.toolUseId()).isNotBlank();
      Map<String, Document> g = byCriterion(use);
      assertThat(g.keySet())
          .containsExactlyInAnyOrderElementsOf(
              FORM.allCriteria().stream().map(c -> c.id()).toList());
      assertThat(answer(g, "greeting")).isEqualTo("PASSED");
      assertThat(answer(g, "empathy")).isEqualTo("PASSED");
      assertThat(answer(g, "resolution")).isEqualTo("PASSED");
      assertThat(answer(g, "satisfaction-check")).isEqualTo("PASSED");
      assertThat(answer(g, "compliance-disclosure")).isEqualTo("PASSED");
      assertThat(answer(g, "next-steps")).isEqualTo("PASSED");
      assertThat(answer(g, "identity-verification")).isEqualTo("NOT_APPLICABLE");
      Set<String> goodIds = Set.of("t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8");
      for (Document d : g.values()) {
        for (Document e : d.asMap().get("evidenceTurnIds").asList()) {
          assertThat(goodIds).contains(e.asString());
        }
      }
      assertThat(g.get("resolution").asMap().get("evidenceTurnIds").asList())
          .extracting(Document::asString)
          .containsExactly("t5");

      Map<String, Document> p = byCriterion(poor.output().message().content().get(0).toolUse());
      assertThat(answer(p, "greeting")).isEqualTo("FAILED");
      assertThat(answer(p, "empathy")).isEqualTo("FAILED");
      assertThat(answer(p, "resolution")).isEqualTo("FAILED");
      assertThat(p.get("greeting").asMap().get("evidenceTurnIds").asList()).isEmpty();

      Map<String, Document> gs = use.input().asMap().get("summary").asMap();
      Map<String, Document> ps =
          poor.output().message().content().get(0).toolUse().input().asMap().get("summary").asMap();
      assertThat(gs.get("toneScore").asNumber().intValue())
          .isGreaterThan(ps.get("toneScore").asNumber().intValue())
          .isBetween(0, 100);
      assertThat(gs.get("issue").asString()).contains("didn't make");
      assertThat(ps.get("issue").asString()).contains("unacceptable");

      // usage reflects the prompt size: a longer transcript costs more input tokens
      assertThat(good.usage().inputTokens()).isGreaterThan(poor.usage().inputTokens());
      assertThat(good.usage().totalTokens())
          .isEqualTo(good.usage().inputTokens() + good.usage().outputTokens());
      assertThat(good.usage().outputTokens()).isGreaterThan(50);
      assertThat(good.metrics().latencyMs()).isNotNull();
      assertThat(bedrock.stats().modelCalls()).isEqualTo(2);
      assertThat(bedrock.stats().inputTokens())
          .isEqualTo((long) good.usage().inputTokens() + poor.usage().inputTokens());
    }
  }

  @Test
  void invokeModelAnswersAnthropicMessagesBodies() throws Exception {
    try (LocalBedrock bedrock = LocalBedrock.start(LocalBedrock.Options.defaults());
        BedrockRuntimeClient client = runtime(bedrock.endpoint())) {
      var body = LocalBedrockBatchTest.anthropicModelInput(GOOD_CALL);
      var r =
          client.invokeModel(
              b ->
                  b.modelId(MODEL)
                      .contentType("application/json")
                      .accept("application/json")
                      .body(software.amazon.awssdk.core.SdkBytes.fromUtf8String(body.toString())));
      var out = LocalBedrock.mapper().readTree(r.body().asUtf8String());
      assertThat(out.path("stop_reason").asText()).isEqualTo("tool_use");
      assertThat(out.path("content").get(0).path("name").asText()).isEqualTo(TOOL);
      assertThat(out.path("content").get(0).path("input").path("criteria"))
          .hasSize(FORM.allCriteria().size());
      assertThat(out.path("usage").path("input_tokens").asInt()).isPositive();
      assertThat(bedrock.recordedPrompts().get(0).api()).isEqualTo("invoke");
    }
  }

  @Test
  void criterionIdsComeFromTheToolSchema() {
    try (LocalBedrock bedrock = LocalBedrock.start(LocalBedrock.Options.defaults());
        BedrockRuntimeClient client = runtime(bedrock.endpoint())) {
      ConverseResponse r =
          client.converse(request(GOOD_CALL, List.of("greeting", "custom-check"), 2000));
      Map<String, Document> m = byCriterion(r.output().message().content().get(0).toolUse());
      assertThat(m.keySet()).containsExactlyInAnyOrder("greeting", "custom-check");
    }
  }
}
