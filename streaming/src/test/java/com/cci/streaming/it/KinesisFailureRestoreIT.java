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
import com.cci.streaming.AlarmWorkflow;
import com.cci.streaming.StreamingJob;
import com.cci.streaming.config.EvaluationOrder;
import com.cci.streaming.config.JobConfig;
import com.cci.streaming.config.ParseSettings;
import com.cci.streaming.config.PropertyGroups;
import com.cci.streaming.config.WatermarkSettings;
import com.cci.streaming.io.kinesis.KinesisConfig;
import com.cci.streaming.io.kinesis.KinesisSinkFactory;
import com.cci.streaming.io.kinesis.KinesisSourceFactory;
import com.cci.streaming.parse.ContactEventParser;
import com.cci.streaming.parse.CtrParser;
import com.cci.streaming.parse.FulfillmentParser;
import com.cci.streaming.parse.SegmentParser;
import com.cci.streaming.records.AlarmEvent;
import com.cci.streaming.records.DeadLetter;
import com.cci.streaming.records.QueueMetrics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
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
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.Shard;

/**
 * Failure and restore of the <b>whole job</b> on Kinesis: the incident simulation (6 minutes, seed
 * 7) is put into the four input streams of kinesis-mock, then the whole {@link AlarmWorkflow}
 * (Kinesis sources of all four streams, parse, segment clock, queue and conversation pipelines,
 * Kinesis sinks) reads them from TRIM_HORIZON twice, at parallelism 2 with checkpoints every 400
 * ms: once without failure, once with one task failure injected on the contact-lens input after a
 * checkpoint completed and a sixth of its records were read. Flink restarts the job from the last
 * checkpoint (shard positions and all keyed state restored) and the sources re-read from there.
 * After de-duplication on alarmId + state, the restored run's alarms are compared with the
 * failure-free run's — none lost, none extra, every duplicate an exact re-emission (the same record
 * but for {@code emittedAt}):
 *
 * <ul>
 *   <li><b>{@code evaluation-order=event-time}: every rule.</b> Queue transitions and bot records
 *       are applied in event-time order when the watermark passes them, nothing is decided on
 *       processing time (docs/decisions/0006), so every alarm depends on the input records and on
 *       how far event time got — and the test makes event time end at the same instant in both runs
 *       (below).
 *   <li><b>{@code evaluation-order=arrival}</b> (the default): FRAUD_CATEGORY and
 *       NEGATIVE_SENTIMENT, decided per contact in each contact's own order (one partition key, one
 *       shard, one keyed path). The queue and bot rules depend on how records of different shards
 *       interleave, which differs between two failure-free runs already; for them the lifecycle
 *       across the restore is asserted (every CLEARED id was RAISED in the same run).
 * </ul>
 *
 * <p>The event-time runs add bot traffic to the incident (a backend-error burst and a PIN-guessing
 * burst, {@link #withBotBursts}) so every rule family raises and clears in them.
 *
 * <p><b>Where event time ends.</b> A live job's watermark only closes what it passes, and it is not
 * checkpointed: after a restore each source's watermark starts from nothing and moves only with
 * records read after the restore, so a shard read to its end before the failure holds the watermark
 * back (until it is marked idle, 1 min by default, after which the remaining streams alone decide
 * it: a race). Idleness cannot give a deterministic end either: whether a stream was idle when a
 * timer fired depends on timing. So the event-time runs each read their own copy of the input
 * streams and, after the data, the test puts one <i>end marker</i> into every shard of every input
 * (a benign record: an INITIATED contact event, a CTR without queue or agent, an agent greeting in
 * a chat segment, a fulfilled bot turn, each of a contact of its own) — for the failure-free run
 * before it starts, for the restored run once the failure was injected, so the markers are always
 * read after the restore. Each marker's event time is {@code end} plus its stream's
 * out-of-orderness bound, so every shard's watermark ends at exactly {@code end − 1 ms} (min and
 * max over the inputs alike: no operator's watermark depends on which stream went idle first),
 * where {@code end} is 20 minutes after the last record's arrival: QUEUE_WAIT breaches and window
 * closes after the data are inside, the markers' own effects (all at or after {@code end}) are not.
 * A marker follows its shard's data, so no data record can fall behind a watermark because of a
 * marker; no stream is idle while it has records to read (the default idleness of 1 min is far
 * above the gaps while a stream is read).
 */
