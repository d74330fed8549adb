package com.cci.streaming.functions.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.kinesis.StreamRecord;
import com.cci.kinesis.Streams;
import com.cci.schemas.Json;
import com.cci.sim.GroundTruth;
import com.cci.sim.Scenario;
import com.cci.sim.SimulationOptions;
import com.cci.sim.SimulationSink;
import com.cci.sim.Simulator;
import com.cci.sim.SimulatorContent;
import com.cci.streaming.config.WatermarkSettings;
import com.cci.streaming.parse.EventTimes;
import com.cci.streaming.records.AlarmEvent;
import com.cci.streaming.records.ContactEventRecord;
import com.cci.streaming.records.CtrRecord;
import com.cci.streaming.records.QueueMetrics;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The key test: the simulator's records (duplicates, late CTRs, out-of-order events on; event loss
 * off, because a lost DISCONNECTED is only repaired when the CTR arrives, after its windows were
 * emitted — {@link ContactQueueTrackerTest} covers that reconciliation) run through {@link
 * QueuePipeline} on a local MiniCluster at parallelism 2, parsed by the job's parsers and timed by
 * its watermark strategies with the dev bounds; every emitted window must equal the sums of {@code
 * ground-truth/queue-minutes} over the same minutes exactly, and every window with activity in the
 * ground truth must have been emitted.
 */
class QueueGroundTruthTest {
  private static final long MINUTE = 60_000;

