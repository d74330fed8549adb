package com.cci.fulfillment.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * An open-model load generator: request {@code i} is due at {@code start + i / rate}, whatever
 * happened to earlier requests, and is sent asynchronously, so a slow server never slows the
 * arrival rate. Latency is measured from the <em>intended</em> send time to the complete response
 * (coordinated-omission corrected: time a request spent waiting behind a stalled sender or server
 * counts); the latency from the actual send time is kept alongside for comparison. Histograms are
 * HdrHistogram in microseconds, 3 significant digits.
 */
public final class OpenModelLoad {
  /** One run's figures. */
  public record Result(
      long sent,
      long ok,
      long errors,
      Histogram corrected,
      Histogram uncorrected,
      double achievedRate,
      long maxSendLagMicros,
      List<String> firstErrors) {
    public double p(Histogram h, double pct) {
      return h.getValueAtPercentile(pct) / 1000.0;
    }
  }

  private final HttpClient http;
  private final URI target;
  private final Duration timeout;

  public OpenModelLoad(URI target, Duration timeout) {
    this.target = target;
    this.timeout = timeout;
    ExecutorService callbacks =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "load-http");
              t.setDaemon(true);
              return t;
            });
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .executor(callbacks)
            .build();
  }

  /**
   * Sends {@code rate} requests per second for {@code duration}; request {@code i} carries {@code
   * bodies.get(i % size)}. {@code isError} judges a 200 body (e.g. a degraded reply).
   */
  public Result run(int rate, Duration duration, List<byte[]> bodies, Predicate<String> isError)
      throws InterruptedException {
    long total = (long) rate * duration.toSeconds();
    long intervalNanos = 1_000_000_000L / rate;
    ConcurrentHistogram corrected = new ConcurrentHistogram(60_000_000L, 3);
    ConcurrentHistogram uncorrected = new ConcurrentHistogram(60_000_000L, 3);
    AtomicLong ok = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    List<String> firstErrors = new java.util.concurrent.CopyOnWriteArrayList<>();
    CountDownLatch done = new CountDownLatch((int) total);
    // Each request is accounted exactly once: by its completion, or at the cut-off when it never
    // completed (then recorded with the latency it had reached, and counted as an error).
    long[] intendedAt = new long[(int) total];
    AtomicIntegerArray accounted = new AtomicIntegerArray((int) total);
    long maxLag = 0;
    long start = System.nanoTime() + 20_000_000L;
    for (long i = 0; i < total; i++) {
      long intended = start + i * intervalNanos;
      long now = System.nanoTime();
      while (now < intended) {
        LockSupport.parkNanos(intended - now);
        now = System.nanoTime();
      }
      maxLag = Math.max(maxLag, now - intended);
      long sentAt = now;
      int idx = (int) i;
      intendedAt[idx] = intended;
      HttpRequest req =
          HttpRequest.newBuilder(target)
              .timeout(timeout)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get((int) (i % bodies.size()))))
              .build();
      http.sendAsync(req, HttpResponse.BodyHandlers.ofByteArray())
          .whenComplete(
              (resp, err) -> {
                if (!accounted.compareAndSet(idx, 0, 1)) {
                  return; // already counted as never completed
                }
                long end = System.nanoTime();
                corrected.recordValue(Math.max(1, (end - intended) / 1000));
                uncorrected.recordValue(Math.max(1, (end - sentAt) / 1000));
                String problem = null;
                if (err != null) {
                  problem = err.getClass().getSimpleName() + ": " + err.getMessage();
                } else if (resp.statusCode() != 200) {
                  problem = "HTTP " + resp.statusCode();
                } else {
                  String body = new String(resp.body(), StandardCharsets.UTF_8);
                  if (isError.test(body)) {
                    problem = "degraded reply: " + body.substring(0, Math.min(200, body.length()));
                  }
                }
                if (problem == null) {
                  ok.incrementAndGet();
                } else {
                  errors.incrementAndGet();
                  if (firstErrors.size() < 5) {
                    firstErrors.add(problem);
                  }
                }
                done.countDown();
              });
    }
    long sendEnd = System.nanoTime();
    if (!done.await(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS)) {
      long cutoff = System.nanoTime();
      long missing = 0;
      for (int k = 0; k < total; k++) {
        if (accounted.compareAndSet(k, 0, 1)) {
          missing++;
          corrected.recordValue(Math.max(1, (cutoff - intendedAt[k]) / 1000));
          uncorrected.recordValue(Math.max(1, (cutoff - intendedAt[k]) / 1000));
        }
      }
      errors.addAndGet(missing);
      firstErrors.add(missing + " requests never completed (recorded at the cut-off)");
    }
    double achieved = total / ((sendEnd - start) / 1e9);
    return new Result(
        total,
        ok.get(),
        errors.get(),
        corrected,
        uncorrected,
        achieved,
        maxLag / 1000,
        firstErrors);
  }
}