class KinesisFailureRestoreIT {
  static final String ET_A = "cci-fr-et-a-";
  static final String ET_B = "cci-fr-et-b-";

  static final String[] STREAMS = {
    "cci-ctr",
    "cci-contact-events",
    "cci-contact-lens",
    "cci-fulfillment",
    "cci-fr-alarms-a",
    "cci-fr-alarms-b",
    "cci-queue-metrics",
    "cci-dead-letter",
    ET_A + Streams.CTR,
    ET_A + Streams.CONTACT_EVENTS,
    ET_A + Streams.CONTACT_LENS,
    ET_A + Streams.FULFILLMENT,
    ET_B + Streams.CTR,
    ET_B + Streams.CONTACT_EVENTS,
    ET_B + Streams.CONTACT_LENS,
    ET_B + Streams.FULFILLMENT,
    "cci-fr-et-alarms-a",
    "cci-fr-et-alarms-b"
  };

  /** Rule families whose alarms depend on the input records alone in arrival order. */
  static final Set<String> PER_CONTACT = Set.of("FRAUD_CATEGORY", "NEGATIVE_SENTIMENT");

  /** Every rule family. */
  static final Set<String> ALL_RULES =
      Set.of(
          "FRAUD_CATEGORY",
          "NEGATIVE_SENTIMENT",
          "FULFILLMENT_ERRORS",
          "AUTH_FAILURES",
          "QUEUE_SIZE",
          "QUEUE_WAIT",
          "ABANDONMENT_RATE",
          "SERVICE_LEVEL");

  /** Contact id of the end markers (no simulated contact has it). */
  static final String MARKER_CONTACT =
      UUID.nameUUIDFromBytes("restore-it-end-marker".getBytes(StandardCharsets.UTF_8)).toString();

  @RegisterExtension
  static final LocalStackExtension STACK =
      LocalStackExtension.kinesis().ignoreEnvironment().streams(2, STREAMS);

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  static final AtomicBoolean FAILED = new AtomicBoolean();
  static final AtomicInteger READS = new AtomicInteger();
  static final AtomicInteger MARKERS = new AtomicInteger();

