package com.cci.batch.local;

import com.cci.schemas.qa.QaForm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A local stand-in for Amazon Bedrock: an HTTP server on 127.0.0.1 that speaks the Bedrock Runtime
 * wire protocol for Converse ({@code POST /model/{modelId}/converse}, restJson1; also InvokeModel
 * with the Anthropic Messages body, {@code POST /model/{modelId}/invoke}) and the control plane
 * calls batch inference needs ({@code CreateModelInvocationJob}, {@code GetModelInvocationJob},
 * {@code ListModelInvocationJobs}, {@code StopModelInvocationJob}), so the real SDK v2 {@code
 * BedrockRuntimeClient} and {@code BedrockClient} run against it through {@code endpointOverride}.
 *
 * <p>Answers are derived from the request: the forced tool's input schema gives the answer's shape
 * and the criterion ids, the transcript in the prompt gives the answers (from the simulator's
 * behaviour markers, else the known forms' evidence hints), evidence turn ids and summary. Quotas
 * (requests and tokens per minute), latency and injected faults ({@link FaultSpec}) are
 * configurable; every prompt can be recorded.
 *
 * <pre>{@code
 * try (LocalBedrock bedrock = LocalBedrock.start(LocalBedrock.Options.defaults().requestsPerMinute(2000))) {
 *   BedrockRuntimeClient c = BedrockRuntimeClient.builder().endpointOverride(bedrock.endpoint())...;
 * }
 * }</pre>
 */
public final class LocalBedrock implements AutoCloseable {
  static final String ACCOUNT = "000000000000";

  static {
    LocalHttp.configure();
  }

  /** Options of a {@link LocalBedrock}; fluent setters, start from {@link #defaults()}. */
  public static final class Options {
    int port;
    Duration baseLatency = Duration.ZERO;
    Duration latencyPerOutputToken = Duration.ZERO;
    int requestsPerMinute;
    long tokensPerMinute;
    FaultSpec faults = FaultSpec.none();
    Duration hangFor = Duration.ofSeconds(90);
    Path recordPrompts;
    boolean keepPromptsInMemory = true;
    LongSupplier nanoClock = System::nanoTime;
    URI s3Endpoint;
    int minBatchRecords = 100;
    Duration batchJobHold = Duration.ZERO;
    int threads = 64;
    String region = "us-east-1";
    List<QaForm> forms = new ArrayList<>();

    private Options() {}

    /** No quotas, no latency, no faults, a free port, the demo tenant's default form known. */
    public static Options defaults() {
      Options o = new Options();
      o.forms.add(QaForm.fromClasspath(QaForm.DEMO_DEFAULT_RESOURCE));
      return o;
    }

    /** Port to listen on (127.0.0.1); 0 = a free port. */
    public Options port(int p) {
      this.port = p;
      return this;
    }

    /** Latency of every model call: {@code base + perOutputToken * outputTokens}. */
    public Options latency(Duration base, Duration perOutputToken) {
      this.baseLatency = Objects.requireNonNull(base);
      this.latencyPerOutputToken = Objects.requireNonNull(perOutputToken);
      return this;
    }

    /** Requests-per-minute quota per model id, as Bedrock's (sliding minute); 0 = unlimited. */
    public Options requestsPerMinute(int rpm) {
      this.requestsPerMinute = requireNonNegative(rpm, "requestsPerMinute");
      return this;
    }

    /**
     * Tokens-per-minute quota per model id (input + maxTokens reserved at start); 0 = unlimited.
     */
    public Options tokensPerMinute(long tpm) {
      this.tokensPerMinute = requireNonNegative(tpm, "tokensPerMinute");
      return this;
    }

    /** Faults to inject into model calls. */
    public Options faults(FaultSpec spec) {
      this.faults = Objects.requireNonNull(spec);
      return this;
    }

    /** Faults to inject, as a spec string ({@link FaultSpec}). */
    public Options faults(String spec) {
      return faults(FaultSpec.parse(spec));
    }

    /** How long a {@code hang} fault holds the request (should exceed the client's timeout). */
    public Options hangFor(Duration d) {
      this.hangFor = Objects.requireNonNull(d);
      return this;
    }

    /**
     * Appends one JSON line per model call received, throttled and faulted ones included ({@code
     * modelId}, {@code api}, {@code prompt}); the file is truncated at start.
     */
    public Options recordPrompts(Path file) {
      this.recordPrompts = file;
      return this;
    }

    /** Keep recorded prompts in memory for {@link #recordedPrompts()} (default true). */
    public Options keepPromptsInMemory(boolean keep) {
      this.keepPromptsInMemory = keep;
      return this;
    }

    /** Clock (nanoseconds, monotonic) for the quota window; tests move it by hand. */
    public Options nanoClock(LongSupplier clock) {
      this.nanoClock = Objects.requireNonNull(clock);
      return this;
    }

    /** S3 endpoint (S3Mock) batch jobs read input from and write output to. */
    public Options s3Endpoint(URI endpoint) {
      this.s3Endpoint = endpoint;
      return this;
    }

    /** The model's minimum record count for a batch job (Bedrock: often 100). */
    public Options minBatchRecords(int n) {
      this.minBatchRecords = requireNonNegative(n, "minBatchRecords");
      return this;
    }

    /**
     * How long a new batch job stays {@code Submitted} before it runs (default 0); lets a test see
     * the status sequence or stop a job before it starts.
     */
    public Options batchJobHold(Duration d) {
      this.batchJobHold = Objects.requireNonNull(d);
      return this;
    }

    /** Server threads (concurrent calls served at once). */
    public Options threads(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("threads must be 1 or more");
      }
      this.threads = n;
      return this;
    }

    /** Region used in ARNs. */
    public Options region(String r) {
      this.region = Objects.requireNonNull(r);
      return this;
    }

    /** A QA form whose criteria's evidence hints answer criteria without behaviour markers. */
    public Options form(QaForm form) {
      this.forms.add(Objects.requireNonNull(form));
      return this;
    }

    private static <N extends Number> N requireNonNegative(N n, String what) {
      if (n.longValue() < 0) {
        throw new IllegalArgumentException(what + " must be 0 (unlimited) or more, got " + n);
      }
      return n;
    }
  }

  /**
   * Counters since start.
   *
   * @param requests HTTP requests received (all operations)
   * @param modelCalls Converse calls received (including throttled and faulted ones)
   * @param throttled calls refused with 429 by the rpm/tpm quotas (not counting injected ones)
   * @param faults injected faults by key ({@link Fault#key()})
   * @param inputTokens input tokens of answered calls (Converse and batch records)
   * @param outputTokens output tokens of answered calls
   * @param batchJobs batch jobs created
   * @param batchRecords batch records answered (with output or error)
   */
  public record Stats(
      long requests,
      long modelCalls,
      long throttled,
      Map<String, Long> faults,
      long inputTokens,
      long outputTokens,
      long batchJobs,
      long batchRecords) {
    /** Total injected faults. */
    public long faultsInjected() {
      return faults.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /**
   * One prompt the server received.
   *
   * @param modelId the model id asked for
   * @param api {@code converse}, {@code invoke} or {@code batch}
   * @param prompt system text and message texts, as received
   */
  public record RecordedPrompt(String modelId, String api, String prompt) {}

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Options options;
  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<String, QuotaWindow> quotas = new java.util.concurrent.ConcurrentHashMap<>();
  private final ModelResponder responder;
  private final BatchJobs batchJobs;
  private final BufferedWriter promptLog;
  private final List<RecordedPrompt> prompts = Collections.synchronizedList(new ArrayList<>());
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong modelCalls = new AtomicLong();
  private final AtomicLong admittedCalls = new AtomicLong();
  private final AtomicLong throttled = new AtomicLong();
  private final AtomicLong inputTokens = new AtomicLong();
  private final AtomicLong outputTokens = new AtomicLong();
  private final Map<Fault, AtomicLong> faultCounts = new EnumMap<>(Fault.class);

  private LocalBedrock(Options options) throws IOException {
    this.options = options;
    for (Fault f : Fault.values()) {
      faultCounts.put(f, new AtomicLong());
    }
    this.responder = new ModelResponder(options.forms);
    if (options.recordPrompts != null) {
      Path parent = options.recordPrompts.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      this.promptLog =
          Files.newBufferedWriter(
              options.recordPrompts,
              StandardCharsets.UTF_8,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE);
    } else {
      this.promptLog = null;
    }
    AtomicInteger n = new AtomicInteger();
    this.executor =
        new ThreadPoolExecutor(
            options.threads,
            options.threads,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "local-bedrock-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.server =
        HttpServer.create(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port), 256);
    this.server.setExecutor(executor);
    this.server.createContext("/", this::handle);
    this.batchJobs = new BatchJobs(this, options);
    this.server.start();
  }

  /** Starts a server with these options; close it when done. */
  public static LocalBedrock start(Options options) {
    try {
      return new LocalBedrock(Objects.requireNonNull(options));
    } catch (IOException e) {
      throw new UncheckedIOException("local Bedrock could not start on port " + options.port, e);
    }
  }

  /** The endpoint for {@code endpointOverride} of both the runtime and the control plane client. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The port listened on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Counters since start. */
  public Stats stats() {
    Map<String, Long> f = new LinkedHashMap<>();
    faultCounts.forEach(
        (k, v) -> {
          if (v.get() > 0) {
            f.put(k.key(), v.get());
          }
        });
    return new Stats(
        requests.get(),
        modelCalls.get(),
        throttled.get(),
        Collections.unmodifiableMap(f),
        inputTokens.get(),
        outputTokens.get(),
        batchJobs.jobsCreated(),
        batchJobs.recordsAnswered());
  }

  /** The prompts received so far, in arrival order (empty when not kept in memory). */
  public List<RecordedPrompt> recordedPrompts() {
    synchronized (prompts) {
      return List.copyOf(prompts);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    batchJobs.close();
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (promptLog != null) {
      synchronized (promptLog) {
        try {
          promptLog.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  // ---------------------------------------------------------------- HTTP

  private void handle(HttpExchange ex) throws IOException {
    requests.incrementAndGet();
    try (ex) {
      String method = ex.getRequestMethod();
      List<String> path = segments(ex.getRequestURI().getRawPath());
      byte[] body = readAll(ex.getRequestBody());
      try {
        JsonNode reply = route(method, path, body, ex);
        send(ex, 200, reply == null ? MAPPER.createObjectNode() : reply, null);
      } catch (AwsServiceError e) {
        ObjectNode err = MAPPER.createObjectNode();
        err.put("message", e.getMessage());
        send(ex, e.status(), err, e.code());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        ObjectNode err = MAPPER.createObjectNode();
        err.put("message", "local Bedrock failed: " + e);
        send(ex, 500, err, "InternalServerException");
      }
    }
  }

  private JsonNode route(String method, List<String> path, byte[] body, HttpExchange ex)
      throws InterruptedException {
    if (path.size() == 3 && path.get(0).equals("model") && path.get(2).equals("converse")) {
      requireMethod(method, "POST");
      return converse(path.get(1), parse(body));
    }
    if (path.size() == 3 && path.get(0).equals("model") && path.get(2).equals("invoke")) {
      requireMethod(method, "POST");
      return invokeModel(path.get(1), parse(body));
    }
    if (path.size() == 1 && path.get(0).equals("model-invocation-job")) {
      requireMethod(method, "POST");
      return batchJobs.create(parse(body));
    }
    if (path.size() == 2 && path.get(0).equals("model-invocation-job")) {
      requireMethod(method, "GET");
      return batchJobs.get(path.get(1));
    }
    if (path.size() == 3
        && path.get(0).equals("model-invocation-job")
        && path.get(2).equals("stop")) {
      requireMethod(method, "POST");
      return batchJobs.stop(path.get(1));
    }
    if (path.size() == 1 && path.get(0).equals("model-invocation-jobs")) {
      requireMethod(method, "GET");
      return batchJobs.list(query(ex.getRequestURI().getRawQuery()));
    }
    throw new AwsServiceError(
        "UnknownOperationException",
        404,
        "local Bedrock does not serve "
            + method
            + " /"
            + String.join("/", path)
            + " (Converse, InvokeModel, CreateModelInvocationJob, GetModelInvocationJob,"
            + " ListModelInvocationJobs, StopModelInvocationJob)");
  }

  private JsonNode converse(String modelId, JsonNode body) throws InterruptedException {
    modelCalls.incrementAndGet();
    long started = System.nanoTime();
    ModelResponder.Reply reply = answerOnDemand(ModelCall.converse(modelId, body), "converse");
    return reply.converseBody((System.nanoTime() - started) / 1_000_000);
  }

  private JsonNode invokeModel(String modelId, JsonNode body) throws InterruptedException {
    modelCalls.incrementAndGet();
    return answerOnDemand(ModelCall.anthropic(modelId, body), "invoke").anthropicBody(modelId);
  }

  /** One on-demand model call: record, quota, fault, answer, latency, settle. */
  private ModelResponder.Reply answerOnDemand(ModelCall call, String api)
      throws InterruptedException {
    long started = System.nanoTime();
    record(call.modelId(), api, call.prompt());
    QuotaWindow.Reservation[] holder = new QuotaWindow.Reservation[1];
    QuotaWindow quota =
        quotas.computeIfAbsent(
            call.modelId(),
            m ->
                new QuotaWindow(
                    options.requestsPerMinute, options.tokensPerMinute, options.nanoClock));
    String refused = quota.tryAcquire((long) call.inputTokens() + call.maxTokens(), holder);
    if (refused != null) {
      throttled.incrementAndGet();
      throw AwsServiceError.throttling(refused);
    }
    Fault fault = options.faults.faultFor(admittedCalls.incrementAndGet());
    if (fault != null) {
      faultCounts.get(fault).incrementAndGet();
      if (fault == Fault.HANG) {
        Thread.sleep(options.hangFor.toMillis());
      }
      if (fault.isError()) {
        quota.settle(holder[0], call.inputTokens());
        throw new AwsServiceError(fault.errorCode(), fault.status(), errorMessage(fault));
      }
    }
    ModelResponder.Reply reply = responder.reply(call, fault);
    long latencyNanos =
        options.baseLatency.toNanos()
            + options.latencyPerOutputToken.toNanos() * reply.outputTokens();
    long remaining = latencyNanos - (System.nanoTime() - started);
    if (remaining > 0) {
      TimeUnit.NANOSECONDS.sleep(remaining);
    }
    quota.settle(holder[0], (long) reply.inputTokens() + reply.outputTokens());
    inputTokens.addAndGet(reply.inputTokens());
    outputTokens.addAndGet(reply.outputTokens());
    return reply;
  }

  static String errorMessage(Fault f) {
    switch (f) {
      case THROTTLE:
        return "Too many requests, please wait before trying again.";
      case INTERNAL:
        return "The server encountered an internal error while processing the request.";
      case UNAVAILABLE:
        return "The service is temporarily unable to handle the request.";
      case MODEL_ERROR:
        return "The model returned an error while processing the request.";
      default:
        return "Model has timed out in processing the request. Try your request again.";
    }
  }

  // ---------------------------------------------------------------- shared with BatchJobs

  /** Answers one batch record (faults of the spec apply; quotas and latency do not). */
  ModelResponder.Reply answerBatchRecord(ModelCall call) {
    record(call.modelId(), "batch", call.prompt());
    Fault fault = options.faults.faultFor(admittedCalls.incrementAndGet());
    if (fault != null) {
      faultCounts.get(fault).incrementAndGet();
      if (fault.isError()) {
        return ModelResponder.Reply.error(fault.status(), errorMessage(fault));
      }
    }
    ModelResponder.Reply reply = responder.reply(call, fault);
    inputTokens.addAndGet(reply.inputTokens());
    outputTokens.addAndGet(reply.outputTokens());
    return reply;
  }

  private void record(String modelId, String api, String prompt) {
    if (options.keepPromptsInMemory) {
      prompts.add(new RecordedPrompt(modelId, api, prompt));
    }
    if (promptLog != null) {
      ObjectNode line = MAPPER.createObjectNode();
      line.put("modelId", modelId);
      line.put("api", api);
      line.put("prompt", prompt);
      synchronized (promptLog) {
        try {
          promptLog.write(line.toString());
          promptLog.newLine();
          promptLog.flush();
        } catch (IOException e) {
          throw new UncheckedIOException("cannot write " + options.recordPrompts, e);
        }
      }
    }
  }

  static ObjectMapper mapper() {
    return MAPPER;
  }

  // ---------------------------------------------------------------- helpers

  private static void requireMethod(String method, String expected) {
    if (!method.equals(expected)) {
      throw new AwsServiceError(
          "UnknownOperationException", 405, "method " + method + " not allowed; use " + expected);
    }
  }

  static JsonNode parse(byte[] body) {
    try {
      return MAPPER.readTree(body.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : body);
    } catch (IOException e) {
      throw AwsServiceError.validation("The request body is not valid JSON: " + e.getMessage());
    }
  }

  static List<String> segments(String rawPath) {
    List<String> out = new ArrayList<>();
    for (String s : rawPath.split("/")) {
      if (!s.isEmpty()) {
        out.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  static Map<String, String> query(String rawQuery) {
    Map<String, String> out = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return out;
    }
    for (String kv : rawQuery.split("&")) {
      int eq = kv.indexOf('=');
      String k = eq < 0 ? kv : kv.substring(0, eq);
      String v = eq < 0 ? "" : kv.substring(eq + 1);
      out.put(
          URLDecoder.decode(k, StandardCharsets.UTF_8),
          URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return out;
  }

  static byte[] readAll(InputStream in) throws IOException {
    return in.readAllBytes();
  }

  static void send(HttpExchange ex, int status, JsonNode body, String errorType)
      throws IOException {
    byte[] bytes = MAPPER.writeValueAsBytes(body);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.getResponseHeaders().set("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
    if (errorType != null) {
      ex.getResponseHeaders()
          .set(
              "x-amzn-ErrorType",
              errorType + ":http://internal.amazon.com/coral/com.amazon.bedrock/");
    }
    try {
      ex.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    } catch (IOException e) {
      // the client went away (e.g. its timeout fired during a hang fault): nothing to answer
    }
  }
}
