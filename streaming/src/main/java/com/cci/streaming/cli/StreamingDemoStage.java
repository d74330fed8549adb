package com.cci.streaming.cli;

import com.cci.cli.DemoCommand;
import com.cci.kinesis.KinesisAdmin;
import com.cci.kinesis.KinesisTail;
import com.cci.kinesis.Streams;
import com.cci.kinesis.TailRecord;
import com.cci.local.LocalStack;
import com.cci.schemas.Json;
import com.cci.schemas.SchemaKind;
import com.cci.schemas.validation.ContractValidator;
import com.cci.streaming.StreamingJob;
import com.cci.streaming.config.JobConfig;
import com.cci.streaming.config.PropertyGroups;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * The streaming job's part of {@code ./cci demo}: before the simulator plays into Kinesis, start
 * the alarm job in a local MiniCluster on the same endpoint and follow the alarm stream, printing
 * each alarm as it fires; after the playback, wait for the alarms to settle, stop the job and
 * summarise them.
 */
public final class StreamingDemoStage implements DemoCommand.Stage {
  /** How long the alarm stream must stay quiet after the playback before the job is stopped. */
  private static final long QUIET_MS = 8_000;

  private static final long MAX_SETTLE_MS = 90_000;

  private final Map<String, long[]> byRule = new TreeMap<>();
  private final AtomicLong alarms = new AtomicLong();
  private final AtomicLong invalid = new AtomicLong();
  private final AtomicLong lastAlarmAt = new AtomicLong();
  private final AtomicBoolean stop = new AtomicBoolean();
  private JobClient job;
  private Thread follower;

  @Override
  public void beforePlay(LocalStack stack, PrintWriter out) throws Exception {
    KinesisClient kinesis = stack.clients().kinesis();
    new KinesisAdmin(kinesis)
        .ensureStreams(
            List.of(
                Streams.kinesisName(Streams.ALARMS),
                Streams.kinesisName(Streams.QUEUE_METRICS),
                Streams.kinesisName(Streams.DEAD_LETTER)),
            KinesisAdmin.DEFAULT_SHARDS);
    JobConfig cfg =
        JobConfig.forKinesis(
            PropertyGroups.fromDevResource()
                .with("kinesis", "endpoint", stack.kinesisEndpoint().toString()));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    StreamingJob.configure(env, cfg.job(), true);
    StreamingJob.defineOnKinesis(env, cfg);
    job = env.executeAsync("cci-streaming demo");
    out.printf(
        "streaming: alarm job %s running in a local MiniCluster on %s%n",
        job.getJobID(), stack.kinesisEndpoint());
    out.flush();

    KinesisTail tail =
        new KinesisTail(
            kinesis, Streams.kinesisName(Streams.ALARMS), KinesisTail.Start.TRIM_HORIZON);
    follower =
        new Thread(() -> tail.follow(r -> print(r, out), stop::get), "cci-demo-alarm-follower");
    follower.setDaemon(true);
    follower.start();
  }

  private void print(TailRecord r, PrintWriter out) {
    lastAlarmAt.set(System.currentTimeMillis());
    alarms.incrementAndGet();
    String json = r.data();
    if (!ContractValidator.shared().validate(SchemaKind.ALARM, json, "alarm").valid()) {
      invalid.incrementAndGet();
    }
    try {
      JsonNode a = Json.mapper().readTree(json);
      String rule = a.path("rule").asText();
      boolean raised = "RAISED".equals(a.path("state").asText());
      synchronized (byRule) {
        byRule.computeIfAbsent(rule, k -> new long[2])[raised ? 0 : 1]++;
      }
      String scope = a.hasNonNull("queue") ? "queue " + a.get("queue").asText() : "";
      if (a.hasNonNull("contactId")) {
        scope = (scope.isEmpty() ? "" : scope + ", ") + "contact " + a.get("contactId").asText();
      }
      synchronized (out) {
        out.printf(
            "  ALARM %-7s %-9s %-18s %s  value=%s threshold=%s  (event time %s)%n",
            a.path("state").asText(),
            a.path("severity").asText(),
            rule,
            scope.isEmpty() ? "bot traffic" : scope,
            a.path("value").asText(),
            a.path("threshold").asText(),
            a.path("eventTime").asText());
        out.flush();
      }
    } catch (Exception e) {
      invalid.incrementAndGet();
    }
  }

  @Override
  public boolean afterPlay(LocalStack stack, PrintWriter out) throws Exception {
    long start = System.currentTimeMillis();
    lastAlarmAt.compareAndSet(0, start);
    while (System.currentTimeMillis() - Math.max(lastAlarmAt.get(), start) < QUIET_MS
        && System.currentTimeMillis() - start < MAX_SETTLE_MS) {
      Thread.sleep(250);
    }
    stop.set(true);
    follower.join(10_000);
    job.cancel().get(30, TimeUnit.SECONDS);
    synchronized (out) {
      out.println();
      out.printf("streaming alarms: %d (%d not contract-valid)%n", alarms.get(), invalid.get());
      out.printf("%-20s %8s %8s%n", "rule", "raised", "cleared");
      synchronized (byRule) {
        byRule.forEach((rule, n) -> out.printf("%-20s %8d %8d%n", rule, n[0], n[1]));
      }
      out.flush();
    }
    return alarms.get() > 0 && invalid.get() == 0;
  }
}