  /**
   * On the contact-lens input: passes records through (slowly, so checkpoints complete mid-stream)
   * and, when {@code fail}, throws once — on the first record after a checkpoint completed once
   * this subtask has seen {@code failAfter} records. End markers are counted apart.
   */
  static final class FailOnceAfterCheckpoint extends RichMapFunction<String, String>
      implements CheckpointListener {
    private static final long serialVersionUID = 1L;
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
      if (value.contains(MARKER_CONTACT)) {
        MARKERS.incrementAndGet();
        return value;
      }
      READS.incrementAndGet();
      Thread.sleep(2);
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

  /** Alarms, queue metrics and dead letters to their Kinesis streams, as the job does. */
  static final class Sinks implements AlarmWorkflow.SinkApplier {
    private final KinesisSinkFactory factory;

    Sinks(KinesisConfig kc) {
      this.factory = new KinesisSinkFactory(kc);
    }

    @Override
    public void apply(
        DataStream<AlarmEvent> alarms,
        DataStream<QueueMetrics> queueMetrics,
        DataStream<DeadLetter> deadLetters) {
      alarms.sinkTo(factory.alarms()).name("kinesis alarms").uid("sink-alarms");
      queueMetrics
          .sinkTo(factory.queueMetrics())
          .name("kinesis queue-metrics")
          .uid("sink-queue-metrics");
      deadLetters.sinkTo(factory.deadLetters()).name("kinesis dead-letter").uid("sink-dead-letter");
    }
  }

  /** One job run: its inputs (logical → Kinesis name), alarm output and what it waits for. */
  private record Run(
      Map<String, String> inputs,
      String alarms,
      EvaluationOrder order,
      boolean withFailure,
      int lensMarkers,
      Runnable afterFailure,
      Set<String> compared,
      List<JsonNode> until) {}

  @Test
  void inEventTimeOrderTheRestoredRunEmitsTheAlarmsOfAFailureFreeRunForEveryRule()
      throws Exception {
    long t0 = System.nanoTime();
    try (KinesisClient kinesis = STACK.clients().kinesis()) {
      List<StreamRecord> records = withBotBursts(IncidentRun.records());
      int lensRecords = lensRecords(records);
      Instant end =
          records.stream()
              .map(StreamRecord::arrival)
              .max(Instant::compareTo)
              .orElseThrow()
              .plus(Duration.ofMinutes(20))
              .truncatedTo(ChronoUnit.SECONDS);
      PropertyGroups props =
          IncidentRun.devProps(STACK.kinesisEndpoint().toString())
              .with(EvaluationOrder.GROUP, EvaluationOrder.KEY, "event-time");
      WatermarkSettings wm = JobConfig.from(props).watermarks();
      Map<String, String> a = inputs(ET_A);
      Map<String, String> b = inputs(ET_B);
      play(kinesis, records, a);
      play(kinesis, records, b);
      int lensShards = putEndMarkers(kinesis, a, end, wm); // read after the data, as the last
      reset();

      List<JsonNode> alarmsA =
          run(
              kinesis,
              props,
              new Run(
                  a,
                  "cci-fr-et-alarms-a",
                  EvaluationOrder.EVENT_TIME,
                  false,
                  lensShards,
                  null,
                  ALL_RULES,
                  null),
              lensRecords);
      int readsA = READS.getAndSet(0);
      MARKERS.set(0);
      List<JsonNode> alarmsB =
          run(
              kinesis,
              props,
              new Run(
                  b,
                  "cci-fr-et-alarms-b",
                  EvaluationOrder.EVENT_TIME,
                  true,
                  lensShards,
                  () -> putEndMarkers(kinesis, b, end, wm), // after the failure: read after restore
                  ALL_RULES,
                  alarmsA),
              lensRecords);
      int readsB = READS.get();

      Map<String, JsonNode> dedupA = dedup(alarmsA, ALL_RULES, ALL_RULES);
      Map<String, JsonNode> dedupB = dedup(alarmsB, ALL_RULES, ALL_RULES);
      System.out.printf(
          "event-time order: %d lens records, end %s; failure-free: %d alarm records, %d"
              + " (alarmId, state) (%d reads); with failure: %d records, %d (%d reads);"
              + " by rule A %s B %s; %d ms%n",
          lensRecords,
          end,
          alarmsA.size(),
          dedupA.size(),
          readsA,
          alarmsB.size(),
          dedupB.size(),
          readsB,
          byRule(dedupA),
          byRule(dedupB),
          (System.nanoTime() - t0) / 1_000_000);

      assertRestoredFromACheckpoint(lensRecords, readsA, readsB);
      // every family raised and cleared, so "equal" below compares something for each
      for (String rule : ALL_RULES) {
        assertThat(dedupA.keySet())
            .as("%s alarms in the failure-free run", rule)
            .anyMatch(k -> k.startsWith(rule + " ") && k.endsWith("/RAISED"));
      }
      assertThat(dedupA.keySet()).as("cleared alarms").anyMatch(k -> k.endsWith("/CLEARED"));
      // none lost, none extra, same contents (value, times, message): for every rule
      assertThat(new TreeSet<>(dedupB.keySet())).isEqualTo(new TreeSet<>(dedupA.keySet()));
      for (String key : dedupB.keySet()) {
        assertThat(dedupB.get(key)).as(key).isEqualTo(dedupA.get(key));
      }
      assertLifecycle(alarmsA);
      assertLifecycle(alarmsB);
    }
  }

  @Test
  void inArrivalOrderTheRestoredRunEmitsThePerContactAlarmsOfAFailureFreeRun() throws Exception {
    long t0 = System.nanoTime();
    try (KinesisClient kinesis = STACK.clients().kinesis()) {
      List<StreamRecord> records = IncidentRun.records();
      int lensRecords = lensRecords(records);
      Map<String, String> in = inputs("cci-");
      play(kinesis, records, in);
      PropertyGroups props = IncidentRun.devProps(STACK.kinesisEndpoint().toString());
      assertThat(JobConfig.from(props).evaluationOrder()).isEqualTo(EvaluationOrder.ARRIVAL);
      reset();

      List<JsonNode> a =
          run(
              kinesis,
              props,
              new Run(
                  in,
                  "cci-fr-alarms-a",
                  EvaluationOrder.ARRIVAL,
                  false,
                  0,
                  null,
                  PER_CONTACT,
                  null),
              lensRecords);
      int readsA = READS.getAndSet(0);
      List<JsonNode> b =
          run(
              kinesis,
              props,
              new Run(
                  in, "cci-fr-alarms-b", EvaluationOrder.ARRIVAL, true, 0, null, PER_CONTACT, a),
              lensRecords);
      int readsB = READS.get();

      Map<String, JsonNode> dedupA = dedup(a, PER_CONTACT, PER_CONTACT);
      Map<String, JsonNode> dedupB = dedup(b, PER_CONTACT, PER_CONTACT);
      System.out.printf(
          "arrival order: %d lens records; failure-free: %d alarm records, %d per-contact"
              + " (%d reads); with failure: %d records, %d (%d reads); raised by rule A %s B %s;"
              + " %d ms%n",
          lensRecords,
          a.size(),
          dedupA.size(),
          readsA,
          b.size(),
          dedupB.size(),
          readsB,
          byRule(dedup(a, null, PER_CONTACT)),
          byRule(dedup(b, null, PER_CONTACT)),
          (System.nanoTime() - t0) / 1_000_000);

      assertRestoredFromACheckpoint(lensRecords, readsA, readsB);
      Set<String> raisedA = raised(dedupA);
      assertThat(raisedA).as("per-contact alarms of the failure-free run").hasSizeGreaterThan(5);
      // none lost, none extra
      assertThat(raised(dedupB)).isEqualTo(raisedA);
      for (String key : dedupB.keySet()) {
        if (key.endsWith("/RAISED")) {
          assertThat(dedupB.get(key)).as(key).isEqualTo(dedupA.get(key));
        }
      }
      // every rule: lifecycle intact across the restore
      assertLifecycle(a);
      assertLifecycle(b);
    }
  }

  /**
   * The incident's records plus bot traffic that raises FULFILLMENT_ERRORS and AUTH_FAILURES (the
   * six simulated minutes have none): from a minute after the first record, 360 fulfillment turns
   * 500 ms apart, 3 per contact (partition key = contact: both shards), a quarter of the first 240
   * failing with a backend error and every other one of the 180 from the 120th a failed PIN; each
   * arrives up to 20 s after its event time (seeded; within the 30 s bound, so none is late).
   * Sorted by arrival with the incident's records.
   */
  static List<StreamRecord> withBotBursts(List<StreamRecord> incident) {
    Instant start =
        incident.stream().map(StreamRecord::arrival).min(Instant::compareTo).orElseThrow();
    java.util.Random rnd = new java.util.Random(3);
    List<StreamRecord> out = new ArrayList<>(incident);
    for (int i = 0; i < 360; i++) {
      Instant at = start.plusSeconds(60).plusMillis(500L * i);
      String contact = uuid("burst-contact-" + i / 3);
      boolean error = i < 240 && i % 4 == 0;
      String auth = i >= 120 && i < 300 ? (i % 2 == 0 ? "FAILURE" : "SUCCESS") : "NOT_REQUIRED";
      ObjectNode n = Json.mapper().createObjectNode();
      n.put("eventId", uuid("burst-" + i));
      n.put("eventTime", at.toString());
      n.put("tenantId", "demo-tenant");
      n.put("contactId", contact);
      n.put("channel", "VOICE");
      n.put("intent", auth.equals("NOT_REQUIRED") ? "CheckBalance" : "VerifyIdentity");
      n.put("invocationSource", "FulfillmentCodeHook");
      n.put("outcome", error ? "FAILED" : "FULFILLED");
      n.put("latencyMs", error ? 3000 : 150);
      n.put("authResult", auth);
      if (error) {
        n.put("errorClass", "BACKEND_ERROR");
      }
      out.add(
          new StreamRecord(
              at.plusMillis(rnd.nextInt(20_000)), Streams.FULFILLMENT, contact, n.toString()));
    }
    out.sort(java.util.Comparator.comparing(StreamRecord::arrival)); // stable: incident order kept
    return out;
  }

  private static String uuid(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static void reset() {
    FAILED.set(false);
    READS.set(0);
    MARKERS.set(0);
  }

  private static int lensRecords(List<StreamRecord> records) {
    return (int) records.stream().filter(r -> Streams.CONTACT_LENS.equals(r.stream())).count();
  }

  /** Kinesis names of the four inputs: {@code prefix + logical name}. */
  private static Map<String, String> inputs(String prefix) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String s : Streams.INPUTS) {
      m.put(s, prefix + s);
    }
    return m;
  }

