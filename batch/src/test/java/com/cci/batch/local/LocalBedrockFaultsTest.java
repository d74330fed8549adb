package com.cci.batch.local;

import static com.cci.batch.local.BedrockTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.retry.RetryUtils;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ModelTimeoutException;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

class LocalBedrockFaultsTest {

  @ParameterizedTest
  @CsvSource({
    "throttle@1, ThrottlingException, 429",
    "500@1, InternalServerException, 500",
    "unavailable@1, ServiceUnavailableException, 503",
    "model-error@1, ModelErrorException, 424",
    "408@1, ModelTimeoutException, 408",
  })
  void errorFaultsMapToTheSdkExceptionClasses(String spec, String exceptionClass, int status) {
    try (LocalBedrock bedrock = LocalBedrock.start(LocalBedrock.Options.defaults().faults(spec));
        BedrockRuntimeClient client = runtime(bedrock.endpoint())) {
      assertThatThrownBy(() -> client.converse(request(GOOD_CALL)))
          .isInstanceOfSatisfying(
              AwsServiceException.class,
              e -> {
                assertThat(e.getClass().getSimpleName()).isEqualTo(exceptionClass);
                assertThat(e.statusCode()).isEqualTo(status);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo(exceptionClass);
                assertThat(e.awsErrorDetails().errorMessage()).isNotBlank();
                assertThat(e.isThrottlingException()).isEqualTo(status == 429);
                assertThat(RetryUtils.isThrottlingException(e)).isEqualTo(status == 429);
                // the SDK's standard retry strategy retries all of these (5xx, 408, 429, 424 is
                // not)
              });
      assertThat(bedrock.stats().faultsInjected()).isEqualTo(1);
    }
  }

  @Test
  void badRequestsAreValidationExceptions() {
    try (LocalBedrock bedrock = LocalBedrock.start(LocalBedrock.Options.defaults());
        BedrockRuntimeClient client = runtime(bedrock.endpoint())) {
      assertThatThrownBy(
              () ->
                  client.converse(
                      request(GOOD_CALL).toBuilder()
                          .toolConfig(
                              request(GOOD_CALL).toolConfig().toBuilder()
                                  .toolChoice(c -> c.tool(t -> t.name("no_such_tool")))
                                  .build())
                          .build()))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("no_such_tool");
      assertThatThrownBy(
              () -> client.converse(request(GOOD_CALL).toBuilder().messages(List.of()).build()))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("messages");
      assertThat(bedrock.stats().modelCalls()).isEqualTo(2);
      assertThat(bedrock.recordedPrompts()).isEmpty();
    }
  }

  @Test
  void hangHoldsPastTheClientTimeoutThenAnswersModelTimeout() {
    try (LocalBedrock bedrock =
            LocalBedrock.start(
                LocalBedrock.Options.defaults().faults("hang#1").hangFor(Duration.ofSeconds(5)));
        BedrockRuntimeClient client = runtime(bedrock.endpoint(), Duration.ofMillis(300))) {
      long t0 = System.nanoTime();
      assertThatThrownBy(() -> client.converse(request(GOOD_CALL)))
          .isInstanceOf(ApiCallAttemptTimeoutException.class);
      assertThat((System.nanoTime() - t0) / 1_000_000).isBetween(250L, 3000L);
      // the next call is not faulted and is answered
      try (BedrockRuntimeClient patient = runtime(bedrock.endpoint())) {
        assertThat(patient.converse(request(GOOD_CALL)).stopReason())
            .isEqualTo(StopReason.TOOL_USE);
      }
    }
    try (LocalBedrock bedrock =
            LocalBedrock.start(
                LocalBedrock.Options.defaults()
                    .faults("timeout#1")
                    .hangFor(Duration.ofMillis(50)));
        BedrockRuntimeClient client = runtime(bedrock.endpoint())) {
      assertThatThrownBy(() -> client.converse(request(GOOD_CALL)))
          .isInstanceOf(ModelTimeoutException.class);
    }
  }

