package com.cci.batch.scoring;

import com.cci.schemas.qa.QaResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SpecificToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ToolInputSchema;
import software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;

/**
 * Scores with Bedrock Runtime <b>Converse</b>: one call per transcript covering the whole form, the
 * {@value QaPrompt#TOOL_NAME} tool forced through {@code toolChoice}, temperature 0.
 *
 * <p>Per request: wait for the {@link RateLimiter} (one request, input estimate + {@code maxTokens}
 * tokens), call (the SDK retries throttling, 5xx and timeouts with backoff and jitter, see {@link
 * BedrockClients}), settle the token reservation to the usage reported, validate ({@link
 * ResultValidator}: tool input, or JSON sent as text, repaired where safe). An invalid answer is
 * re-asked once with the validation errors appended; a second invalid answer is quarantined at
 * stage {@code validation}. A call that still fails after the SDK's retries is quarantined at stage
 * {@code model-call}; a response the SDK cannot read counts as a broken answer (re-asked once).
 * Usage and cost (from {@code usage} and the tenant's prices) cover every call made for the
 * request. Nothing is thrown for a bad transcript or a bad answer.
 *
 * <p>The limiter is taken once per model call; the SDK's own retries within that call (throttling,
 * 5xx) are spaced by its backoff and do not take from it again.
 *
 * <p>{@link #scoreAll} runs up to {@code maxConcurrency} requests at once on a fixed pool owned by
 * this scorer (one scorer per Spark executor: the concurrency and the limits are per executor).
 */
public final class BedrockScorer implements Scorer {
  /** Stage of a failure to get any answer from the model. */
  public static final String STAGE_MODEL_CALL = "model-call";

  /** Stage of an answer that failed validation twice. */
  public static final String STAGE_VALIDATION = "validation";

  /** Stage of an unexpected error while scoring. */
  public static final String STAGE_SCORING = "scoring";

  private static final int MAX_REASON = 500;

  private final ScorerConfig cfg;
  private final BedrockRuntimeClient client;
  private final boolean ownsClient;
  private final RateLimiter limiter;
  private final Clock clock;
  private final QaResult.Scorer scorerKind;
  private final AtomicInteger threadIds = new AtomicInteger();
  private ExecutorService pool;
  private final java.util.Map<com.cci.schemas.qa.QaForm, Tool> tools =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** A scorer with its own SDK client and limiter built from the config. */
  public BedrockScorer(ScorerConfig cfg) {
    this(
        cfg,
        BedrockClients.runtime(cfg),
        true,
        new RateLimiter(cfg.requestsPerMinute(), cfg.tokensPerMinute(), RateLimiter.Ticker.SYSTEM),
        Clock.systemUTC(),
        QaResult.Scorer.BEDROCK);
  }

  /**
   * A scorer on a given client and limiter (tests, and the batch scorer's on-demand path).
   *
   * @param ownsClient close the client with this scorer
   * @param scorerKind recorded in results ({@code BEDROCK}, or {@code BEDROCK_BATCH} for re-asks
   *     and fallbacks of the batch scorer)
   */
  BedrockScorer(
      ScorerConfig cfg,
      BedrockRuntimeClient client,
      boolean ownsClient,
      RateLimiter limiter,
      Clock clock,
      QaResult.Scorer scorerKind) {
    this.cfg = cfg;
    this.client = client;
    this.ownsClient = ownsClient;
    this.limiter = limiter;
    this.clock = clock;
    this.scorerKind = scorerKind;
  }

  @Override
  public String name() {
    return "bedrock";
  }

  @Override
  public String modelId() {
    return cfg.modelId();
  }

  /** The model a request is scored with: the tenant's, else the config's. */
  String modelFor(ScoreRequest req) {
    String m = req.settings().modelId();
    return m == null || m.isBlank() ? cfg.modelId() : m;
  }

  @Override
  public ScoreOutcome score(ScoreRequest req) {
    try {
      return run(req, QaPrompt.build(req.form(), req.transcript()), 2, 0, 0, 0.0, 0, scorerKind);
    } catch (RuntimeException e) {
      return ScoreOutcome.quarantined(req.callId(), STAGE_SCORING, reason(e), 0);
    }
  }

