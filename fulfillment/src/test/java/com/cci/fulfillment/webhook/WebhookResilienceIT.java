package com.cci.fulfillment.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.fulfillment.app.FulfillmentConfig;
import com.cci.fulfillment.testing.LexEventJson;
import com.cci.schemas.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The core bank failing under a live webhook (sandbox bank + DynamoDB Local started by the
 * webhook): slowness and an outage give the "temporarily unavailable" reply with an escalation
 * within the Lex budget, the breaker opens and then answers without touching the bank, and the
 * service recovers when the bank returns. Timing bounds carry slack for a loaded machine; the
 * behaviour is asserted by request counts and breaker state.
 */
class WebhookResilienceIT {
  static final Map<String, String> CALLER =
      Map.of(
          "customerPhone", "+15125550101",
          "channel", "CHAT",
          "contactId", "0d9b6f0e-2a53-4f0b-9a38-3f1c3f6b2a11");

  /** Lex chat gives the code hook 6 s; the bank budget is 2.5 s. */
  static final long BUDGET_MS = 3_500;

  static WebhookCommand.Running running;
  static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  static URI base;

  @BeforeAll
  static void start() throws Exception {
    running =
        WebhookCommand.start(
            FulfillmentConfig.fromEnv(
                Map.of("LOG_LEVEL", "ERROR", "CCI_BANK_BREAKER_OPEN_MS", "2000")),
            "127.0.0.1",
            0);
    base = URI.create("http://127.0.0.1:" + running.webhook().port());
  }

  @AfterAll
  static void stop() {
    if (running != null) {
      running.close();
    }
  }

  record Timed(JsonNode body, long millis) {}

  static Timed post(String event) throws Exception {
    long t0 = System.nanoTime();
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(base.resolve("/lex"))
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(event))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return new Timed(Json.mapper().readTree(r.body()), ms);
  }

  static String circuit() throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(base.resolve("/health")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    return Json.mapper().readTree(r.body()).get("bankCircuit").asText();
  }

  static String balance(String session) {
    return LexEventJson.event(
        session, "Text", "CheckBalance", Map.of("AccountType", "checking"), CALLER);
  }

  static void assertDegraded(Timed t) {
    assertThat(t.millis()).as("degraded reply within the budget").isLessThan(BUDGET_MS);
    JsonNode s = t.body().get("sessionState");
    assertThat(s.at("/sessionAttributes/escalate").asText()).isEqualTo("true");
    assertThat(t.body().at("/messages/0/content").asText()).contains("temporarily unavailable");
    assertThat(s.at("/sessionAttributes/whisperContext").asText()).isNotBlank();
  }

  @Test
  void slownessAndOutageDegradeOpenTheBreakerAndRecover() throws Exception {
    String session = "resilience-" + System.nanoTime();
    var faults = running.bank().faults();
    Timed auth =
        post(LexEventJson.event(session, "Text", "Authenticate", Map.of("Pin", "4821"), CALLER));
    assertThat(auth.body().at("/sessionState/sessionAttributes/authStatus").asText())
        .isEqualTo("AUTHENTICATED");
    Timed ok = post(balance(session));
    assertThat(ok.body().at("/sessionState/intent/state").asText()).isEqualTo("Fulfilled");

    // 1. slowness beyond the per-attempt timeout: degraded, within budget
    faults.latency(Duration.ofMillis(1_500));
    assertDegraded(post(balance(session)));
    faults.latency(Duration.ZERO);

    // 2. outage: degraded replies until the breaker opens
    faults.outage(true);
    int turns = 0;
    while (!circuit().equals("OPEN") && turns < 40) {
      assertDegraded(post(balance(session)));
      turns++;
    }
    assertThat(circuit()).isEqualTo("OPEN");

    // 3. open breaker: the bank is not called at all, and the reply is fast
    long before = running.bank().requestCount();
    Timed open = post(balance(session));
    assertDegraded(open);
    assertThat(open.millis()).as("fail fast while open").isLessThan(500);
    assertThat(running.bank().requestCount()).isEqualTo(before);

    // 4. recovery: the bank is back; after the open wait, calls go through and the breaker closes
    faults.outage(false);
    Thread.sleep(2_100);
    String state = null;
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (System.nanoTime() < deadline) {
      Timed t = post(balance(session));
      state = t.body().at("/sessionState/intent/state").asText();
      if (state.equals("Fulfilled") && circuit().equals("CLOSED")) {
        break;
      }
      Thread.sleep(200);
    }
    assertThat(state).isEqualTo("Fulfilled");
    assertThat(circuit()).isEqualTo("CLOSED");
  }
}
