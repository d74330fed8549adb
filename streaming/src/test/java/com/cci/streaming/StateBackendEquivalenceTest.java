package com.cci.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.schemas.Json;
import com.cci.streaming.config.JobConfig;
import com.cci.streaming.config.PropertyGroups;
import com.cci.streaming.io.ReplayIo;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.contrib.streaming.state.RocksDBOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job gives the same output on the RocksDB state backend, which Amazon Managed Service for
 * Apache Flink runs it on, as on the heap backend the local runs and the other tests use. On heap,
 * a function that changes an object it read from state without writing it back still "works" (the
 * state holds that very object); on RocksDB every read is a fresh copy and every write goes through
 * the state's serializer, so a change not written back is lost and a state type that does not
 * round-trip shows — and a rule depending on either would fire differently. The same simulated
 * incident hour is replayed on both (parallelism 2) and every alarm (all fields but the emission
 * time), every queue-metrics record and every dead letter's stream and reason must be the same.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class StateBackendEquivalenceTest {
  @TempDir Path tmp;

  @Test
  void rocksDbGivesTheSameAlarmsQueueMetricsAndDeadLettersAsTheHeapBackend() throws Exception {
    Path in = tmp.resolve("in");
    IncidentHour.write(in, 11, 400);
    Output heap = replay(in, tmp.resolve("heap"), "hashmap");
    Output rocks = replay(in, tmp.resolve("rocksdb"), "rocksdb");

    // the RocksDB run really ran on RocksDB, the heap run did not
    assertThat(rocks.rocksDb()).as("RocksDB opened by the RocksDB run").isTrue();
    assertThat(heap.rocksDb()).as("RocksDB opened by the heap run").isFalse();
    // the comparison is worth something only if the hour exercises the stateful rules
    assertThat(heap.alarms()).as("alarms").hasSizeGreaterThan(20);
    for (String rule : List.of("FRAUD_CATEGORY", "AUTH_FAILURES", "QUEUE_SIZE")) {
      assertThat(heap.alarms()).as(rule).anyMatch(a -> a.contains("\"rule\":\"" + rule + "\""));
    }
    assertThat(heap.queueMetrics()).as("queue metrics").hasSizeGreaterThan(100);

    assertThat(rocks.alarms()).as("alarms on RocksDB").isEqualTo(heap.alarms());
    assertThat(rocks.queueMetrics()).as("queue metrics on RocksDB").isEqualTo(heap.queueMetrics());
    assertThat(rocks.deadLetters()).as("dead letters on RocksDB").isEqualTo(heap.deadLetters());
  }

  /**
   * Sorted output lines (alarms without their emission time; dead letters: stream + reason) and how
   * many RocksDB instances the run created.
   */
  private record Output(
      List<String> alarms, List<String> queueMetrics, List<String> deadLetters, boolean rocksDb) {}

  private static Output replay(Path in, Path out, String backend) throws Exception {
    Configuration conf = new Configuration();
    conf.set(StateBackendOptions.STATE_BACKEND, backend);
    Path rocksDir = out.resolve("rocksdb-local");
    conf.set(RocksDBOptions.LOCAL_DIRECTORIES, rocksDir.toString());
    JobConfig cfg = JobConfig.from(PropertyGroups.fromDevResource());
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, conf);
    StreamingJob.configure(env, cfg.job(), false);
    env.setParallelism(2);
    AlarmWorkflow.define(env, ReplayIo.inputs(env, in), cfg, ReplayIo.sinks(out));
    env.execute("state backend " + backend);

    List<String> alarms = new ArrayList<>();
    for (String line : Files.readAllLines(out.resolve(ReplayIo.ALARMS))) {
      ObjectNode a = (ObjectNode) Json.mapper().readTree(line);
      a.remove("emittedAt");
      alarms.add(a.toString());
    }
    List<String> metrics = new ArrayList<>(Files.readAllLines(out.resolve(ReplayIo.QUEUE_METRICS)));
    List<String> dead = new ArrayList<>();
    for (String line : Files.readAllLines(out.resolve(ReplayIo.DEAD_LETTER))) {
      var d = Json.mapper().readTree(line);
      dead.add(d.path("sourceStream").asText() + " " + d.path("reason").asText());
    }
    Collections.sort(alarms);
    Collections.sort(metrics);
    Collections.sort(dead);
    // the backend creates its local directory when it opens its first instance (and deletes the
    // instances, not the directory, when the job ends); the heap backend never does
    return new Output(alarms, metrics, dead, Files.isDirectory(rocksDir));
  }
}
