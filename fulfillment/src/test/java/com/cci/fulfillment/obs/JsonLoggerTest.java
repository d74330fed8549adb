package com.cci.fulfillment.obs;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.schemas.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLoggerTest {
  final List<String> lines = new ArrayList<>();
  final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00.123Z"), ZoneOffset.UTC);

  @Test
  void writesOneMaskedJsonObjectPerLine() throws Exception {
    JsonLogger log =
        new JsonLogger("cci-fulfillment", "test", JsonLogger.Level.INFO, lines::add, clock);
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("pin", "4821");
    f.put("customerPhone", "+15125550101");
    f.put("note", "moved 250 from 100200300401");
    f.put("latencyMs", 12L);
    f.put("ok", true);
    log.info("customer said 4821 for account 100200300402", f);
    assertThat(lines).hasSize(1);
    String line = lines.get(0);
    assertThat(line)
        .doesNotContain("4821")
        .doesNotContain("5550101")
        .doesNotContain("100200300401");
    JsonNode n = Json.mapper().readTree(line);
    assertThat(n.get("timestamp").asText()).isEqualTo("2026-11-22T10:00:00.123Z");
    assertThat(n.get("level").asText()).isEqualTo("INFO");
    assertThat(n.get("service").asText()).isEqualTo("cci-fulfillment");
    assertThat(n.get("message").asText()).isEqualTo("customer said **** for account ****0402");
    assertThat(n.get("pin").asText()).isEqualTo("****");
    assertThat(n.get("customerPhone").asText()).isEqualTo("****0101");
    assertThat(n.get("note").asText()).isEqualTo("moved 250 from ****0401");
    assertThat(n.get("latencyMs").asLong()).isEqualTo(12);
    assertThat(n.get("ok").asBoolean()).isTrue();
  }

  @Test
  void errorsCarryTheClassAndAMaskedMessageButNoStackTrace() throws Exception {
    JsonLogger log = new JsonLogger("s", "t", JsonLogger.Level.INFO, lines::add, clock);
    log.error("boom", Map.of(), new IllegalStateException("bad card 4111111111111111"));
    JsonNode n = Json.mapper().readTree(lines.get(0));
    assertThat(n.get("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
    assertThat(n.get("errorMessage").asText()).isEqualTo("bad card ****1111");
    assertThat(lines.get(0)).doesNotContain("\tat ");
  }

  @Test
  void levelsBelowTheThresholdAreNotWritten() {
    JsonLogger log = new JsonLogger("s", "t", JsonLogger.Level.parse("warn"), lines::add, clock);
    log.info("hidden", Map.of());
    log.debug("hidden", Map.of());
    log.warn("shown", Map.of());
    assertThat(lines).hasSize(1);
    assertThat(JsonLogger.Level.parse("nonsense")).isEqualTo(JsonLogger.Level.INFO);
  }

  @Test
  void aFailingWriterNeverBreaksTheCaller() {
    JsonLogger log =
        new JsonLogger(
            "s",
            "t",
            JsonLogger.Level.INFO,
            l -> {
              throw new IllegalStateException("disk full");
            },
            clock);
    log.info("x", Map.of()); // must not throw
    assertThat(log.enabled(JsonLogger.Level.INFO)).isTrue();
  }
}