  @Test
  void requestsPerMinuteQuotaThrottlesOnASlidingMinute() {
    AtomicLong now = new AtomicLong(0);
    try (LocalBedrock bedrock =
            LocalBedrock.start(
                LocalBedrock.Options.defaults().requestsPerMinute(3).nanoClock(now::get));
        BedrockRuntimeClient client = runtime(bedrock.endpoint())) {
      for (int i = 0; i < 3; i++) {
        client.converse(request(GOOD_CALL));
        now.addAndGet(10_000_000_000L); // 10 s apart: t=0,10,20
      }
      // t=30 s: 3 in the last minute
      assertThatThrownBy(() -> client.converse(request(GOOD_CALL)))
          .isInstanceOf(ThrottlingException.class)
          .hasMessageContaining("requests per minute");
      now.set(60_000_000_000L); // t=60: the call at t=0 has left the window
      client.converse(request(GOOD_CALL));
      assertThatThrownBy(() -> client.converse(request(GOOD_CALL)))
          .isInstanceOf(ThrottlingException.class);
      // quotas are per model, as Bedrock's
      client.converse(
          request(GOOD_CALL).toBuilder()
              .modelId("anthropic.claude-3-5-haiku-20241022-v1:0")
              .build());
      assertThat(bedrock.stats().throttled()).isEqualTo(2);
      assertThat(bedrock.stats().modelCalls()).isEqualTo(7);
      assertThat(bedrock.stats().faultsInjected()).isZero();
    }
  }

  @Test
  void tokensPerMinuteQuotaReservesInputPlusMaxTokensThenSettles() {
    AtomicLong now = new AtomicLong(0);
    int maxTokens = 2000;
    long tpm = 6000;
    try (LocalBedrock bedrock =
            LocalBedrock.start(
                LocalBedrock.Options.defaults().tokensPerMinute(tpm).nanoClock(now::get));
        BedrockRuntimeClient client = runtime(bedrock.endpoint())) {
      var req = request(GOOD_CALL, List.of("greeting", "empathy"), maxTokens);
      long used = 0;
      int answered = 0;
      while (true) {
        try {
          ConverseResponse r = client.converse(req);
          long reserve = r.usage().inputTokens() + maxTokens;
          assertThat(used + reserve).isLessThanOrEqualTo(tpm);
          used += r.usage().totalTokens();
          answered++;
        } catch (ThrottlingException e) {
          assertThat(e.getMessage()).contains("tokens per minute");
          break;
        }
        assertThat(answered).isLessThan(20);
      }
      // without settling, only 2 calls (2 x (input + 2000)) would fit into 6000
      assertThat(answered).isGreaterThan(2);
      int input = (int) (bedrock.stats().inputTokens() / answered);
      assertThat(used + input + maxTokens).isGreaterThan(tpm);
      // a request asking for fewer max tokens still fits
      client.converse(request(GOOD_CALL, List.of("greeting", "empathy"), 50));
      now.addAndGet(61_000_000_000L);
      client.converse(req);
    }
  }

  @Test
  void faultRatesAreExactAndEvenlySpread() {
    try (LocalBedrock bedrock =
            LocalBedrock.start(
                LocalBedrock.Options.defaults().faults("internal=10%,missing-criterion=0.25"));
        BedrockRuntimeClient client = runtime(bedrock.endpoint())) {
      int internal = 0;
      int missing = 0;
      int complete = 0;
      for (int i = 0; i < 40; i++) {
        try {
          ConverseResponse r = client.converse(request(GOOD_CALL));
          int n =
              r.output()
                  .message()
                  .content()
                  .get(0)
                  .toolUse()
                  .input()
                  .asMap()
                  .get("criteria")
                  .asList()
                  .size();
          if (n == FORM.allCriteria().size() - 1) {
            missing++;
          } else {
            assertThat(n).isEqualTo(FORM.allCriteria().size());
            complete++;
          }
        } catch (AwsServiceException e) {
          assertThat(e.statusCode()).isEqualTo(500);
          internal++;
        }
      }
      assertThat(internal).isEqualTo(4);
      // missing fires on 10 calls, but the first rule wins where both fire (calls 20 and 40)
      assertThat(missing).isEqualTo(8);
      assertThat(complete).isEqualTo(28);
      assertThat(bedrock.stats().faults())
          .containsExactlyInAnyOrderEntriesOf(Map.of("internal", 4L, "missing-criterion", 8L));
    }
  }

  private static ConverseResponse callWithFault(String spec) {
    try (LocalBedrock bedrock = LocalBedrock.start(LocalBedrock.Options.defaults().faults(spec));
        BedrockRuntimeClient client = runtime(bedrock.endpoint())) {
      ConverseResponse r = client.converse(request(GOOD_CALL));
      assertThat(bedrock.stats().faultsInjected()).isEqualTo(1);
      return r;
    }
  }

  private static Document toolInput(ConverseResponse r) {
    return r.output().message().content().get(0).toolUse().input();
  }

