package com.cci.streaming.bench;

import com.cci.kinesis.StreamRecord;
import com.cci.kinesis.Streams;
import com.cci.sim.Scenario;
import com.cci.sim.SimulationOptions;
import com.cci.sim.Simulator;
import com.cci.sim.SimulatorContent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's in-memory input: serialized simulator records per input stream, in arrival order,
 * with their arrival times (what Kinesis gives as ApproximateArrivalTimestamp). Held in statics
 * because the local MiniCluster runs in this JVM: the sources emit indexes and the first operator
 * looks the record up, so the job graph stays small.
 */
final class BenchData {
  private BenchData() {}

  static final int CTR = 0;
  static final int CONTACT_EVENTS = 1;
  static final int CONTACT_LENS = 2;
  static final int FULFILLMENT = 3;

  static volatile String[][] json;
  static volatile long[][] arrivalMs;

  /** System.nanoTime() of the first record looked up in the current run, 0 before. */
  static final AtomicLong FIRST_RECORD_NANOS = new AtomicLong();

  static void load(String scenario, long seed) {
    List<List<String>> j = new ArrayList<>();
    List<List<Long>> a = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      j.add(new ArrayList<>());
      a.add(new ArrayList<>());
    }
    Simulator sim =
        new Simulator(
            Scenario.load(scenario),
            SimulationOptions.seed(seed),
            SimulatorContent.generator(),
            SimulatorContent.renderer());
    for (var it = sim.records(null); it.hasNext(); ) {
      StreamRecord r = it.next();
      int s = Streams.INPUTS.indexOf(r.stream());
      if (s < 0) {
        throw new IllegalStateException("unexpected stream " + r.stream());
      }
      j.get(s).add(r.json());
      a.get(s).add(r.arrival().toEpochMilli());
    }
    String[][] js = new String[4][];
    long[][] as = new long[4][];
    for (int i = 0; i < 4; i++) {
      js[i] = j.get(i).toArray(new String[0]);
      as[i] = a.get(i).stream().mapToLong(Long::longValue).toArray();
    }
    json = js;
    arrivalMs = as;
  }

  static long total() {
    long n = 0;
    for (String[] s : json) {
      n += s.length;
    }
    return n;
  }

  /** Process CPU time (ns) when the first record of the current run was looked up. */
  static volatile long firstRecordCpuNanos;

  static void markFirst() {
    if (FIRST_RECORD_NANOS.get() == 0 && FIRST_RECORD_NANOS.compareAndSet(0, System.nanoTime())) {
      firstRecordCpuNanos = processCpuNanos();
    }
  }

  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
