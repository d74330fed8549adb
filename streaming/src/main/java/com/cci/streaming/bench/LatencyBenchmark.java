package com.cci.streaming.bench;

import com.cci.kinesis.KinesisAdmin;
import com.cci.kinesis.Streams;
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
 * stream ({@link ShardPollers}: one reader per shard, polling every 10 ms when idle). Also printed:
 * the split at the alarm's {@code emittedAt} (stamped when the alarm sink serializes it) and the
 * alarm record's Kinesis {@code ApproximateArrivalTimestamp}. Start-up (job submit to the first
 * alarm of a warm-up record) is measured separately and excluded.
 *
 * <p>Bounded: stops when every alarm arrived or after {@code --timeout} seconds, cancels the job,
 * stops kinesis-mock. Last line: {@code {"p2_p50_ms":…,"p2_p99_ms":…,"p2_alarms":…,…}}.
 *
 * <p>Options: {@code --alarms N} (default 250), {@code --rate R} breaches per second (default 25),
 * {@code --buffer-timeout MS} network buffer timeout (default: the job's {@code
 * job.buffer-timeout}, 10 ms, for {@code --job full}; Flink's 100 ms for {@code --job transport}),
 * {@code --sink-buffer MS} the alarm sink's max time in buffer (default 50, as configured), {@code
 * --shards S} per stream (default 4), {@code --timeout SECONDS} (default 180), {@code --job full}
 * (default: the whole job, FRAUD_CATEGORY raised by s-conversation's rule with the dev
 * configuration) or {@code --job transport} (Kinesis source, one stateless detector, Kinesis sink:
 * the floor set by the connectors, see {@link FraudBreachDetector}).
 */
public final class LatencyBenchmark {
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
    long sinkBufferMs = 50;
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
      Map<String, Long> putAt = new ConcurrentHashMap<>();
      Map<String, Long> putWallMs = new ConcurrentHashMap<>();
      List<Double> latencies = new CopyOnWriteArrayList<>();
      List<Double> toSink = new CopyOnWriteArrayList<>();
      List<Double> fromSink = new CopyOnWriteArrayList<>();
      List<Double> arrived = new CopyOnWriteArrayList<>();
      AtomicLong firstAlarmAt = new AtomicLong();
      ShardPollers reader =
          new ShardPollers(
              kinesis,
              alarmStream,
              read ->
                  onAlarm(
                      read, putAt, putWallMs, latencies, toSink, fromSink, arrived, firstAlarmAt));

      long submit = System.nanoTime();
      JobClient client = env.executeAsync("p2-latency-" + job);
      reader.start();
      try {
        String run = Long.toString(System.currentTimeMillis(), 36);
        // Warm-up: one breach a second until the first alarm comes back (job start-up).
        long warmDeadline = System.nanoTime() + timeout.toNanos();
        int w = 0;
        while (firstAlarmAt.get() == 0 && System.nanoTime() < warmDeadline) {
          String c = BreachSegments.contactId(run + "-warm", w++);
          put(kinesis, input, c, null, null);
          Thread.sleep(1000);
        }
        long startupMs = firstAlarmAt.get() == 0 ? -1 : (firstAlarmAt.get() - submit) / 1_000_000;
        System.out.printf("job start-up (submit -> first alarm readable): %d ms%n", startupMs);
        latencies.clear();
        toSink.clear();
        fromSink.clear();
        arrived.clear();
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
          put(kinesis, input, BreachSegments.contactId(run, i), putAt, putWallMs);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (latencies.size() < alarms && System.nanoTime() < deadline) {
          Thread.sleep(50);
        }
        reader.close();
        double[] l = latencies.stream().mapToDouble(Double::doubleValue).toArray();
        System.out.printf(
            "received %d of %d alarms in %.1f s%n", l.length, alarms, elapsed(t0) / 1000.0);
        printSplit("put -> alarm handed to the sink (emittedAt)", toSink);
        printSplit("emittedAt -> read from the alarm stream", fromSink);
        printSplit(
            "put -> alarm record's arrival on the alarm stream (ApproximateArrivalTimestamp)",
            arrived);
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
        reader.close();
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

  /**
   * Where the time goes, from the alarm's {@code emittedAt} (wall clock, stamped when the alarm
   * sink serializes it): p50/p99 of the part before and after the sink's buffer.
   */
  private static void printSplit(String what, List<Double> ms) {
    if (ms.isEmpty()) {
      return;
    }
    LatencyStats s = new LatencyStats(ms.stream().mapToDouble(Double::doubleValue).toArray());
    System.out.printf(
        Locale.ROOT, "  %s: p50 %.0f ms, p99 %.0f ms%n", what, s.percentile(50), s.percentile(99));
  }

  /** Puts one breach; remembers when (just before the call) when {@code putAt} is given. */
  private static void put(
      KinesisClient k,
      String stream,
      String contactId,
      Map<String, Long> putAt,
      Map<String, Long> putWallMs) {
    String json = BreachSegments.segment(contactId, Instant.now());
    if (putAt != null) {
      putWallMs.put(contactId, System.currentTimeMillis());
      putAt.put(contactId, System.nanoTime());
    }
    k.putRecord(
        b -> b.streamName(stream).partitionKey(contactId).data(SdkBytes.fromUtf8String(json)));
  }

  /** One alarm read: one latency per first FRAUD_CATEGORY RAISED of a timed contact. */
  private static void onAlarm(
      ShardPollers.Read read,
      Map<String, Long> putAt,
      Map<String, Long> putWallMs,
      List<Double> latencies,
      List<Double> toSink,
      List<Double> fromSink,
      List<Double> arrived,
      AtomicLong firstAlarmAt) {
    firstAlarmAt.compareAndSet(0, read.readAtNanos());
    JsonNode alarm = fraudRaised(read.record().data());
    String contact = alarm == null ? null : alarm.path("contactId").asText(null);
    Long t = contact == null ? null : putAt.remove(contact);
    if (t == null) {
      return;
    }
    latencies.add((read.readAtNanos() - t) / 1e6);
    Long putMs = putWallMs.remove(contact);
    long readWallMs =
        System.currentTimeMillis() - (System.nanoTime() - read.readAtNanos()) / 1_000_000;
    Instant emitted = emittedAt(alarm);
    if (putMs != null && emitted != null) {
      toSink.add((double) (emitted.toEpochMilli() - putMs));
      fromSink.add((double) (readWallMs - emitted.toEpochMilli()));
    }
    Instant arrival = read.record().approximateArrival();
    if (putMs != null && arrival != null) {
      arrived.add((double) (arrival.toEpochMilli() - putMs));
    }
  }

  /** The alarm if it is a FRAUD_CATEGORY RAISED, else null. */
  private static JsonNode fraudRaised(String alarmJson) {
    try {
      JsonNode n = Json.mapper().readTree(alarmJson);
      if (!"FRAUD_CATEGORY".equals(n.path("rule").asText())
          || !"RAISED".equals(n.path("state").asText())) {
        return null;
      }
      return n;
    } catch (java.io.IOException e) {
      return null;
    }
  }

  private static Instant emittedAt(JsonNode alarm) {
    String t = alarm.path("emittedAt").asText(null);
    try {
      return t == null ? null : Instant.parse(t);
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }
}
