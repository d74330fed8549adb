package com.cci.batch.local;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./cci bedrock-local}: runs the local Bedrock ({@link LocalBedrock}) until Ctrl-C, printing
 * its endpoint, and its counters when it stops (and every {@code --stats-every} seconds).
 */
@Command(
    name = "bedrock-local",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Runs a local Bedrock on 127.0.0.1 that speaks the Bedrock Runtime Converse wire protocol and the"
          + " batch-inference control plane (Create/Get/List/StopModelInvocationJob), for the real AWS SDK"
          + " clients through endpoint override. Answers are derived from the transcript in the prompt.",
      "Runs until Ctrl-C."
    },
    footer = {
      "",
      "Fault spec: comma-separated rules, each  fault=rate  (0..1 or N%% of model calls, exact and evenly"
          + " spread),  fault@N  (every N-th call) or  fault#N  (the N-th call only); the first rule that"
          + " fires on a call wins.",
      "Faults: throttle|429, internal|500, unavailable|503, model-error|424, model-timeout|408 (AWS errors);"
          + " hang|timeout (hold --hang-ms, then 408); malformed (tool input as a fenced JSON string),"
          + " truncated (max_tokens, cut JSON), text|fenced-text (no tool use), missing-criterion|missing,"
          + " extra-criterion|extra, out-of-range|range (toneScore 150), bad-evidence|evidence.",
      "Example: ./cci bedrock-local --port 8310 --latency-ms 800 --rpm 2000 --faults 'throttle=2%,500=1%,missing=0.5%'",
      "Point clients at it: AWS_ENDPOINT_URL_BEDROCK_RUNTIME=http://127.0.0.1:<port>"
          + " AWS_ENDPOINT_URL_BEDROCK=http://127.0.0.1:<port>"
    })
public final class BedrockLocalMain implements Callable<Integer> {

  @Option(
      names = "--port",
      defaultValue = "0",
      description = "Port on 127.0.0.1 (0 = a free port; default ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--latency-ms",
      defaultValue = "0",
      description = "Base latency of every model call in ms.")
  long latencyMs;

  @Option(
      names = "--latency-per-token-ms",
      defaultValue = "0",
      description = "Extra latency per output token in ms (fractions allowed, e.g. 0.5).")
  double latencyPerTokenMs;

  @Option(
      names = "--rpm",
      defaultValue = "0",
      description = "Requests-per-minute quota (0 = none).")
  int rpm;

  @Option(
      names = "--tpm",
      defaultValue = "0",
      description = "Tokens-per-minute quota, input + maxTokens reserved at start (0 = none).")
  long tpm;

  @Option(
      names = "--faults",
      converter = FaultSpecConverter.class,
      description = "Faults to inject (grammar below).")
  FaultSpec faults = FaultSpec.none();

  @Option(
      names = "--hang-ms",
      defaultValue = "90000",
      description = "How long a hang fault holds a call (default ${DEFAULT-VALUE}).")
  long hangMs;

  @Option(
      names = "--record-prompts",
      description = "Append every prompt received to this file (one JSON line each).")
  Path recordPrompts;

  @Option(
      names = "--s3-endpoint",
      description =
          "S3 endpoint for batch jobs (default: $AWS_ENDPOINT_URL_S3, else $AWS_ENDPOINT_URL).")
  URI s3Endpoint;

  @Option(
      names = "--min-batch-records",
      defaultValue = "100",
      description = "Minimum records per batch job (default ${DEFAULT-VALUE}).")
  int minBatchRecords;

  @Option(
      names = "--threads",
      defaultValue = "64",
      description = "Calls served at once (default ${DEFAULT-VALUE}).")
  int threads;

  @Option(
      names = "--glue-port",
      description = "Also run the local Glue stand-in on this port (0 = a free port).")
  Integer gluePort;

  @Option(
      names = "--stats-every",
      defaultValue = "0",
      description = "Print the counters every N seconds (0 = only at exit).")
  int statsEvery;

  private final CountDownLatch stop = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile LocalBedrock running;

  /** Parses a fault spec for picocli, so a bad spec is a usage error with the reason. */
  static final class FaultSpecConverter implements CommandLine.ITypeConverter<FaultSpec> {
    @Override
    public FaultSpec convert(String value) {
      try {
        return FaultSpec.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  /** The server options these arguments ask for. */
  LocalBedrock.Options options() {
    URI s3 = s3Endpoint;
    if (s3 == null) {
      String env = System.getenv("AWS_ENDPOINT_URL_S3");
      if (env == null) {
        env = System.getenv("AWS_ENDPOINT_URL");
      }
      s3 = env == null || env.isBlank() ? null : URI.create(env);
    }
    return LocalBedrock.Options.defaults()
        .port(port)
        .latency(
            Duration.ofMillis(latencyMs), Duration.ofNanos((long) (latencyPerTokenMs * 1_000_000)))
        .requestsPerMinute(rpm)
        .tokensPerMinute(tpm)
        .faults(faults)
        .hangFor(Duration.ofMillis(hangMs))
        .recordPrompts(recordPrompts)
        .keepPromptsInMemory(false)
        .s3Endpoint(s3)
        .minBatchRecords(minBatchRecords)
        .threads(threads);
  }

  /** Stops a running {@link #call()}. */
  void stop() {
    stop.countDown();
  }

  /** The running server (null before it started). */
  LocalBedrock running() {
    return running;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = new PrintWriter(System.out, true);
    LocalGlue glue = null;
    try (LocalBedrock bedrock = LocalBedrock.start(options())) {
      running = bedrock;
      out.println("local Bedrock listening on " + bedrock.endpoint());
      out.println("  export AWS_ENDPOINT_URL_BEDROCK_RUNTIME=" + bedrock.endpoint());
      out.println("  export AWS_ENDPOINT_URL_BEDROCK=" + bedrock.endpoint());
      out.println(
          "  rpm="
              + (rpm == 0 ? "unlimited" : rpm)
              + " tpm="
              + (tpm == 0 ? "unlimited" : tpm)
              + " latency="
              + latencyMs
              + "ms+"
              + latencyPerTokenMs
              + "ms/token faults="
              + faults
              + (recordPrompts == null ? "" : " prompts→" + recordPrompts)
              + (options().s3Endpoint == null
                  ? " (no S3 endpoint: batch jobs disabled)"
                  : " s3=" + options().s3Endpoint));
      if (gluePort != null) {
        glue = LocalGlue.start(gluePort);
        out.println(
            "local Glue listening on "
                + glue.endpoint()
                + "  (export AWS_ENDPOINT_URL_GLUE="
                + glue.endpoint()
                + ")");
      }
      Thread hook =
          new Thread(
              () -> {
                stop.countDown();
                try {
                  stopped.await(5, TimeUnit.SECONDS); // let the main thread print the stats
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "bedrock-local-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      while (!stop.await(statsEvery > 0 ? statsEvery : 3600, TimeUnit.SECONDS)) {
        if (statsEvery > 0) {
          out.println("stats " + bedrock.stats());
        }
      }
      out.println("stopping; stats " + bedrock.stats());
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // already shutting down
      }
      return 0;
    } finally {
      running = null;
      if (glue != null) {
        glue.close();
      }
      stopped.countDown();
    }
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new BedrockLocalMain()).execute(args));
  }
}
