package com.cci.local;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Small process, file and port helpers shared by the installer and the emulators. */
public final class Processes {
  private Processes() {}

  static final boolean WINDOWS =
      System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

  /**
   * A free TCP port on the loopback interface, as chosen by the OS. There is a small window in
   * which another process can take it before the emulator binds it; emulators fail fast then and
   * callers retry with a new port.
   */
  public static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free port on 127.0.0.1", e);
    }
  }

  /**
   * Stops a process and every descendant: a polite {@code destroy()} (SIGTERM) to all, a wait of
   * {@code grace}, then {@code destroyForcibly()} (SIGKILL) for what is still alive, and a final
   * wait. Descendants are collected before the parent goes, so none are orphaned.
   *
   * @return true when the process and all its descendants are gone
   */
  public static boolean killTree(ProcessHandle root, Duration grace) {
    List<ProcessHandle> all = new ArrayList<>();
    root.descendants().forEach(all::add);
    all.add(root);
    for (ProcessHandle h : all) {
      h.destroy();
    }
    long deadline = System.nanoTime() + grace.toNanos();
    for (ProcessHandle h : all) {
      waitFor(h, Math.max(0, deadline - System.nanoTime()));
    }
    for (ProcessHandle h : all) {
      if (h.isAlive()) {
        h.destroyForcibly();
      }
    }
    boolean gone = true;
    for (ProcessHandle h : all) {
      gone &= waitFor(h, TimeUnit.SECONDS.toNanos(10));
    }
    return gone;
  }

  private static boolean waitFor(ProcessHandle h, long nanos) {
    if (!h.isAlive()) {
      return true;
    }
    try {
      h.onExit().get(nanos, TimeUnit.NANOSECONDS);
      return true;
    } catch (java.util.concurrent.TimeoutException e) {
      return !h.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !h.isAlive();
    } catch (java.util.concurrent.ExecutionException e) {
      return !h.isAlive();
    }
  }

  /** The last {@code maxLines} lines of a (log) file, or a note when it cannot be read. */
  public static String tail(Path file, int maxLines) {
    if (file == null || !Files.isRegularFile(file)) {
      return "(no log file " + file + ")";
    }
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      long len = raf.length();
      int chunk = (int) Math.min(len, 64 * 1024);
      byte[] buf = new byte[chunk];
      raf.seek(len - chunk);
      raf.readFully(buf);
      String text = new String(buf, StandardCharsets.UTF_8);
      String[] lines = text.split("\r?\n");
      int from = Math.max(0, lines.length - maxLines);
      StringBuilder sb = new StringBuilder();
      for (int i = from; i < lines.length; i++) {
        sb.append("  | ").append(lines[i]).append('\n');
      }
      return sb.length() == 0 ? "(log " + file + " is empty)" : sb.toString();
    } catch (IOException e) {
      return "(cannot read " + file + ": " + e.getMessage() + ")";
    }
  }

  /** Resident set size of a process in bytes, where the OS exposes it ({@code /proc} on Linux). */
  public static OptionalLong rssBytes(long pid) {
    Path status = Path.of("/proc", Long.toString(pid), "status");
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmRSS:")) {
          String kb = line.substring(6).trim().split("\\s+")[0];
          return OptionalLong.of(Long.parseLong(kb) * 1024);
        }
      }
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
    return OptionalLong.empty();
  }

  /** Finds an executable on {@code PATH} ({@code .cmd}/{@code .exe} variants on Windows). */
  public static Optional<Path> findOnPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    List<String> names = WINDOWS ? List.of(name + ".cmd", name + ".exe", name) : List.of(name);
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isBlank()) {
        continue;
      }
      for (String n : names) {
        Path p = Path.of(dir, n);
        if (Files.isRegularFile(p) && Files.isExecutable(p)) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }

  /** The {@code java} launcher of the running JVM, used for child JVMs. */
  public static Path javaExecutable() {
    Path bin = Path.of(System.getProperty("java.home"), "bin");
    Path java = bin.resolve(WINDOWS ? "java.exe" : "java");
    if (!Files.isExecutable(java)) {
      throw new EmulatorException("no java executable at " + java + " (java.home)");
    }
    return java;
  }

  /** Deletes a directory tree; missing is fine. */
  public static void deleteTree(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
