package com.cci.batch.local;

import static com.cci.batch.local.BedrockTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cci.local.LocalStackExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.CreateModelInvocationJobRequest;
import software.amazon.awssdk.services.bedrock.model.GetModelInvocationJobResponse;
import software.amazon.awssdk.services.bedrock.model.ModelInvocationJobInputDataConfig;
import software.amazon.awssdk.services.bedrock.model.ModelInvocationJobOutputDataConfig;
import software.amazon.awssdk.services.bedrock.model.ModelInvocationJobS3InputDataConfig;
import software.amazon.awssdk.services.bedrock.model.ModelInvocationJobS3OutputDataConfig;
import software.amazon.awssdk.services.bedrock.model.ModelInvocationJobStatus;
import software.amazon.awssdk.services.bedrock.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrock.model.ValidationException;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.s3.S3Client;

class LocalBedrockBatchTest {
  static final String BUCKET = "batch";

  @RegisterExtension
  static LocalStackExtension stack = LocalStackExtension.s3Only(BUCKET).ignoreEnvironment();

  static final ObjectMapper M = LocalBedrock.mapper();

  static BedrockClient control(URI endpoint) {
    return BedrockClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
  }

  /** The Converse request as JSON, the shape batch records carry in modelInput. */
  static ObjectNode converseModelInput(String transcript) {
    ConverseRequest r = request(transcript);
    ObjectNode in = M.createObjectNode();
    ObjectNode msg = in.putArray("messages").addObject();
    msg.put("role", "user");
    msg.putArray("content").addObject().put("text", r.messages().get(0).content().get(0).text());
    in.putArray("system").addObject().put("text", r.system().get(0).text());
    in.putObject("inferenceConfig").put("maxTokens", 2000).put("temperature", 0);
    ObjectNode toolSpec =
        in.putObject("toolConfig").putArray("tools").addObject().putObject("toolSpec");
    toolSpec.put("name", TOOL);
    toolSpec.put("description", "Record the evaluation");
    toolSpec
        .putObject("inputSchema")
        .set("json", documentToJson(r.toolConfig().tools().get(0).toolSpec().inputSchema().json()));
    in.with("toolConfig").putObject("toolChoice").putObject("tool").put("name", TOOL);
    return in;
  }

  static ObjectNode anthropicModelInput(String transcript) {
    ConverseRequest r = request(transcript);
    ObjectNode in = M.createObjectNode();
    in.put("anthropic_version", "bedrock-2023-05-31");
    in.put("max_tokens", 2000);
    in.put("system", r.system().get(0).text());
    ObjectNode msg = in.putArray("messages").addObject();
    msg.put("role", "user");
    msg.putArray("content")
        .addObject()
        .put("type", "text")
        .put("text", r.messages().get(0).content().get(0).text());
    ObjectNode tool = in.putArray("tools").addObject();
    tool.put("name", TOOL);
    tool.put("description", "Record the evaluation");
    tool.set(
        "input_schema",
        documentToJson(r.toolConfig().tools().get(0).toolSpec().inputSchema().json()));
    in.putObject("tool_choice").put("type", "tool").put("name", TOOL);
    return in;
  }

