package com.cci.batch.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScorerConfigTest {
  @Test
  void survivesJavaSerialisationAsSparkShipsIt() throws Exception {
    ScorerConfig c =
        ScorerConfig.builder()
            .bedrockRuntimeEndpoint("http://127.0.0.1:4567")
            .s3Endpoint("http://127.0.0.1:9090")
            .batchBucket("b")
            .batchRoleArn("arn:aws:iam::123456789012:role/BedrockBatch")
            .requestsPerMinute(2000)
            .build();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(c);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(in.readObject()).isEqualTo(c);
    }
  }

  @Test
  void readsEndpointsAndRegionFromTheSdkEnvironment() {
    ScorerConfig c =
        ScorerConfig.fromEnv(
            Map.of(
                "AWS_REGION", "eu-west-1",
                "AWS_ENDPOINT_URL", "http://127.0.0.1:1111",
                "AWS_ENDPOINT_URL_BEDROCK_RUNTIME", "http://127.0.0.1:2222"));
    assertThat(c.region()).isEqualTo("eu-west-1");
    assertThat(c.bedrockRuntimeEndpoint()).isEqualTo("http://127.0.0.1:2222");
    assertThat(c.bedrockEndpoint()).isEqualTo("http://127.0.0.1:1111");
    assertThat(c.s3Endpoint()).isEqualTo("http://127.0.0.1:1111");
    ScorerConfig aws = ScorerConfig.fromEnv(Map.of());
    assertThat(aws.bedrockRuntimeEndpoint()).isNull();
    assertThat(aws.effectiveBedrockEndpoint()).isNull();
    assertThat(aws.region()).isEqualTo("us-east-1");
  }

  @Test
  void perInstanceSplitsTheBudget() {
    ScorerConfig c =
        ScorerConfig.builder()
            .requestsPerMinute(2000)
            .tokensPerMinute(4_000_000)
            .maxConcurrency(40)
            .build()
            .perInstance(4);
    assertThat(c.requestsPerMinute()).isEqualTo(500);
    assertThat(c.tokensPerMinute()).isEqualTo(1_000_000);
    assertThat(c.maxConcurrency()).isEqualTo(10);
  }

  @Test
  void rejectsBadSettingsByName() {
    assertThatThrownBy(() -> ScorerConfig.builder().requestsPerMinute(0).build())
        .hasMessageContaining("requestsPerMinute");
    assertThatThrownBy(() -> ScorerConfig.builder().bedrockRuntimeEndpoint("localhost").build())
        .hasMessageContaining("bedrockRuntimeEndpoint");
    assertThatThrownBy(() -> ScorerConfig.builder().tokensPerMinute(100).maxTokens(500).build())
        .hasMessageContaining("maxTokens");
    assertThatThrownBy(() -> ScorerFactory.create("gpt", ScorerConfig.builder().build()))
        .hasMessageContaining("rules");
  }

  @Test
  void factoryBuildsTheRulesScorerWithoutConfig() {
    try (Scorer s = ScorerFactory.create("RULES", null)) {
      assertThat(s.name()).isEqualTo("rules");
      assertThat(s.modelId()).isEqualTo(RulesScorer.MODEL_ID);
    }
  }
}
