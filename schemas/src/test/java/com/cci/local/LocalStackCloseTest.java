package com.cci.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link LocalStack#close()} stops every process even when stopping one of them fails. */
class LocalStackCloseTest {

  /** A child process ({@code sleep}) whose clean-up fails after the process is gone. */
  static final class Sleeper extends EmulatorProcess {
    final boolean failOnStop;
    final List<String> command;

    Sleeper(EmulatorInstaller installer, boolean failOnStop) {
      this(installer, failOnStop, List.of("sleep", "60"));
    }

    Sleeper(EmulatorInstaller installer, boolean failOnStop, List<String> command) {
      super(failOnStop ? "failing-sleeper" : "sleeper", installer, java.time.Duration.ofSeconds(5));
      this.failOnStop = failOnStop;
      this.command = command;
    }

    @Override
    protected List<String> command(int port, int sidePort) {
      return command;
    }

    @Override
    protected boolean healthy(URI endpoint) {
      return true;
    }

    @Override
    protected void afterStop() {
      if (failOnStop) {
        throw new EmulatorException("clean-up of " + name() + " failed");
      }
    }
  }

  @Test
  void closeStopsAllEvenIfOneFails(@TempDir java.nio.file.Path home) {
    assumeFalse(Processes.WINDOWS, "uses sleep(1)");
    EmulatorInstaller installer = new EmulatorInstaller(home);
    Sleeper failing = new Sleeper(installer, true);
    Sleeper fine = new Sleeper(installer, false);
    failing.logDir(home).start();
    fine.logDir(home).start();
    ProcessHandle a = failing.processHandle();
    ProcessHandle b = fine.processHandle();

    LocalStack stack =
        LocalStack.of(
            Map.of(
                LocalStack.Service.KINESIS, failing.endpoint(),
                LocalStack.Service.S3, fine.endpoint()),
            Map.of(LocalStack.Service.KINESIS, failing, LocalStack.Service.S3, fine));

    assertThatThrownBy(stack::close)
        .isInstanceOf(EmulatorException.class)
        .hasMessageContaining("clean-up of failing-sleeper failed");
    assertThat(a.isAlive()).isFalse();
    assertThat(b.isAlive()).isFalse();
    assertThat(fine.isRunning()).isFalse();
  }

  @Test
  void stopKillsTheProcessAndItsDescendants(@TempDir java.nio.file.Path home) throws Exception {
    assumeFalse(Processes.WINDOWS, "uses sh and sleep");
    // like npx: a parent that ignores SIGTERM and a child doing the work
    Sleeper wrapper =
        new Sleeper(
            new EmulatorInstaller(home),
            false,
            List.of("sh", "-c", "trap '' TERM; sleep 60 & sleep 61; wait"));
    wrapper.logDir(home).stopGrace(java.time.Duration.ofMillis(500)).start();
    ProcessHandle root = wrapper.processHandle();
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (root.descendants().count() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    List<ProcessHandle> tree = new java.util.ArrayList<>(root.descendants().toList());
    assertThat(tree).hasSizeGreaterThanOrEqualTo(2);
    tree.add(root);

    wrapper.stop();

    for (ProcessHandle h : tree) {
      assertThat(h.isAlive()).as("pid %d", h.pid()).isFalse();
    }
    assertThat(wrapper.isRunning()).isFalse();
  }

  @Test
  void existingEndpointsFromTheEnvironmentAreUsedInsteadOfStarting() {
    LocalStack stack =
        LocalStack.builder()
            .kinesis()
            .dynamodb()
            .s3("b1")
            .environment(
                Map.of(
                    "AWS_ENDPOINT_URL", "http://localhost.localstack.cloud:4566",
                    "AWS_ENDPOINT_URL_KINESIS", "http://127.0.0.1:4567"))
            .start();
    try (stack) {
      assertThat(stack.processes()).isEmpty();
      assertThat(stack.kinesisEndpoint()).isEqualTo(URI.create("http://127.0.0.1:4567"));
      assertThat(stack.dynamoDbEndpoint())
          .isEqualTo(URI.create("http://localhost.localstack.cloud:4566"));
      assertThat(stack.s3Endpoint())
          .isEqualTo(URI.create("http://localhost.localstack.cloud:4566"));
      assertThat(stack.allLocal()).isFalse();
      // no dummy keys for external endpoints: the caller's credentials apply
      assertThat(stack.env())
          .containsEntry("AWS_ENDPOINT_URL_KINESIS", "http://127.0.0.1:4567")
          .containsEntry("AWS_ENDPOINT_URL_S3", "http://localhost.localstack.cloud:4566")
          .doesNotContainKey("AWS_ACCESS_KEY_ID");
    }
  }

  @Test
  void ignoreConfiguredEndpointsFlagIsHonoured() {
    LocalStack.Builder b =
        LocalStack.builder()
            .kinesis()
            .environment(
                Map.of(
                    "AWS_ENDPOINT_URL", "http://127.0.0.1:4566",
                    "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"));
    assertThat(b.configuredEndpoint(LocalStack.Service.KINESIS)).isEmpty();
  }

  @Test
  void badEndpointVariableIsAClearError() {
    LocalStack.Builder b =
        LocalStack.builder()
            .dynamodb()
            .environment(Map.of("AWS_ENDPOINT_URL_DYNAMODB", "localhost"));
    assertThatThrownBy(b::start)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("AWS_ENDPOINT_URL_DYNAMODB='localhost'");
  }

  @Test
  void askingForAServiceNotInTheStackIsAClearError() {
    LocalStack stack =
        LocalStack.builder()
            .kinesis()
            .environment(Map.of("AWS_ENDPOINT_URL_KINESIS", "http://127.0.0.1:4567"))
            .start();
    assertThatThrownBy(stack::s3Endpoint)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("S3 is not part of this stack");
  }

  @Test
  void emptyStackIsRejected() {
    assertThatThrownBy(() -> LocalStack.builder().start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no service chosen");
  }

  @Test
  void loopbackDetection() {
    assertThat(AwsClients.isLoopback(URI.create("http://127.0.0.1:4566"))).isTrue();
    assertThat(AwsClients.isLoopback(URI.create("http://localhost:4566"))).isTrue();
    assertThat(AwsClients.isLoopback(URI.create("http://[::1]:4566"))).isTrue();
    assertThat(AwsClients.isLoopback(URI.create("https://kinesis.us-east-1.amazonaws.com")))
        .isFalse();
    assertThat(AwsClients.isLoopback(URI.create("http://10.0.0.5:4566"))).isFalse();
  }
}
