package com.cci.streaming.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.kinesis.KinesisPlayer;
import com.cci.kinesis.KinesisTail;
import com.cci.kinesis.PlayReport;
import com.cci.kinesis.StreamRecord;
import com.cci.kinesis.Streams;
import com.cci.kinesis.TailRecord;
import com.cci.local.LocalStackExtension;
import com.cci.schemas.Json;
import com.cci.streaming.bench.BreachSegments;
import com.cci.streaming.bench.FraudBreachDetector;
import com.cci.streaming.io.kinesis.KinesisConfig;
import com.cci.streaming.io.kinesis.KinesisSinkFactory;
import com.cci.streaming.io.kinesis.KinesisSourceFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * Failure and restore on Kinesis: the same input stream is read twice from TRIM_HORIZON by a job
 * (Kinesis source, a breach detector, Kinesis alarm sink) — once without failure, once with
 * checkpoints every 300 ms and one task failure injected mid-stream after a checkpoint completed.
 * Flink restarts the job from the last checkpoint (shard sequence numbers restored); the alarms on
 * the second run's stream, after de-duplication on alarmId + state, equal the first run's: none
 * lost; duplicates are exact re-emissions (same record but for {@code emittedAt}).
 *
 * <p>The graph is the transport one ({@link FraudBreachDetector}), not the whole job: the whole
 * job's alarm ids are not yet reproducible between two failure-free runs over the same input (see
 * the s-kinesis report), so an equality check there would fail without any failure injected.
 */
class KinesisFailureRestoreIT {
  static final String IN = "cci-fr-in";
  static final String OUT_A = "cci-fr-alarms-a";
  static final String OUT_B = "cci-fr-alarms-b";
  static final int RECORDS = 400;

  @RegisterExtension
  static final LocalStackExtension STACK =
      LocalStackExtension.kinesis().ignoreEnvironment().streams(2, IN, OUT_A, OUT_B);

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  static final AtomicBoolean FAILED = new AtomicBoolean();
  static final AtomicInteger READS = new AtomicInteger();

  /**
   * Passes records through slowly (so checkpoints complete mid-stream) and throws once, on the
   * first record after a checkpoint completed once this subtask has seen {@code failAfter} records.
   */
  static final class FailOnceAfterCheckpoint extends RichMapFunction<String, String>
      implements CheckpointListener {
    private final int failAfter;
    private final boolean fail;
    private transient int seen;
    private transient boolean checkpointed;

    FailOnceAfterCheckpoint(int failAfter, boolean fail) {
      this.failAfter = failAfter;
      this.fail = fail;
    }

    @Override
    public String map(String value) throws Exception {
      READS.incrementAndGet();
      Thread.sleep(5);
      if (fail && ++seen >= failAfter && checkpointed && FAILED.compareAndSet(false, true)) {
        throw new IllegalStateException("injected failure after " + seen + " records");
      }
      return value;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      checkpointed = true;
    }
  }

  @Test
  void restoreFromCheckpointLosesNoAlarm() throws Exception {
    Map<String, String> names = Map.of("input.contact-lens", IN, "output.alarms", OUT_A);
    try (KinesisClient kinesis = STACK.clients().kinesis()) {
      List<StreamRecord> records = new ArrayList<>();
      Instant t = Instant.parse("2026-11-20T10:00:00Z");
      for (int i = 0; i < RECORDS; i++) {
        String c = BreachSegments.contactId("restore", i);
        records.add(
            new StreamRecord(
                t, Streams.CONTACT_LENS, c, BreachSegments.segment(c, t.plusSeconds(i))));
      }
      PlayReport play =
          KinesisPlayer.builder(kinesis)
              .speed(Double.POSITIVE_INFINITY)
              .streamName(l -> IN)
              .build()
              .play(records.iterator());
      assertThat(play.complete()).as(play.summary()).isTrue();

      long t0 = System.nanoTime();
      List<TailRecord> a =
          run(kinesis, KinesisConfig.local(STACK.kinesisEndpoint(), names), OUT_A, false);
      int readsA = READS.getAndSet(0);
      List<TailRecord> b =
          run(
              kinesis,
              KinesisConfig.local(
                  STACK.kinesisEndpoint(),
                  Map.of("input.contact-lens", IN, "output.alarms", OUT_B)),
              OUT_B,
              true);
      int readsB = READS.get();
      System.out.printf(
          "failure-free: %d alarms (%d reads); with failure: %d alarms (%d reads); %d ms%n",
          a.size(), readsA, b.size(), readsB, (System.nanoTime() - t0) / 1_000_000);

      assertThat(FAILED).as("the failure was injected").isTrue();
      // Restored from a checkpoint, not from the start: some records re-read, not all.
      assertThat(readsA).isEqualTo(RECORDS);
      assertThat(readsB).isGreaterThan(RECORDS).isLessThan(2 * RECORDS);

      Map<String, String> dedupA = dedup(a);
      Map<String, String> dedupB = dedup(b);
      assertThat(dedupA).hasSize(RECORDS);
      assertThat(dedupB.keySet()).isEqualTo(dedupA.keySet());
      assertThat(dedupB).isEqualTo(dedupA);
    }
  }

  /** Runs the graph until {@link #RECORDS} alarms are on {@code out} (or 90 s); then cancels. */
  private List<TailRecord> run(
      KinesisClient kinesis, KinesisConfig cfg, String out, boolean withFailure) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    env.getConfig().disableGenericTypes();
    env.enableCheckpointing(300);
    Configuration restart = new Configuration();
    restart.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    restart.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
    restart.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
    env.configure(restart);
    DataStream<String> in = new KinesisSourceFactory(cfg).stream(env, Streams.CONTACT_LENS);
    in.map(new FailOnceAfterCheckpoint(RECORDS / 4, withFailure))
        .uid("fail-once")
        .name("fail-once")
        .flatMap(new FraudBreachDetector())
        .uid("detector")
        .name("detector")
        .sinkTo(new KinesisSinkFactory(cfg).alarms())
        .uid("sink-alarms");
    KinesisTail tail = new KinesisTail(kinesis, out, KinesisTail.Start.TRIM_HORIZON);
    JobClient job = env.executeAsync("restore-" + out);
    try {
      List<TailRecord> got = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      while (dedupIds(got).size() < RECORDS && System.nanoTime() < deadline) {
        got.addAll(tail.await(Integer.MAX_VALUE, Duration.ofMillis(500)));
      }
      got.addAll(tail.drain(Duration.ofSeconds(2), Duration.ofSeconds(10)));
      return got;
    } finally {
      job.cancel().get();
    }
  }

  private static Set<String> dedupIds(List<TailRecord> records) throws Exception {
    return new HashSet<>(dedup(records).keySet());
  }

  /**
   * alarmId + state -> the record without emittedAt; fails when two records with the same key
   * differ in anything else (a duplicate must be an exact re-emission).
   */
  private static Map<String, String> dedup(List<TailRecord> records) throws Exception {
    Map<String, String> out = new HashMap<>();
    for (TailRecord r : records) {
      JsonNode n = Json.mapper().readTree(r.data());
      String key = n.get("alarmId").asText() + "/" + n.get("state").asText();
      ((ObjectNode) n).remove("emittedAt");
      String body = Json.mapper().writeValueAsString(n);
      String prev = out.putIfAbsent(key, body);
      assertThat(prev == null || prev.equals(body))
          .as("duplicate %s is an exact re-emission:%n%s%n%s", key, prev, body)
          .isTrue();
    }
    return out;
  }
}
