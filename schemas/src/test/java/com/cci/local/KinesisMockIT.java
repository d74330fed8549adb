package com.cci.local;

import static com.cci.local.EmulatorAssertions.assertGone;
import static org.assertj.core.api.Assertions.assertThat;

import com.cci.kinesis.KinesisAdmin;
import com.cci.kinesis.KinesisTail;
import com.cci.kinesis.TailRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

class KinesisMockIT {

  @Test
  void createPutAndReadBack_andTreeGoneAfterClose() {
    List<ProcessHandle> tree;
    try (KinesisMock mock = new KinesisMock()) {
      mock.start();
      EmulatorAssertions.report(mock);
      tree = EmulatorAssertions.tree(mock);
      try (KinesisClient k = AwsClients.forEndpoints(mock.endpoint(), null, null).kinesis()) {
        KinesisAdmin admin = new KinesisAdmin(k);
        admin.ensureStreams(List.of("cci-test"), 2);
        assertThat(admin.status("cci-test")).isEqualTo(StreamStatus.ACTIVE);
        assertThat(admin.shards("cci-test")).hasSize(2);
        // idempotent: existing streams are left alone
        admin.ensureStreams(List.of("cci-test"), 2);

        List<PutRecordsRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
          entries.add(
              PutRecordsRequestEntry.builder()
                  .partitionKey("contact-" + (i % 5))
                  .data(SdkBytes.fromUtf8String("{\"i\":" + i + "}"))
                  .build());
        }
        PutRecordsResponse resp = k.putRecords(b -> b.streamName("cci-test").records(entries));
        assertThat(resp.failedRecordCount()).isZero();

        List<TailRecord> read =
            new KinesisTail(k, "cci-test", KinesisTail.Start.TRIM_HORIZON)
                .await(50, Duration.ofSeconds(20));
        assertThat(read).hasSize(50);
        assertThat(read.stream().map(TailRecord::shardId).distinct().count()).isBetween(1L, 2L);
        // per key, order of writing is kept
        for (int key = 0; key < 5; key++) {
          String pk = "contact-" + key;
          List<Integer> is =
              read.stream()
                  .filter(r -> r.partitionKey().equals(pk))
                  .map(r -> Integer.parseInt(r.data().replaceAll("\\D", "")))
                  .toList();
          assertThat(is).isSorted().hasSize(10);
        }

        // LATEST sees only what is written after the tail is created
        KinesisTail latest = new KinesisTail(k, "cci-test", KinesisTail.Start.LATEST);
        k.putRecord(
            b ->
                b.streamName("cci-test")
                    .partitionKey("late")
                    .data(SdkBytes.fromUtf8String("{\"late\":true}")));
        List<TailRecord> late = latest.await(1, Duration.ofSeconds(10));
        assertThat(late).extracting(TailRecord::data).containsExactly("{\"late\":true}");
      }
    }
    assertGone(tree);
  }

  @Test
  void initialStreamsAreCreatedAtStartUp() {
    try (KinesisMock mock = new KinesisMock()) {
      mock.withStream("cci-init", 3).start();
      try (KinesisClient k = AwsClients.forEndpoints(mock.endpoint(), null, null).kinesis()) {
        KinesisAdmin admin = new KinesisAdmin(k);
        admin.awaitActive("cci-init", Duration.ofSeconds(20));
        assertThat(admin.shards("cci-init")).hasSize(3);
      }
    }
  }
}