  static Stream<Arguments> runs() {
    return Stream.of(
        Arguments.of("normal-day", 7L, 3000, null, null),
        Arguments.of("incident", 11L, 2500, LocalTime.of(9, 30), 3.0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("runs")
  void windowMetricsEqualGroundTruth(
      String scenarioName,
      long seed,
      int contacts,
      LocalTime start,
      Double hours,
      @TempDir Path dir)
      throws Exception {
    Scenario scenario = withoutEventLoss(scenarioName, dir);
    SimulationOptions opts = SimulationOptions.seed(seed).withContacts(contacts);
    if (start != null) {
      opts = opts.withStartTime(start);
    }
    if (hours != null) {
      opts = opts.withHours(hours);
    }
    Simulator sim =
        new Simulator(scenario, opts, SimulatorContent.generator(), SimulatorContent.renderer());
    List<GroundTruth.QueueMinute> minutes = new ArrayList<>();
    List<GroundTruth.ContactOutcome> outcomes = new ArrayList<>();
    SimulationSink side =
        new SimulationSink() {
          @Override
          public void queueMinute(GroundTruth.QueueMinute row) {
            minutes.add(row);
          }

          @Override
          public void contactOutcome(GroundTruth.ContactOutcome row) {
            outcomes.add(row);
          }
        };
    List<ContactEventRecord> events = new ArrayList<>();
    List<CtrRecord> ctrs = new ArrayList<>();
    int duplicateCtrs = 0;
    Map<String, Integer> ctrSeen = new HashMap<>();
    Simulator.RecordIterator it = sim.records(side);
    while (it.hasNext()) {
      StreamRecord r = it.next();
      if (r.stream().equals(Streams.CONTACT_EVENTS)) {
        events.add(SimRecords.event(r));
      } else if (r.stream().equals(Streams.CTR)) {
        CtrRecord c = SimRecords.ctr(r);
        if (ctrSeen.merge(c.contactId, 1, Integer::sum) > 1) {
          duplicateCtrs++;
        }
        ctrs.add(c);
      }
    }
    assertThat(duplicateCtrs).as("the run has duplicate CTRs").isPositive();
    assertThat(outOfOrderPairs(events)).as("the run has out-of-order events").isPositive();

    // Ground truth counts "answered within 30 s": give Fraud (20 s in the dev config) 30 s here.
    Map<String, java.util.Properties> groups = SimRecords.devGroups();
    groups.get("queue.Fraud").remove("service.level.seconds");
    QueueRulesConfig cfg = QueueRulesConfig.from(groups).withWaitFallbackMs(0);
    List<QueueMetrics> metrics = new ArrayList<>();
    List<AlarmEvent> alarms = new ArrayList<>();
    run(cfg, events, ctrs, metrics, alarms);

    Map<String, String> nameById = new HashMap<>();
    cfg.queues().forEach((id, r) -> nameById.put(id, r.name()));
    Map<String, TreeMap<Long, GroundTruth.QueueMinute>> gt = new HashMap<>();
    long lastMinute = Long.MIN_VALUE;
    for (GroundTruth.QueueMinute m : minutes) {
      long t = Instant.parse(m.minute()).toEpochMilli();
      gt.computeIfAbsent(m.queue(), k -> new TreeMap<>()).put(t, m);
      lastMinute = Math.max(lastMinute, t);
    }
    long gtEnd = lastMinute + MINUTE;
    long windowMs = cfg.windowLengthMs();

    int compared = 0;
    long offered = 0;
    long abandoned = 0;
    Map<String, Long> emitted = new HashMap<>();
    for (QueueMetrics m : metrics) {
      assertThat(nameById).containsKey(m.queueId);
      assertThat(m.queue).isEqualTo(nameById.get(m.queueId));
      assertThat(emitted.put(m.queue + "@" + m.windowEndMs, m.windowEndMs))
          .as("one row per queue per slide")
          .isNull();
      if (m.windowEndMs > gtEnd) {
        continue;
      }
      TreeMap<Long, GroundTruth.QueueMinute> q = gt.get(m.queue);
      long[] sum = sums(q, m.windowStartMs, m.windowEndMs);
      String where = m.queue + " window ending " + Instant.ofEpochMilli(m.windowEndMs);
      assertThat(m.offered).as("offered, " + where).isEqualTo(sum[0]);
      assertThat(m.answered).as("answered, " + where).isEqualTo(sum[1]);
      assertThat(m.abandoned).as("abandoned, " + where).isEqualTo(sum[2]);
      assertThat(m.answeredWithinThreshold).as("answered within 30 s, " + where).isEqualTo(sum[3]);
      GroundTruth.QueueMinute last = q.get(m.windowEndMs - MINUTE);
      if (last != null) {
        assertThat(m.inQueue).as("in queue at end, " + where).isEqualTo(last.inQueue());
        assertThat((long) Math.floor(m.oldestWaitSeconds + 1e-9))
            .as("oldest wait at end, " + where)
            .isEqualTo(last.oldestWaitSeconds());
      }
      double[] waits = waits(outcomes, m.queue, m.windowStartMs, m.windowEndMs);
      assertThat(m.avgWaitSeconds).as("average wait, " + where).isCloseTo(waits[0], within());
      offered += m.offered;
      abandoned += m.abandoned;
      compared++;
    }
    // Every window with activity or waiting contacts in the ground truth was emitted.
    int active = 0;
    for (Map.Entry<String, TreeMap<Long, GroundTruth.QueueMinute>> e : gt.entrySet()) {
      long first = e.getValue().firstKey();
      for (long end = first + MINUTE; end <= gtEnd; end += MINUTE) {
        long[] sum = sums(e.getValue(), end - windowMs, end);
        GroundTruth.QueueMinute last = e.getValue().get(end - MINUTE);
        if (sum[0] + sum[1] + sum[2] > 0 || (last != null && last.inQueue() > 0)) {
          active++;
          assertThat(emitted.containsKey(e.getKey() + "@" + end))
              .as(e.getKey() + " window ending " + Instant.ofEpochMilli(end) + " was emitted")
              .isTrue();
        }
      }
    }
    System.out.printf(
        "%s: %d events, %d CTRs (%d duplicates), %d windows compared (%d with activity),"
            + " offered %d, abandoned %d (sums over windows), %d alarms%n",
        scenarioName,
        events.size(),
        ctrs.size(),
        duplicateCtrs,
        compared,
        active,
        offered,
        abandoned,
        alarms.size());
    Map<String, Integer> byRule = new TreeMap<>();
    for (AlarmEvent a : alarms) {
      byRule.merge(a.rule + " " + a.queue + " " + a.state, 1, Integer::sum);
    }
    System.out.println(scenarioName + " alarms: " + byRule);
    assertThat(compared).isGreaterThan(500);
    assertThat(alarms).allSatisfy(a -> assertThat(a.alarmId).isNotBlank());
    assertRatesInRangeAndIdsUnique(scenarioName, metrics, alarms);
  }

  /**
   * Properties of the whole run: rates are fractions within [0, 1] in every window record and
   * percentages within [0, 100] (value and threshold) in every ABANDONMENT_RATE / SERVICE_LEVEL
   * alarm; every alarm id is RAISED once and CLEARED at most once, after it.
   */
  private static void assertRatesInRangeAndIdsUnique(
      String scenarioName, List<QueueMetrics> metrics, List<AlarmEvent> alarms) {
    assertThat(metrics)
        .allSatisfy(
            m -> {
              assertThat(m.abandonmentRate).as("abandonment rate").isBetween(0.0, 1.0);
              assertThat(m.serviceLevel).as("service level").isBetween(0.0, 1.0);
            });
    Map<String, String> stateById = new HashMap<>();
    int windowed = 0;
    for (AlarmEvent a : alarms) {
      String before = stateById.put(a.alarmId, a.state);
      String what = a.rule + " " + a.state + " " + a.queue + " value " + a.value + " " + a.alarmId;
      if (a.state.equals("RAISED")) {
        assertThat(before).as("RAISED once: " + what).isNull();
      } else {
        assertThat(before).as("CLEARED once, after RAISED: " + what).isEqualTo("RAISED");
      }
      if (a.rule.equals("ABANDONMENT_RATE") || a.rule.equals("SERVICE_LEVEL")) {
        windowed++;
        assertThat(a.value).as(what).isBetween(0.0, 100.0);
        assertThat(a.threshold).as(what).isBetween(0.0, 100.0);
        assertThat(a.windowStartMs).as(what).isNotNull();
      }
    }
    if (scenarioName.equals("incident")) {
      assertThat(windowed).as("the incident raises windowed alarms").isPositive();
    }
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-6);
  }

  /** offered, answered, abandoned, answeredWithin30s over minutes {@code [from, to)}. */
  private static long[] sums(TreeMap<Long, GroundTruth.QueueMinute> q, long from, long to) {
    long[] s = new long[4];
    for (GroundTruth.QueueMinute m : q.subMap(from, true, to, false).values()) {
      s[0] += m.offered();
      s[1] += m.answered();
      s[2] += m.abandoned();
      s[3] += m.answeredWithin30s();
    }
    return s;
  }

  /** Average wait of contacts answered or abandoned in {@code [from, to)}, from contacts.jsonl. */
  private static double[] waits(
      List<GroundTruth.ContactOutcome> outcomes, String queue, long from, long to) {
    double sum = 0;
    int n = 0;
    for (GroundTruth.ContactOutcome o : outcomes) {
      String exit = o.answerTimestamp() != null ? o.answerTimestamp() : o.abandonTimestamp();
      if (!queue.equals(o.queue()) || exit == null || o.enqueueTimestamp() == null) {
        continue;
      }
      long t = Instant.parse(exit).toEpochMilli();
      if (t >= from && t < to) {
        sum += o.waitSeconds();
        n++;
      }
    }
    return new double[] {n == 0 ? 0.0 : sum / n, n};
  }

  private static int outOfOrderPairs(List<ContactEventRecord> events) {
    Map<String, Long> last = new HashMap<>();
    int n = 0;
    for (ContactEventRecord e : events) {
      Long prev = last.put(e.contactId, e.eventTimeMs);
      if (prev != null && prev > e.eventTimeMs) {
        n++;
      }
    }
    return n;
  }

  static void run(
      QueueRulesConfig cfg,
      List<ContactEventRecord> events,
      List<CtrRecord> ctrs,
      List<QueueMetrics> metrics,
      List<AlarmEvent> alarms)
      throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    env.getConfig().disableGenericTypes();
    // the job's own watermark strategies and dev bounds (events 30 s, CTRs 5 min)
    WatermarkSettings w = WatermarkSettings.from(SimRecords.dev());
    DataStream<ContactEventRecord> ev =
        env.fromData(events, TypeInformation.of(ContactEventRecord.class))
            .assignTimestampsAndWatermarks(EventTimes.contactEvents(w, Streams.CONTACT_EVENTS));
    DataStream<CtrRecord> ct =
        env.fromData(ctrs, TypeInformation.of(CtrRecord.class))
            .assignTimestampsAndWatermarks(EventTimes.ctr(w, Streams.CTR));
    QueueOutputs out = QueuePipeline.define(ev, ct, cfg);
    try (CloseableIterator<QueueMetrics> m = out.metrics().collectAsync();
        CloseableIterator<AlarmEvent> a = out.alarms().collectAsync()) {
      env.execute("queue-ground-truth");
      m.forEachRemaining(metrics::add);
      a.forEachRemaining(alarms::add);
    }
  }

  private static Scenario withoutEventLoss(String name, Path dir) throws Exception {
    try (InputStream in =
        Scenario.class.getClassLoader().getResourceAsStream("scenarios/" + name + ".json")) {
      ObjectNode root = (ObjectNode) Json.mapper().readTree(in);
      ((ObjectNode) root.get("shares")).put("eventLoss", 0.0);
      Path p = dir.resolve(name + "-no-loss.json");
      Files.writeString(p, Json.mapper().writeValueAsString(root));
      return Scenario.load(p.toString());
    }
  }
}
