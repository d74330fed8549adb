package com.cci.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.KinesisServiceClientConfiguration;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;

/**
 * Retry and batching rules of {@link KinesisPlayer}, against a scripted {@link KinesisClient} (the
 * real SDK interface) that fails chosen entries the way Kinesis does: HTTP 200 with {@code
 * FailedRecordCount} and per-entry {@code ErrorCode}.
 */
class KinesisPlayerRetryTest {
  private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");

  /** Records every PutRecords call; the script decides per call which entries fail. */
  static class ScriptedKinesis implements KinesisClient {
    final List<PutRecordsRequest> calls = new ArrayList<>();
    final List<String> delivered = new ArrayList<>();
    final Function<Integer, Function<PutRecordsRequestEntry, Boolean>> failOnCall;

    ScriptedKinesis(Function<Integer, Function<PutRecordsRequestEntry, Boolean>> failOnCall) {
      this.failOnCall = failOnCall;
    }

    @Override
    public PutRecordsResponse putRecords(PutRecordsRequest request) {
      int call = calls.size();
      calls.add(request);
      Function<PutRecordsRequestEntry, Boolean> fails = failOnCall.apply(call);
      List<PutRecordsResultEntry> results = new ArrayList<>();
      int failed = 0;
      for (PutRecordsRequestEntry e : request.records()) {
        if (fails.apply(e)) {
          failed++;
          results.add(
              PutRecordsResultEntry.builder()
                  .errorCode("ProvisionedThroughputExceededException")
                  .errorMessage("Rate exceeded for shard shardId-000000000000")
                  .build());
        } else {
          delivered.add(e.data().asUtf8String());
          results.add(
              PutRecordsResultEntry.builder()
                  .shardId("shardId-000000000000")
                  .sequenceNumber(Integer.toString(delivered.size()))
                  .build());
        }
      }
      return PutRecordsResponse.builder().failedRecordCount(failed).records(results).build();
    }

    @Override
    public String serviceName() {
      return "kinesis";
    }

