package com.cci.streaming.bench;

import com.cci.schemas.Json;
import com.cci.streaming.functions.conversation.ConversationPipeline;
import com.cci.streaming.functions.conversation.ConversationRulesConfig;
import com.cci.streaming.records.AlarmEvent;
import com.cci.streaming.records.FulfillmentRecord;
import com.cci.streaming.records.SegmentRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * P1: events/s through the whole operator chain at parallelism 1 (in-memory source of serialized
 * simulator records of all four input streams, no Kinesis: parse, watermarks, every rule function,
 * a discarding sink) next to a bare Jackson parse loop ({@code Json.mapper().readTree(bytes)}) over
 * the same bytes in the same JVM. Bounded: stops by itself.
 *
 * <p>Rates are measured from the first record looked up to the end of the job (job start-up
 * excluded, teardown included); "events per CPU-second" divides by the process CPU time over the
 * same span (all threads: sources, rules, Flink's own).
 *
 * <p>Usage: {@code ThroughputBenchmark [--scenario normal-day] [--seed 7] [--runs 3]}. The last
 * line printed is one JSON object with {@code p1_events_per_s_core}, {@code p1_parse_ceiling},
 * {@code p1_ratio}. Figures are medians over the runs after one warm-up run each.
 */
public final class ThroughputBenchmark {
  private ThroughputBenchmark() {}

  public static void main(String[] args) throws Exception {
    String scenario = "normal-day";
    long seed = 7;
    int runs = 3;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--scenario" -> scenario = value(args, ++i);
        case "--seed" -> seed = Long.parseLong(value(args, ++i));
        case "--runs" -> runs = Integer.parseInt(value(args, ++i));
        default ->
            throw new IllegalArgumentException(
                "unknown argument '" + args[i] + "' (expected --scenario, --seed, --runs)");
      }
    }
    if (runs < 1) {
      throw new IllegalArgumentException("--runs must be >= 1");
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

    double ceiling = parseCeiling(runs);
    System.out.printf(
        Locale.ROOT, "parse ceiling (readTree loop, 1 thread): %.0f events/s%n", ceiling);

    runJob(); // warm-up
    double[] rates = new double[runs];
    double[] cpuRates = new double[runs];
    for (int r = 0; r < runs; r++) {
      double[] m = runJob();
      rates[r] = m[0];
      cpuRates[r] = m[1];
      System.out.printf(
          Locale.ROOT,
          "job run %d: %.0f events/s (wall, parallelism 1), %.0f events per CPU-second, %d alarms%n",
          r + 1,
          m[0],
          m[1],
          (long) m[2]);
    }
    double rate = median(rates);
    double cpuRate = median(cpuRates);
    System.out.printf(
        Locale.ROOT,
        "{\"p1_events_per_s_core\":%.0f,\"p1_parse_ceiling\":%.0f,\"p1_ratio\":%.3f,"
            + "\"p1_events_per_cpu_s\":%.0f,\"p1_events\":%d}%n",
        rate,
        ceiling,
        rate / ceiling,
        cpuRate,
        events);
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(args[i - 1] + " needs a value");
    }
    return args[i];
  }

  /** Bare Jackson: readTree over the UTF-8 bytes of every record, one thread; median events/s. */
  static double parseCeiling(int runs) throws Exception {
    List<byte[]> all = new ArrayList<>();
    for (String[] s : BenchData.json) {
      for (String j : s) {
        all.add(j.getBytes(StandardCharsets.UTF_8));
      }
    }
    var mapper = Json.mapper();
    long sink = 0;
    double[] rates = new double[runs];
    for (int r = -1; r < runs; r++) { // r = -1: warm-up
      long start = System.nanoTime();
      for (byte[] b : all) {
        sink += mapper.readTree(b).size();
      }
      double secs = (System.nanoTime() - start) / 1e9;
      if (r >= 0) {
        rates[r] = all.size() / secs;
      }
    }
    if (sink == 42) {
      System.out.print(""); // keep the loop's result alive
    }
    return median(rates);
  }

  /** One bounded job over all records; returns {wall events/s, events per CPU-s, alarms}. */
  static double[] runJob() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.getConfig().disableGenericTypes();
    env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
    ConversationRulesConfig cfg = ConversationRulesConfig.defaults();

    DataStream<SegmentRecord> segments =
        env.fromSequence(0, BenchData.json[BenchData.CONTACT_LENS].length - 1L)
            .name("contact-lens (in memory)")
            .uid("bench-src-contact-lens")
            .map(new BenchFunctions.ParseSegment())
            .name("parse contact-lens")
            .uid("bench-parse-contact-lens")
            .assignTimestampsAndWatermarks(
                WatermarkStrategy.<SegmentRecord>forBoundedOutOfOrderness(Duration.ofSeconds(10))
                    .withTimestampAssigner(new BenchFunctions.SegmentTime()))
            .name("watermarks contact-lens")
            .uid("bench-wm-contact-lens");
    DataStream<FulfillmentRecord> fulfillment =
        env.fromSequence(0, BenchData.json[BenchData.FULFILLMENT].length - 1L)
            .name("fulfillment (in memory)")
            .uid("bench-src-fulfillment")
            .map(new BenchFunctions.ParseFulfillment())
            .name("parse fulfillment")
            .uid("bench-parse-fulfillment")
            .assignTimestampsAndWatermarks(
                WatermarkStrategy.<FulfillmentRecord>forBoundedOutOfOrderness(
                        Duration.ofSeconds(10))
                    .withTimestampAssigner(new BenchFunctions.FulfillmentTime()))
            .name("watermarks fulfillment")
            .uid("bench-wm-fulfillment");
    for (int s : new int[] {BenchData.CTR, BenchData.CONTACT_EVENTS}) {
      String name = s == BenchData.CTR ? "ctr" : "contact-events";
      env.fromSequence(0, BenchData.json[s].length - 1L)
          .name(name + " (in memory)")
          .uid("bench-src-" + name)
          .map(new BenchFunctions.ParseTreeOnly(s))
          .name("parse " + name)
          .uid("bench-parse-" + name)
          .sinkTo(new DiscardingSink<>())
          .name("discard " + name)
          .uid("bench-discard-" + name);
    }
    DataStream<AlarmEvent> alarms = ConversationPipeline.define(segments, fulfillment, cfg);
    AlarmCounter counter = new AlarmCounter();
    alarms
        .map(counter)
        .name("count alarms")
        .uid("bench-count-alarms")
        .sinkTo(new DiscardingSink<>())
        .name("discard alarms")
        .uid("bench-discard-alarms");

    BenchData.FIRST_RECORD_NANOS.set(0);
    AlarmCounter.COUNT.set(0);
    env.execute("p1-throughput");
    long end = System.nanoTime();
    long cpu = BenchData.processCpuNanos() - BenchData.firstRecordCpuNanos;
    double secs = (end - BenchData.FIRST_RECORD_NANOS.get()) / 1e9;
    long events = BenchData.total();
    return new double[] {events / secs, events / (cpu / 1e9), AlarmCounter.COUNT.get()};
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  /** Counts alarms leaving the rules (so the run can be checked for sanity). */
  static final class AlarmCounter
      implements org.apache.flink.api.common.functions.MapFunction<AlarmEvent, AlarmEvent> {
    private static final long serialVersionUID = 1L;
    static final java.util.concurrent.atomic.AtomicLong COUNT =
        new java.util.concurrent.atomic.AtomicLong();

    @Override
    public AlarmEvent map(AlarmEvent a) {
      COUNT.incrementAndGet();
      return a;
    }
  }
}
