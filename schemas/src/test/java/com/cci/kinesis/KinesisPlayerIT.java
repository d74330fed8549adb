package com.cci.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.local.LocalStackExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.kinesis.KinesisClient;

class KinesisPlayerIT {
  @RegisterExtension
  static LocalStackExtension stack =
      LocalStackExtension.kinesis()
          .ignoreEnvironment()
          .streams(
              KinesisAdmin.DEFAULT_SHARDS,
              Streams.kinesisName(Streams.CTR),
              Streams.kinesisName(Streams.CONTACT_EVENTS),
              Streams.kinesisName(Streams.CONTACT_LENS));

  private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");

  @Test
  void deliversEverythingAndKeepsArrivalOrderPerPartitionKey() {
    List<StreamRecord> records = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      String stream = i % 3 == 0 ? Streams.CTR : Streams.CONTACT_EVENTS;
      String key = "contact-" + (i % 37);
      records.add(
          new StreamRecord(
              T0.plusMillis(i), stream, key, "{\"key\":\"" + key + "\",\"seq\":" + i + "}"));
    }
    try (KinesisClient k = stack.clients().kinesis()) {
      KinesisTail ctrTail =
          new KinesisTail(k, Streams.kinesisName(Streams.CTR), KinesisTail.Start.LATEST);
      KinesisTail evTail =
          new KinesisTail(k, Streams.kinesisName(Streams.CONTACT_EVENTS), KinesisTail.Start.LATEST);

      PlayReport report =
          KinesisPlayer.builder(k)
              .speed(Double.POSITIVE_INFINITY)
              .maxRecordsPerCall(100)
              .build()
              .play(records.iterator());

      assertThat(report.read()).isEqualTo(2_000);
      assertThat(report.sent()).isEqualTo(2_000);
      assertThat(report.failed()).isZero();
      assertThat(report.rejected()).isZero();
      assertThat(report.complete()).isTrue();
      assertThat(report.streams().get(Streams.CTR).sent()).isEqualTo(667);
      assertThat(report.streams().get(Streams.CONTACT_EVENTS).sent()).isEqualTo(1_333);
      assertThat(report.streams().get(Streams.CTR).putRecordsCalls()).isGreaterThanOrEqualTo(7);

      List<TailRecord> read = new ArrayList<>(ctrTail.await(667, Duration.ofSeconds(30)));
      read.addAll(evTail.await(1_333, Duration.ofSeconds(30)));
      assertThat(read).hasSize(2_000);
      Map<String, Integer> lastSeq = new HashMap<>();
      for (TailRecord r : read) {
        int seq = Integer.parseInt(r.data().replaceAll(".*\"seq\":(\\d+).*", "$1"));
        Integer prev = lastSeq.put(r.stream() + "/" + r.partitionKey(), seq);
        if (prev != null) {
          assertThat(seq).as("order of key %s", r.partitionKey()).isGreaterThan(prev);
        }
      }
    }
  }

  @Test
  void honoursTheSpeedFactor() {
    // 10 simulated seconds, one record every 100 ms, played at 10x: about one second.
    List<StreamRecord> records = new ArrayList<>();
    for (int i = 0; i <= 100; i++) {
      records.add(
          new StreamRecord(
              T0.plusMillis(100L * i), Streams.CONTACT_LENS, "c-" + (i % 4), "{\"i\":" + i + "}"));
    }
    try (KinesisClient k = stack.clients().kinesis()) {
      KinesisTail tail =
          new KinesisTail(k, Streams.kinesisName(Streams.CONTACT_LENS), KinesisTail.Start.LATEST);
      long t0 = System.nanoTime();
      PlayReport report = KinesisPlayer.builder(k).speed(10).build().play(records.iterator());
      Duration took = Duration.ofNanos(System.nanoTime() - t0);
      System.out.println("MEASURE 10 simulated s at 10x took " + took.toMillis() + " ms");

      assertThat(report.simulatedSpan()).isEqualTo(Duration.ofSeconds(10));
      assertThat(report.maxLag()).isLessThan(Duration.ofSeconds(2));
      assertThat(report.sent()).isEqualTo(101);
      assertThat(took)
          .isGreaterThanOrEqualTo(Duration.ofMillis(900))
          .isLessThan(Duration.ofSeconds(6));
      // batched (200 ms buffer delay), not one call per record, and not one call for everything
      assertThat(report.streams().get(Streams.CONTACT_LENS).putRecordsCalls()).isBetween(3L, 60L);
      assertThat(tail.await(101, Duration.ofSeconds(20))).hasSize(101);
    }
  }

  @Test
  void throughputWithOneAndFourShards() {
    int n = 5_000;
    Map<Integer, Double> rates = new HashMap<>();
    try (KinesisClient k = stack.clients().kinesis()) {
      for (int shards : new int[] {1, 4}) {
        String name = "cci-throughput-" + shards;
        new KinesisAdmin(k).ensureStreams(List.of(name), shards);
        List<StreamRecord> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          records.add(
              new StreamRecord(
                  T0.plusMillis(i),
                  "tp",
                  "contact-" + (i % 500),
                  "{\"ContactId\":\"contact-"
                      + (i % 500)
                      + "\",\"seq\":"
                      + i
                      + ",\"pad\":\""
                      + "x".repeat(300)
                      + "\"}"));
        }
        PlayReport report =
            KinesisPlayer.builder(k)
                .speed(Double.POSITIVE_INFINITY)
                .streamName(l -> name)
                .build()
                .play(records.iterator());
        assertThat(report.sent()).isEqualTo(n);
        rates.put(shards, report.recordsPerSecond());
        System.out.printf(
            "MEASURE PutRecords into kinesis-mock, %d shard(s): %d records in %d ms = %.0f records/s%n",
            shards, n, report.elapsed().toMillis(), report.recordsPerSecond());
      }
    }
    assertThat(rates).containsKeys(1, 4);
  }
}
