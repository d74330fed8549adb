package com.cci.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Adobe S3Mock (runnable {@code exec} jar) in a child JVM, storing objects in a temporary directory
 * that is deleted on stop.
 *
 * <p>The endpoint is S3Mock's main connector ({@code server.port}), switched to plain HTTP ({@code
 * server.ssl.enabled=false}) and bound to 127.0.0.1 ({@code server.address}). Use path-style
 * addressing. <b>Network exposure:</b> S3Mock always adds a second HTTP connector ({@code
 * http.port}, default 9090) that ignores {@code server.address} and listens on all interfaces; it
 * gets a random free port here so parallel runs do not collide, and nothing uses it.
 */
public final class S3Mock extends EmulatorProcess {
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

  private final Set<String> buckets = new LinkedHashSet<>();

  /**
   * Default child JVM options: C1 only and the serial collector; S3Mock (Spring Boot) starts in
   * 5.7-8 s instead of 13-19 s on a busy 2-core machine.
   */
  public static final List<String> DEFAULT_JVM_ARGS =
      List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

  private final List<String> jvmArgs = new ArrayList<>(DEFAULT_JVM_ARGS);
  private Path jar;
  private Path root;

  public S3Mock(String... initialBuckets) {
    this(EmulatorInstaller.defaults(), initialBuckets);
  }

  public S3Mock(EmulatorInstaller installer, String... initialBuckets) {
    super("s3mock", installer, Duration.ofSeconds(90));
    for (String b : initialBuckets) {
      if (!BUCKET.matcher(b).matches()) {
        throw new IllegalArgumentException(
            "invalid S3 bucket name '" + b + "': 3-63 of a-z, 0-9, '.', '-'");
      }
      buckets.add(b);
    }
  }

  /** Buckets created at start-up. */
  public Set<String> buckets() {
    return Set.copyOf(buckets);
  }

  /** Replaces the child JVM's options (default {@link #DEFAULT_JVM_ARGS}). */
  public S3Mock jvmArgs(List<String> args) {
    jvmArgs.clear();
    jvmArgs.addAll(args);
    return this;
  }

  @Override
  protected void prepare() {
    jar = installer.s3MockJar();
    try {
      Path runs = installer.home().resolve("run");
      Files.createDirectories(runs);
      root = Files.createTempDirectory(runs, "s3mock-root-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the S3Mock store directory", e);
    }
  }

  @Override
  protected List<String> command(int port, int sidePort) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Processes.javaExecutable().toString());
    cmd.addAll(jvmArgs);
    cmd.add("-jar");
    cmd.add(jar.toString());
    cmd.add("--server.address=127.0.0.1");
    cmd.add("--server.port=" + port);
    cmd.add("--server.ssl.enabled=false");
    cmd.add("--http.port=" + sidePort);
    cmd.add("--com.adobe.testing.s3mock.store.root=" + root);
    cmd.add("--com.adobe.testing.s3mock.store.retain-files-on-exit=false");
    if (!buckets.isEmpty()) {
      cmd.add("--com.adobe.testing.s3mock.store.initial-buckets=" + String.join(",", buckets));
    }
    cmd.add("--spring.main.banner-mode=off");
    return cmd;
  }

  @Override
  protected boolean healthy(URI endpoint) throws Exception {
    return HttpProbe.status(endpoint, "GET", java.util.Map.of(), null) == 200; // ListBuckets
  }

  @Override
  protected void afterStop() {
    Processes.deleteTree(root);
    root = null;
  }
}
