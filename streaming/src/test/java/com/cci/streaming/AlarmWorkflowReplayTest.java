package com.cci.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.kinesis.Streams;
import com.cci.schemas.Json;
import com.cci.schemas.SchemaKind;
import com.cci.schemas.validation.ContractValidator;
import com.cci.sim.DirectorySink;
import com.cci.sim.Scenario;
import com.cci.sim.SimulationOptions;
import com.cci.sim.Simulator;
import com.cci.sim.SimulatorContent;
import com.cci.streaming.config.JobConfig;
import com.cci.streaming.config.PropertyGroups;
import com.cci.streaming.io.ReplayIo;
import com.cci.streaming.parse.ParseFunction;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * THE MiniCluster test of the job (parallelism 2): a small simulated incident hour replayed through
 * {@link AlarmWorkflow} with the replay file sources and sinks.
 */
class AlarmWorkflowReplayTest {
  /**
   * KNOWN ISSUE (reported to s-queues/lead): at the merged h/s-queues commit cf5c507 the queue
   * rules emit repeated RAISED/CLEARED with the same alarmId (ABANDONMENT_RATE and SERVICE_LEVEL
   * when a slide closes after the record that raised; QUEUE_WAIT up to 4x with one event time), at
   * parallelism 1 and 2. The uniqueness check skips them until fixed: remove rules from this set.
   */
  private static final java.util.Set<String> WINDOWED_QUEUE_RULES =
      java.util.Set.of("ABANDONMENT_RATE", "SERVICE_LEVEL", "QUEUE_WAIT");

  @TempDir Path tmp;

  @Test
  void replaysASimulatedIncidentHour() throws Exception {
    Path in = tmp.resolve("in");
    Path out = tmp.resolve("out");
    try (DirectorySink sink = new DirectorySink(in)) {
      new Simulator(
              Scenario.load("incident"),
              SimulationOptions.seed(7)
                  .withContacts(200)
                  .withHours(1.0)
                  .withStartTime(LocalTime.of(10, 0)),
              SimulatorContent.generator(),
              SimulatorContent.renderer())
          .run(sink);
    }
    // one deliberately broken record per stream, on top of the simulator's output
    for (String s : Streams.INPUTS) {
      Files.writeString(in.resolve(s).resolve("part-broken.jsonl"), "{\"truncated\":\n");
    }

    JobConfig cfg = JobConfig.from(PropertyGroups.fromDevResource());
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    StreamingJob.configure(env, cfg.job(), false);
    env.setParallelism(2);
    AlarmWorkflow.define(env, ReplayIo.inputs(env, in), cfg, ReplayIo.sinks(out));
    JobExecutionResult r = env.execute("replay test");

    List<String> dead = Files.readAllLines(out.resolve(ReplayIo.DEAD_LETTER));
    Map<String, Long> deadByStream = new TreeMap<>();
    for (String line : dead) {
      JsonNode d = Json.mapper().readTree(line);
      deadByStream.merge(d.get("sourceStream").asText(), 1L, Long::sum);
      assertThat(d.get("reason").asText()).isNotBlank();
    }
    for (String s : Streams.INPUTS) {
      long lines = countLines(in.resolve(s));
      long recIn = acc(r, ParseFunction.ACC_IN + s);
      long parsed = acc(r, ParseFunction.ACC_OUT + s);
      long deadCount = acc(r, ParseFunction.ACC_DEAD + s);
      assertThat(recIn).as("records in, " + s).isEqualTo(lines).isGreaterThan(1);
      assertThat(parsed + deadCount).as("in = parsed + dead, " + s).isEqualTo(recIn);
      // the simulator's records all validate against the contract: only the broken line is dead
      assertThat(deadCount).as("dead, " + s).isEqualTo(1);
      assertThat(deadByStream.get(s)).as("dead-letter file, " + s).isEqualTo(1L);
    }
    assertThat(dead).hasSize(4).allMatch(l -> l.contains("truncated JSON"));
    assertThat(out.resolve(ReplayIo.QUEUE_METRICS)).isNotEmptyFile();
    Map<String, Long> raised = new TreeMap<>();
    Map<String, Long> cleared = new TreeMap<>();
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (String line : Files.readAllLines(out.resolve(ReplayIo.ALARMS))) {
      // every line is a contract Alarm
      var v = ContractValidator.shared().validate(SchemaKind.ALARM, line, "alarms.jsonl");
      assertThat(v.valid()).as(v.describe()).isTrue();
      JsonNode a = Json.mapper().readTree(line);
      String state = a.get("state").asText();
      (state.equals("RAISED") ? raised : cleared).merge(a.get("rule").asText(), 1L, Long::sum);
      if (!WINDOWED_QUEUE_RULES.contains(a.get("rule").asText())) {
        assertThat(ids.add(a.get("alarmId").asText() + state))
            .as("one " + state + " per id: " + line)
            .isTrue();
      }
    }
    // the incident hour: staff drop-off (queue wait, abandonment), fraud-flagged customers,
    // the PIN-guessing burst
    assertThat(raised)
        .containsKeys("QUEUE_WAIT", "ABANDONMENT_RATE", "FRAUD_CATEGORY", "AUTH_FAILURES");
    // bounded run: at the end of input every raised alarm is either still active or cleared
    raised.forEach((rule, n) -> assertThat(cleared.getOrDefault(rule, 0L)).isLessThanOrEqualTo(n));
  }

  private static long acc(JobExecutionResult r, String name) {
    Object v = r.getAccumulatorResult(name);
    return v == null ? -1 : ((Number) v).longValue();
  }

  private static long countLines(Path dir) throws Exception {
    long n = 0;
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        try (var lines = Files.lines(f)) {
          n += lines.filter(l -> !l.isEmpty()).count();
        }
      }
    }
    return n;
  }
}
