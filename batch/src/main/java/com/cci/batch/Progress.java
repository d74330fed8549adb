package com.cci.batch;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Prints progress with an ETA while a stage runs: a daemon thread on the driver polls a counter
 * (Spark accumulators, merged as tasks finish) every {@code everyMillis}.
 */
final class Progress implements AutoCloseable {
  private final String stage;
  private final long total;
  private final LongSupplier done;
  private final PrintStream out;
  private final long everyMillis;
  private final long startNanos = System.nanoTime();
  private final Thread thread;
  private volatile boolean stopped;

  Progress(String stage, long total, LongSupplier done, PrintStream out, long everyMillis) {
    this.stage = stage;
    this.total = total;
    this.done = done;
    this.out = out;
    this.everyMillis = everyMillis;
    this.thread = new Thread(this::loop, "cci-qa-progress");
    this.thread.setDaemon(true);
    if (everyMillis > 0 && total > 0) {
      thread.start();
    }
  }

  private void loop() {
    while (!stopped) {
      try {
        Thread.sleep(everyMillis);
      } catch (InterruptedException e) {
        return;
      }
      if (!stopped) {
        out.println(line(done.getAsLong(), System.nanoTime() - startNanos));
      }
    }
  }

  /** One progress line: done/total, rate and ETA. */
  String line(long n, long elapsedNanos) {
    double secs = elapsedNanos / 1e9;
    double rate = secs > 0 ? n / secs : 0;
    String eta =
        n == 0 || rate == 0 ? "unknown" : format(Duration.ofSeconds((long) ((total - n) / rate)));
    return String.format(
        Locale.ROOT,
        "qa: %s %d/%d (%.1f%%), %.1f/s, elapsed %s, ETA %s",
        stage,
        n,
        total,
        total == 0 ? 100.0 : 100.0 * n / total,
        rate,
        format(Duration.ofNanos(elapsedNanos)),
        eta);
  }

  static String format(Duration d) {
    long s = d.getSeconds();
    return s >= 3600
        ? String.format(Locale.ROOT, "%dh%02dm%02ds", s / 3600, (s % 3600) / 60, s % 60)
        : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
  }

  @Override
  public void close() {
    stopped = true;
    thread.interrupt();
  }
}