  static JsonNode documentToJson(software.amazon.awssdk.core.document.Document d) {
    try {
      return M.readTree(d.toString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static void putRecords(S3Client s3, String key, List<JsonNode> records) {
    StringBuilder sb = new StringBuilder();
    for (JsonNode r : records) {
      sb.append(r.toString()).append('\n');
    }
    s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString(sb.toString()));
  }

  static CreateModelInvocationJobRequest job(String name, String in, String out) {
    return CreateModelInvocationJobRequest.builder()
        .jobName(name)
        .roleArn("arn:aws:iam::000000000000:role/cci-bedrock-batch")
        .modelId(MODEL)
        .inputDataConfig(
            ModelInvocationJobInputDataConfig.fromS3InputDataConfig(
                ModelInvocationJobS3InputDataConfig.builder()
                    .s3InputFormat("JSONL")
                    .s3Uri(in)
                    .build()))
        .outputDataConfig(
            ModelInvocationJobOutputDataConfig.fromS3OutputDataConfig(
                ModelInvocationJobS3OutputDataConfig.builder().s3Uri(out).build()))
        .build();
  }

  static GetModelInvocationJobResponse await(
      BedrockClient c, String arn, ModelInvocationJobStatus want) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    GetModelInvocationJobResponse r;
    do {
      r = c.getModelInvocationJob(b -> b.jobIdentifier(arn));
      if (r.status() == want) {
        return r;
      }
      Thread.sleep(50);
    } while (System.nanoTime() < deadline);
    throw new AssertionError(
        "job " + arn + " is " + r.status() + " (" + r.message() + "), expected " + want);
  }

  static List<JsonNode> readLines(S3Client s3, String key) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String line :
        s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asUtf8String().split("\n")) {
      if (!line.isBlank()) {
        out.add(M.readTree(line));
      }
    }
    return out;
  }

  @Test
  void batchJobAnswersEveryRecordInShuffledOrderWithAManifest() throws Exception {
    try (S3Client s3 = stack.clients().s3();
        LocalBedrock bedrock =
            LocalBedrock.start(
                LocalBedrock.Options.defaults().s3Endpoint(stack.stack().s3Endpoint()));
        BedrockClient control = control(bedrock.endpoint())) {
      List<JsonNode> records = new ArrayList<>();
      for (int i = 0; i < 120; i++) {
        ObjectNode r = M.createObjectNode();
        r.put("recordId", String.format("CALL%04d", i));
        if (i == 7) {
          r.put("modelInput", "not an object");
        } else {
          r.set("modelInput", converseModelInput(i % 2 == 0 ? GOOD_CALL : POOR_CALL));
        }
        records.add(r);
      }
      putRecords(s3, "jobs/in/2026-11-20/records.jsonl", records);

      String arn =
          control
              .createModelInvocationJob(
                  job("qa-2026-11-20", "s3://batch/jobs/in/2026-11-20/", "s3://batch/jobs/out/"))
              .jobArn();
      assertThat(arn).startsWith("arn:aws:bedrock:us-east-1:000000000000:model-invocation-job/");
      GetModelInvocationJobResponse done = await(control, arn, ModelInvocationJobStatus.COMPLETED);
      assertThat(done.jobName()).isEqualTo("qa-2026-11-20");
      assertThat(done.modelId()).isEqualTo(MODEL);
      assertThat(done.submitTime()).isNotNull();
      assertThat(done.endTime()).isAfterOrEqualTo(done.submitTime());
      assertThat(done.outputDataConfig().s3OutputDataConfig().s3Uri())
          .isEqualTo("s3://batch/jobs/out/");

      String jobId = arn.substring(arn.lastIndexOf('/') + 1);
      List<JsonNode> out = readLines(s3, "jobs/out/" + jobId + "/records.jsonl.out");
      assertThat(out).hasSize(120);
      List<String> ids = out.stream().map(o -> o.path("recordId").asText()).toList();
      List<String> inIds = records.stream().map(o -> o.path("recordId").asText()).toList();
      assertThat(ids).containsExactlyInAnyOrderElementsOf(inIds).isNotEqualTo(inIds);

      Map<String, JsonNode> byId = new HashMap<>();
      out.forEach(o -> byId.put(o.path("recordId").asText(), o));
      JsonNode bad = byId.get("CALL0007");
      assertThat(bad.has("modelOutput")).isFalse();
      assertThat(bad.path("error").path("errorCode").asInt()).isEqualTo(400);
      assertThat(bad.path("error").path("errorMessage").asText()).contains("modelInput");

      JsonNode good = byId.get("CALL0000").path("modelOutput");
      JsonNode poor = byId.get("CALL0001").path("modelOutput");
      assertThat(byId.get("CALL0000").path("modelInput"))
          .isEqualTo(records.get(0).path("modelInput"));
      assertThat(good.path("stopReason").asText()).isEqualTo("tool_use");
      JsonNode goodUse = good.path("output").path("message").path("content").get(0).path("toolUse");
      JsonNode poorUse = poor.path("output").path("message").path("content").get(0).path("toolUse");
      assertThat(goodUse.path("name").asText()).isEqualTo(TOOL);
      assertThat(goodUse.path("input").path("criteria").get(0).path("answer").asText())
          .isEqualTo("PASSED");
      assertThat(poorUse.path("input").path("criteria").get(0).path("answer").asText())
          .isEqualTo("FAILED");
      assertThat(good.path("usage").path("inputTokens").asInt())
          .isGreaterThan(poor.path("usage").path("inputTokens").asInt());

      JsonNode manifest =
          M.readTree(
              s3.getObjectAsBytes(
                      b -> b.bucket(BUCKET).key("jobs/out/" + jobId + "/manifest.json.out"))
                  .asUtf8String());
      assertThat(manifest.path("totalRecordCount").asInt()).isEqualTo(120);
      assertThat(manifest.path("processedRecordCount").asInt()).isEqualTo(120);
      assertThat(manifest.path("successRecordCount").asInt()).isEqualTo(119);
      assertThat(manifest.path("errorRecordCount").asInt()).isEqualTo(1);
      assertThat(manifest.path("inputTokenCount").asLong())
          .isEqualTo(bedrock.stats().inputTokens());
      assertThat(bedrock.stats().batchRecords()).isEqualTo(120);
      assertThat(bedrock.recordedPrompts()).hasSize(119).allMatch(p -> p.api().equals("batch"));

      var listed =
          control.listModelInvocationJobs(b -> b.statusEquals(ModelInvocationJobStatus.COMPLETED));
      assertThat(listed.invocationJobSummaries()).extracting(s -> s.jobArn()).contains(arn);
    }
  }

  @Test
  void anthropicShapedRecordsGetAnthropicShapedOutputAndFaultsBecomeRecordErrors()
      throws Exception {
    try (S3Client s3 = stack.clients().s3();
        LocalBedrock bedrock =
            LocalBedrock.start(
                LocalBedrock.Options.defaults()
                    .s3Endpoint(stack.stack().s3Endpoint())
                    .minBatchRecords(5)
                    .faults("500#2,missing#3"));
        BedrockClient control = control(bedrock.endpoint())) {
      List<JsonNode> records = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        ObjectNode r = M.createObjectNode();
        r.put("recordId", "R" + i);
        r.set("modelInput", anthropicModelInput(GOOD_CALL));
        records.add(r);
      }
      putRecords(s3, "anthropic/in/part-0.jsonl", records);
      String arn =
          control
              .createModelInvocationJob(
                  job(
                      "qa-anthropic",
                      "s3://batch/anthropic/in/part-0.jsonl",
                      "s3://batch/anthropic/out"))
              .jobArn();
      await(control, arn, ModelInvocationJobStatus.COMPLETED);
      String jobId = arn.substring(arn.lastIndexOf('/') + 1);
      Map<String, JsonNode> byId = new HashMap<>();
      readLines(s3, "anthropic/out/" + jobId + "/part-0.jsonl.out")
          .forEach(o -> byId.put(o.path("recordId").asText(), o));
      assertThat(byId).hasSize(5);
      assertThat(byId.get("R1").path("error").path("errorCode").asInt()).isEqualTo(500);
      JsonNode ok = byId.get("R0").path("modelOutput");
      assertThat(ok.path("type").asText()).isEqualTo("message");
      assertThat(ok.path("stop_reason").asText()).isEqualTo("tool_use");
      assertThat(ok.path("content").get(0).path("type").asText()).isEqualTo("tool_use");
      assertThat(ok.path("content").get(0).path("input").path("criteria"))
          .hasSize(FORM.allCriteria().size());
      assertThat(ok.path("usage").path("input_tokens").asInt()).isPositive();
      assertThat(
              byId.get("R2")
                  .path("modelOutput")
                  .path("content")
                  .get(0)
                  .path("input")
                  .path("criteria"))
          .hasSize(FORM.allCriteria().size() - 1);
    }
  }

  @Test
  void tooFewRecordsIsAValidationExceptionAndUnknownJobsAreNotFound() {
    try (S3Client s3 = stack.clients().s3();
        LocalBedrock bedrock =
            LocalBedrock.start(
                LocalBedrock.Options.defaults().s3Endpoint(stack.stack().s3Endpoint()));
        BedrockClient control = control(bedrock.endpoint())) {
      List<JsonNode> records = new ArrayList<>();
      for (int i = 0; i < 99; i++) {
        ObjectNode r = M.createObjectNode();
        r.put("recordId", "S" + i);
        r.set("modelInput", converseModelInput(POOR_CALL));
        records.add(r);
      }
      putRecords(s3, "small/in/records.jsonl", records);
      assertThatThrownBy(
              () ->
                  control.createModelInvocationJob(
                      job("qa-small", "s3://batch/small/in/", "s3://batch/small/out/")))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("99 records")
          .hasMessageContaining("at least 100");
      assertThatThrownBy(
              () ->
                  control.createModelInvocationJob(
                      job("qa-missing", "s3://batch/nothing-here/", "s3://batch/small/out/")))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("No .jsonl input");
      assertThatThrownBy(
              () ->
                  control.getModelInvocationJob(
                      b ->
                          b.jobIdentifier(
                              "arn:aws:bedrock:us-east-1:000000000000:model-invocation-job/nope")))
          .isInstanceOf(ResourceNotFoundException.class);
      assertThat(bedrock.stats().batchJobs()).isZero();
    }
  }

  @Test
  void aJobCanBeStoppedBeforeItRuns() throws Exception {
    try (S3Client s3 = stack.clients().s3();
        LocalBedrock bedrock =
            LocalBedrock.start(
                LocalBedrock.Options.defaults()
                    .s3Endpoint(stack.stack().s3Endpoint())
                    .minBatchRecords(1)
                    .batchJobHold(Duration.ofMillis(500)));
        BedrockClient control = control(bedrock.endpoint())) {
      ObjectNode r = M.createObjectNode();
      r.put("recordId", "X1");
      r.set("modelInput", converseModelInput(GOOD_CALL));
      putRecords(s3, "stop/in/records.jsonl", List.of(r));
      String arn =
          control
              .createModelInvocationJob(
                  job("qa-stop", "s3://batch/stop/in/records.jsonl", "s3://batch/stop/out/"))
              .jobArn();
      assertThat(control.getModelInvocationJob(b -> b.jobIdentifier(arn)).status())
          .isEqualTo(ModelInvocationJobStatus.SUBMITTED);
      control.stopModelInvocationJob(b -> b.jobIdentifier(arn));
      assertThat(control.getModelInvocationJob(b -> b.jobIdentifier(arn)).status())
          .isEqualTo(ModelInvocationJobStatus.STOPPING);
      await(control, arn, ModelInvocationJobStatus.STOPPED);
      assertThat(bedrock.stats().batchRecords()).isZero();
      assertThatThrownBy(() -> control.stopModelInvocationJob(b -> b.jobIdentifier(arn)))
          .isInstanceOf(ValidationException.class);
    }
  }
}
