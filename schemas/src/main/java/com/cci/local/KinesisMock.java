package com.cci.local;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * kinesis-mock (npm {@code kinesis-local}) run as {@code node main.js}: Kinesis Data Streams API on
 * the plain-HTTP port, account {@code 000000000000}, region {@code us-east-1}, CBOR and JSON.
 *
 * <p><b>Network exposure:</b> kinesis-mock has no bind-address option and listens on all interfaces
 * (its plain and TLS ports). Both are random free ports and live only as long as the test or {@code
 * ./cci stack up}; do not run it on an untrusted network.
 *
 * <p>It is started with {@code node} directly, never through {@code npx}: killing an {@code npx}
 * parent leaves node running.
 */
public final class KinesisMock extends EmulatorProcess {
  private final Map<String, Integer> initialStreams = new LinkedHashMap<>();

  public KinesisMock() {
    this(EmulatorInstaller.defaults());
  }

  public KinesisMock(EmulatorInstaller installer) {
    super("kinesis-mock", installer, Duration.ofSeconds(30));
    // On SIGTERM kinesis-mock shuts down gracefully and waits up to 30 s for open keep-alive
    // connections (SDK clients keep them). It holds data in memory only, so SIGKILL after a
    // short grace loses nothing.
    stopGrace(Duration.ofSeconds(1));
  }

  /**
   * Streams created at start-up ({@code INITIALIZE_STREAMS}); they become ACTIVE shortly after the
   * emulator answers, so poll with {@code KinesisAdmin} before writing.
   */
  public KinesisMock withStream(String name, int shards) {
    if (shards < 1) {
      throw new IllegalArgumentException("shards must be >= 1: " + shards);
    }
    initialStreams.put(name, shards);
    return this;
  }

  private Path pkg;

  @Override
  protected void prepare() {
    pkg = installer.kinesisMockPackage();
  }

  @Override
  protected List<String> command(int port, int sidePort) {
    String node = System.getenv("NODE");
    if (node == null || node.isBlank()) {
      node =
          Processes.findOnPath("node")
              .map(Path::toString)
              .orElseThrow(
                  () ->
                      new EmulatorException(
                          "node is not on PATH: kinesis-mock needs Node.js 20+ (or set NODE to"
                              + " the node executable)"));
    }
    return List.of(node, pkg.resolve("main.js").toString());
  }

  @Override
  protected Map<String, String> environment(int port, int sidePort) {
    Map<String, String> env = new HashMap<>();
    env.put("KINESIS_MOCK_PLAIN_PORT", Integer.toString(port));
    env.put("KINESIS_MOCK_TLS_PORT", Integer.toString(sidePort));
    env.put("KINESIS_MOCK_CERT_PATH", pkg.resolve("server.json").toString());
    env.put("LOG_LEVEL", "WARN");
    // Pin what a caller's environment could otherwise change.
    env.put("AWS_REGION", "us-east-1");
    env.put("AWS_ACCOUNT_ID", "000000000000");
    env.put("SHOULD_PERSIST_DATA", "false");
    // Default 50 shards per account; the CCI streams x 16 shards (for faster writes) exceed it.
    env.put("SHARD_LIMIT", "500");
    if (!initialStreams.isEmpty()) {
      env.put(
          "INITIALIZE_STREAMS",
          initialStreams.entrySet().stream()
              .map(e -> e.getKey() + ":" + e.getValue())
              .collect(Collectors.joining(",")));
    }
    return env;
  }

  @Override
  protected boolean healthy(URI endpoint) throws Exception {
    return awsJsonCall(
            endpoint, "Kinesis_20131202.ListStreams", "application/x-amz-json-1.1", "kinesis")
        == 200;
  }

  /** POSTs an empty AWS JSON-protocol request with a syntactically valid (dummy) SigV4 header. */
  static int awsJsonCall(URI endpoint, String target, String contentType, String service)
      throws Exception {
    return HttpProbe.status(
        endpoint,
        "POST",
        Map.of(
            "Content-Type",
            contentType,
            "X-Amz-Target",
            target,
            "X-Amz-Date",
            "20260101T000000Z",
            "Authorization",
            "AWS4-HMAC-SHA256 Credential=AKIDCCILOCAL/20260101/us-east-1/"
                + service
                + "/aws4_request, SignedHeaders=host;x-amz-date, Signature=0"),
        "{}");
  }
}
