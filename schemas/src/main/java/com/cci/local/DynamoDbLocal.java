package com.cci.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * DynamoDB Local in a child JVM, in memory, bound to 127.0.0.1.
 *
 * <p>It must never be on a caller's classpath: its antlr4-runtime clashes with Spark's. The child
 * runs {@link DynamoDbLauncher} (copied next to the jars at start) which builds the server exactly
 * as {@code ServerRunner} does from {@code -inMemory -sharedDb -disableTelemetry -port P} and binds
 * its connector to the loopback address, since DynamoDB Local itself has no bind-address option.
 * {@code -sharedDb} makes every access key and region see the same tables, so the tests, the jobs
 * and {@code ./cci} commands share data however their credentials are set. sqlite4java's natives
 * are extracted by DynamoDB Local itself.
 */
public final class DynamoDbLocal extends EmulatorProcess {
  /**
   * Default child JVM options: C1 only and the serial collector roughly halve start-up on a busy
   * 2-core machine (measured 1.3-1.7 s vs 2.4-3.7 s) at the cost of peak throughput, which tests do
   * not need.
   */
  public static final List<String> DEFAULT_JVM_ARGS =
      List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

  private final List<String> jvmArgs = new ArrayList<>(DEFAULT_JVM_ARGS);
  private Path lib;
  private Path launcherDir;

  public DynamoDbLocal() {
    this(EmulatorInstaller.defaults());
  }

  public DynamoDbLocal(EmulatorInstaller installer) {
    super("dynamodb-local", installer, Duration.ofSeconds(60));
  }

  /** Replaces the child JVM's options (default {@link #DEFAULT_JVM_ARGS}). */
  public DynamoDbLocal jvmArgs(List<String> args) {
    jvmArgs.clear();
    jvmArgs.addAll(args);
    return this;
  }

  @Override
  protected void prepare() {
    lib = installer.dynamoDbLocalLib();
    try {
      Path runs = installer.home().resolve("run");
      Files.createDirectories(runs);
      launcherDir = Files.createTempDirectory(runs, "dynamodb-launcher-");
      Path cls = launcherDir.resolve("com/cci/local/DynamoDbLauncher.class");
      Files.createDirectories(cls.getParent());
      try (InputStream in = DynamoDbLauncher.class.getResourceAsStream("DynamoDbLauncher.class")) {
        if (in == null) {
          throw new EmulatorException("DynamoDbLauncher.class not found on the classpath");
        }
        Files.copy(in, cls);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the DynamoDB Local launcher", e);
    }
  }

  @Override
  protected List<String> command(int port, int sidePort) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Processes.javaExecutable().toString());
    cmd.addAll(jvmArgs);
    cmd.add("-cp");
    cmd.add(launcherDir + java.io.File.pathSeparator + lib.resolve("*"));
    cmd.add(DynamoDbLauncher.class.getName());
    cmd.addAll(
        List.of("-inMemory", "-sharedDb", "-disableTelemetry", "-port", Integer.toString(port)));
    return cmd;
  }

  @Override
  protected boolean healthy(URI endpoint) throws Exception {
    return KinesisMock.awsJsonCall(
            endpoint, "DynamoDB_20120810.ListTables", "application/x-amz-json-1.0", "dynamodb")
        == 200;
  }

  @Override
  protected void afterStop() {
    Processes.deleteTree(launcherDir);
    launcherDir = null;
  }
}
