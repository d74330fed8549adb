package com.cci.batch.scoring;

import com.cci.schemas.Json;
import com.cci.schemas.qa.QaResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.CreateModelInvocationJobResponse;
import software.amazon.awssdk.services.bedrock.model.GetModelInvocationJobResponse;
import software.amazon.awssdk.services.bedrock.model.ModelInvocationJobStatus;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Scores with Bedrock <b>batch inference</b> for the nightly volume: per model, the requests'
 * prompts go as JSON Lines {@code {recordId, modelInput}} to {@code
 * s3://<batchBucket>/<batchPrefix><jobName>/input/records.jsonl}; a {@code
 * CreateModelInvocationJob} is submitted and polled with {@code GetModelInvocationJob}; its {@code
 * *.jsonl.out} files under {@code …/<jobName>/output/} are read and joined back on {@code recordId}
 * (Bedrock does not keep the input order). {@code modelInput} is the model's native request body
 * (Anthropic Messages for Claude: the same system prompt, user message and forced tool as {@link
 * BedrockScorer}); {@code modelOutput} the native response.
 *
 * <p>Every answer goes through the same {@link ResultValidator}. A record that came back invalid is
 * re-asked once on demand (Converse) with the validation errors; a record with an {@code error}, or
 * missing from the output, is asked once on demand; a second failure is quarantined. When a model
 * has fewer requests than {@code minBatchRecords} (Bedrock refuses smaller jobs), or its job fails,
 * stops or times out, those requests are scored on demand by {@link BedrockScorer}.
 *
 * <p>Results scored from the batch job (re-asks included) carry scorer {@code bedrock-batch} and
 * cost at {@value #BATCH_PRICE_FACTOR} of the tenant's on-demand prices (Bedrock's batch price for
 * Anthropic models) for the batch call, plus on-demand prices for a re-ask; on-demand fallbacks
 * carry {@code bedrock} and on-demand prices.
 */
public final class BedrockBatchScorer implements Scorer {
  /** Batch inference price as a share of on-demand. */
  public static final double BATCH_PRICE_FACTOR = 0.5;

  /** Stage of a record the batch job could not score. */
  public static final String STAGE_BATCH = "batch";

  private static final DateTimeFormatter JOB_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final ScorerConfig cfg;
  private final BedrockScorer onDemand;
  private final BedrockClient control;
  private final S3Client s3;
  private final Clock clock;
  private final Sleeper sleeper;

  /** How the poll loop waits (tests pass a no-op). */
  interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  /**
   * A batch scorer with its own clients built from the config.
   *
   * @throws IllegalArgumentException when the config has no batch bucket or role ARN
   */
  public BedrockBatchScorer(ScorerConfig cfg) {
    this(
        requireBatchSettings(cfg),
        new BedrockScorer(cfg),
        BedrockClients.control(cfg),
        BedrockClients.s3(cfg),
        Clock.systemUTC(),
        Thread::sleep);
  }

