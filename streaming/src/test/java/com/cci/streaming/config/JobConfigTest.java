package com.cci.streaming.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cci.kinesis.Streams;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JobConfigTest {
  private static final PropertyGroups DEV = PropertyGroups.fromDevResource();

  @Test
  void devJsonLoadsIntoATypedConfig() {
    JobConfig c = JobConfig.forKinesis(DEV);
    assertThat(c.job().checkpointInterval).isEqualTo(Duration.ofSeconds(10));
    assertThat(c.job().restartStrategy).isEqualTo(JobSettings.RestartStrategy.EXPONENTIAL);
    assertThat(c.watermarks().outOfOrderness(Streams.CTR)).isEqualTo(Duration.ofMinutes(5));
    assertThat(c.watermarks().outOfOrderness(Streams.FULFILLMENT))
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(c.watermarks().idleness(Streams.CONTACT_LENS)).isEqualTo(Duration.ofMinutes(1));
    assertThat(c.parse().maxFutureSkewMs).isEqualTo(86_400_000L);
    assertThat(c.parse().segmentAnchorWaitMs).isEqualTo(Duration.ofHours(2).toMillis());
    assertThat(c.job().bufferTimeout).isEqualTo(Duration.ofMillis(10));
    assertThat(JobConfig.forKinesis(DEV.with("job", "buffer-timeout", "0ms")).job().bufferTimeout)
        .isZero();
    assertThat(c.kinesis().region()).isEqualTo("us-east-1");
    assertThat(c.kinesis().streamArn(Streams.CTR))
        .isEqualTo("arn:aws:kinesis:us-east-1:000000000000:stream/cci-ctr");
    assertThat(c.kinesis().streamArn(Streams.ALARMS)).endsWith("stream/cci-alarms");
  }

  static Stream<Arguments> missingRequired() {
    return Stream.of(Arguments.of("job", "checkpoint.interval"), Arguments.of("kinesis", "region"));
  }

  @ParameterizedTest
  @MethodSource("missingRequired")
  void aMissingRequiredKeyFailsNamingGroupAndKey(String group, String key) {
    PropertyGroups p = DEV.without(group, key);
    assertThatThrownBy(() -> JobConfig.forKinesis(p))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("group '" + group + "' key '" + key + "': ")
        .hasMessageContaining("required");
  }

  static Stream<Arguments> badValues() {
    return Stream.of(
        Arguments.of("job", "checkpoint.interval", "soon", "not a duration: 'soon'"),
        Arguments.of("job", "checkpoint.interval", "10ms", "must be at least 100ms"),
        Arguments.of("job", "checkpoint.min-pause", "PTX", "not an ISO-8601 duration"),
        Arguments.of("job", "parallelism", "two", "not an integer: 'two'"),
        Arguments.of("job", "parallelism", "-1", "must be between 0 and 4096, was -1"),
        Arguments.of("job", "restart.strategy", "forever", "must be fixed-delay or exponential"),
        Arguments.of("job", "restart.attempts", "0", "must be between 1 and 1000000"),
        Arguments.of("job", "restart.delay", "0s", "must be a positive duration"),
        Arguments.of("job", "restart.max-delay", "500ms", "must not be below restart.delay"),
        Arguments.of("watermarks", "out-of-orderness", "fast", "not a duration"),
        Arguments.of("watermarks", "out-of-orderness.ctr", "PT-5M", "must not be negative"),
        Arguments.of("watermarks", "idleness", "0s", "must be a positive duration"),
        Arguments.of("watermarks", "idleness.fulfillment", "x", "not a duration"),
        Arguments.of("parse", "max-record-chars", "12", "must be between 1024"),
        Arguments.of("parse", "max-record-chars", "1e6", "not an integer"),
        Arguments.of("parse", "max-future-skew", "0s", "must be a positive duration"),
        Arguments.of("parse", "dead-letter.max-payload-chars", "many", "not an integer"),
        Arguments.of("parse", "segment.anchor-wait", "later", "not a duration"),
        Arguments.of("parse", "segment.anchor-wait", "7h", "must be at most 6h"),
        Arguments.of("job", "buffer-timeout", "2s", "must be between 0 and 1s"),
        Arguments.of("job", "buffer-timeout", "PT-1S", "must be between 0 and 1s"),
        Arguments.of("job", "buffer-timeout", "quick", "not a duration"),
        Arguments.of("kinesis", "region", "Mars", "is not an AWS region name"),
        Arguments.of("kinesis", "endpoint", "ftp://127.0.0.1:4567", "must be http(s)://host:port"),
        Arguments.of("kinesis", "input.ctr", "has space", "is not a Kinesis stream name"),
        Arguments.of("rules", "evaluation-order", "eventtime", "must be 'arrival' or 'event-time'"),
        Arguments.of("rules", "evaluation.order", "event-time", "unknown key"));
  }

  @ParameterizedTest
  @MethodSource("badValues")
  void aBadValueFailsNamingGroupKeyAndProblem(String group, String key, String value, String msg) {
    PropertyGroups p = DEV.with(group, key, value);
    assertThatThrownBy(() -> JobConfig.forKinesis(p))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("group '" + group + "' key '" + key + "': ")
        .hasMessageContaining(msg);
  }

  @Test
  void evaluationOrderIsArrivalByDefaultAndEventTimeOnRequest() {
    assertThat(JobConfig.from(DEV).evaluationOrder()).isEqualTo(EvaluationOrder.ARRIVAL);
    assertThat(JobConfig.from(DEV.without("rules", "evaluation-order")).evaluationOrder())
        .isEqualTo(EvaluationOrder.ARRIVAL);
    assertThat(
            JobConfig.from(DEV.with("rules", "evaluation-order", " Event-Time ")).evaluationOrder())
        .isEqualTo(EvaluationOrder.EVENT_TIME);
  }

  @Test
  void replayModeNeedsNoKinesisGroup() {
    PropertyGroups p = DEV.without("kinesis", "region");
    assertThat(JobConfig.from(p).job().parallelism).isEqualTo(2);
  }

  @Test
  void typedGettersParseAndDefault() {
    PropertyGroups p =
        PropertyGroups.fromJson(
            json(
                "[{\"PropertyGroupId\":\"g\",\"PropertyMap\":{\"d1\":\"PT5M\",\"d2\":\"200ms\","
                    + "\"d3\":\"45\",\"b\":\"TRUE\",\"l\":\" a, b ,c\",\"n\":12,\"x\":\"1.5\"}}]"),
            "test");
    assertThat(p.duration("g", "d1")).isEqualTo(Duration.ofMinutes(5));
    assertThat(p.duration("g", "d2")).isEqualTo(Duration.ofMillis(200));
    assertThat(p.duration("g", "d3")).isEqualTo(Duration.ofSeconds(45));
    assertThat(p.bool("g", "b")).isTrue();
    assertThat(p.list("g", "l")).containsExactly("a", "b", "c");
    assertThat(p.integer("g", "n")).isEqualTo(12);
    assertThat(p.longValue("g", "n")).isEqualTo(12L);
    assertThat(p.doubleValue("g", "x")).isEqualTo(1.5);
    assertThat(p.integer("g", "absent", 7)).isEqualTo(7);
    assertThat(p.list("other", "absent", List.of("z"))).containsExactly("z");
    assertThat(p.group("g").getDuration("d1")).isEqualTo(Duration.ofMinutes(5));
    assertThatThrownBy(() -> p.bool("g", "x"))
        .hasMessage("group 'g' key 'x': not a boolean (true or false): '1.5'");
    assertThatThrownBy(() -> p.string("nogroup", "k"))
        .hasMessage("group 'nogroup' key 'k': required, but the group is missing");
    assertThatThrownBy(() -> p.with("g", "l", "a,,b").list("g", "l"))
        .hasMessageContaining("group 'g' key 'l': empty element");
    assertThatThrownBy(() -> p.with("g", "x", "NaN").doubleValue("g", "x"))
        .hasMessageContaining("not a finite number");
    assertThatThrownBy(() -> p.with("g", "s", "  ").string("g", "s"))
        .hasMessage("group 'g' key 's': required, but blank");
  }

  @Test
  void malformedFilesAreRejectedWithTheProblem() {
    assertThatThrownBy(() -> PropertyGroups.fromJson(json("{\"a\":1}"), "f.json"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("f.json: expected a JSON array");
    assertThatThrownBy(() -> PropertyGroups.fromJson(json("[{\"PropertyMap\":{}}]"), "f.json"))
        .hasMessageContaining("element 0 has no PropertyGroupId");
    assertThatThrownBy(
            () ->
                PropertyGroups.fromJson(
                    json("[{\"PropertyGroupId\":\"g\",\"PropertyMap\":{\"k\":{}}}]"), "f.json"))
        .hasMessage("group 'g' key 'k': value must be a string, number or boolean");
    assertThatThrownBy(
            () ->
                PropertyGroups.fromJson(
                    json(
                        "[{\"PropertyGroupId\":\"g\",\"PropertyMap\":{}},"
                            + "{\"PropertyGroupId\":\"g\",\"PropertyMap\":{}}]"),
                    "f.json"))
        .hasMessageContaining("group 'g' appears twice");
    assertThatThrownBy(() -> PropertyGroups.fromJson(json("[{"), "f.json"))
        .hasMessageContaining("f.json: not valid JSON");
  }

  private static ByteArrayInputStream json(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }
}
