package com.cci.fulfillment.bench;

import com.cci.fulfillment.auth.AuthTable;
import com.cci.fulfillment.sandbox.SandboxBank;
import com.cci.local.DynamoDbLocal;
import com.cci.schemas.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code ./cci bench fulfillment}: P6 and P7 of issue 5, on this machine, in one run.
 *
 * <p><b>P6</b> — latency at a fixed rate: the webhook runs in its own JVM (as {@code ./cci webhook}
 * does) against the sandbox bank and DynamoDB Local; an open-model generator ({@link
 * OpenModelLoad}) sends a seeded mix of intents at {@code --rate} requests/s for {@code --duration}
 * seconds after a {@code --warmup}, and reports p50/p99/p99.9/max from the intended send time
 * (coordinated-omission corrected), the uncorrected figures beside them, and errors (non-200,
 * timeouts, degraded "temporarily unavailable" replies).
 *
 * <p><b>P7</b> — cold start: a fresh JVM on the same classpath loads {@code LexHandler} and answers
 * an authenticated CheckBalance (DynamoDB session read + core-banking calls) with the bank and
 * DynamoDB already running; the time is from launching the JVM to reading its answer. Run {@code
 * --p7-runs} times; the median is reported. With {@code --cds} an AppCDS archive is trained first
 * and the probe runs with it.
 *
 * <p>The last line printed is one JSON object with {@code p6_p50_ms}, {@code p6_p99_ms}, {@code
 * p6_errors}, {@code p7_start_ms} and the settings.
 */
public final class FulfillmentBenchmark {
  private FulfillmentBenchmark() {}

