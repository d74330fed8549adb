package com.cci.streaming.io.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cci.kinesis.Streams;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.kinesis.source.config.KinesisStreamsSourceConfigConstants;
import org.junit.jupiter.api.Test;

class KinesisConfigTest {
  static KinesisConfig of(Map<String, String> m) {
    return KinesisConfig.fromLookup(m::get);
  }

  @Test
  void awsDefaults() {
    KinesisConfig c = of(Map.of("region", "eu-west-1", "account-id", "111122223333"));
    assertThat(c.endpoint()).isNull();
    assertThat(c.credentials()).isEqualTo(KinesisConfig.Credentials.DEFAULT);
    assertThat(c.streamArn(Streams.CTR))
        .isEqualTo("arn:aws:kinesis:eu-west-1:111122223333:stream/cci-ctr");
    assertThat(c.streamName(Streams.ALARMS)).isEqualTo("cci-alarms");
    assertThat(c.initialPosition()).isEqualTo(KinesisConfig.InitialPosition.LATEST);
    assertThat(c.sinkMaxTimeInBufferMs()).isEqualTo(50);
    Properties p = c.clientProperties();
    assertThat(p)
        .containsEntry("aws.region", "eu-west-1")
        .containsEntry("aws.credentials.provider", "AUTO")
        .doesNotContainKey("aws.endpoint");
  }

  @Test
  void localEmulator() {
    KinesisConfig c =
        KinesisConfig.local(URI.create("http://127.0.0.1:4567"), Map.of("output.alarms", "x-al"));
    assertThat(c.streamArn(Streams.ALARMS))
        .isEqualTo("arn:aws:kinesis:us-east-1:000000000000:stream/x-al");
    assertThat(c.clientProperties())
        .containsEntry("aws.endpoint", "http://127.0.0.1:4567")
        .containsEntry("aws.credentials.provider", "BASIC")
        .containsEntry("aws.credentials.provider.basic.accesskeyid", "AKIDCCILOCAL")
        .containsEntry("aws.credentials.provider.basic.secretkey", "cci-local-secret");
    Configuration src = new KinesisSourceFactory(c).sourceConfiguration();
    assertThat(src.get(KinesisStreamsSourceConfigConstants.STREAM_INITIAL_POSITION))
        .isEqualTo(KinesisStreamsSourceConfigConstants.InitialPosition.TRIM_HORIZON);
    assertThat(src.get(KinesisStreamsSourceConfigConstants.SHARD_DISCOVERY_INTERVAL_MILLIS))
        .isEqualTo(1000L);
    assertThat(src.toMap()).containsEntry("aws.endpoint", "http://127.0.0.1:4567");
  }

  @Test
  void theCheckedInDevConfigurationIsValid() {
    KinesisConfig c = KinesisConfig.from(com.cci.streaming.config.PropertyGroups.fromDevResource());
    assertThat(c.endpoint()).isNotNull();
    assertThat(c.credentials()).isEqualTo(KinesisConfig.Credentials.BASIC);
    assertThat(c.initialPosition()).isEqualTo(KinesisConfig.InitialPosition.TRIM_HORIZON);
    assertThat(c.streamName(Streams.ALARMS)).isEqualTo("cci-alarms");
    assertThat(c.sinkMaxTimeInBufferMs()).isLessThanOrEqualTo(200);
  }

  @Test
  void streamArnsAreTakenAsGivenAndNoAccountIsNeededThen() {
    Map<String, String> m = new HashMap<>(Map.of("region", "us-west-2"));
    for (String s : KinesisConfig.LOGICAL_STREAMS) {
      m.put(KinesisConfig.streamKey(s), "arn:aws:kinesis:us-west-2:123456789012:stream/prod-" + s);
    }
    assertThat(of(m).streamName(Streams.DEAD_LETTER)).isEqualTo("prod-dead-letter");
  }

  @Test
  void badKeysFailNamingGroupAndKey() {
    assertThatThrownBy(() -> of(Map.of()))
        .hasMessage("group 'kinesis' key 'region': is required (e.g. us-east-1)");
    assertThatThrownBy(() -> of(Map.of("region", "Europe")))
        .hasMessageContaining("group 'kinesis' key 'region'");
    assertThatThrownBy(() -> of(Map.of("region", "us-east-1")))
        .hasMessageContaining("group 'kinesis' key 'account-id'");
    assertThatThrownBy(() -> of(Map.of("region", "us-east-1", "endpoint", "localhost:4567")))
        .hasMessageContaining("key 'endpoint'");
    assertThatThrownBy(
            () ->
                of(Map.of("region", "us-east-1", "endpoint", "http://h:1", "credentials", "basic")))
        .hasMessageContaining("key 'credentials.access-key-id'");
    assertThatThrownBy(
            () -> of(Map.of("region", "us-east-1", "endpoint", "http://h:1", "credentials", "iam")))
        .hasMessageContaining("key 'credentials'")
        .hasMessageContaining("[DEFAULT, BASIC]");
    assertThatThrownBy(
            () ->
                of(
                    Map.of(
                        "region",
                        "us-east-1",
                        "endpoint",
                        "http://h:1",
                        "sink.max-batch-size",
                        "501")))
        .hasMessageContaining("key 'sink.max-batch-size': 501 is outside 1..500");
    assertThatThrownBy(
            () -> of(Map.of("region", "us-east-1", "endpoint", "http://h:1", "input.ctr", "a b")))
        .hasMessageContaining("key 'input.ctr'");
    assertThatThrownBy(
            () ->
                of(
                    Map.of(
                        "region",
                        "us-east-1",
                        "endpoint",
                        "http://h:1",
                        "initial-position",
                        "EARLIEST")))
        .hasMessageContaining("key 'initial-position'");
    assertThatThrownBy(
            () -> KinesisConfig.local(URI.create("http://h:1"), Map.of("stream.ctr", "x")))
        .hasMessageStartingWith("group 'kinesis' key 'stream.ctr': unknown key");
    assertThatThrownBy(() -> KinesisConfig.fromProperties(null))
        .hasMessageContaining("property group 'kinesis' is missing");
    KinesisConfig ok = of(Map.of("region", "us-east-1", "endpoint", "http://h:1"));
    assertThatThrownBy(() -> ok.streamArn("nope")).hasMessageContaining("unknown logical stream");
  }
}
