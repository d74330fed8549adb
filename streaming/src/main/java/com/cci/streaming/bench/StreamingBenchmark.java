package com.cci.streaming.bench;

import com.cci.schemas.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./cci bench streaming}: runs P1 ({@link ThroughputBenchmark}) and P2 ({@link
 * LatencyBenchmark}) each in a fresh JVM (so neither warms or pollutes the other), echoes their
 * output, and prints as the last line one JSON object merging both results.
 *
 * <p>Usage: {@code StreamingBenchmark [--p1 "<args>"] [--p2 "<args>"]}.
 */
public final class StreamingBenchmark {
  private StreamingBenchmark() {}

  public static void main(String[] args) throws Exception {
    String p1 = "";
    String p2 = "";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--p1" -> p1 = args[++i];
        case "--p2" -> p2 = args[++i];
        case "-h", "--help" -> {
          System.out.println(
              "Usage: ./cci bench streaming [--p1 \"<ThroughputBenchmark args>\"] [--p2"
                  + " \"<LatencyBenchmark args>\"]\n"
                  + "P1: events/s/core through the whole job at parallelism 1 vs a bare Jackson"
                  + " parse loop (ratio).\nP2: breach-to-alarm latency through kinesis-mock,"
                  + " p50/p99. Last line: one JSON object with both.");
          return;
        }
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    ObjectNode merged = Json.mapper().createObjectNode();
    int exit = 0;
    for (Object[] run :
        new Object[][] {
          {"P1 throughput", ThroughputBenchmark.class, p1},
          {"P2 latency", LatencyBenchmark.class, p2}
        }) {
      System.out.println("== " + run[0] + " ==");
      Result r = runJvm((Class<?>) run[1], (String) run[2]);
      if (r.lastJson == null) {
        System.out.println("(no result line; exit " + r.exit + ")");
        exit = 1;
        continue;
      }
      merged.setAll((ObjectNode) Json.mapper().readTree(r.lastJson));
      if (r.exit != 0) {
        exit = 1;
      }
    }
    System.out.println(Json.mapper().writeValueAsString(merged));
    System.exit(exit);
  }

  private record Result(int exit, String lastJson) {}

  private static Result runJvm(Class<?> main, String args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx" + System.getProperty("cci.bench.xmx", "3g"));
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(main.getName());
    if (!args.isBlank()) {
      cmd.addAll(List.of(args.trim().split("\\s+")));
    }
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String last = null;
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        System.out.println(line);
        String t = line.strip();
        if (t.startsWith("{") && t.endsWith("}")) {
          last = t;
        }
      }
    } finally {
      if (!p.waitFor(30, TimeUnit.MINUTES)) {
        p.destroyForcibly();
      }
    }
    return new Result(p.exitValue(), last);
  }
}
