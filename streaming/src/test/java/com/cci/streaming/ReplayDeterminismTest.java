package com.cci.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.kinesis.Streams;
import com.cci.schemas.Json;
import com.cci.streaming.config.JobConfig;
import com.cci.streaming.config.PropertyGroups;
import com.cci.streaming.io.ReplayIo;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replaying the same input gives the same alarms: the same simulated incident replayed through
 * {@link AlarmWorkflow} three times (MiniCluster, parallelism 2, file sources read concurrently, so
 * the streams interleave differently in each run) must give identical sets of (alarmId, state) for
 * the per-contact rules (voice segments timed by {@code parse.SegmentClock}) and the bot rules.
 */
class ReplayDeterminismTest {
  /**
   * Every rule: replays run in event-time order — queue transitions applied in event-time order
   * ({@code QueueRulesConfig.inEventTimeOrder()}; a transition repaired from a CTR at the CTR's
   * time, when the tracker can first know it), bot records released sorted per event-time second
   * ({@code FulfillmentEventTimeOrder}) to a bot rule that judges every window expiry a record runs
   * ahead of before that record — and segments are timed from their contact's anchor ({@code
   * SegmentClock}), so nothing depends on how the sources interleave or how far a watermark got.
   */
  static final Set<String> COMPARED =
      Set.of(
          "FRAUD_CATEGORY",
          "NEGATIVE_SENTIMENT",
          "FULFILLMENT_ERRORS",
          "AUTH_FAILURES",
          "QUEUE_SIZE",
          "ABANDONMENT_RATE",
          "SERVICE_LEVEL",
          "QUEUE_WAIT");

  @TempDir Path tmp;

  @Test
  void replaysOfTheSameInputRaiseAndClearTheSameAlarms() throws Exception {
    Path in = tmp.resolve("in");
    IncidentHour.write(in, 7, 400);
    Map<String, Set<String>> first = replay(in, tmp.resolve("out1"));

    System.out.println(
        "replay determinism: alarm lines per rule "
            + first.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().size()).toList());
    // the incident hour: fraud and negative sentiment on voice and chat contacts, PIN guessing
    assertThat(first).containsKeys("FRAUD_CATEGORY", "NEGATIVE_SENTIMENT", "AUTH_FAILURES");
    // the bot rules raise and clear (the clear comes from window expiries: the timer path)
    for (String bot : List.of("AUTH_FAILURES", "FULFILLMENT_ERRORS")) {
      assertThat(first.get(bot)).as(bot).anyMatch(l -> l.endsWith(" RAISED"));
      assertThat(first.get(bot)).as(bot).anyMatch(l -> l.endsWith(" CLEARED"));
    }
    assertThat(first.values().stream().mapToInt(Set::size).sum()).isGreaterThan(10);
    // two more replays (a third makes a different interleaving of the streams more likely)
    for (int run = 2; run <= 3; run++) {
      Map<String, Set<String>> again = replay(in, tmp.resolve("out" + run));
      for (String rule : COMPARED) {
        assertThat(again.getOrDefault(rule, Set.of()))
            .as("(alarmId, state) of %s, replay %d vs replay 1", rule, run)
            .containsExactlyInAnyOrderElementsOf(first.getOrDefault(rule, Set.of()));
      }
    }
  }

  /** Runs the job over {@code in}; (alarmId state) per compared rule. */
  private static Map<String, Set<String>> replay(Path in, Path out) throws Exception {
    JobConfig cfg = JobConfig.from(PropertyGroups.fromDevResource());
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    StreamingJob.configure(env, cfg.job(), false);
    env.setParallelism(2);
    AlarmWorkflow.define(env, ReplayIo.inputs(env, in), cfg, ReplayIo.sinks(out));
    env.execute("replay determinism");

    // the simulator's segments all find their agent-connect time: none is dead-lettered
    for (String line : Files.readAllLines(out.resolve(ReplayIo.DEAD_LETTER))) {
      assertThat(Json.mapper().readTree(line).get("sourceStream").asText())
          .as("dead letter: %s", line)
          .isNotEqualTo(Streams.CONTACT_LENS);
    }
    Map<String, Set<String>> byRule = new TreeMap<>();
    for (String line : Files.readAllLines(out.resolve(ReplayIo.ALARMS))) {
      JsonNode a = Json.mapper().readTree(line);
      String rule = a.get("rule").asText();
      if (COMPARED.contains(rule)) {
        byRule
            .computeIfAbsent(rule, r -> new TreeSet<>())
            .add(a.get("alarmId").asText() + " " + a.get("state").asText());
      }
    }
    return byRule;
  }
}