  /**
   * Calls the model up to {@code calls} times for one request: the first call with {@code prompt},
   * each further call re-asking with the previous validation errors. Usage and attempts start from
   * the given counts (calls already made elsewhere, e.g. in a batch job).
   *
   * @param kind recorded as the result's scorer
   */
  ScoreOutcome run(
      ScoreRequest req,
      QaPrompt.Built prompt,
      int calls,
      long priorIn,
      long priorOut,
      double priorCostUsd,
      int priorAttempts,
      QaResult.Scorer kind) {
    int attempts = priorAttempts;
    long in = priorIn;
    long out = priorOut;
    try {
      String lastError = null;
      for (int call = 1; call <= calls; call++) {
        long reserved = (long) prompt.inputTokenEstimate() + cfg.maxTokens();
        limiter.acquire(reserved);
        ConverseResponse resp;
        BedrockClients.AttemptCounter.takeCount();
        try {
          resp = client.converse(request(req, prompt));
        } catch (SdkClientException e) {
          attempts += Math.max(1, BedrockClients.AttemptCounter.takeCount());
          limiter.refund(reserved);
          if (isUnreadableResponse(e) && call < calls) {
            lastError = "the model's response could not be read";
            prompt = prompt.reask(lastError);
            continue;
          }
          return ScoreOutcome.quarantined(req.callId(), STAGE_MODEL_CALL, reason(e), attempts);
        } catch (SdkException e) {
          attempts += Math.max(1, BedrockClients.AttemptCounter.takeCount());
          limiter.refund(reserved);
          return ScoreOutcome.quarantined(req.callId(), STAGE_MODEL_CALL, reason(e), attempts);
        }
        attempts += Math.max(1, BedrockClients.AttemptCounter.takeCount());
        long callIn = resp.usage() == null ? 0 : nz(resp.usage().inputTokens());
        long callOut = resp.usage() == null ? 0 : nz(resp.usage().outputTokens());
        in += callIn;
        out += callOut;
        limiter.refund(reserved - (callIn + callOut));
        ResultValidator.Verdict v = verdict(resp, req, prompt);
        if (v.valid()) {
          return ScoreOutcome.scored(
              req.callId(),
              result(
                  req,
                  v.parsed(),
                  kind,
                  in,
                  out,
                  priorCostUsd + req.settings().costUsd(in - priorIn, out - priorOut)),
              attempts);
        }
        lastError = v.message();
        prompt = prompt.reask(lastError);
      }
      return ScoreOutcome.quarantined(
          req.callId(),
          STAGE_VALIDATION,
          truncate(
              (calls > 1 || priorAttempts > 0
                      ? "invalid answer after re-ask: "
                      : "invalid answer: ")
                  + lastError),
          attempts);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ScoreOutcome.quarantined(req.callId(), STAGE_MODEL_CALL, "interrupted", attempts);
    } catch (RuntimeException e) {
      return ScoreOutcome.quarantined(req.callId(), STAGE_SCORING, reason(e), attempts);
    }
  }

  /** The scored result of a valid answer. */
  QaResult result(
      ScoreRequest req,
      ResultValidator.Parsed parsed,
      QaResult.Scorer kind,
      long in,
      long out,
      double costUsd) {
    return QaScoring.result(
        req,
        parsed.answers(),
        parsed.summary(),
        kind,
        modelFor(req),
        new QaResult.Usage(in, out, costUsd),
        clock.instant());
  }

  /** The validation verdict on a Converse response: the forced tool's input, else its text. */
  static ResultValidator.Verdict verdict(
      ConverseResponse resp, ScoreRequest req, QaPrompt.Built prompt) {
    List<ContentBlock> content =
        resp.output() == null || resp.output().message() == null
            ? List.of()
            : resp.output().message().content();
    StringBuilder text = new StringBuilder();
    for (ContentBlock b : content) {
      ToolUseBlock tu = b.toolUse();
      if (tu != null && QaPrompt.TOOL_NAME.equals(tu.name())) {
        // a tool input sent as a string (JSON as text, fenced, …) goes through the text repair
        ResultValidator.Verdict v =
            tu.input() != null && tu.input().isString()
                ? ResultValidator.validateText(tu.input().asString(), req.form(), prompt)
                : ResultValidator.validate(Documents.toJson(tu.input()), req.form(), prompt);
        if (!v.valid() && resp.stopReason() == StopReason.MAX_TOKENS) {
          return new ResultValidator.Verdict(
              null, List.of("the answer was cut off at maxTokens; answer more briefly"));
        }
        return v;
      }
      if (b.text() != null) {
        text.append(b.text());
      }
    }
    if (text.length() == 0) {
      return new ResultValidator.Verdict(
          null, List.of("no " + QaPrompt.TOOL_NAME + " tool call and no text in the answer"));
    }
    return ResultValidator.validateText(text.toString(), req.form(), prompt);
  }

