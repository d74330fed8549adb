package com.cci.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * Installs the local emulators into the CCI cache directory on first use, so a clean machine with
 * only a JDK, Maven and Node/npm can run every integration test and {@code ./cci demo}.
 *
 * <ul>
 *   <li>kinesis-mock: {@code npm install kinesis-local@<version>} into {@code
 *       <home>/kinesis-local}.
 *   <li>DynamoDB Local: its jar, dependency jars and sqlite4java natives, copied by Maven ({@code
 *       dependency:copy-dependencies}) into {@code <home>/dynamodb-local/lib}.
 *   <li>S3Mock: the runnable {@code exec} jar, copied by Maven ({@code dependency:copy}) into
 *       {@code <home>/s3mock}.
 * </ul>
 *
 * <p>The cache directory is the system property {@code cci.home}, else the environment variable
 * {@code CCI_HOME}, else {@code ~/.cache/cci}. Installing is idempotent and safe when several JVMs
 * (parallel test forks, helper processes) install at once: each emulator is installed under a file
 * lock, into a temporary directory that is moved into place, and a marker file with the version is
 * written last. An installation without a marker (an interrupted one) is removed and redone.
 *
 * <p>Maven is {@code $MVN}, else {@code mvn} on {@code PATH}, else the project's {@code ./mvnw}
 * (searched upwards from the working directory). Node and npm are looked up on {@code PATH}.
 */
public final class EmulatorInstaller {
  /** The emulators this class installs. */
  public enum Emulator {
    KINESIS_MOCK("kinesis-local"),
    DYNAMODB_LOCAL("dynamodb-local"),
    S3MOCK("s3mock");

    private final String dirName;

    Emulator(String dirName) {
      this.dirName = dirName;
    }

    /** Directory name under the cache directory. */
    public String dirName() {
      return dirName;
    }

    /** The pinned version. */
    public String version() {
      return switch (this) {
        case KINESIS_MOCK -> EmulatorVersions.KINESIS_LOCAL;
        case DYNAMODB_LOCAL -> EmulatorVersions.DYNAMODB_LOCAL;
        case S3MOCK -> EmulatorVersions.S3MOCK;
      };
    }
  }

  /** System property naming the cache directory. */
  public static final String HOME_PROPERTY = "cci.home";

  /** Environment variable naming the cache directory. */
  public static final String HOME_ENV = "CCI_HOME";

  static final String MARKER = ".cci-installed";

  /** File in the cache directory with one line per completed installation. */
  public static final String INSTALL_LOG = "installs.log";

  private static final String DEPENDENCY_PLUGIN_VERSION = "3.8.1";
  private static final Duration NPM_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration MAVEN_TIMEOUT = Duration.ofMinutes(15);
  private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

  private final Path home;

  public EmulatorInstaller(Path home) {
    this.home = home.toAbsolutePath().normalize();
  }

  /** An installer for {@link #defaultHome()}. */
  public static EmulatorInstaller defaults() {
    return new EmulatorInstaller(defaultHome());
  }

  /** {@code -Dcci.home}, else {@code $CCI_HOME}, else {@code ~/.cache/cci}. */
  public static Path defaultHome() {
    String prop = System.getProperty(HOME_PROPERTY);
    if (prop != null && !prop.isBlank()) {
      return Path.of(prop).toAbsolutePath();
    }
    String env = System.getenv(HOME_ENV);
    if (env != null && !env.isBlank()) {
      return Path.of(env).toAbsolutePath();
    }
    return Path.of(System.getProperty("user.home"), ".cache", "cci");
  }

  /** The cache directory. */
  public Path home() {
    return home;
  }

  /** Where an emulator is (or would be) installed. */
  public Path dir(Emulator e) {
    return home.resolve(e.dirName());
  }

  /** True when the emulator is installed at its pinned version. */
  public boolean isInstalled(Emulator e) {
    Path marker = dir(e).resolve(MARKER);
    try {
      return Files.isRegularFile(marker)
          && Files.readString(marker, StandardCharsets.UTF_8).trim().equals(e.version());
    } catch (IOException ex) {
      return false;
    }
  }

  /** Installs every emulator that is missing; returns the installation directories. */
  public Map<Emulator, Path> installAll() {
    kinesisMockMain();
    dynamoDbLocalLib();
    s3MockJar();
    return Map.of(
        Emulator.KINESIS_MOCK, dir(Emulator.KINESIS_MOCK),
        Emulator.DYNAMODB_LOCAL, dir(Emulator.DYNAMODB_LOCAL),
        Emulator.S3MOCK, dir(Emulator.S3MOCK));
  }

