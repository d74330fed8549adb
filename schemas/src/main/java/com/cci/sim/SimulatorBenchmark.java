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
 * 10000,100000} and a temporary directory. Each run writes into {@code <outDir>/run-<n>}, replacing
 * a previous run's output.
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
    Path out = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("cci-sim-bench");
    System.out.printf(
        Locale.ROOT,
        "simulator benchmark: scenario normal-day, seed 1, %d processor(s), max heap %d MB, out %s%n",
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        out);
    for (int n : sizes) {
      Result r = run(n, out.resolve("run-" + n));
      System.out.printf(
          Locale.ROOT,
          "contacts=%d (requested %d) records=%d files=%d elapsed=%.2fs cpu=%.2fs"
              + " contacts/s=%.0f peakHeap=%dMB heapAfter=%dMB reorderBufferMax=%d records%n",
          r.contacts(),
          r.requestedContacts(),
          r.records(),
          r.files(),
          r.seconds(),
          r.cpuSeconds(),
          r.contactsPerSecond(),
          r.peakHeapBytes() >> 20,
          r.heapAfterRunBytes() >> 20,
          r.reorderBufferHighWater());
    }
  }

  /** One run of {@code normal-day} capped at {@code contacts}, written to {@code dir}. */
  public static Result run(int contacts, Path dir) throws Exception {
    if (Files.isDirectory(dir)) {
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
    try (DirectorySink sink = new DirectorySink(dir)) {
      summary = sim.run(sink);
      files = sink.files();
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