  private ConverseRequest request(ScoreRequest req, QaPrompt.Built prompt) {
    Tool tool =
        tools.computeIfAbsent(
            req.form(),
            f ->
                Tool.fromToolSpec(
                    ToolSpecification.builder()
                        .name(QaPrompt.TOOL_NAME)
                        .description(QaPrompt.TOOL_DESCRIPTION)
                        .inputSchema(
                            ToolInputSchema.fromJson(Documents.toDocument(prompt.toolSchema())))
                        .build()));
    return ConverseRequest.builder()
        .modelId(modelFor(req))
        .system(SystemContentBlock.fromText(prompt.system()))
        .messages(
            Message.builder()
                .role(ConversationRole.USER)
                .content(ContentBlock.fromText(prompt.user()))
                .build())
        .toolConfig(
            ToolConfiguration.builder()
                .tools(tool)
                .toolChoice(
                    ToolChoice.fromTool(
                        SpecificToolChoice.builder().name(QaPrompt.TOOL_NAME).build()))
                .build())
        .inferenceConfig(
            InferenceConfiguration.builder().maxTokens(cfg.maxTokens()).temperature(0f).build())
        .build();
  }

  @Override
  public List<ScoreOutcome> scoreAll(List<ScoreRequest> requests) {
    if (requests.size() <= 1) {
      return Scorer.super.scoreAll(requests);
    }
    List<Callable<ScoreOutcome>> tasks = new ArrayList<>(requests.size());
    for (ScoreRequest r : requests) {
      tasks.add(() -> score(r));
    }
    return runAll(tasks, requests.stream().map(ScoreRequest::callId).toList());
  }

  /**
   * Runs scoring tasks on this scorer's pool ({@code maxConcurrency} at once); one outcome per
   * task, in order; a task that throws becomes a quarantined outcome for its call id.
   */
  List<ScoreOutcome> runAll(List<Callable<ScoreOutcome>> tasks, List<String> callIds) {
    if (tasks.isEmpty()) {
      return List.of();
    }
    ExecutorService p = pool();
    List<Future<ScoreOutcome>> futures = new ArrayList<>(tasks.size());
    for (Callable<ScoreOutcome> t : tasks) {
      futures.add(p.submit(t));
    }
    List<ScoreOutcome> out = new ArrayList<>(tasks.size());
    for (int i = 0; i < futures.size(); i++) {
      String callId = callIds.get(i);
      try {
        out.add(futures.get(i).get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        out.add(ScoreOutcome.quarantined(callId, STAGE_MODEL_CALL, "interrupted", 0));
      } catch (ExecutionException e) {
        out.add(ScoreOutcome.quarantined(callId, STAGE_SCORING, reason(e.getCause()), 0));
      }
    }
    return out;
  }

  private synchronized ExecutorService pool() {
    if (pool == null) {
      pool =
          Executors.newFixedThreadPool(
              cfg.maxConcurrency(),
              r -> {
                Thread t = new Thread(r, "bedrock-scorer-" + threadIds.incrementAndGet());
                t.setDaemon(true);
                return t;
              });
    }
    return pool;
  }

  @Override
  public synchronized void close() {
    if (pool != null) {
      pool.shutdownNow();
      pool = null;
    }
    if (ownsClient) {
      client.close();
    }
  }

  private static boolean isUnreadableResponse(SdkClientException e) {
    String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
    return m.contains("unmarshall") || m.contains("parse") || m.contains("json");
  }

  /** Exception class and message, one line, bounded; SDK messages carry no transcript text. */
  static String reason(Throwable e) {
    String m = e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage());
    return truncate(QaPrompt.oneLine(m));
  }

  static String truncate(String s) {
    return s.length() <= MAX_REASON ? s : s.substring(0, MAX_REASON - 1) + "…";
  }

  private static long nz(Integer v) {
    return v == null ? 0 : v;
  }
}
