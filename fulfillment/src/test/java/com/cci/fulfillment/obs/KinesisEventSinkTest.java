package com.cci.fulfillment.obs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/** Back-pressure and failure accounting without a Kinesis endpoint. */
class KinesisEventSinkTest {
  final List<String> logs = new ArrayList<>();
  final JsonLogger log =
      new JsonLogger(
          "cci-fulfillment", "events", JsonLogger.Level.INFO, logs::add, Clock.systemUTC());

  @Test
  void aFullQueueDropsCountsAndLogsButNeverBlocks() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch senderStuck = new CountDownLatch(1);
    KinesisEventSink sink =
        new KinesisEventSink(
            "cci-fulfillment",
            () -> {
              senderStuck.countDown();
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              throw new IllegalStateException("no Kinesis here");
            },
            5,
            Duration.ZERO,
            2,
            log);
    try {
      assertThat(sink.emit(Events.sample(0))).isTrue();
      assertThat(senderStuck.await(5, TimeUnit.SECONDS)).isTrue();
      long t0 = System.nanoTime();
      int ok = 0;
      for (int i = 1; i <= 100; i++) {
        if (sink.emit(Events.sample(i))) {
          ok++;
        }
      }
      long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - t0);
      assertThat(ok).isEqualTo(5);
      assertThat(sink.dropped()).isEqualTo(95);
      assertThat(sink.accepted()).isEqualTo(6);
      assertThat(micros).as("100 emits on a full queue").isLessThan(200_000);
      assertThat(logs)
          .anySatisfy(
              l -> assertThat(l).contains("fulfillment events dropped").contains("queue full"));

      release.countDown();
      sink.flush(Duration.ofSeconds(10));
      // every accepted event ends delivered or counted as dropped: nothing silently lost
      assertThat(sink.delivered()).isZero();
      assertThat(sink.dropped()).isEqualTo(101);
    } finally {
      release.countDown();
      sink.close();
    }
  }

  @Test
  void emitAfterCloseIsCountedAsDropped() {
    KinesisEventSink sink =
        new KinesisEventSink("s", () -> (KinesisClient) null, 10, Duration.ZERO, 1, log);
    sink.close();
    assertThat(sink.emit(Events.sample(1))).isFalse();
    assertThat(sink.dropped()).isEqualTo(1);
  }
}