  /** The kinesis-mock package directory ({@code server.json} and {@code main.js} live there). */
  public Path kinesisMockPackage() {
    install(Emulator.KINESIS_MOCK);
    return dir(Emulator.KINESIS_MOCK).resolve("node_modules").resolve("kinesis-local");
  }

  /** kinesis-mock's {@code main.js}, installed if needed. */
  public Path kinesisMockMain() {
    return kinesisMockPackage().resolve("main.js");
  }

  /** DynamoDB Local's {@code lib} directory (all jars and natives), installed if needed. */
  public Path dynamoDbLocalLib() {
    install(Emulator.DYNAMODB_LOCAL);
    return dir(Emulator.DYNAMODB_LOCAL).resolve("lib");
  }

  /** The S3Mock runnable jar, installed if needed. */
  public Path s3MockJar() {
    install(Emulator.S3MOCK);
    return dir(Emulator.S3MOCK).resolve("s3mock-" + Emulator.S3MOCK.version() + "-exec.jar");
  }

  /** Installs one emulator unless it is already installed at its pinned version. */
  public void install(Emulator e) {
    if (isInstalled(e)) {
      return;
    }
    withLock(
        e,
        () -> {
          if (isInstalled(e)) {
            return; // another JVM or thread finished it while we waited
          }
          Path target = dir(e);
          Path work = home.resolve(".tmp").resolve(e.dirName() + "-" + UUID.randomUUID());
          Path out = work.resolve("out");
          Files.createDirectories(out);
          try {
            switch (e) {
              case KINESIS_MOCK -> installKinesisMock(out, work);
              case DYNAMODB_LOCAL -> installWithMaven(e, out, work);
              case S3MOCK -> installWithMaven(e, out, work);
            }
            verify(e, out);
            Files.writeString(out.resolve(MARKER), e.version() + "\n", StandardCharsets.UTF_8);
            Processes.deleteTree(target); // stale, interrupted or other-version install
            Files.move(out, target, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(
                home.resolve(INSTALL_LOG),
                java.time.Instant.now()
                    + " installed "
                    + e.dirName()
                    + " "
                    + e.version()
                    + " (pid "
                    + ProcessHandle.current().pid()
                    + ")\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
          } finally {
            Processes.deleteTree(work);
          }
        });
  }

  private void installKinesisMock(Path out, Path work) throws IOException {
    Path npm =
        Processes.findOnPath("npm")
            .orElseThrow(
                () ->
                    new EmulatorException(
                        "npm is not on PATH: kinesis-mock is an npm package (kinesis-local). Install"
                            + " Node.js 20+ with npm and retry."));
    run(
        List.of(
            npm.toString(),
            "install",
            "--no-audit",
            "--no-fund",
            "--prefix",
            out.toString(),
            "kinesis-local@" + Emulator.KINESIS_MOCK.version()),
        work,
        work.resolve("npm.log"),
        NPM_TIMEOUT,
        Map.of());
  }

  private void installWithMaven(Emulator e, Path out, Path work) throws IOException {
    String template;
    try (InputStream in = getClass().getResourceAsStream("/local/emulators-pom.xml")) {
      if (in == null) {
        throw new EmulatorException("resource local/emulators-pom.xml missing from the classpath");
      }
      template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Path outDir = e == Emulator.DYNAMODB_LOCAL ? out.resolve("lib") : out;
    String pom =
        template
            .replace("@DYNAMODB_LOCAL_VERSION@", EmulatorVersions.DYNAMODB_LOCAL)
            .replace("@S3MOCK_VERSION@", EmulatorVersions.S3MOCK)
            .replace("@DEPENDENCY_PLUGIN_VERSION@", DEPENDENCY_PLUGIN_VERSION)
            .replace("@DYNAMODB_LOCAL_LIB@", xmlEscape(outDir.toString()))
            .replace("@S3MOCK_DIR@", xmlEscape(outDir.toString()));
    Path pomFile = work.resolve("pom.xml");
    Files.writeString(pomFile, pom, StandardCharsets.UTF_8);
    String goal =
        e == Emulator.DYNAMODB_LOCAL
            ? "dependency:copy-dependencies@dynamodb-local"
            : "dependency:copy@s3mock";
    List<String> cmd = new ArrayList<>(mavenCommand());
    cmd.addAll(List.of("-q", "-B", "-f", pomFile.toString(), goal));
    run(cmd, work, work.resolve("mvn.log"), MAVEN_TIMEOUT, Map.of());
  }

  private void verify(Emulator e, Path out) throws IOException {
    switch (e) {
      case KINESIS_MOCK -> {
        Path pkg = out.resolve("node_modules").resolve("kinesis-local");
        for (String f : List.of("main.js", "server.json", "package.json")) {
          if (!Files.isRegularFile(pkg.resolve(f))) {
            throw new EmulatorException("npm finished but " + pkg.resolve(f) + " is missing");
          }
        }
        String pj = Files.readString(pkg.resolve("package.json"), StandardCharsets.UTF_8);
        if (!pj.replace(" ", "").contains("\"version\":\"" + e.version() + "\"")) {
          throw new EmulatorException(
              "npm installed a kinesis-local other than " + e.version() + ": " + pkg);
        }
      }
      case DYNAMODB_LOCAL -> {
        Path lib = out.resolve("lib");
        Path jar = lib.resolve("DynamoDBLocal-" + e.version() + ".jar");
        if (!Files.isRegularFile(jar)) {
          throw new EmulatorException("Maven finished but " + jar + " is missing");
        }
        try (Stream<Path> s = Files.list(lib)) {
          if (s.noneMatch(p -> p.getFileName().toString().startsWith("sqlite4java-"))) {
            throw new EmulatorException("Maven finished but no sqlite4java jar is in " + lib);
          }
        }
      }
      case S3MOCK -> {
        Path jar = out.resolve("s3mock-" + e.version() + "-exec.jar");
        if (!Files.isRegularFile(jar)) {
          throw new EmulatorException("Maven finished but " + jar + " is missing");
        }
      }
    }
  }

  /**
   * The Maven command: {@code $MVN}, else {@code mvn} on PATH, else {@code mvnw} found by walking
   * up from the working directory.
   */
  static List<String> mavenCommand() {
    String env = System.getenv("MVN");
    if (env != null && !env.isBlank()) {
      return List.of(env);
    }
    Optional<Path> mvn = Processes.findOnPath("mvn");
    if (mvn.isPresent()) {
      return List.of(mvn.get().toString());
    }
    String wrapper = Processes.WINDOWS ? "mvnw.cmd" : "mvnw";
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path w = dir.resolve(wrapper);
      if (Files.isRegularFile(w)) {
        return List.of(w.toString());
      }
    }
    throw new EmulatorException(
        "Maven not found: set MVN, put mvn on PATH, or run from inside the project (./mvnw)");
  }

  private static void run(
      List<String> cmd, Path dir, Path log, Duration timeout, Map<String, String> env)
      throws IOException {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    pb.redirectOutput(log.toFile());
    // A Maven child must find its own project base dir, not the one of a Maven build running us.
    pb.environment().remove("MAVEN_PROJECTBASEDIR");
    pb.environment().putAll(env);
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new EmulatorException("cannot run " + String.join(" ", cmd) + ": " + e.getMessage(), e);
    }
    boolean done;
    try {
      done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Processes.killTree(p.toHandle(), Duration.ofSeconds(2));
      Thread.currentThread().interrupt();
      throw new EmulatorException("interrupted while running " + String.join(" ", cmd), e);
    }
    if (!done) {
      Processes.killTree(p.toHandle(), Duration.ofSeconds(2));
      throw new EmulatorException(
          "`"
              + String.join(" ", cmd)
              + "` did not finish within "
              + timeout
              + "; last output:\n"
              + Processes.tail(log, 30));
    }
    if (p.exitValue() != 0) {
      throw new EmulatorException(
          "`"
              + String.join(" ", cmd)
              + "` (in "
              + dir
              + ") failed with exit code "
              + p.exitValue()
              + "; last output:\n"
              + Processes.tail(log, 30));
    }
  }

  @FunctionalInterface
  private interface IoAction {
    void run() throws IOException;
  }

  private void withLock(Emulator e, IoAction action) {
    Path lockFile = home.resolve(".locks").resolve(e.dirName() + ".lock");
    ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(lockFile, k -> new ReentrantLock());
    jvmLock.lock(); // FileChannel.lock is per JVM; threads of one JVM queue here
    try {
      Files.createDirectories(lockFile.getParent());
      try (FileChannel ch =
              FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock ignored = ch.lock()) {
        action.run();
      }
    } catch (IOException ex) {
      throw new UncheckedIOException("installing " + e.dirName() + " into " + home + " failed", ex);
    } finally {
      jvmLock.unlock();
    }
  }

  private static String xmlEscape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
