package com.cci.streaming.bench;

import com.cci.kinesis.Streams;
import com.cci.streaming.config.ParseSettings;
import com.cci.streaming.parse.ContactEventParser;
import com.cci.streaming.parse.CtrParser;
import com.cci.streaming.parse.FulfillmentParser;
import com.cci.streaming.parse.RecordParser;
import com.cci.streaming.parse.RejectedRecordException;
import com.cci.streaming.parse.SegmentParser;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * The parse stage alone (P1's largest share): each stream's {@link RecordParser} over the same
 * simulator records as {@link ThroughputBenchmark}, one thread, no Flink. Reports thread CPU
 * nanoseconds per record by stream — CPU time, not wall time, so a loaded machine disturbs it less
 * than the whole-job figure.
 *
 * <p>Usage: {@code ParseStageBenchmark [--scenario normal-day] [--seed 7] [--passes 5]}; the last
 * line is one JSON object. Every record must parse (a rejection fails the run).
 */
public final class ParseStageBenchmark {
  private ParseStageBenchmark() {}

  public static void main(String[] args) throws Exception {
    String scenario = "normal-day";
    long seed = 7;
    int passes = 5;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--scenario" -> scenario = args[++i];
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--passes" -> passes = Integer.parseInt(args[++i]);
        default ->
            throw new IllegalArgumentException(
                "unknown argument '" + args[i] + "' (expected --scenario, --seed, --passes)");
      }
    }
    BenchData.load(scenario, seed);
    ParseSettings ps = ParseSettings.defaults();
    RecordParser<?>[] parsers = {
      new CtrParser(ps),
      new ContactEventParser(ps),
      new SegmentParser(ps),
      new FulfillmentParser(ps)
    };
    long now = Long.MAX_VALUE / 4; // no record is "in the future"
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    double[] nsPerRecord = new double[4];
    long totalCpu = 0;
    long totalRecords = 0;
    for (int s = 0; s < 4; s++) {
      String[] recs = BenchData.json[s];
      run(parsers[s], recs, now); // warm-up
      double best = Double.MAX_VALUE;
      long cpuAll = 0;
      for (int p = 0; p < passes; p++) {
        long c0 = mx.getCurrentThreadCpuTime();
        run(parsers[s], recs, now);
        long cpu = mx.getCurrentThreadCpuTime() - c0;
        cpuAll += cpu;
        best = Math.min(best, (double) cpu / recs.length);
      }
      nsPerRecord[s] = best;
      totalCpu += cpuAll;
      totalRecords += (long) recs.length * passes;
      System.out.printf(
          Locale.ROOT,
          "%-15s %7d records: best %6.0f ns CPU/record, mean %6.0f%n",
          Streams.INPUTS.get(s),
          recs.length,
          best,
          (double) cpuAll / passes / recs.length);
    }
    System.out.printf(
        Locale.ROOT,
        "{\"parse_ns_ctr\":%.0f,\"parse_ns_contact_events\":%.0f,\"parse_ns_contact_lens\":%.0f,"
            + "\"parse_ns_fulfillment\":%.0f,\"parse_records_per_cpu_s\":%.0f}%n",
        nsPerRecord[0],
        nsPerRecord[1],
        nsPerRecord[2],
        nsPerRecord[3],
        totalRecords / (totalCpu / 1e9));
  }

  private static long run(RecordParser<?> parser, String[] recs, long now)
      throws RejectedRecordException {
    long sink = 0;
    for (String r : recs) {
      sink += parser.parse(r, now).hashCode();
    }
    return sink;
  }
}
