package com.cci.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One emulator running as a child process on a free port of this machine.
 *
 * <p>{@link #start()} installs the emulator if needed, launches it with its output going to a log
 * file, and polls a real API call until it answers (or the start-up timeout passes, or the process
 * dies — the error then carries the log tail). {@link #stop()} ends the process and all its
 * descendants: SIGTERM, a grace period, then SIGKILL. A JVM shutdown hook stops whatever is still
 * running when the JVM exits normally or on SIGINT/SIGTERM.
 *
 * <p>Subclasses are not thread-safe for concurrent start/stop; use one instance per owner.
 */
public abstract class EmulatorProcess implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmulatorProcess.class);
  private static final Set<EmulatorProcess> LIVE = ConcurrentHashMap.newKeySet();
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
  private static final int MAX_PORT_ATTEMPTS = 3;

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  // Not stop(): that waits for the monitor a starting emulator holds.
                  for (EmulatorProcess e : List.copyOf(LIVE)) {
                    Process p = e.process;
                    if (p != null) {
                      Processes.killTree(p.toHandle(), Duration.ofSeconds(2));
                    }
                  }
                },
                "cci-emulators-shutdown"));
  }

  private final String name;
  protected final EmulatorInstaller installer;
  private Duration startTimeout;
  private Duration stopGrace = Duration.ofSeconds(5);
  private Path logDir;

  private volatile Process process;
  private volatile URI endpoint;
  private Path logFile;
  private Duration startupTime;

  protected EmulatorProcess(String name, EmulatorInstaller installer, Duration startTimeout) {
    this.name = name;
    this.installer = Objects.requireNonNull(installer, "installer");
    this.startTimeout = startTimeout;
  }

  /** How long {@link #start()} waits for the first successful API call. */
  public EmulatorProcess startTimeout(Duration timeout) {
    this.startTimeout = Objects.requireNonNull(timeout);
    return this;
  }

  /** How long {@link #stop()} waits after SIGTERM before SIGKILL. */
  public EmulatorProcess stopGrace(Duration grace) {
    this.stopGrace = Objects.requireNonNull(grace);
    return this;
  }

  /**
   * Directory for the process log. Default: {@code target/emulator-logs} when the working directory
   * has a {@code target} directory (Maven builds), else {@code <cache>/logs}.
   */
  public EmulatorProcess logDir(Path dir) {
    this.logDir = dir;
    return this;
  }

  /** Short name, e.g. {@code kinesis-mock}. */
  public String name() {
    return name;
  }

  /** Installs if needed, launches the process and waits until it answers a real API call. */
  public final synchronized EmulatorProcess start() {
    if (isRunning()) {
      return this;
    }
    Path dir = logDir != null ? logDir : defaultLogDir(installer);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create log directory " + dir, e);
    }
    EmulatorException last = null;
    for (int attempt = 1; attempt <= MAX_PORT_ATTEMPTS; attempt++) {
      prepare(); // per attempt: a failed attempt's clean-up removes what prepare() made
      int port = Processes.freePort();
      int sidePort = Processes.freePort();
      logFile = dir.resolve(name + "-" + LocalDateTime.now().format(STAMP) + "-" + port + ".log");
      try {
        launchAndAwait(port, sidePort);
        return this;
      } catch (PortTakenException e) {
        last = e;
        LOG.warn("{}: port {} was taken, retrying with another", name, port);
      }
    }
    throw last;
  }

  private void launchAndAwait(int port, int sidePort) {
    List<String> cmd = command(port, sidePort);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    pb.environment().putAll(environment(port, sidePort));
    Path wd = workingDirectory();
    if (wd != null) {
      pb.directory(wd.toFile());
    }
    long t0 = System.nanoTime();
    try {
      process = pb.start();
    } catch (IOException e) {
      afterStop();
      throw new EmulatorException(
          name + ": cannot launch `" + String.join(" ", cmd) + "`: " + e.getMessage(), e);
    }
    LIVE.add(this);
    URI uri = URI.create("http://127.0.0.1:" + port);
    long deadline = t0 + startTimeout.toNanos();
    Exception lastProbe = null;
    while (true) {
      if (!process.isAlive()) {
        int code = process.exitValue();
        cleanUpAfterFailure();
        String tail = Processes.tail(logFile, 40);
        String msg =
            name
                + " exited with code "
                + code
                + " during start-up (`"
                + String.join(" ", cmd)
                + "`); log "
                + logFile
                + ":\n"
                + tail;
        if (tail.contains("EADDRINUSE")
            || tail.contains("Address already in use")
            || tail.contains("BindException")) {
          throw new PortTakenException(msg);
        }
        throw new EmulatorException(msg);
      }
      try {
        if (healthy(uri)) {
          break;
        }
      } catch (Exception e) {
        lastProbe = e;
      }
      if (System.nanoTime() > deadline) {
        cleanUpAfterFailure();
        throw new EmulatorException(
            name
                + " did not answer on "
                + uri
                + " within "
                + startTimeout
                + (lastProbe == null ? "" : " (last probe: " + lastProbe + ")")
                + "; log "
                + logFile
                + ":\n"
                + Processes.tail(logFile, 40));
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        cleanUpAfterFailure();
        throw new EmulatorException(name + ": interrupted during start-up", e);
      }
    }
    endpoint = uri;
    startupTime = Duration.ofNanos(System.nanoTime() - t0);
    LOG.info(
        "{} up on {} in {} ms (pid {}, log {})",
        name,
        endpoint,
        startupTime.toMillis(),
        process.pid(),
        logFile);
  }

  private void cleanUpAfterFailure() {
    if (process != null) {
      Processes.killTree(process.toHandle(), Duration.ofSeconds(2));
    }
    LIVE.remove(this);
    process = null;
    afterStop();
  }

  /** Prepares files before launching (installs the emulator, creates directories). */
  protected void prepare() {}

  /** The command line; {@code sidePort} is a second free port for emulators that need two. */
  protected abstract List<String> command(int port, int sidePort);

  /** Extra environment for the child process. */
  protected Map<String, String> environment(int port, int sidePort) {
    return Map.of();
  }

  /** Working directory of the child, or null for the current one. */
  protected Path workingDirectory() {
    return null;
  }

  /** One health probe: true when the emulator answered a real API call successfully. */
  protected abstract boolean healthy(URI endpoint) throws Exception;

  /** Called after the process is gone (normal stop or failed start): remove temporary files. */
  protected void afterStop() {}

  /** The plain-HTTP endpoint, e.g. {@code http://127.0.0.1:45678}. */
  public URI endpoint() {
    if (endpoint == null) {
      throw new IllegalStateException(name + " is not started");
    }
    return endpoint;
  }

  /** True while the child process is alive. */
  public boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** The child's process handle (for checks that it and its descendants are gone). */
  public ProcessHandle processHandle() {
    if (process == null) {
      throw new IllegalStateException(name + " is not started");
    }
    return process.toHandle();
  }

  /** Time from launch to the first successful API call. */
  public Duration startupTime() {
    return startupTime;
  }

  /** Resident memory of the child process now, where the OS tells ({@code /proc}). */
  public OptionalLong rssBytes() {
    return process == null ? OptionalLong.empty() : Processes.rssBytes(process.pid());
  }

  /** The log file of the current (or last) run. */
  public Path logFile() {
    return logFile;
  }

  /**
   * Stops the process and its descendants (SIGTERM, grace period, SIGKILL). Idempotent.
   *
   * @throws EmulatorException when a process survived SIGKILL
   */
  public final synchronized void stop() {
    Process p = process;
    if (p == null) {
      return;
    }
    List<ProcessHandle> tree = new ArrayList<>();
    p.descendants().forEach(tree::add);
    tree.add(p.toHandle());
    boolean gone = Processes.killTree(p.toHandle(), stopGrace);
    process = null;
    endpoint = null;
    LIVE.remove(this);
    afterStop();
    if (!gone) {
      throw new EmulatorException(
          name
              + ": processes still alive after SIGKILL: "
              + tree.stream().filter(ProcessHandle::isAlive).toList());
    }
    LOG.info("{} stopped (pid {})", name, p.pid());
  }

  @Override
  public void close() {
    stop();
  }

  @Override
  public String toString() {
    return name + (endpoint == null ? " (stopped)" : " " + endpoint);
  }

  static Path defaultLogDir(EmulatorInstaller installer) {
    String prop = System.getProperty("cci.emulator.logs");
    if (prop != null && !prop.isBlank()) {
      return Path.of(prop);
    }
    Path target = Path.of("target");
    if (Files.isDirectory(target)) {
      return target.toAbsolutePath().resolve("emulator-logs");
    }
    return installer.home().resolve("logs");
  }

  /** The child died because its port was taken between our check and its bind. */
  private static final class PortTakenException extends EmulatorException {
    private static final long serialVersionUID = 1L;

    PortTakenException(String message) {
      super(message);
    }
  }
}
