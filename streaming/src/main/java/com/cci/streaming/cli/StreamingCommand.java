package com.cci.streaming.cli;

import com.cci.kinesis.Streams;
import com.cci.schemas.Json;
import com.cci.streaming.AlarmWorkflow;
import com.cci.streaming.StreamingJob;
import com.cci.streaming.config.ConfigException;
import com.cci.streaming.config.JobConfig;
import com.cci.streaming.config.PropertyGroups;
import com.cci.streaming.io.ReplayIo;
import com.cci.streaming.parse.ParseFunction;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./cci streaming}: runs the job locally. {@code --replay <dir> --out <dir>} runs the job
 * graph bounded over a simulator output directory and prints counts per stream (in, parsed,
 * dead-lettered) and alarms per rule; {@code --endpoint <url>} runs it unbounded in a MiniCluster
 * on Kinesis (kinesis-mock or AWS) with the Flink web UI on 127.0.0.1.
 */
@Command(
    name = "streaming",
    mixinStandardHelpOptions = true,
    description = {
      "Run the streaming alarm job locally.",
      "  --replay <dir> --out <dir>   bounded run over simulator output; writes alarms.jsonl,"
          + " queue-metrics.jsonl, dead-letter.jsonl",
      "  --endpoint <url>             MiniCluster on Kinesis with the Flink web UI on 127.0.0.1"
    })
public final class StreamingCommand implements Callable<Integer> {
  @Option(names = "--replay", paramLabel = "DIR", description = "Simulator output directory.")
  Path replay;

  @Option(names = "--out", paramLabel = "DIR", description = "Output directory (with --replay).")
  Path out;

  @Option(names = "--endpoint", paramLabel = "URL", description = "Kinesis endpoint URL.")
  String endpoint;

  @Option(
      names = "--config",
      paramLabel = "JSON",
      description = "Property groups file (flink-application-properties-dev.json shape).")
  Path config;

  @Option(
      names = "--web-ui-port",
      paramLabel = "PORT",
      defaultValue = "8081",
      description = "Flink web UI port on 127.0.0.1 (--endpoint mode; default ${DEFAULT-VALUE}).")
  int webUiPort;

  @Option(
      names = "--parallelism",
      paramLabel = "N",
      description = "Parallelism (default: job.parallelism from the config, else 2).")
  Integer parallelism;

  public static void main(String[] args) {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    System.exit(new CommandLine(new StreamingCommand()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if ((replay == null) == (endpoint == null)) {
      System.err.println(
          "cci streaming: give either --replay <dir> --out <dir> or --endpoint <url>");
      return 2;
    }
    PropertyGroups props;
    JobConfig cfg;
    try {
      props = PropertyGroups.load(config);
      if (endpoint != null) {
        props = props.with("kinesis", "endpoint", endpoint);
        cfg = JobConfig.forKinesis(props);
      } else {
        cfg = JobConfig.from(props);
      }
    } catch (ConfigException e) {
      System.err.println("cci streaming: configuration error: " + e.getMessage());
      return 2;
    }
    return replay != null ? replay(cfg) : kinesis(cfg);
  }

  private int replay(JobConfig cfg) throws Exception {
    if (out == null) {
      System.err.println("cci streaming: --replay needs --out <dir>");
      return 2;
    }
    if (!Files.isDirectory(replay)) {
      System.err.println("cci streaming: replay directory not found: " + replay);
      return 2;
    }
    Files.createDirectories(out);
    int p =
        parallelism != null ? parallelism : (cfg.job().parallelism > 0 ? cfg.job().parallelism : 2);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(p);
    StreamingJob.configure(env, cfg.job(), false);
    env.setParallelism(p);
    AlarmWorkflow.define(env, ReplayIo.inputs(env, replay), cfg, ReplayIo.sinks(out));
    long t0 = System.nanoTime();
    JobExecutionResult r = env.execute("cci-streaming replay");
    double secs = (System.nanoTime() - t0) / 1e9;
    System.out.print(summary(r, out, secs));
    return 0;
  }

  private int kinesis(JobConfig cfg) throws Exception {
    Configuration conf = new Configuration();
    conf.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
    conf.set(RestOptions.ADDRESS, "127.0.0.1");
    conf.set(RestOptions.PORT, webUiPort);
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(conf);
    StreamingJob.configure(env, cfg.job(), true);
    if (parallelism != null) {
      env.setParallelism(parallelism);
    }
    System.err.println("cci streaming: Flink web UI on http://127.0.0.1:" + webUiPort);
    StreamingJob.defineOnKinesis(env, cfg);
    env.execute("cci-streaming");
    return 0;
  }

  /** Counts per stream from the parse accumulators, alarms per rule from alarms.jsonl. */
  static String summary(JobExecutionResult r, Path out, double secs) throws IOException {
    StringBuilder b = new StringBuilder();
    b.append(String.format("%-16s %10s %10s %10s%n", "stream", "in", "parsed", "dead"));
    long total = 0;
    for (String s : Streams.INPUTS) {
      long in = acc(r, ParseFunction.ACC_IN + s);
      total += in;
      b.append(
          String.format(
              "%-16s %10d %10d %10d%n",
              s, in, acc(r, ParseFunction.ACC_OUT + s), acc(r, ParseFunction.ACC_DEAD + s)));
    }
    Map<String, Long> raised = new TreeMap<>();
    Map<String, Long> cleared = new TreeMap<>();
    Path alarms = out.resolve(ReplayIo.ALARMS);
    if (Files.exists(alarms)) {
      try (BufferedReader rd = Files.newBufferedReader(alarms, StandardCharsets.UTF_8)) {
        for (String line = rd.readLine(); line != null; line = rd.readLine()) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode a = Json.mapper().readTree(line);
          Map<String, Long> m = "CLEARED".equals(a.path("state").asText()) ? cleared : raised;
          m.merge(a.path("rule").asText(), 1L, Long::sum);
        }
      }
    }
    b.append(String.format("%-20s %8s %8s%n", "alarms by rule", "raised", "cleared"));
    java.util.Set<String> rules = new java.util.TreeSet<>(raised.keySet());
    rules.addAll(cleared.keySet());
    if (rules.isEmpty()) {
      b.append("(no alarms)\n");
    }
    for (String rule : rules) {
      b.append(
          String.format(
              "%-20s %8d %8d%n",
              rule, raised.getOrDefault(rule, 0L), cleared.getOrDefault(rule, 0L)));
    }
    b.append(
        String.format(
            "replayed %d records in %.1f s (%.0f records/s, including job start-up); output in %s%n",
            total, secs, total / Math.max(secs, 1e-9), out.toAbsolutePath()));
    return b.toString();
  }

  private static long acc(JobExecutionResult r, String name) {
    Object v = r.getAccumulatorResult(name);
    return v instanceof Number n ? n.longValue() : 0L;
  }
}
