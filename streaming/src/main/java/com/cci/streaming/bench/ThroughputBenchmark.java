package com.cci.streaming.bench;

import com.cci.kinesis.Streams;
import com.cci.schemas.Json;
import com.cci.streaming.AlarmWorkflow;
import com.cci.streaming.config.JobConfig;
import com.cci.streaming.config.PropertyGroups;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * P1: events/s through the whole operator chain at parallelism 1 — the job graph of {@link
 * AlarmWorkflow#define} with the dev configuration (parse + dead letters, event time, segment
 * clock, queue and conversation pipelines) fed by in-memory sources of serialized simulator records
 * of all four input streams (no Kinesis) and discarding sinks next to a bare Jackson parse loop
 * ({@code Json.mapper().readTree(bytes)}) over the same bytes in the same JVM. Bounded: stops by
 * itself.
 *
 * <p>Rates are measured from the first record looked up to the end of the job (job start-up
 * excluded, teardown included). <b>Per core</b> = per CPU-second: events divided by the process CPU
 * time over the same span (all threads: sources, operators, Flink's own, GC, JIT). The job runs
 * several threads at parallelism 1 (a task per chain) and the parse loop one, so wall-clock rates
 * would compare two cores with one; and CPU time is what a loaded machine (other builds sharing the
 * cores) disturbs least. The parse ceiling is measured the same way over its loop.
 *
 * <p>Usage: {@code ThroughputBenchmark [--scenario normal-day] [--seed 7] [--runs 7] [--warmups 2]
 * [--no-object-reuse]}. The last line printed is one JSON object with {@code p1_events_per_s_core}
 * (job, events per CPU-second), {@code p1_parse_ceiling} (parse loop, events per CPU-second),
 * {@code p1_ratio} (their ratio) and the wall-clock figures {@code p1_events_per_s_wall}, {@code
 * p1_parse_ceiling_wall}, {@code p1_ratio_wall}. Each run is one ceiling pass then one job run
 * (after {@code --warmups} pairs of both); figures are medians over the runs, ratios the medians of
 * the per-run ratios ({@code p1_ratio_min}/{@code p1_ratio_max}: their spread — a single run's
 * ratio swings by ±20 % on this shared machine, hence seven runs by default); every run's output
 * (alarms by rule and state, queue metrics, dead letters) is compared with the last warm-up run's
 * and any difference printed.
 */
public final class ThroughputBenchmark {
  private ThroughputBenchmark() {}

  /**
   * {@code --no-object-reuse}: Flink's object reuse off (the job turns it on in {@link
   * AlarmWorkflow#define}; for before/after comparisons).
   */
  private static boolean noObjectReuse;

  public static void main(String[] args) throws Exception {
    // Flink's INFO logging (to stderr) would interleave with the figures; keep warnings only.
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    String scenario = "normal-day";
    long seed = 7;
    int runs = 7;
    int warmups = 2;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--scenario" -> scenario = value(args, ++i);
        case "--seed" -> seed = Long.parseLong(value(args, ++i));
        case "--runs" -> runs = Integer.parseInt(value(args, ++i));
        case "--warmups" -> warmups = Integer.parseInt(value(args, ++i));
        case "--no-object-reuse" -> noObjectReuse = true;
        default ->
            throw new IllegalArgumentException(
                "unknown argument '"
                    + args[i]
                    + "' (expected --scenario, --seed, --runs, --warmups, --no-object-reuse)");
      }
    }
    if (runs < 1) {
      throw new IllegalArgumentException("--runs must be >= 1");
    }
    if (warmups < 1) {
      throw new IllegalArgumentException("--warmups must be >= 1");
    }
    long t0 = System.nanoTime();
    BenchData.load(scenario, seed);
    long events = BenchData.total();
    long bytes = 0;
    for (String[] s : BenchData.json) {
      for (String j : s) {
        bytes += j.length();
      }
    }
    System.out.printf(
        Locale.ROOT,
        "input: %s seed %d, %d records (ctr %d, contact-events %d, contact-lens %d, fulfillment %d),"
            + " %.1f MB, simulated in %.1f s%n",
        scenario,
        seed,
        events,
        BenchData.json[0].length,
        BenchData.json[1].length,
        BenchData.json[2].length,
        BenchData.json[3].length,
        bytes / 1e6,
        (System.nanoTime() - t0) / 1e9);

    // Ceiling and job alternate, so both see the same machine load (other builds share the
    // cores); ratios are medians of the per-pair ratios.
    List<byte[]> utf8 = utf8Records();
    JobConfig cfg = JobConfig.from(PropertyGroups.fromDevResource());
    // Warm-up pairs: with one, the first measured run of both the job and the loop was still
    // cold (JIT), 20-40 % below the later runs, and decided the median ratio by chance.
    double[] warm = null;
    for (int w = 0; w < warmups; w++) {
      parseCeiling(utf8);
      warm = runJob(cfg);
    }
    // What the job emitted in the warm-up run; every measured run is compared with it (a change to
    // the job that altered its output would show here, not only as a different rate). The live
    // queue rules may differ by an episode between runs (decision 0006: arrival order).
    java.util.Map<String, Long> reference = outputCounts(warm);
    System.out.println("warm-up output: " + reference);
    boolean sameOutput = true;
    double[] ceilings = new double[runs];
    double[] ceilingsCpu = new double[runs];
    double[] rates = new double[runs];
    double[] cpuRates = new double[runs];
    double[] ratios = new double[runs];
    double[] wallRatios = new double[runs];
    for (int r = 0; r < runs; r++) {
      double[] c = parseCeiling(utf8);
      ceilings[r] = c[0];
      ceilingsCpu[r] = c[1];
      double[] m = runJob(cfg);
      rates[r] = m[0];
      cpuRates[r] = m[1];
      ratios[r] = cpuRates[r] / ceilingsCpu[r];
      wallRatios[r] = rates[r] / ceilings[r];
      System.out.printf(
          Locale.ROOT,
          "run %d: parse ceiling %.0f events per CPU-second (%.0f/s wall; readTree loop, 1"
              + " thread); job %.0f events per CPU-second (%.0f/s wall, parallelism 1); ratio"
              + " %.3f per CPU-second (%.3f wall); out: %d alarms, %d queue metrics, %d dead"
              + " letters%n",
          r + 1,
          c[1],
          c[0],
          m[1],
          m[0],
          ratios[r],
          wallRatios[r],
          (long) m[2],
          (long) m[3],
          (long) m[4]);
      System.out.println(
          "  alarms by rule: " + new java.util.TreeMap<>(BenchFunctions.ALARMS_BY_RULE));
      java.util.Map<String, Long> output = outputCounts(m);
      if (!output.equals(reference)) {
        sameOutput = false;
        java.util.Set<String> keys = new java.util.TreeSet<>(reference.keySet());
        keys.addAll(output.keySet());
        StringBuilder d = new StringBuilder();
        for (String k : keys) {
          if (!java.util.Objects.equals(reference.get(k), output.get(k))) {
            d.append(" ").append(k).append(" ").append(reference.get(k)).append("->");
            d.append(output.get(k)).append(";");
          }
        }
        System.out.println("  output differs from the warm-up run:" + d);
      }
      if (!BenchFunctions.DEAD_BY_REASON.isEmpty()) {
        System.out.println(
            "  dead letters by reason: " + new java.util.TreeMap<>(BenchFunctions.DEAD_BY_REASON));
        System.out.println("  first dead letters: " + BenchFunctions.DEAD_SAMPLES);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "{\"p1_events_per_s_core\":%.0f,\"p1_parse_ceiling\":%.0f,\"p1_ratio\":%.3f,"
            + "\"p1_events_per_s_wall\":%.0f,\"p1_parse_ceiling_wall\":%.0f,"
            + "\"p1_ratio_wall\":%.3f,\"p1_ratio_min\":%.3f,\"p1_ratio_max\":%.3f,"
            + "\"p1_events\":%d,\"p1_runs\":%d,"
            + "\"p1_object_reuse\":%b,\"p1_warmups\":%d,\"p1_output\":\"%s\"}%n",
        median(cpuRates),
        median(ceilingsCpu),
        median(ratios),
        median(rates),
        median(ceilings),
        median(wallRatios),
        Arrays.stream(ratios).min().orElse(0),
        Arrays.stream(ratios).max().orElse(0),
        events,
        runs,
        !noObjectReuse,
        warmups,
        sameOutput ? "same in every run" : "differs between runs (see above)");
  }

  /** Alarms by rule and state, queue-metrics records and dead letters of the run just ended. */
  private static java.util.Map<String, Long> outputCounts(double[] run) {
    java.util.Map<String, Long> c = new java.util.TreeMap<>();
    BenchFunctions.ALARMS_BY_RULE.forEach((k, v) -> c.put(k, v.get()));
    c.put("alarms", (long) run[2]);
    c.put("queue metrics", (long) run[3]);
    c.put("dead letters", (long) run[4]);
    return c;
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(args[i - 1] + " needs a value");
    }
    return args[i];
  }

  /** The UTF-8 bytes of every record (what Kinesis delivers). */
  static List<byte[]> utf8Records() {
    List<byte[]> all = new ArrayList<>();
    for (String[] s : BenchData.json) {
      for (String j : s) {
        all.add(j.getBytes(StandardCharsets.UTF_8));
      }
    }
    return all;
  }

  /**
   * Bare Jackson: one pass of readTree over every record's bytes, one thread; {events/s wall,
   * events per CPU-second}. CPU is the whole process's over the loop (the loop thread, and the GC
   * and JIT work it causes), as for the job.
   */
  static double[] parseCeiling(List<byte[]> all) throws Exception {
    var mapper = Json.mapper();
    long sink = 0;
    long cpu0 = BenchData.processCpuNanos();
    long start = System.nanoTime();
    for (byte[] b : all) {
      sink += mapper.readTree(b).size();
    }
    double secs = (System.nanoTime() - start) / 1e9;
    double cpuSecs = (BenchData.processCpuNanos() - cpu0) / 1e9;
    if (sink == 42) {
      System.out.print(""); // keep the loop's result alive
    }
    return new double[] {all.size() / secs, all.size() / cpuSecs};
  }

  /**
   * One bounded run of the job graph ({@link AlarmWorkflow#define}, dev configuration, parallelism
   * 1) over all records; returns {wall events/s, events per CPU-s, alarms}.
   */
  static double[] runJob(JobConfig cfg) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.getConfig().disableGenericTypes();
    env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
    AlarmWorkflow.Inputs inputs =
        new AlarmWorkflow.Inputs(
            source(env, BenchData.CTR),
            source(env, BenchData.CONTACT_EVENTS),
            source(env, BenchData.CONTACT_LENS),
            source(env, BenchData.FULFILLMENT));
    AlarmWorkflow.define(env, inputs, cfg, new BenchFunctions.DiscardingSinks());
    if (noObjectReuse) {
      env.getConfig().disableObjectReuse();
    }

    BenchData.FIRST_RECORD_NANOS.set(0);
    for (var c : BenchFunctions.COUNTS) {
      c.set(0);
    }
    BenchFunctions.ALARMS_BY_RULE.clear();
    BenchFunctions.DEAD_BY_REASON.clear();
    BenchFunctions.DEAD_SAMPLES.clear();
    env.execute("p1-throughput");
    long end = System.nanoTime();
    long cpu = BenchData.processCpuNanos() - BenchData.firstRecordCpuNanos;
    double secs = (end - BenchData.FIRST_RECORD_NANOS.get()) / 1e9;
    long events = BenchData.total();
    return new double[] {
      events / secs,
      events / (cpu / 1e9),
      BenchFunctions.COUNTS[BenchFunctions.ALARMS].get(),
      BenchFunctions.COUNTS[BenchFunctions.METRICS].get(),
      BenchFunctions.COUNTS[BenchFunctions.DEAD_LETTERS].get()
    };
  }

  /** One input stream: indexes from a bounded sequence, looked up into the serialized records. */
  private static DataStream<String> source(StreamExecutionEnvironment env, int stream) {
    String name = Streams.INPUTS.get(stream);
    return env.fromSequence(0, BenchData.json[stream].length - 1L)
        .name(name + " (in memory)")
        .uid("bench-source-" + name)
        .map(new BenchFunctions.Lookup(stream))
        .name(name + " records")
        .uid("bench-records-" + name);
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }
}
