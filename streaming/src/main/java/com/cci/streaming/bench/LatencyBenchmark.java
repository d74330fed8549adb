package com.cci.streaming.bench;

import com.cci.kinesis.KinesisAdmin;
import com.cci.kinesis.KinesisTail;
import com.cci.kinesis.Streams;
import com.cci.kinesis.TailRecord;
import com.cci.local.LocalStack;
import com.cci.schemas.Json;
import com.cci.streaming.io.kinesis.KinesisConfig;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * Benchmark P2: breach-to-alarm latency through kinesis-mock. Starts kinesis-mock (loopback
 * clients, random ports), creates the job's streams, runs the job in a local MiniCluster, then puts
 * one breaching record per distinct contact (a Contact Lens chat segment matching a fraud category,
 * see {@link BreachSegments}) at a fixed rate and measures, per contact, the time from just before
 * its {@code PutRecord} call to the moment its FRAUD_CATEGORY alarm is read back from the alarm
 * stream (the reader polls every shard every 10 ms). Start-up (job submit to the first alarm of a
 * warm-up record) is measured separately and excluded.
 *
 * <p>Bounded: stops when every alarm arrived or after {@code --timeout} seconds, cancels the job,
 * stops kinesis-mock. Last line: {@code {"p2_p50_ms":…,"p2_p99_ms":…,"p2_alarms":…,…}}.
 *
 * <p>Options: {@code --alarms N} (default 250), {@code --rate R} breaches per second (default 25),
 * {@code --buffer-timeout MS} network buffer timeout (default: the job's {@code
 * job.buffer-timeout}, 10 ms, for {@code --job full}; Flink's 100 ms for {@code --job transport}),
 * {@code --sink-buffer MS} the alarm sink's max time in buffer (default 200, as configured), {@code
 * --shards S} per stream (default 4), {@code --timeout SECONDS} (default 180), {@code --job full}
 * (default: the whole job, FRAUD_CATEGORY raised by s-conversation's rule with the dev
 * configuration) or {@code --job transport} (Kinesis source, one stateless detector, Kinesis sink:
 * the floor set by the connectors, see {@link FraudBreachDetector}).
 */
public final class LatencyBenchmark {
  private static final Duration POLL = Duration.ofMillis(10);

  private final int alarms;
  private final double rate;
  private final int shards;
  private final Duration timeout;
  private final String job;
  private final long bufferTimeoutMs;
  private final long sinkBufferMs;

  LatencyBenchmark(
      int alarms,
      double rate,
      int shards,
      Duration timeout,
      String job,
      long bufferTimeoutMs,
      long sinkBufferMs) {
    this.bufferTimeoutMs = bufferTimeoutMs;
    this.sinkBufferMs = sinkBufferMs;
    this.alarms = alarms;
    this.rate = rate;
    this.shards = shards;
    this.timeout = timeout;
    this.job = job;
  }