  private static void play(
      KinesisClient kinesis, List<StreamRecord> records, Map<String, String> in) {
    PlayReport play =
        KinesisPlayer.builder(kinesis)
            .speed(Double.POSITIVE_INFINITY)
            .streamName(in::get)
            .build()
            .play(records.iterator());
    assertThat(play.complete()).as(play.summary()).isTrue();
  }

  private static void assertRestoredFromACheckpoint(int lensRecords, int readsA, int readsB) {
    assertThat(FAILED).as("the failure was injected").isTrue();
    // Restored from a checkpoint, not from the start: some contact-lens records re-read, not all.
    assertThat(readsA).isEqualTo(lensRecords);
    assertThat(readsB).isGreaterThan(lensRecords).isLessThan(2 * lensRecords);
  }

  /**
   * Puts one end marker into every shard of every input (see the class comment): event time {@code
   * end} + the stream's out-of-orderness bound. Returns the number of contact-lens shards.
   */
  static int putEndMarkers(
      KinesisClient kinesis, Map<String, String> in, Instant end, WatermarkSettings wm) {
    int lensShards = 0;
    long now = System.currentTimeMillis();
    ParseSettings ps = ParseSettings.defaults();
    for (String logical : Streams.INPUTS) {
      long at = end.toEpochMilli() + wm.outOfOrderness(logical).toMillis();
      String json = endMarker(logical, Instant.ofEpochMilli(at));
      // the job reads it as a record of that time (else the watermark would end elsewhere)
      long parsedAt =
          switch (logical) {
            case Streams.CTR -> parse(() -> new CtrParser(ps).parse(json, now).lastUpdateMs);
            case Streams.CONTACT_EVENTS ->
                parse(() -> new ContactEventParser(ps).parse(json, now).eventTimeMs);
            case Streams.CONTACT_LENS ->
                parse(() -> new SegmentParser(ps).parse(json, now).eventTimeMs);
            default -> parse(() -> new FulfillmentParser(ps).parse(json, now).eventTimeMs);
          };
      assertThat(parsedAt).as("event time of the %s end marker", logical).isEqualTo(at);
      String stream = in.get(logical);
      List<Shard> shards = kinesis.listShards(r -> r.streamName(stream)).shards();
      for (Shard shard : shards) {
        String key = partitionKeyOf(shard);
        kinesis.putRecord(
            r ->
                r.streamName(stream)
                    .partitionKey(key)
                    .data(SdkBytes.fromString(json, StandardCharsets.UTF_8)));
      }
      if (Streams.CONTACT_LENS.equals(logical)) {
        lensShards = shards.size();
      }
    }
    return lensShards;
  }

