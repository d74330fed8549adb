package com.cci.batch.local;

import static com.cci.batch.local.BedrockTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

class BedrockLocalMainTest {

  @Test
  void argumentsBecomeServerOptions() {
    BedrockLocalMain main = new BedrockLocalMain();
    new CommandLine(main)
        .parseArgs(
            "--port",
            "0",
            "--latency-ms",
            "800",
            "--latency-per-token-ms",
            "0.5",
            "--rpm",
            "2000",
            "--tpm",
            "4000000",
            "--faults",
            "throttle=2%,500@10",
            "--record-prompts",
            "/tmp/p.jsonl",
            "--s3-endpoint",
            "http://127.0.0.1:9090",
            "--min-batch-records",
            "10");
    LocalBedrock.Options o = main.options();
    assertThat(o.baseLatency).isEqualTo(Duration.ofMillis(800));
    assertThat(o.latencyPerOutputToken).isEqualTo(Duration.ofNanos(500_000));
    assertThat(o.requestsPerMinute).isEqualTo(2000);
    assertThat(o.tokensPerMinute).isEqualTo(4_000_000);
    assertThat(o.faults.rules()).hasSize(2);
    assertThat(o.faults.faultFor(10)).isEqualTo(Fault.INTERNAL);
    assertThat(o.recordPrompts).isEqualTo(Path.of("/tmp/p.jsonl"));
    assertThat(o.s3Endpoint.toString()).isEqualTo("http://127.0.0.1:9090");
    assertThat(o.minBatchRecords).isEqualTo(10);
    assertThat(o.keepPromptsInMemory).isFalse();
  }

  @Test
  void aBadFaultSpecIsAUsageErrorSayingWhy() {
    StringWriter err = new StringWriter();
    int code =
        new CommandLine(new BedrockLocalMain())
            .setErr(new PrintWriter(err))
            .execute("--faults", "explode=0.1");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("unknown fault 'explode'").contains("missing-criterion");
  }

  @Test
  void runsUntilStoppedAndServesConverse(@TempDir Path dir) throws Exception {
    BedrockLocalMain main = new BedrockLocalMain();
    Path prompts = dir.resolve("prompts.jsonl");
    new CommandLine(main).parseArgs("--port", "0", "--record-prompts", prompts.toString());
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<Integer> run = pool.submit(main);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (main.running() == null && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(main.running()).isNotNull();
      try (BedrockRuntimeClient client = runtime(main.running().endpoint())) {
        assertThat(client.converse(request(GOOD_CALL)).usage().inputTokens()).isPositive();
      }
      main.stop();
      assertThat(run.get(10, TimeUnit.SECONDS)).isZero();
      assertThat(Files.readAllLines(prompts)).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
