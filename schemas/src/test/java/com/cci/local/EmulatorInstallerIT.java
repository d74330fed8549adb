package com.cci.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.local.EmulatorInstaller.Emulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmulatorInstallerIT {

  private static long installLines(Path home, String dirName) throws IOException {
    Path log = home.resolve(EmulatorInstaller.INSTALL_LOG);
    if (!Files.exists(log)) {
      return 0;
    }
    try (Stream<String> lines = Files.lines(log)) {
      return lines.filter(l -> l.contains(" installed " + dirName + " ")).count();
    }
  }

  @Test
  void installAllIsIdempotent() throws Exception {
    EmulatorInstaller installer = EmulatorInstaller.defaults();
    installer.installAll();
    Map<Emulator, FileTime> marker = new java.util.EnumMap<>(Emulator.class);
    Map<Emulator, Long> lines = new java.util.EnumMap<>(Emulator.class);
    for (Emulator e : Emulator.values()) {
      assertThat(installer.isInstalled(e)).isTrue();
      marker.put(e, Files.getLastModifiedTime(installer.dir(e).resolve(EmulatorInstaller.MARKER)));
      lines.put(e, installLines(installer.home(), e.dirName()));
    }
    long t0 = System.nanoTime();
    installer.installAll();
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertThat(ms).as("second installAll must not reinstall").isLessThan(2_000);
    for (Emulator e : Emulator.values()) {
      assertThat(Files.getLastModifiedTime(installer.dir(e).resolve(EmulatorInstaller.MARKER)))
          .isEqualTo(marker.get(e));
      assertThat(installLines(installer.home(), e.dirName())).isEqualTo(lines.get(e));
    }
    assertThat(installer.kinesisMockMain()).isRegularFile();
    assertThat(installer.kinesisMockPackage().resolve("server.json")).isRegularFile();
    assertThat(installer.s3MockJar()).isRegularFile().hasFileName("s3mock-5.2.0-exec.jar");
    try (Stream<Path> lib = Files.list(installer.dynamoDbLocalLib())) {
      List<String> names = lib.map(p -> p.getFileName().toString()).toList();
      assertThat(names)
          .contains("DynamoDBLocal-2.6.1.jar", "sqlite4java-1.0.392.jar")
          .anyMatch(n -> n.startsWith("libsqlite4java-linux-amd64"));
    }
  }

  @Test
  void concurrentInstallsFromSeveralJvmsInstallOnce(@TempDir Path home) throws Exception {
    List<Process> children = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      children.add(ChildJvm.start(ChildJvm.cci(home, Map.of(), "stack", "install", "kinesis")));
    }
    EmulatorInstaller inJvm = new EmulatorInstaller(home);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<Path>> threads = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      threads.add(pool.submit((Callable<Path>) inJvm::kinesisMockMain));
    }
    for (Future<Path> f : threads) {
      assertThat(f.get(5, TimeUnit.MINUTES)).isRegularFile();
    }
    pool.shutdown();
    for (Process p : children) {
      assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.exitValue()).as(out).isZero();
      assertThat(out).contains("kinesis-local").contains(home.toString());
    }
    assertThat(installLines(home, "kinesis-local")).isEqualTo(1);
    assertThat(inJvm.isInstalled(Emulator.KINESIS_MOCK)).isTrue();
    try (Stream<Path> tmp = Files.list(home.resolve(".tmp"))) {
      assertThat(tmp).as("temporary install directories are removed").isEmpty();
    }
  }

  @Test
  void interruptedInstallIsRedone(@TempDir Path home) throws Exception {
    EmulatorInstaller installer = new EmulatorInstaller(home);
    Path dir = installer.dir(Emulator.KINESIS_MOCK);
    Files.createDirectories(dir.resolve("node_modules/kinesis-local"));
    Files.writeString(dir.resolve("node_modules/kinesis-local/main.js"), "half-written");
    assertThat(installer.isInstalled(Emulator.KINESIS_MOCK)).isFalse();

    Path main = installer.kinesisMockMain();
    assertThat(Files.size(main)).isGreaterThan(1_000_000);
    assertThat(installer.isInstalled(Emulator.KINESIS_MOCK)).isTrue();
  }

  @Test
  void failingMavenReportsCommandAndOutputTail(@TempDir Path home) throws Exception {
    Path fakeMvn = home.resolve("fake-mvn.sh");
    Files.writeString(
        fakeMvn,
        "#!/bin/sh\necho \"fake maven was called with: $*\"\necho boom-from-fake-maven\nexit 7\n");
    fakeMvn.toFile().setExecutable(true);
    Process p =
        ChildJvm.start(
            ChildJvm.cci(home, Map.of("MVN", fakeMvn.toString()), "stack", "install", "s3"));
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).isNotZero();
    assertThat(out)
        .contains("failed with exit code 7")
        .contains("boom-from-fake-maven")
        .contains("dependency:copy@s3mock");
    assertThat(new EmulatorInstaller(home).isInstalled(Emulator.S3MOCK)).isFalse();
  }

  @Test
  void missingNpmIsAClearError(@TempDir Path home) throws Exception {
    Process p =
        ChildJvm.start(
            ChildJvm.cci(home, Map.of("PATH", home.toString()), "stack", "install", "kinesis"));
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).isNotZero();
    assertThat(out).contains("npm is not on PATH");
  }
}
