package com.cci.streaming.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cci.schemas.Json;
import com.cci.streaming.records.QueueMetrics;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EmfFormatterTest {
  /** CloudWatch units allowed in a MetricDefinition (EMF specification, StandardUnit). */
  private static final Set<String> UNITS =
      Set.of(
          "Seconds",
          "Microseconds",
          "Milliseconds",
          "Bytes",
          "Kilobytes",
          "Megabytes",
          "Gigabytes",
          "Terabytes",
          "Bits",
          "Kilobits",
          "Megabits",
          "Gigabits",
          "Terabits",
          "Percent",
          "Count",
          "Bytes/Second",
          "Kilobytes/Second",
          "Megabytes/Second",
          "Gigabytes/Second",
          "Terabytes/Second",
          "Bits/Second",
          "Kilobits/Second",
          "Megabits/Second",
          "Gigabits/Second",
          "Terabits/Second",
          "Count/Second",
          "None");

  static QueueMetrics sample() {
    QueueMetrics m = new QueueMetrics();
    m.queueId = "arn:aws:connect:us-east-1:111122223333:instance/i-1/queue/q-1";
    m.queue = "Fraud";
    m.windowStartMs = Instant.parse("2026-11-20T10:00:00Z").toEpochMilli();
    m.windowEndMs = Instant.parse("2026-11-20T10:15:00Z").toEpochMilli();
    m.offered = 40;
    m.answered = 30;
    m.abandoned = 10;
    m.abandonmentRate = 0.25;
    m.answeredWithinThreshold = 27;
    m.serviceLevel = 27.0 / 40.0;
    m.avgWaitSeconds = 42.5;
    m.maxWaitSeconds = 310;
    m.inQueue = 3;
    m.oldestWaitSeconds = 95.25;
    m.open = true;
    return m;
  }

  @Test
  void writesTheExactEmfDocument() throws Exception {
    String line = new EmfFormatter().format(sample());

    assertThat(line).doesNotContain("\n");
    JsonNode expected =
        Json.mapper()
            .readTree(
                """
                {"_aws":{"Timestamp":1795169700000,
                  "CloudWatchMetrics":[{"Namespace":"CCI/ContactCenter","Dimensions":[["Queue"]],
                    "Metrics":[{"Name":"Offered","Unit":"Count"},{"Name":"Answered","Unit":"Count"},
                      {"Name":"Abandoned","Unit":"Count"},{"Name":"AbandonmentRate","Unit":"Percent"},
                      {"Name":"ServiceLevel","Unit":"Percent"},{"Name":"AvgWaitSeconds","Unit":"Seconds"},
                      {"Name":"MaxWaitSeconds","Unit":"Seconds"},{"Name":"InQueue","Unit":"Count"},
                      {"Name":"OldestWaitSeconds","Unit":"Seconds"}]}]},
                 "Queue":"Fraud","Offered":40,"Answered":30,"Abandoned":10,"AbandonmentRate":25.0,
                 "ServiceLevel":67.5,"AvgWaitSeconds":42.5,"MaxWaitSeconds":310.0,"InQueue":3,
                 "OldestWaitSeconds":95.25,
                 "QueueId":"arn:aws:connect:us-east-1:111122223333:instance/i-1/queue/q-1",
                 "WindowStart":"2026-11-20T10:00:00Z","WindowEnd":"2026-11-20T10:15:00Z","Open":true}
                """);
    assertThat(Json.mapper().readTree(line)).isEqualTo(expected);
    assertThat(Instant.ofEpochMilli(1795169700000L)).isEqualTo("2026-11-20T10:15:00Z");
  }

  /** The structural rules of the EMF specification, checked on the document we write. */
  @Test
  void followsTheEmfSpecificationRules() throws Exception {
    JsonNode root = Json.mapper().readTree(new EmfFormatter("Team/Metrics").format(sample()));

    JsonNode aws = root.get("_aws");
    assertThat(aws.isObject()).isTrue();
    assertThat(aws.get("Timestamp").isIntegralNumber()).isTrue();
    JsonNode directives = aws.get("CloudWatchMetrics");
    assertThat(directives.isArray()).isTrue();
    assertThat(directives).hasSize(1);
    JsonNode d = directives.get(0);
    assertThat(d.get("Namespace").asText()).isEqualTo("Team/Metrics");
    // Dimensions: array of DimensionSets, each at most 30 names referring to string members.
    for (JsonNode set : d.get("Dimensions")) {
      assertThat(set.isArray()).isTrue();
      assertThat(set.size()).isBetween(1, 30);
      for (JsonNode name : set) {
        assertThat(root.get(name.asText()).isTextual()).as("dimension %s", name).isTrue();
      }
    }
    // Metrics: at most 100, names unique, each a numeric root member, unit from the list.
    Set<String> names = new HashSet<>();
    assertThat(d.get("Metrics").size()).isBetween(1, 100);
    for (JsonNode metric : d.get("Metrics")) {
      String name = metric.get("Name").asText();
      assertThat(names.add(name)).as("unique %s", name).isTrue();
      assertThat(name.length()).isBetween(1, 1024);
      assertThat(root.get(name).isNumber()).as("target member %s", name).isTrue();
      assertThat(UNITS).contains(metric.get("Unit").asText());
    }
    assertThat(names).hasSize(EmfFormatter.METRICS.size());
  }

  @Test
  void usesTheQueueIdWhenTheNameIsMissingAndZeroesStayNumbers() throws Exception {
    QueueMetrics m = sample();
    m.queue = null;
    m.offered = 0;
    m.abandonmentRate = 0;
    m.serviceLevel = 1.0;
    JsonNode root = Json.mapper().readTree(new EmfFormatter().format(m));
    assertThat(root.get("Queue").asText()).isEqualTo(m.queueId);
    assertThat(root.get("Offered").asLong()).isZero();
    assertThat(root.get("ServiceLevel").asDouble()).isEqualTo(100.0);
  }

  @Test
  void rejectsWindowsThatCannotBeMetrics() {
    QueueMetrics noQueue = sample();
    noQueue.queue = " ";
    noQueue.queueId = null;
    assertThatThrownBy(() -> new EmfFormatter().format(noQueue))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("queue name or id");
    QueueMetrics nan = sample();
    nan.avgWaitSeconds = Double.NaN;
    assertThatThrownBy(() -> new EmfFormatter().format(nan))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("AvgWaitSeconds");
    assertThatThrownBy(() -> new EmfFormatter(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("namespace");
  }
}