    @Override
    public KinesisServiceClientConfiguration serviceClientConfiguration() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}
  }

  private static List<StreamRecord> records(int n, String stream) {
    List<StreamRecord> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new StreamRecord(T0.plusMillis(i), stream, "k" + (i % 3), "r" + i));
    }
    return out;
  }

  private static KinesisPlayer player(KinesisClient k, int maxAttempts) {
    return KinesisPlayer.builder(k)
        .speed(Double.POSITIVE_INFINITY)
        .maxAttempts(maxAttempts)
        .backoff(Duration.ofMillis(1), Duration.ofMillis(5))
        .build();
  }

  @Test
  void resendsFailedEntriesUntilTheySucceed() {
    // First call: every entry of key k1 is throttled; later calls succeed.
    ScriptedKinesis k =
        new ScriptedKinesis(call -> e -> call == 0 && e.partitionKey().equals("k1"));
    PlayReport r = player(k, 5).play(records(9, Streams.CTR).iterator());

    assertThat(r.sent()).isEqualTo(9);
    assertThat(r.failed()).isZero();
    assertThat(r.retried()).isEqualTo(3);
    assertThat(r.streams().get(Streams.CTR).putRecordsCalls()).isEqualTo(2);
    assertThat(k.calls.get(1).records())
        .extracting(e -> e.data().asUtf8String())
        .containsExactly("r1", "r4", "r7");
    assertThat(k.calls).allMatch(c -> c.streamName().equals("cci-ctr"));
    // all entries of a failed key failed together: no reordering within that key
    assertThat(r.streams().get(Streams.CTR).reordered()).isZero();
  }

  @Test
  void givesUpAfterMaxAttemptsAndCountsFailures() {
    ScriptedKinesis k = new ScriptedKinesis(call -> e -> e.partitionKey().equals("k2"));
    PlayReport r = player(k, 3).play(records(9, Streams.CTR).iterator());

    assertThat(r.read()).isEqualTo(9);
    assertThat(r.sent()).isEqualTo(6);
    assertThat(r.failed()).isEqualTo(3);
    assertThat(r.retried()).isEqualTo(6); // two resends of three entries
    assertThat(r.complete()).isFalse();
    assertThat(k.calls).hasSize(3);
    assertThat(r.errors()).anyMatch(m -> m.contains("ProvisionedThroughputExceededException"));
  }

  @Test
  void countsReorderingWhenALaterEntryOfTheSameKeySucceeds() {
    // only the very first entry (r0, key k0) fails on the first call; r3 (k0) succeeds.
    ScriptedKinesis k =
        new ScriptedKinesis(call -> e -> call == 0 && e.data().asUtf8String().equals("r0"));
    PlayReport r = player(k, 5).play(records(6, Streams.CTR).iterator());

    assertThat(r.sent()).isEqualTo(6);
    assertThat(r.streams().get(Streams.CTR).reordered()).isEqualTo(1);
  }

  @Test
  void splitsBatchesAt500Records() {
    ScriptedKinesis k = new ScriptedKinesis(call -> e -> false);
    PlayReport r = player(k, 1).play(records(1_201, Streams.CONTACT_EVENTS).iterator());

    assertThat(r.sent()).isEqualTo(1_201);
    assertThat(k.calls).extracting(c -> c.records().size()).containsExactly(500, 500, 201);
    assertThat(k.delivered.get(0)).isEqualTo("r0");
    assertThat(k.delivered.get(1_200)).isEqualTo("r1200");
  }

  @Test
  void splitsBatchesAtFiveMegabytes() {
    ScriptedKinesis k = new ScriptedKinesis(call -> e -> false);
    List<StreamRecord> big = new ArrayList<>();
    String payload = "x".repeat(900 * 1024);
    for (int i = 0; i < 12; i++) {
      big.add(new StreamRecord(T0, Streams.CTR, "k", payload));
    }
    PlayReport r = player(k, 1).play(big.iterator());
    assertThat(r.sent()).isEqualTo(12);
    assertThat(k.calls).extracting(c -> c.records().size()).containsExactly(5, 5, 2);
  }

  @Test
  void rejectsInvalidRecordsWithAReasonAndSendsTheRest() {
    ScriptedKinesis k = new ScriptedKinesis(call -> e -> false);
    List<StreamRecord> in =
        List.of(
            new StreamRecord(T0, Streams.CTR, "k", "ok-1"),
            new StreamRecord(T0, Streams.CTR, "", "no-key"),
            new StreamRecord(T0, Streams.CTR, "k", "x".repeat(1024 * 1024 + 1)),
            new StreamRecord(T0, Streams.CTR, "k", "ok-2"));
    PlayReport r = player(k, 1).play(in.iterator());
    assertThat(r.read()).isEqualTo(4);
    assertThat(r.sent()).isEqualTo(2);
    assertThat(r.rejected()).isEqualTo(2);
    assertThat(r.errors())
        .anyMatch(m -> m.contains("without a partition key"))
        .anyMatch(m -> m.contains("1 MiB"));
    assertThat(k.delivered).containsExactly("ok-1", "ok-2");
  }

  @Test
  void missingStreamIsAClearError() {
    KinesisClient k =
        new ScriptedKinesis(call -> e -> false) {
          @Override
          public PutRecordsResponse putRecords(PutRecordsRequest request) {
            throw ResourceNotFoundException.builder()
                .message("Stream cci-ctr under account 000000000000 not found.")
                .build();
          }
        };
    assertThatThrownBy(() -> player(k, 3).play(records(3, Streams.CTR).iterator()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cci-ctr does not exist")
        .hasMessageContaining("ensureStreams");
  }

  @Test
  void rejectsNonPositiveSpeed() {
    assertThatThrownBy(() -> KinesisPlayer.builder(new ScriptedKinesis(c -> e -> false)).speed(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