  public static void main(String[] args) throws Exception {
    int alarms = 250;
    double rate = 25;
    int shards = 4;
    int timeoutS = 180;
    String job = JobDefinitions.FULL;
    long bufferTimeoutMs = -1;
    long sinkBufferMs = 200;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String v = i + 1 < args.length ? args[i + 1] : null;
      switch (a) {
        case "--alarms" -> alarms = Integer.parseInt(require(a, v));
        case "--rate" -> rate = Double.parseDouble(require(a, v));
        case "--shards" -> shards = Integer.parseInt(require(a, v));
        case "--timeout" -> timeoutS = Integer.parseInt(require(a, v));
        case "--job" -> job = require(a, v);
        case "--buffer-timeout" -> bufferTimeoutMs = Long.parseLong(require(a, v));
        case "--sink-buffer" -> sinkBufferMs = Long.parseLong(require(a, v));
        case "-h", "--help" -> {
          System.out.println(
              "Usage: LatencyBenchmark [--alarms N] [--rate PER_S] [--shards S] [--timeout S]"
                  + " [--job full|transport] [--buffer-timeout MS] [--sink-buffer MS]");
          return;
        }
        default -> throw new IllegalArgumentException("unknown option " + a + " (try --help)");
      }
      i++;
    }
    if (alarms < 1 || !(rate > 0) || shards < 1 || timeoutS < 10) {
      throw new IllegalArgumentException(
          "need --alarms >= 1, --rate > 0, --shards >= 1, --timeout >= 10");
    }
    if (!JobDefinitions.NAMES.contains(job)) {
      throw new IllegalArgumentException("--job must be one of " + JobDefinitions.NAMES);
    }
    Result r =
        new LatencyBenchmark(
                alarms,
                rate,
                shards,
                Duration.ofSeconds(timeoutS),
                job,
                bufferTimeoutMs,
                sinkBufferMs)
            .run();
    System.out.println(r.json());
    if (r.received < alarms) {
      System.exit(1);
    }
  }

  private static String require(String opt, String v) {
    if (v == null) {
      throw new IllegalArgumentException(opt + " needs a value");
    }
    return v;
  }

  /** What one run measured. */
  record Result(
      String job,
      int expected,
      int received,
      LatencyStats stats,
      long startupMs,
      long elapsedMs,
      long bufferTimeoutMs,
      long sinkBufferMs) {
    String json() {
      return String.format(
          Locale.ROOT,
          "{\"p2_p50_ms\":%.0f,\"p2_p99_ms\":%.0f,\"p2_max_ms\":%.0f,\"p2_min_ms\":%.0f,"
              + "\"p2_alarms\":%d,\"p2_expected\":%d,\"p2_startup_ms\":%d,\"p2_job\":\"%s\","
              + "\"p2_buffer_timeout_ms\":%d,\"p2_sink_buffer_ms\":%d}",
          stats == null ? Double.NaN : stats.percentile(50),
          stats == null ? Double.NaN : stats.percentile(99),
          stats == null ? Double.NaN : stats.max(),
          stats == null ? Double.NaN : stats.min(),
          received,
          expected,
          startupMs,
          job,
          bufferTimeoutMs,
          sinkBufferMs);
    }
  }

  Result run() throws Exception {
    long t0 = System.nanoTime();
    List<String> names = new ArrayList<>();
    for (String s : KinesisConfig.LOGICAL_STREAMS) {
      names.add(Streams.kinesisName(s));
    }
    try (LocalStack stack = LocalStack.builder().kinesis().ignoreEnvironment().start();
        KinesisClient kinesis = stack.clients().kinesis()) {
      new KinesisAdmin(kinesis).ensureStreams(names, shards);
      KinesisConfig cfg =
          KinesisConfig.local(
              stack.kinesisEndpoint(),
              Map.of("sink.max-time-in-buffer-ms", Long.toString(sinkBufferMs)));
      String input = cfg.streamName(Streams.CONTACT_LENS);
      String alarmStream = cfg.streamName(Streams.ALARMS);

      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(2);
      env.getConfig().disableGenericTypes();
      JobDefinitions.define(job, env, cfg);
      if (bufferTimeoutMs >= 0) {
        env.setBufferTimeout(bufferTimeoutMs);
      }
      // what the run used: the option, else the job's job.buffer-timeout, else Flink's default
      long effectiveBufferTimeoutMs = env.getBufferTimeout();
      KinesisTail tail = new KinesisTail(kinesis, alarmStream, KinesisTail.Start.TRIM_HORIZON);
      Map<String, Long> putAt = new ConcurrentHashMap<>();
      List<Double> latencies = new CopyOnWriteArrayList<>();
      AtomicBoolean stop = new AtomicBoolean();
      AtomicLong firstAlarmAt = new AtomicLong();
      Thread reader =
          new Thread(() -> read(tail, putAt, latencies, firstAlarmAt, stop), "p2-alarm-reader");

      long submit = System.nanoTime();
      JobClient client = env.executeAsync("p2-latency-" + job);
      reader.setDaemon(true);
      reader.start();
      try {
        String run = Long.toString(System.currentTimeMillis(), 36);
        // Warm-up: one breach a second until the first alarm comes back (job start-up).
        long warmDeadline = System.nanoTime() + timeout.toNanos();
        int w = 0;
        while (firstAlarmAt.get() == 0 && System.nanoTime() < warmDeadline) {
          String c = BreachSegments.contactId(run + "-warm", w++);
          put(kinesis, input, c, null);
          Thread.sleep(1000);
        }
        long startupMs = firstAlarmAt.get() == 0 ? -1 : (firstAlarmAt.get() - submit) / 1_000_000;
        System.out.printf("job start-up (submit -> first alarm readable): %d ms%n", startupMs);
        latencies.clear();
        if (startupMs < 0) {
          return new Result(
              job, alarms, 0, null, -1, elapsed(t0), effectiveBufferTimeoutMs, sinkBufferMs);
        }
        long interval = (long) (1e9 / rate);
        long next = System.nanoTime();
        for (int i = 0; i < alarms; i++) {
          long now = System.nanoTime();
          if (next > now) {
            Thread.sleep((next - now) / 1_000_000, (int) ((next - now) % 1_000_000));
          }
          next += interval;
          put(kinesis, input, BreachSegments.contactId(run, i), putAt);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (latencies.size() < alarms && System.nanoTime() < deadline) {
          Thread.sleep(50);
        }
        stop.set(true);
        reader.join(5_000);
        double[] l = latencies.stream().mapToDouble(Double::doubleValue).toArray();
        System.out.printf(
            "received %d of %d alarms in %.1f s%n", l.length, alarms, elapsed(t0) / 1000.0);
        return new Result(
            job,
            alarms,
            l.length,
            l.length == 0 ? null : new LatencyStats(l),
            startupMs,
            elapsed(t0),
            effectiveBufferTimeoutMs,
            sinkBufferMs);
      } finally {
        stop.set(true);
        reader.interrupt();
        client.cancel().get();
        // Wait until every task stopped before kinesis-mock goes away (no shutdown noise).
        awaitTerminal(client);
      }
    }
  }

  /** Waits (at most 30 s) until the job is terminal; the local cluster closes with the job. */
  private static void awaitTerminal(JobClient client) throws InterruptedException {
    long until = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < until) {
      try {
        if (client.getJobStatus().get().isGloballyTerminalState()) {
          return;
        }
      } catch (java.util.concurrent.ExecutionException | RuntimeException e) {
        return; // the MiniCluster is gone: so is the job
      }
      Thread.sleep(100);
    }
  }

  private static long elapsed(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }

  /** Puts one breach; remembers when (just before the call) when {@code putAt} is given. */
  private static void put(
      KinesisClient k, String stream, String contactId, Map<String, Long> putAt) {
    String json = BreachSegments.segment(contactId, Instant.now());
    if (putAt != null) {
      putAt.put(contactId, System.nanoTime());
    }
    k.putRecord(
        b -> b.streamName(stream).partitionKey(contactId).data(SdkBytes.fromUtf8String(json)));
  }

  /** Reads the alarm stream until stopped; one latency per first alarm of a timed contact. */
  private static void read(
      KinesisTail tail,
      Map<String, Long> putAt,
      List<Double> latencies,
      AtomicLong firstAlarmAt,
      AtomicBoolean stop) {
    while (!stop.get() && !Thread.currentThread().isInterrupted()) {
      List<TailRecord> got;
      try {
        got = tail.poll();
      } catch (RuntimeException e) {
        if (stop.get()) {
          return;
        }
        throw e;
      }
      long now = System.nanoTime();
      for (TailRecord r : got) {
        firstAlarmAt.compareAndSet(0, now);
        String contact = contactOf(r.data());
        Long t = contact == null ? null : putAt.remove(contact);
        if (t != null) {
          latencies.add((now - t) / 1e6);
        }
      }
      if (got.isEmpty()) {
        try {
          Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  private static String contactOf(String alarmJson) {
    try {
      JsonNode n = Json.mapper().readTree(alarmJson);
      if (!"FRAUD_CATEGORY".equals(n.path("rule").asText())
          || !"RAISED".equals(n.path("state").asText())) {
        return null;
      }
      return n.path("contactId").asText(null);
    } catch (java.io.IOException e) {
      return null;
    }
  }
}
