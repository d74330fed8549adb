package com.cci.sim;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures the simulator end to end (simulation, content rendering and file writing) for a list of
 * contact counts and prints contacts/s and heap figures.
 *
 * <p>Usage: {@code SimulatorBenchmark [contacts[,contacts...]] [outDir]}; defaults {@code
 * 10000,100000} and a temporary directory (deleted at the end). Each size runs twice side by side:
 * simulation and rendering into a counting sink, then the same with file writing into {@code
 * <outDir>/run-<n>}; the ratios between them are what to compare across machines.
 */
public final class SimulatorBenchmark {
  private SimulatorBenchmark() {}

  /** Figures of one run. */
  public record Result(
      int requestedContacts,
      long contacts,
      long records,
      long files,
      double seconds,
      double cpuSeconds,
      double contactsPerSecond,
      long peakHeapBytes,
      long heapAfterRunBytes,
      int reorderBufferHighWater) {}

  public static void main(String[] args) throws Exception {
    List<Integer> sizes = new ArrayList<>();
    String spec = args.length > 0 ? args[0] : "10000,100000";
    for (String s : spec.split(",")) {
      try {
        sizes.add(Integer.parseInt(s.trim()));
      } catch (NumberFormatException e) {
        System.err.println("contacts must be integers separated by commas, got '" + spec + "'");
        System.exit(2);
      }
    }
    boolean tempOut = args.length < 2;
    Path out = tempOut ? Files.createTempDirectory("cci-sim-bench") : Path.of(args[1]);
    System.out.printf(
        Locale.ROOT,
        "simulator benchmark: scenario normal-day, seed 1, %d processor(s), max heap %d MB, out %s%n",
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        out);
    try {
      // Warm-up (JIT), not reported.
      run(Math.min(2000, sizes.get(0)), null);
      System.out.println(
          "| contacts | mode | records | files | elapsed s | cpu s | contacts/s | peak heap MB |");
      System.out.println("|---|---|---|---|---|---|---|---|");
      List<Result> written = new ArrayList<>();
      for (int n : sizes) {
        // Side by side in one run: simulation + rendering alone, then the same with file writing.
        Result mem = run(n, null);
        print(mem, "simulate only");
        Result disk = run(n, out.resolve("run-" + n));
        print(disk, "simulate + write");
        written.add(disk);
        System.out.printf(
            Locale.ROOT,
            "  ratio write/simulate-only time at %d contacts: %.2f%n",
            n,
            disk.seconds() / mem.seconds());
        if (tempOut) {
          DirectorySink.clean(out.resolve("run-" + n));
        }
      }
      if (written.size() > 1) {
        Result a = written.get(0);
        Result b = written.get(written.size() - 1);
        System.out.printf(
            Locale.ROOT,
            "  scaling: %d -> %d contacts: time x%.2f for contacts x%.2f (throughput ratio %.2f)%n",
            a.contacts(),
            b.contacts(),
            b.seconds() / a.seconds(),
            (double) b.contacts() / a.contacts(),
            b.contactsPerSecond() / a.contactsPerSecond());
      }
    } finally {
      if (tempOut) {
        deleteTree(out);
      }
    }
  }

  private static void print(Result r, String mode) {
    System.out.printf(
        Locale.ROOT,
        "| %d | %s | %d | %d | %.2f | %.2f | %.0f | %d |%n",
        r.contacts(),
        mode,
        r.records(),
        r.files(),
        r.seconds(),
        r.cpuSeconds(),
        r.contactsPerSecond(),
        r.peakHeapBytes() >> 20);
  }

  private static void deleteTree(Path root) throws java.io.IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (java.util.stream.Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /**
   * One run of {@code normal-day} capped at {@code contacts}, written to {@code dir}, or, when
   * {@code dir} is null, to a sink that only counts (simulation and rendering without I/O).
   */
  public static Result run(int contacts, Path dir) throws Exception {
    if (dir != null && Files.isDirectory(dir)) {
      DirectorySink.clean(dir);
    }
    System.gc();
    List<MemoryPoolMXBean> heapPools =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .toList();
    heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
    Simulator sim =
        new Simulator(
            Scenario.load("normal-day"),
            SimulationOptions.seed(1).withContacts(contacts),
            SimulatorContent.generator(),
            SimulatorContent.renderer());
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    SimulationSummary summary;
    long files;
    if (dir == null) {
      long[] transcripts = new long[1];
      try (SimulationSink counting =
          new SimulationSink() {
            @Override
            public void accept(com.cci.sim.content.TranscriptFile file) {
              transcripts[0]++;
            }
          }) {
        summary = sim.run(counting);
      }
      files = transcripts[0];
    } else {
      try (DirectorySink sink = new DirectorySink(dir)) {
        summary = sim.run(sink);
        files = sink.files();
      }
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    double cpuSecs = (os.getProcessCpuTime() - cpu0) / 1e9;
    long peak = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    System.gc();
    long after = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    long all = summary.customerContacts() + summary.derivedContacts() + summary.attackerCalls();
    long records = summary.records().values().stream().mapToLong(Long::longValue).sum();
    return new Result(
        contacts,
        all,
        records,
        files,
        secs,
        cpuSecs,
        all / secs,
        peak,
        after,
        summary.bufferHighWater());
  }
}