  private interface Parse {
    long eventTime() throws Exception;
  }

  private static long parse(Parse p) {
    try {
      return p.eventTime();
    } catch (Exception e) {
      throw new AssertionError("end marker rejected by the parser: " + e.getMessage(), e);
    }
  }

  /** A partition key whose MD5 hash key falls into {@code shard}'s range (Kinesis routing). */
  static String partitionKeyOf(Shard shard) {
    BigInteger lo = new BigInteger(shard.hashKeyRange().startingHashKey());
    BigInteger hi = new BigInteger(shard.hashKeyRange().endingHashKey());
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      for (int i = 0; i < 10_000; i++) {
        String key = "end-marker-" + i;
        BigInteger h = new BigInteger(1, md5.digest(key.getBytes(StandardCharsets.UTF_8)));
        if (h.compareTo(lo) >= 0 && h.compareTo(hi) <= 0) {
          return key;
        }
      }
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    throw new IllegalStateException("no partition key found for " + shard.shardId());
  }

  /** A benign record of {@code logical}'s kind at event time {@code at}, of its own contact. */
  static String endMarker(String logical, Instant at) {
    ObjectNode n = Json.mapper().createObjectNode();
    String t = at.toString();
    String instance = "arn:aws:connect:us-east-1:000000000000:instance/" + MARKER_CONTACT;
    switch (logical) {
      case Streams.CTR -> {
        n.put("AWSAccountId", "000000000000");
        n.put("AWSContactTraceRecordFormatVersion", "2017-03-10");
        n.put("Channel", "VOICE");
        n.put("ContactId", MARKER_CONTACT);
        n.put("InitiationMethod", "API");
        n.put("InitiationTimestamp", t);
        n.put("DisconnectTimestamp", t);
        n.put("DisconnectReason", "CUSTOMER_DISCONNECT");
        n.put("InstanceARN", instance);
        n.put("LastUpdateTimestamp", t);
      }
      case Streams.CONTACT_EVENTS -> {
        n.put("version", "0");
        n.put("id", MARKER_CONTACT);
        n.put("detail-type", "Amazon Connect Contact Event");
        n.put("source", "aws.connect");
        n.put("account", "000000000000");
        n.put("time", t);
        n.put("region", "us-east-1");
        n.putArray("resources").add(instance);
        ObjectNode d = n.putObject("detail");
        d.put("eventType", "INITIATED");
        d.put("contactId", MARKER_CONTACT);
        d.put("initialContactId", MARKER_CONTACT);
        d.put("channel", "VOICE");
        d.put("instanceArn", instance);
        d.put("initiationMethod", "API");
        d.put("initiationTimestamp", t);
      }
      case Streams.CONTACT_LENS -> {
        n.put("Version", "2.0.0");
        n.put("Channel", "CHAT");
        n.put("AccountId", "000000000000");
        n.put("InstanceId", MARKER_CONTACT);
        n.put("ContactId", MARKER_CONTACT);
        n.put("StreamingEventType", "SEGMENTS");
        ObjectNode tr = n.putArray("Segments").addObject().putObject("Transcript");
        tr.put("Id", MARKER_CONTACT);
        tr.put("ParticipantId", MARKER_CONTACT);
        tr.put("ParticipantRole", "AGENT");
        tr.put("Content", "Hello, thank you for contacting Example Bank.");
        tr.putObject("Time").put("AbsoluteTime", t);
        tr.put("Sentiment", "NEUTRAL");
      }
      default -> {
        n.put("eventId", MARKER_CONTACT);
        n.put("eventTime", t);
        n.put("tenantId", "demo-tenant");
        n.put("contactId", MARKER_CONTACT);
        n.put("channel", "VOICE");
        n.put("intent", "CheckBalance");
        n.put("invocationSource", "FulfillmentCodeHook");
        n.put("outcome", "FULFILLED");
        n.put("latencyMs", 100);
        n.put("authResult", "SUCCESS");
        n.put("authAttempt", 1);
      }
    }
    return n.toString();
  }

