package com.cci.fulfillment.obs;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.local.LocalStackExtension;
import com.cci.schemas.Json;
import com.cci.schemas.SchemaKind;
import com.cci.schemas.fulfillment.FulfillmentEvent;
import com.cci.schemas.validation.ContractValidator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/** The sink against kinesis-mock (a child process): what goes in comes out, contract-valid. */
class KinesisEventSinkIT {
  static final String STREAM = "cci-fulfillment";

  @RegisterExtension
  static final LocalStackExtension STACK =
      LocalStackExtension.kinesis().ignoreEnvironment().streams(2, STREAM);

  @Test
  void batchesEveryEventToTheStream() throws Exception {
    List<String> logs = new ArrayList<>();
    JsonLogger log =
        new JsonLogger(
            "cci-fulfillment", "events", JsonLogger.Level.INFO, logs::add, Clock.systemUTC());
    Set<String> sent = new HashSet<>();
    try (KinesisEventSink sink =
        new KinesisEventSink(
            STREAM, () -> STACK.clients().kinesis(), 10_000, Duration.ofMillis(20), 3, log)) {
      for (int i = 0; i < 1200; i++) {
        FulfillmentEvent e = Events.sample(i);
        sent.add(e.eventId());
        assertThat(sink.emit(e)).isTrue();
      }
      sink.flush(Duration.ofSeconds(30));
      assertThat(sink.delivered()).isEqualTo(1200);
      assertThat(sink.dropped()).isZero();
    }

    Set<String> received = new HashSet<>();
    try (KinesisClient k = STACK.clients().kinesis()) {
      for (Shard shard : k.listShards(b -> b.streamName(STREAM)).shards()) {
        String it =
            k.getShardIterator(
                    b ->
                        b.streamName(STREAM)
                            .shardId(shard.shardId())
                            .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                .shardIterator();
        for (int round = 0; round < 20 && it != null; round++) {
          String iter = it;
          var r = k.getRecords(b -> b.shardIterator(iter).limit(1000));
          for (Record rec : r.records()) {
            String json = rec.data().asString(StandardCharsets.UTF_8);
            assertThat(
                    ContractValidator.shared()
                        .validate(SchemaKind.FULFILLMENT_EVENT, json, "k")
                        .valid())
                .as(json)
                .isTrue();
            received.add(Json.mapper().readTree(json).get("eventId").asText());
          }
          if (r.records().isEmpty()
              && r.millisBehindLatest() != null
              && r.millisBehindLatest() == 0) {
            break;
          }
          it = r.nextShardIterator();
        }
      }
    }
    assertThat(received).isEqualTo(sent);
  }
}