  BedrockBatchScorer(
      ScorerConfig cfg,
      BedrockScorer onDemand,
      BedrockClient control,
      S3Client s3,
      Clock clock,
      Sleeper sleeper) {
    this.cfg = requireBatchSettings(cfg);
    this.onDemand = onDemand;
    this.control = control;
    this.s3 = s3;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  private static ScorerConfig requireBatchSettings(ScorerConfig cfg) {
    if (cfg.batchBucket() == null || cfg.batchBucket().isBlank()) {
      throw new IllegalArgumentException(
          "the bedrock-batch scorer needs an S3 bucket for its input and output (batchBucket)");
    }
    if (cfg.batchRoleArn() == null || cfg.batchRoleArn().isBlank()) {
      throw new IllegalArgumentException(
          "the bedrock-batch scorer needs the IAM service role Bedrock assumes (batchRoleArn)");
    }
    return cfg;
  }

  @Override
  public String name() {
    return "bedrock-batch";
  }

  @Override
  public String modelId() {
    return cfg.modelId();
  }

  /** One request is below any model's minimum: scored on demand. */
  @Override
  public ScoreOutcome score(ScoreRequest request) {
    return onDemand.score(request);
  }

  @Override
  public List<ScoreOutcome> scoreAll(List<ScoreRequest> requests) {
    Map<String, List<Integer>> byModel = new LinkedHashMap<>();
    for (int i = 0; i < requests.size(); i++) {
      byModel.computeIfAbsent(onDemand.modelFor(requests.get(i)), k -> new ArrayList<>()).add(i);
    }
    ScoreOutcome[] out = new ScoreOutcome[requests.size()];
    for (Map.Entry<String, List<Integer>> e : byModel.entrySet()) {
      List<ScoreRequest> group = new ArrayList<>();
      e.getValue().forEach(i -> group.add(requests.get(i)));
      List<ScoreOutcome> scored =
          group.size() < cfg.minBatchRecords()
              ? onDemand.scoreAll(group)
              : runJob(e.getKey(), group);
      for (int k = 0; k < group.size(); k++) {
        out[e.getValue().get(k)] = scored.get(k);
      }
    }
    return List.of(out);
  }

  /** One batch job for one model; outcomes in the group's order. */
  private List<ScoreOutcome> runJob(String modelId, List<ScoreRequest> group) {
    String jobName =
        "cci-qa-"
            + JOB_TIME.format(clock.instant())
            + "-"
            + UUID.randomUUID().toString().substring(0, 8);
    String base = (cfg.batchPrefix() == null ? "" : cfg.batchPrefix()) + jobName + "/";
    List<QaPrompt.Built> prompts = new ArrayList<>(group.size());
    Map<String, Integer> byRecord = new HashMap<>();
    StringBuilder jsonl = new StringBuilder(group.size() * 8192);
    try {
      for (int i = 0; i < group.size(); i++) {
        ScoreRequest r = group.get(i);
        QaPrompt.Built p = QaPrompt.build(r.form(), r.transcript());
        prompts.add(p);
        String recordId = recordId(i);
        byRecord.put(recordId, i);
        ObjectNode line = Json.mapper().createObjectNode();
        line.put("recordId", recordId);
        line.set("modelInput", modelInput(p, cfg.maxTokens()));
        jsonl.append(line.toString()).append('\n');
      }
    } catch (RuntimeException e) {
      // a request the prompt builder rejects cannot go into the job: score all on demand
      return onDemand.scoreAll(group);
    }
    String jobArn;
    try {
      s3.putObject(
          b -> b.bucket(cfg.batchBucket()).key(base + "input/records.jsonl"),
          RequestBody.fromString(jsonl.toString(), StandardCharsets.UTF_8));
      CreateModelInvocationJobResponse created =
          control.createModelInvocationJob(
              b ->
                  b.jobName(jobName)
                      .roleArn(cfg.batchRoleArn())
                      .modelId(modelId)
                      .inputDataConfig(
                          i ->
                              i.s3InputDataConfig(
                                  s ->
                                      s.s3Uri(
                                              "s3://"
                                                  + cfg.batchBucket()
                                                  + "/"
                                                  + base
                                                  + "input/records.jsonl")
                                          .s3InputFormat("JSONL")))
                      .outputDataConfig(
                          o ->
                              o.s3OutputDataConfig(
                                  s ->
                                      s.s3Uri(
                                          "s3://" + cfg.batchBucket() + "/" + base + "output/"))));
      jobArn = created.jobArn();
    } catch (RuntimeException e) {
      return onDemand.scoreAll(group);
    }
    ModelInvocationJobStatus status = awaitJob(jobArn);
    if (status != ModelInvocationJobStatus.COMPLETED
        && status != ModelInvocationJobStatus.PARTIALLY_COMPLETED) {
      return onDemand.scoreAll(group);
    }
    Map<Integer, JsonNode> lines = readOutput(base + "output/", byRecord);
    ScoreOutcome[] out = new ScoreOutcome[group.size()];
    List<Integer> reask = new ArrayList<>();
    List<String> reaskErrors = new ArrayList<>();
    List<long[]> reaskUsage = new ArrayList<>();
    List<Integer> retry = new ArrayList<>();
    for (int i = 0; i < group.size(); i++) {
      ScoreRequest r = group.get(i);
      JsonNode line = lines.get(i);
      if (line == null || !line.path("modelOutput").isObject()) {
        retry.add(i);
        continue;
      }
      JsonNode mo = line.get("modelOutput");
      long in = mo.path("usage").path("input_tokens").asLong(0);
      long outTok = mo.path("usage").path("output_tokens").asLong(0);
      ResultValidator.Verdict v = verdict(mo, r, prompts.get(i));
      if (v.valid()) {
        try {
          out[i] =
              ScoreOutcome.scored(
                  r.callId(),
                  onDemand.result(
                      r,
                      v.parsed(),
                      QaResult.Scorer.BEDROCK_BATCH,
                      in,
                      outTok,
                      batchCost(r, in, outTok)),
                  1);
        } catch (RuntimeException e) {
          out[i] = ScoreOutcome.quarantined(r.callId(), STAGE_BATCH, BedrockScorer.reason(e), 1);
        }
      } else {
        reask.add(i);
        reaskErrors.add(v.message());
        reaskUsage.add(new long[] {in, outTok});
      }
    }
    // second chances on demand, within the on-demand limits
    List<java.util.concurrent.Callable<ScoreOutcome>> tasks = new ArrayList<>();
    List<Integer> taskIndex = new ArrayList<>();
    for (int k = 0; k < reask.size(); k++) {
      int i = reask.get(k);
      QaPrompt.Built p = prompts.get(i).reask(reaskErrors.get(k));
      long[] u = reaskUsage.get(k);
      tasks.add(
          () ->
              onDemand.run(
                  group.get(i),
                  p,
                  1,
                  u[0],
                  u[1],
                  batchCost(group.get(i), u[0], u[1]),
                  1,
                  QaResult.Scorer.BEDROCK_BATCH));
      taskIndex.add(i);
    }
    for (int i : retry) {
      QaPrompt.Built p = prompts.get(i);
      tasks.add(
          () -> onDemand.run(group.get(i), p, 1, 0, 0, 0.0, 1, QaResult.Scorer.BEDROCK_BATCH));
      taskIndex.add(i);
    }
    List<ScoreOutcome> second =
        onDemand.runAll(tasks, taskIndex.stream().map(i -> group.get(i).callId()).toList());
    for (int k = 0; k < taskIndex.size(); k++) {
      out[taskIndex.get(k)] = second.get(k);
    }
    return List.of(out);
  }

  /** The cost of a batch-scored record: batch price for the batch call (re-asks are on-demand). */
  private static double batchCost(ScoreRequest r, long in, long out) {
    return r.settings().costUsd(in, out) * BATCH_PRICE_FACTOR;
  }

  private ModelInvocationJobStatus awaitJob(String jobArn) {
    long deadline = clock.millis() + cfg.batchTimeoutMillis();
    try {
      while (true) {
        GetModelInvocationJobResponse job =
            control.getModelInvocationJob(b -> b.jobIdentifier(jobArn));
        ModelInvocationJobStatus s = job.status();
        if (s == ModelInvocationJobStatus.COMPLETED
            || s == ModelInvocationJobStatus.PARTIALLY_COMPLETED
            || s == ModelInvocationJobStatus.FAILED
            || s == ModelInvocationJobStatus.STOPPED
            || s == ModelInvocationJobStatus.EXPIRED) {
          return s;
        }
        if (clock.millis() >= deadline) {
          control.stopModelInvocationJob(b -> b.jobIdentifier(jobArn));
          return ModelInvocationJobStatus.EXPIRED;
        }
        sleeper.sleep(cfg.batchPollIntervalMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ModelInvocationJobStatus.STOPPED;
    } catch (RuntimeException e) {
      return ModelInvocationJobStatus.FAILED;
    }
  }

  /** Output lines by request index, from every {@code *.jsonl.out} under the output prefix. */
  private Map<Integer, JsonNode> readOutput(String prefix, Map<String, Integer> byRecord) {
    Map<Integer, JsonNode> out = new HashMap<>();
    List<String> keys = new ArrayList<>();
    s3.listObjectsV2Paginator(b -> b.bucket(cfg.batchBucket()).prefix(prefix))
        .contents()
        .forEach(
            (S3Object o) -> {
              if (o.key().endsWith(".jsonl.out")) {
                keys.add(o.key());
              }
            });
    for (String key : keys) {
      try (BufferedReader in =
          new BufferedReader(
              new InputStreamReader(
                  s3.getObject(b -> b.bucket(cfg.batchBucket()).key(key)),
                  StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode n;
          try {
            n = Json.mapper().readTree(line);
          } catch (IOException badLine) {
            continue; // an unreadable line: its record is asked again on demand
          }
          Integer idx = byRecord.get(n.path("recordId").asText(""));
          if (idx != null) {
            out.putIfAbsent(idx, n);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read batch output " + key, e);
      }
    }
    return out;
  }

  /** The validation verdict on an Anthropic Messages response. */
  static ResultValidator.Verdict verdict(JsonNode mo, ScoreRequest r, QaPrompt.Built prompt) {
    StringBuilder text = new StringBuilder();
    for (JsonNode block : mo.path("content")) {
      String type = block.path("type").asText();
      if (type.equals("tool_use") && QaPrompt.TOOL_NAME.equals(block.path("name").asText())) {
        JsonNode input = block.get("input");
        ResultValidator.Verdict v =
            input != null && input.isTextual()
                ? ResultValidator.validateText(input.asText(), r.form(), prompt)
                : ResultValidator.validate(input, r.form(), prompt);
        if (!v.valid() && "max_tokens".equals(mo.path("stop_reason").asText())) {
          return new ResultValidator.Verdict(
              null, List.of("the answer was cut off at maxTokens; answer more briefly"));
        }
        return v;
      }
      if (type.equals("text")) {
        text.append(block.path("text").asText());
      }
    }
    if (text.length() == 0) {
      return new ResultValidator.Verdict(
          null, List.of("no " + QaPrompt.TOOL_NAME + " tool call and no text in the answer"));
    }
    return ResultValidator.validateText(text.toString(), r.form(), prompt);
  }

  /**
   * The Anthropic Messages body for a prompt (what InvokeModel and batch inference take for
   * Claude): system prompt, one user message, the forced tool, temperature 0.
   */
  static ObjectNode modelInput(QaPrompt.Built p, int maxTokens) {
    ObjectNode in = Json.mapper().createObjectNode();
    in.put("anthropic_version", "bedrock-2023-05-31");
    in.put("max_tokens", maxTokens);
    in.put("temperature", 0);
    in.put("system", p.system());
    ObjectNode msg = in.putArray("messages").addObject();
    msg.put("role", "user");
    msg.putArray("content").addObject().put("type", "text").put("text", p.user());
    ObjectNode tool = in.putArray("tools").addObject();
    tool.put("name", QaPrompt.TOOL_NAME);
    tool.put("description", QaPrompt.TOOL_DESCRIPTION);
    tool.set("input_schema", p.toolSchema());
    in.putObject("tool_choice").put("type", "tool").put("name", QaPrompt.TOOL_NAME);
    return in;
  }

  /** Record ids: {@code CALL} + 7 digits, the 11-character shape of AWS's examples. */
  static String recordId(int i) {
    return String.format("CALL%07d", i + 1);
  }

  @Override
  public void close() {
    onDemand.close();
    control.close();
    s3.close();
  }
}