  /**
   * Runs the whole job until every contact-lens record (and every contact-lens end marker) was
   * read, and (with {@code until}) every compared alarm of {@code until} is on the output, and the
   * output had alarms and was then quiet for 5 s (at most 150 s); then cancels. Returns the alarm
   * records read.
   */
  private List<JsonNode> run(KinesisClient kinesis, PropertyGroups base, Run run, int lensRecords)
      throws Exception {
    PropertyGroups props =
        base.with("kinesis", "output.alarms", run.alarms())
            .with("kinesis", "initial-position", "TRIM_HORIZON");
    for (Map.Entry<String, String> e : run.inputs().entrySet()) {
      props = props.with("kinesis", "input." + e.getKey(), e.getValue());
    }
    JobConfig cfg = JobConfig.forKinesis(props);
    assertThat(cfg.evaluationOrder()).isEqualTo(run.order());
    KinesisConfig kc = KinesisConfig.from(props);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    StreamingJob.configure(env, cfg.job(), true);
    env.setParallelism(2);
    env.enableCheckpointing(400);
    env.getCheckpointConfig().setMinPauseBetweenCheckpoints(100);
    Configuration restart = new Configuration();
    restart.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    restart.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
    restart.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
    env.configure(restart);

    KinesisSourceFactory sources = new KinesisSourceFactory(kc);
    DataStream<String> lens =
        sources.stream(env, Streams.CONTACT_LENS)
            .map(new FailOnceAfterCheckpoint(lensRecords / 6, run.withFailure()))
            .name("fail-once")
            .uid("fail-once");
    AlarmWorkflow.Inputs inputs =
        new AlarmWorkflow.Inputs(
            sources.stream(env, Streams.CTR),
            sources.stream(env, Streams.CONTACT_EVENTS),
            lens,
            sources.stream(env, Streams.FULFILLMENT));
    AlarmWorkflow.define(env, inputs, cfg, new Sinks(kc));

    // what the failure-free run emitted: every (alarmId, state) in event-time order, the RAISED
    // ids in arrival order (a per-contact CLEARED can wait for the contact's idle timeout)
    Set<String> wanted =
        run.until() == null
            ? Set.of()
            : run.order() == EvaluationOrder.EVENT_TIME
                ? dedup(run.until(), run.compared(), null).keySet()
                : raised(dedup(run.until(), run.compared(), null));
    KinesisTail tail = new KinesisTail(kinesis, run.alarms(), KinesisTail.Start.TRIM_HORIZON);
    JobClient job = env.executeAsync("restore-" + run.alarms());
    try {
      List<JsonNode> got = new ArrayList<>();
      boolean afterFailureDone = false;
      long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
      long quietSince = System.nanoTime();
      while (System.nanoTime() < deadline) {
        if (run.afterFailure() != null && !afterFailureDone && FAILED.get()) {
          run.afterFailure().run();
          afterFailureDone = true;
        }
        List<TailRecord> batch = tail.await(Integer.MAX_VALUE, Duration.ofMillis(500));
        for (TailRecord r : batch) {
          got.add(Json.mapper().readTree(r.data()));
        }
        if (!batch.isEmpty()) {
          quietSince = System.nanoTime();
        }
        boolean allRead =
            READS.get() >= lensRecords
                && (!run.withFailure() || FAILED.get())
                && MARKERS.get() >= run.lensMarkers();
        if (!allRead || got.isEmpty()) {
          quietSince = System.nanoTime(); // quiet only counts once everything was read
        }
        boolean quiet = System.nanoTime() - quietSince > Duration.ofSeconds(5).toNanos();
        if (quiet && dedup(got, run.compared(), null).keySet().containsAll(wanted)) {
          break;
        }
      }
      return got;
    } finally {
      job.cancel().get();
    }
  }