  /** Settings. */
  record Options(
      int rate,
      int durationSeconds,
      int warmupSeconds,
      int sessions,
      int p7Runs,
      boolean cds,
      boolean skipP6,
      boolean skipP7,
      long seed) {
    static Options parse(String[] args) {
      int rate = 1000;
      int duration = 60;
      int warmup = 60;
      int sessions = 120;
      int p7 = 3;
      boolean cds = true;
      boolean skipP6 = false;
      boolean skipP7 = false;
      long seed = 42;
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "--rate" -> rate = positive(args, ++i, a);
          case "--duration" -> duration = positive(args, ++i, a);
          case "--warmup" -> warmup = nonNegative(args, ++i, a);
          case "--sessions" -> sessions = positive(args, ++i, a);
          case "--p7-runs" -> p7 = positive(args, ++i, a);
          case "--seed" -> seed = positive(args, ++i, a);
          case "--no-cds" -> cds = false;
          case "--skip-p6" -> skipP6 = true;
          case "--skip-p7" -> skipP7 = true;
          case "-h", "--help" -> {
            System.out.print(USAGE);
            System.exit(0);
          }
          default -> usage("unknown option '" + a + "'");
        }
      }
      return new Options(rate, duration, warmup, sessions, p7, cds, skipP6, skipP7, seed);
    }

    private static int positive(String[] args, int i, String opt) {
      int v = nonNegative(args, i, opt);
      if (v == 0) {
        usage(opt + " must be > 0");
      }
      return v;
    }

    private static int nonNegative(String[] args, int i, String opt) {
      if (i >= args.length) {
        usage(opt + " needs a value");
      }
      try {
        int v = Integer.parseInt(args[i]);
        if (v < 0) {
          throw new NumberFormatException();
        }
        return v;
      } catch (NumberFormatException e) {
        usage(opt + " must be a whole number >= 0, was '" + args[i] + "'");
        return 0;
      }
    }
  }

  static final String USAGE =
      """
      Usage: ./cci bench fulfillment [--rate 1000] [--duration 60] [--warmup 60] [--sessions 120]
                                     [--p7-runs 3] [--no-cds] [--skip-p6] [--skip-p7] [--seed 42]
        P6: open-model load at --rate req/s for --duration s (after --warmup s) against the
            webhook (own JVM) with the sandbox bank and DynamoDB Local; p50/p99 corrected for
            coordinated omission; errors.
        P7: fresh JVM -> LexHandler -> first answer (authenticated CheckBalance), median of
            --p7-runs; with an AppCDS archive unless --no-cds.
        Last line: JSON with p6_p50_ms, p6_p99_ms, p6_errors, p7_start_ms.
      """;

  static void usage(String problem) {
    System.err.println("cci bench fulfillment: " + problem);
    System.err.print(USAGE);
    System.exit(2);
  }

  /** A demo customer as the benchmark needs it. */
  record Customer(String phone, String pin, String accountType) {}

  public static void main(String[] args) throws Exception {
    Options o = Options.parse(args);
    Path work = Path.of(System.getProperty("cci.root", ".")).resolve("fulfillment/target/bench");
    Files.createDirectories(work);
    List<Customer> customers = customers();
    Map<String, Object> out = new LinkedHashMap<>();
    System.out.printf(
        Locale.ROOT,
        "fulfillment bench: %d cores, Java %s, load average %.1f%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

    // DynamoDB Local with the full JIT and a parallel collector: its test defaults (C1 only,
    // serial GC) favour start-up over throughput.
    List<String> dynamoFlags =
        new ArrayList<>(List.of("-Xmx1g", "-XX:+UseParallelGC", gcLog(work, "dynamodb-gc.log")));
    dynamoFlags.addAll(extraFlags("CCI_BENCH_DYNAMODB_OPTS"));
    DynamoDbLocal dynamoLocal = new DynamoDbLocal().jvmArgs(dynamoFlags);
    try (SandboxBank bank = SandboxBank.withDefaultSeed().start();
        DynamoDbLocal dynamo = (DynamoDbLocal) dynamoLocal.start()) {
      String table = "cci-fulfillment-auth";
      URI dynamoUri = dynamo.endpoint();
      try (DynamoDbClient d =
          com.cci.local.AwsClients.forEndpoints(null, dynamoUri, null)
              .withRegion(com.cci.local.AwsClients.DEFAULT_REGION)
              .dynamoDb()) {
        AuthTable.ensure(d, table);
      }
      Map<String, String> env = new LinkedHashMap<>();
      env.put("CCI_BANK_URL", bank.baseUri().toString());
      env.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoUri.toString());
      env.put("AWS_REGION", "us-east-1");
      env.put("AWS_ACCESS_KEY_ID", com.cci.local.AwsClients.LOCAL_CREDENTIALS.accessKeyId());
      env.put(
          "AWS_SECRET_ACCESS_KEY", com.cci.local.AwsClients.LOCAL_CREDENTIALS.secretAccessKey());
      env.put("CCI_AUTH_TABLE", table);
      env.put("CCI_SESSION_HASH_SALT", "bench-salt");
      env.put("LOG_LEVEL", "WARN");

      String probeSession = "bench-p7-session";
      if (!o.skipP6()) {
        p6(o, env, customers, probeSession, work, out);
      }
      if (!o.skipP7()) {
        p7(o, env, customers.get(0), probeSession, work, out);
      }
    }
    out.put("rate", o.rate());
    out.put("duration_s", o.durationSeconds());
    out.put("cores", Runtime.getRuntime().availableProcessors());
    System.out.println(Json.mapper().writeValueAsString(out));
  }

  // ---------------------------------------------------------------- P6

  static void p6(
      Options o,
      Map<String, String> env,
      List<Customer> customers,
      String probeSession,
      Path work,
      Map<String, Object> out)
      throws Exception {
    int port = freePort();
    Path log = work.resolve("webhook.log");
    List<String> cmd = new ArrayList<>(javaCommand());
    // A fixed heap with a large young generation: the AWS SDK allocates ~100 KB per DynamoDB call,
    // and fewer young collections mean fewer requests held up by a pause.
    cmd.addAll(
        List.of(
            "-Xms1g", "-Xmx1g", "-Xmn768m", "-XX:+UseParallelGC", gcLog(work, "webhook-gc.log")));
    cmd.addAll(extraFlags("CCI_BENCH_WEBHOOK_OPTS"));
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("com.cci.fulfillment.webhook.WebhookCommand");
    cmd.add("--port");
    cmd.add(Integer.toString(port));
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().putAll(env);
    Process webhook = pb.start();
    try {
      URI base = URI.create("http://127.0.0.1:" + port);
      awaitHealthy(base, webhook, log);
      HttpClient setup = HttpClient.newHttpClient();
      // Authenticated sessions (server-side state in DynamoDB), like callers who gave their PIN.
      List<String> authed = new ArrayList<>();
      for (int i = 0; i < o.sessions(); i++) {
        Customer c = customers.get(i % customers.size());
        String session = "bench-auth-" + i;
        authenticate(setup, base, session, c);
        authed.add(session);
      }
      authenticate(setup, base, probeSession, customers.get(0));
      List<byte[]> bodies = mix(o, customers, authed);
      sanityCheck(setup, base, bodies);

      OpenModelLoad load = new OpenModelLoad(base.resolve("/lex"), Duration.ofSeconds(5));
      if (o.warmupSeconds() > 0) {
        warmUp(o, load, bodies);
      }
      System.out.printf(
          Locale.ROOT, "P6 measured: %d req/s for %d s...%n", o.rate(), o.durationSeconds());
      java.time.Instant measuredFrom = java.time.Instant.now();
      long[] benchGc = benchJvmGc();
      OpenModelLoad.Result r =
          load.run(
              o.rate(),
              Duration.ofSeconds(o.durationSeconds()),
              bodies,
              FulfillmentBenchmark::degraded);
      java.time.Instant measuredTo = java.time.Instant.now();
      long[] benchGcEnd = benchJvmGc();
      System.out.printf(
          Locale.ROOT,
          "P6 GC pauses in the measured window: webhook %s; DynamoDB Local %s; bank + generator"
              + " JVM %d collections, %d ms in all%n",
          GcLog.summary(work.resolve("webhook-gc.log"), measuredFrom, measuredTo),
          GcLog.summary(work.resolve("dynamodb-gc.log"), measuredFrom, measuredTo),
          benchGcEnd[0] - benchGc[0],
          benchGcEnd[1] - benchGc[1]);
      System.out.printf(
          Locale.ROOT,
          "P6 webhook latency, %d requests at %.0f req/s achieved (max send lag %.2f ms), mix of %d bodies:%n",
          r.sent(),
          r.achievedRate(),
          r.maxSendLagMicros() / 1000.0,
          bodies.size());
      System.out.printf(
          Locale.ROOT,
          "  from intended send (CO-corrected): p50 %.2f ms  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
          r.p(r.corrected(), 50),
          r.p(r.corrected(), 90),
          r.p(r.corrected(), 99),
          r.p(r.corrected(), 99.9),
          r.corrected().getMaxValue() / 1000.0);
      System.out.printf(
          Locale.ROOT,
          "  from actual send (uncorrected):    p50 %.2f ms  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
          r.p(r.uncorrected(), 50),
          r.p(r.uncorrected(), 90),
          r.p(r.uncorrected(), 99),
          r.p(r.uncorrected(), 99.9),
          r.uncorrected().getMaxValue() / 1000.0);
      System.out.printf(
          Locale.ROOT,
          "  errors %d of %d%s  (goal: p99 <= 10 ms, 0 errors)%n",
          r.errors(),
          r.sent(),
          r.firstErrors().isEmpty() ? "" : " " + r.firstErrors());
      // Where the tail comes from: the worst 100 ms windows (by intended send time, UTC) to set
      // beside the GC logs of the webhook and DynamoDB Local (target/bench/*-gc.log).
      StringBuilder stalls = new StringBuilder();
      for (long[] w : r.worstWindows(100, 5, 10_000)) {
        stalls.append(
            String.format(
                Locale.ROOT,
                "%n    %s  max %.1f ms, %d requests over 10 ms",
                java.time.Instant.ofEpochMilli(w[0]),
                w[1] / 1000.0,
                w[2]));
      }
      System.out.println("  worst 100 ms windows (intended send time):" + stalls);
      try (var hgrm = Files.newOutputStream(work.resolve("p6-corrected.hgrm"));
          var ps = new java.io.PrintStream(hgrm, true, StandardCharsets.UTF_8)) {
        r.corrected().outputPercentileDistribution(ps, 1000.0);
      }
      out.put("p6_p50_ms", round(r.p(r.corrected(), 50)));
      out.put("p6_p99_ms", round(r.p(r.corrected(), 99)));
      out.put("p6_p999_ms", round(r.p(r.corrected(), 99.9)));
      out.put("p6_max_ms", round(r.corrected().getMaxValue() / 1000.0));
      out.put("p6_uncorrected_p99_ms", round(r.p(r.uncorrected(), 99)));
      out.put("p6_errors", r.errors());
      out.put("p6_requests", r.sent());
    } finally {
      webhook.destroy();
      if (!webhook.waitFor(10, TimeUnit.SECONDS)) {
        webhook.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    }
  }

  /**
   * Warm-up, discarded: the rate ramps up in ten steps from 10 % to 100 % of {@code --rate}, so the
   * JIT compilers of the three JVMs (webhook, DynamoDB Local, bank and generator) get their work
   * done while the system keeps up. At the full rate from a cold start, interpreted code falls
   * behind, queues and connections pile up and the backlog can outlast the warm-up. Ends with a
   * short pause so nothing of the warm-up is still queued when the measured window starts.
   */
  static void warmUp(Options o, OpenModelLoad load, List<byte[]> bodies) throws Exception {
    int steps = Math.min(10, o.warmupSeconds());
    int stepSeconds = Math.max(1, o.warmupSeconds() / steps);
    System.out.printf(
        Locale.ROOT,
        "P6 warm-up: %d steps of %d s ramping to %d req/s...%n",
        steps,
        stepSeconds,
        o.rate());
    StringBuilder errors = new StringBuilder();
    for (int k = 1; k <= steps; k++) {
      int rate = Math.max(1, (int) ((long) o.rate() * k / steps));
      OpenModelLoad.Result w =
          load.run(rate, Duration.ofSeconds(stepSeconds), bodies, FulfillmentBenchmark::degraded);
      errors
          .append(errors.length() == 0 ? "" : ", ")
          .append(rate)
          .append("/s: ")
          .append(w.errors());
    }
    System.out.println("  warm-up errors per step: " + errors);
    Thread.sleep(1_000);
  }

  /** The request mix (seeded): what callers ask a bank's bot most. */
  static List<byte[]> mix(Options o, List<Customer> customers, List<String> authed) {
    Random rnd = new Random(o.seed());
    List<byte[]> bodies = new ArrayList<>();
    int anon = 0;
    for (int i = 0; i < 2_000; i++) {
      int pick = rnd.nextInt(100);
      String session = authed.get(rnd.nextInt(authed.size()));
      Customer c =
          customers.get(
              Integer.parseInt(session.substring(session.lastIndexOf('-') + 1)) % customers.size());
      Map<String, String> attrs = attrs(c, i % 3 == 0 ? "VOICE" : "CHAT");
      String mode = "VOICE".equals(attrs.get("channel")) ? "Speech" : "Text";
      String json;
      if (pick < 40) { // authenticated balance check
        json =
            LexEvents.event(
                session, mode, "CheckBalance", Map.of("AccountType", c.accountType()), attrs);
      } else if (pick < 50) {
        json =
            LexEvents.event(
                session, mode, "AccountDetails", Map.of("AccountType", c.accountType()), attrs);
      } else if (pick < 58) {
        json = LexEvents.event(session, mode, "LoanStatus", Map.of(), attrs);
      } else if (pick < 70) {
        json = LexEvents.event("bench-anon-" + i, mode, "BranchHours", Map.of(), attrs);
      } else if (pick < 80) {
        json = LexEvents.event("bench-anon-" + i, mode, "RoutingNumber", Map.of(), attrs);
      } else if (pick < 92) { // a new caller asks for a balance: the PIN is asked first
        anon++;
        json = LexEvents.event("bench-new-" + anon, mode, "CheckBalance", Map.of(), attrs);
      } else { // not understood
        json = LexEvents.event(session, mode, "FallbackIntent", Map.of(), attrs);
      }
      bodies.add(json.getBytes(StandardCharsets.UTF_8));
    }
    return bodies;
  }

  static Map<String, String> attrs(Customer c, String channel) {
    return Map.of(
        "customerPhone",
        c.phone(),
        "channel",
        channel,
        "contactId",
        "7a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d",
        "locale",
        "en_US");
  }

  /** A reply the benchmark counts as an error although it is HTTP 200. */
  static boolean degraded(String body) {
    return body.contains("temporarily unavailable") || body.contains("something went wrong");
  }

  /** Authenticates a session through the webhook; retried, since a loaded machine can time out. */
  static void authenticate(HttpClient http, URI base, String session, Customer c) throws Exception {
    String ev =
        LexEvents.event(session, "Text", "Authenticate", Map.of("Pin", c.pin()), attrs(c, "CHAT"));
    JsonNode r = null;
    for (int attempt = 1; attempt <= 10; attempt++) {
      r = post(http, base, ev.getBytes(StandardCharsets.UTF_8));
      if (r.at("/sessionState/sessionAttributes/authStatus").asText().equals("AUTHENTICATED")) {
        return;
      }
      if (!degraded(r.toString())) {
        break; // a real refusal: retrying would only count PIN failures
      }
      Thread.sleep(1_000L * attempt);
    }
    throw new IllegalStateException("setup: could not authenticate " + session + ": " + r);
  }

  /** Every kind of body in the mix answers as expected before anything is measured. */
  static void sanityCheck(HttpClient http, URI base, List<byte[]> bodies) throws Exception {
    Map<String, String> seen = new LinkedHashMap<>();
    for (byte[] b : bodies.subList(0, 200)) {
      JsonNode ev = Json.mapper().readTree(b);
      JsonNode r = post(http, base, b);
      String key =
          ev.at("/sessionState/intent/name").asText()
              + (ev.at("/sessionId").asText().startsWith("bench-new") ? "(new caller)" : "");
      String what =
          r.at("/sessionState/dialogAction/type").asText()
              + "/"
              + r.at("/sessionState/intent/state").asText();
      if (degraded(r.toString())) {
        System.out.println("P6 setup: degraded reply for " + key + " (machine overloaded?)");
        continue;
      }
      seen.putIfAbsent(key, what);
    }
    System.out.println("P6 mix (intent -> dialog action/state): " + seen);
  }

  static JsonNode post(HttpClient http, URI base, byte[] body) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(base.resolve("/lex"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("setup: HTTP " + r.statusCode() + ": " + r.body());
    }
    return Json.mapper().readTree(r.body());
  }

  static void awaitHealthy(URI base, Process p, Path log) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new IllegalStateException("the webhook JVM exited; see " + log);
      }
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(base.resolve("/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // starting
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("the webhook did not answer /health within 60 s; see " + log);
  }

  // ---------------------------------------------------------------- P7

  static void p7(
      Options o,
      Map<String, String> env,
      Customer c,
      String session,
      Path work,
      Map<String, Object> out)
      throws Exception {
    if (o.skipP6()) {
      // P6 authenticated the probe session through the webhook; without it, do it in-process.
      try (var app =
          new com.cci.fulfillment.app.FulfillmentApp(
              com.cci.fulfillment.app.FulfillmentConfig.fromEnv(env),
              java.time.Clock.systemUTC(),
              l -> {})) {
        String ev =
            LexEvents.event(
                session, "Text", "Authenticate", Map.of("Pin", c.pin()), attrs(c, "CHAT"));
        app.router().handle(Json.mapper().readValue(ev, com.cci.schemas.lex.LexV2Event.class));
      }
    }
    Path event = work.resolve("p7-event.json");
    Files.writeString(
        event,
        LexEvents.event(
            session,
            "Speech",
            "CheckBalance",
            Map.of("AccountType", c.accountType()),
            attrs(c, "VOICE")));
    // As deployed (a Lambda zip holds jars), and as CDS requires: class directories become jars.
    String classpath = jarClasspath(work);
    List<String> flags = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto");
    Path jsa = work.resolve("p7-appcds.jsa");
    if (o.cds()) {
      Files.deleteIfExists(jsa);
      List<String> train = new ArrayList<>(flags);
      train.add("-XX:ArchiveClassesAtExit=" + jsa);
      train.add("-Dcci.p7.cdsTraining=true");
      long t = coldStart(train, env, event, work, classpath);
      System.out.printf(
          Locale.ROOT, "P7 AppCDS training run: %d ms (archive %s)%n", t, jsa.getFileName());
    }
    List<Long> plain = new ArrayList<>();
    List<Long> withCds = new ArrayList<>();
    for (int i = 0; i < o.p7Runs(); i++) {
      plain.add(coldStart(flags, env, event, work, classpath));
      if (o.cds() && Files.exists(jsa)) {
        List<String> f = new ArrayList<>(flags);
        f.add("-XX:SharedArchiveFile=" + jsa);
        withCds.add(coldStart(f, env, event, work, classpath));
      }
    }
    long plainMedian = median(plain);
    System.out.printf(
        Locale.ROOT,
        "P7 cold start (JVM launch -> LexHandler's first answer, authenticated CheckBalance): default CDS %s ms, median %d ms%n",
        plain,
        plainMedian);
    out.put("p7_start_ms", plainMedian);
    out.put("p7_default_cds_ms", plainMedian);
    if (!withCds.isEmpty()) {
      long m = median(withCds);
      System.out.printf(
          Locale.ROOT,
          "P7 with AppCDS archive: %s ms, median %d ms (goal <= 1000 ms)%n",
          withCds,
          m);
      out.put("p7_appcds_ms", m);
      out.put("p7_start_ms", Math.min(m, plainMedian));
    }
  }

  /** Launches the probe JVM and returns ms until its answer line is read. */
  static long coldStart(
      List<String> flags, Map<String, String> env, Path event, Path work, String classpath)
      throws Exception {
    List<String> cmd = new ArrayList<>(javaCommand());
    cmd.addAll(flags);
    long launchedAt = System.currentTimeMillis();
    cmd.add("-Dcci.launchedAtMs=" + launchedAt);
    cmd.add("-cp");
    cmd.add(classpath);
    cmd.add(ColdStartProbe.class.getName());
    cmd.add(event.toString());
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectError(work.resolve("p7-stderr.log").toFile());
    pb.environment().putAll(env);
    long t0 = System.nanoTime();
    Process p = pb.start();
    String answer = null;
    long ms;
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("ANSWER ")) {
          answer = line.substring(7);
          break;
        }
      }
      ms = (System.nanoTime() - t0) / 1_000_000;
      String phases = r.readLine();
      if (phases != null && phases.startsWith("PHASES ")) {
        System.out.printf(Locale.ROOT, "  P7 run %d ms: %s%n", ms, phases.substring(7));
      }
    } finally {
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
    if (answer == null) {
      throw new IllegalStateException(
          "P7: the probe JVM gave no answer; see " + work.resolve("p7-stderr.log"));
    }
    JsonNode a = Json.mapper().readTree(answer);
    if (!"Fulfilled".equals(a.at("/sessionState/intent/state").asText())) {
      throw new IllegalStateException("P7: expected a fulfilled balance answer, got " + answer);
    }
    return ms;
  }

  /** This JVM's classpath with every class directory packed into a jar under {@code work}. */
  static String jarClasspath(Path work) throws IOException {
    List<String> out = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path p = Path.of(entry);
      if (!Files.isDirectory(p)) {
        out.add(entry);
        continue;
      }
      Path jar = work.resolve(p.getParent().getParent().getFileName() + "-classes.jar");
      try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(jar));
          var files = Files.walk(p)) {
        for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
          zip.putNextEntry(
              new java.util.zip.ZipEntry(p.relativize(f).toString().replace('\\', '/')));
          Files.copy(f, zip);
          zip.closeEntry();
        }
      }
      out.add(jar.toString());
    }
    return String.join(java.io.File.pathSeparator, out);
  }

  /** Extra JVM flags from an environment variable (e.g. a JFR recording while profiling). */
  /** Pause-level GC log of a child JVM, wall-clock stamped (to set beside the stall windows). */
  static String gcLog(Path work, String name) {
    return "-Xlog:gc:file=" + work.resolve(name).toAbsolutePath() + ":utctime";
  }

  /** This JVM's (bank + generator) collections and collection time so far. */
  static long[] benchJvmGc() {
    long n = 0;
    long ms = 0;
    for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
      n += Math.max(0, gc.getCollectionCount());
      ms += Math.max(0, gc.getCollectionTime());
    }
    return new long[] {n, ms};
  }

  static List<String> extraFlags(String variable) {
    String extra = System.getenv(variable);
    return extra == null || extra.isBlank() ? List.of() : List.of(extra.trim().split("\\s+"));
  }

  static List<String> javaCommand() {
    String java = ProcessHandle.current().info().command().orElse("java");
    return List.of(java);
  }

  static List<Customer> customers() throws IOException {
    try (InputStream in =
        FulfillmentBenchmark.class.getResourceAsStream("/sandbox/customers.json")) {
      if (in == null) {
        throw new IllegalStateException("sandbox/customers.json is not on the classpath");
      }
      List<Customer> list = new ArrayList<>();
      for (JsonNode c : Json.mapper().readTree(in)) {
        list.add(
            new Customer(
                c.get("phone").asText(),
                c.get("pin").asText(),
                c.get("accounts").get(0).get("type").asText().toLowerCase(Locale.ROOT)));
      }
      return list;
    }
  }

  static long median(List<Long> xs) {
    List<Long> s = new ArrayList<>(xs);
    s.sort(null);
    return s.get(s.size() / 2);
  }

  static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