  @Test
  void contentFaultsBreakTheAnswerTheWayTheyAreNamed() {
    List<Document> extra = toolInput(callWithFault("extra@1")).asMap().get("criteria").asList();
    assertThat(extra).hasSize(FORM.allCriteria().size() + 1);
    assertThat(extra.get(extra.size() - 1).asMap().get("criterionId").asString())
        .isEqualTo("not-on-the-form");

    Document summary = toolInput(callWithFault("out-of-range@1")).asMap().get("summary");
    assertThat(summary.asMap().get("toneScore").asNumber().intValue()).isEqualTo(150);

    List<String> evidence = new ArrayList<>();
    for (Document c : toolInput(callWithFault("bad-evidence@1")).asMap().get("criteria").asList()) {
      c.asMap().get("evidenceTurnIds").asList().forEach(d -> evidence.add(d.asString()));
    }
    assertThat(evidence).contains("turn-does-not-exist-999");

    Document malformed = toolInput(callWithFault("malformed@1"));
    assertThat(malformed.isString()).isTrue();
    assertThat(malformed.asString()).startsWith("```json").contains("\"criteria\"");

    ConverseResponse truncated = callWithFault("truncated@1");
    assertThat(truncated.stopReason()).isEqualTo(StopReason.MAX_TOKENS);
    String cut = toolInput(truncated).asString();
    assertThat(cut).startsWith("{\"criteria\"");
    assertThat(cut).doesNotEndWith("}");

    ConverseResponse textReply = callWithFault("text@1");
    ContentBlock text = textReply.output().message().content().get(0);
    assertThat(text.toolUse()).isNull();
    assertThat(text.text()).contains("```json").contains("\"criteria\"");
    assertThat(textReply.stopReason()).isEqualTo(StopReason.END_TURN);
  }

  @Test
  void tooSmallMaxTokensTruncatesLikeAModel() {
    try (LocalBedrock bedrock = LocalBedrock.start(LocalBedrock.Options.defaults());
        BedrockRuntimeClient client = runtime(bedrock.endpoint())) {
      var ids = FORM.allCriteria().stream().map(c -> c.id()).toList();
      ConverseResponse r = client.converse(request(GOOD_CALL, ids, 40));
      assertThat(r.stopReason()).isEqualTo(StopReason.MAX_TOKENS);
      assertThat(r.usage().outputTokens()).isLessThanOrEqualTo(40);
    }
  }

  @Test
  void recordsEveryPromptToFileAndMemory(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("prompts/prompts.jsonl");
    try (LocalBedrock bedrock =
            LocalBedrock.start(
                LocalBedrock.Options.defaults().recordPrompts(file).faults("500@2"));
        BedrockRuntimeClient client = runtime(bedrock.endpoint())) {
      client.converse(request(GOOD_CALL));
      assertThatThrownBy(() -> client.converse(request(POOR_CALL)))
          .isInstanceOf(AwsServiceException.class);
      assertThat(bedrock.recordedPrompts()).hasSize(2);
      assertThat(bedrock.recordedPrompts().get(0).prompt())
          .contains("You are a QA evaluator")
          .contains("[t5] AGENT: I've blocked the card");
      assertThat(bedrock.recordedPrompts().get(1).prompt()).contains("[c3] AGENT:");
      assertThat(bedrock.recordedPrompts().get(0).modelId()).isEqualTo(MODEL);
    }
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(2);
    var first = LocalBedrock.mapper().readTree(lines.get(0));
    assertThat(first.path("modelId").asText()).isEqualTo(MODEL);
    assertThat(first.path("api").asText()).isEqualTo("converse");
    assertThat(first.path("prompt").asText())
        .contains("[t1] AGENT: Thank you for calling First Bank");
  }

  @Test
  void latencyIsBasePlusPerOutputTokenAndCallsRunConcurrently() throws Exception {
    try (LocalBedrock bedrock =
            LocalBedrock.start(
                LocalBedrock.Options.defaults()
                    .latency(Duration.ofMillis(150), Duration.ofMillis(1)));
        BedrockRuntimeClient client = runtime(bedrock.endpoint())) {
      client.converse(request(POOR_CALL)); // warm up the connection
      long t0 = System.nanoTime();
      ConverseResponse r = client.converse(request(GOOD_CALL));
      long ms = (System.nanoTime() - t0) / 1_000_000;
      long expected = 150 + r.usage().outputTokens();
      assertThat(ms).isGreaterThanOrEqualTo(expected);
      assertThat(r.metrics().latencyMs()).isGreaterThanOrEqualTo(expected);

      ExecutorService pool = Executors.newFixedThreadPool(16);
      try {
        long t1 = System.nanoTime();
        List<Future<ConverseResponse>> fs = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
          fs.add(pool.submit(() -> client.converse(request(GOOD_CALL))));
        }
        for (Future<ConverseResponse> f : fs) {
          assertThat(f.get().stopReason()).isEqualTo(StopReason.TOOL_USE);
        }
        long all = (System.nanoTime() - t1) / 1_000_000;
        assertThat(all).isLessThan(16 * expected / 2); // served in parallel, not one after another
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