  /** Every CLEARED id was RAISED in the same run. */
  private static void assertLifecycle(List<JsonNode> alarms) {
    Map<String, JsonNode> all = dedup(alarms, null, null);
    for (String key : all.keySet()) {
      if (key.endsWith("/CLEARED")) {
        String id = key.substring(0, key.length() - "/CLEARED".length());
        assertThat(all).as("CLEARED %s has its RAISED", id).containsKey(id + "/RAISED");
      }
    }
  }

  private static Set<String> raised(Map<String, JsonNode> dedup) {
    Set<String> out = new TreeSet<>();
    dedup.keySet().stream().filter(k -> k.endsWith("/RAISED")).forEach(out::add);
    return out;
  }

  /** (alarmId, state) pairs per rule. */
  private static Map<String, Integer> byRule(Map<String, JsonNode> dedup) {
    Map<String, Integer> out = new TreeMap<>();
    for (String key : dedup.keySet()) {
      out.merge(key.substring(0, key.indexOf(' ')), 1, Integer::sum);
    }
    return out;
  }

  /**
   * "rule alarmId/state" -> the record without emittedAt, for the rules in {@code rules} (all when
   * null); for the rules in {@code exact} (none when null) a duplicate must be an exact re-emission
   * (in arrival order a re-emission of a queue or bot alarm after the restore may carry another
   * value or time, decision 0006).
   */
  private static Map<String, JsonNode> dedup(
      List<JsonNode> alarms, Set<String> rules, Set<String> exact) {
    Map<String, JsonNode> out = new HashMap<>();
    for (JsonNode n : alarms) {
      String rule = n.get("rule").asText();
      if (rules != null && !rules.contains(rule)) {
        continue;
      }
      String state = n.get("state").asText();
      String key = rule + " " + n.get("alarmId").asText() + "/" + state;
      ObjectNode body = n.deepCopy();
      body.remove("emittedAt");
      JsonNode prev = out.putIfAbsent(key, body);
      if (prev != null && exact != null && exact.contains(rule)) {
        assertThat(body).as("duplicate %s is an exact re-emission", key).isEqualTo(prev);
      }
    }
    return out;
  }
}
