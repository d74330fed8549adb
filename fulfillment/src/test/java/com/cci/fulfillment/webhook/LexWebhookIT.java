package com.cci.fulfillment.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cci.fulfillment.app.FulfillmentConfig;
import com.cci.fulfillment.testing.LexEventJson;
import com.cci.schemas.Json;
import com.cci.schemas.SchemaKind;
import com.cci.schemas.validation.ContractValidator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
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
 * The webhook as {@code ./cci webhook} runs it with nothing configured: it starts the sandbox bank
 * and DynamoDB Local (a child process) itself, serves real HTTP on 127.0.0.1, and stops both.
 */
class LexWebhookIT {
  static WebhookCommand.Running running;
  static HttpClient http = HttpClient.newHttpClient();
  static URI base;

  @BeforeAll
  static void start() throws Exception {
    running =
        WebhookCommand.start(
            FulfillmentConfig.fromEnv(Map.of("LOG_LEVEL", "WARN")), "127.0.0.1", 0);
    base = URI.create("http://127.0.0.1:" + running.webhook().port());
  }

  @AfterAll
  static void stop() {
    if (running != null) {
      running.close();
    }
  }

  static HttpResponse<String> post(String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(base.resolve("/lex"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(HttpResponse<String> r) throws IOException {
    return Json.mapper().readTree(r.body());
  }

  @Test
  void startedItsOwnBankAndDynamoDb() {
    assertThat(running.bank()).isNotNull();
    assertThat(running.stack()).isNotNull();
    assertThat(running.stack().isStartedHere(com.cci.local.LocalStack.Service.DYNAMODB)).isTrue();
  }

  @Test
  void nonJsonIs400WithAClearMessage() throws Exception {
    HttpResponse<String> r = post("this is not json");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(json(r).get("error").asText()).isEqualTo("invalid_json");
    assertThat(json(r).get("message").asText()).contains("not JSON");
  }

  @Test
  void jsonThatIsNotAnEventIs400NamingTheProblems() throws Exception {
    HttpResponse<String> arr = post("[1,2]");
    assertThat(arr.statusCode()).isEqualTo(400);
    assertThat(json(arr).get("message").asText()).contains("JSON object");

    HttpResponse<String> r = post("{\"sessionId\": 5, \"pin\": \"4821\"}");
    assertThat(r.statusCode()).isEqualTo(400);
    JsonNode body = json(r);
    assertThat(body.get("error").asText()).isEqualTo("invalid_event");
    assertThat(body.get("violations").size()).isPositive();
    assertThat(r.body()).doesNotContain("4821").doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void wrongMethodsAndPathsAreAnsweredNotCrashed() throws Exception {
    HttpResponse<String> get =
        http.send(
            HttpRequest.newBuilder(base.resolve("/lex")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(get.statusCode()).isEqualTo(405);
    HttpResponse<String> nf =
        http.send(
            HttpRequest.newBuilder(base.resolve("/nope")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(nf.statusCode()).isEqualTo(404);
    assertThat(json(nf).get("message").asText()).contains("POST /lex");
  }

  @Test
  void healthReportsTheBreakerAndEventCounters() throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(base.resolve("/health")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(json(r).get("status").asText()).isEqualTo("UP");
    assertThat(json(r).get("bankCircuit").asText()).isEqualTo("CLOSED");
    assertThat(json(r).get("events").has("dropped")).isTrue();
  }

  @Test
  void authenticatesWithThePinAgainstTheRealBankAndDynamoDb() throws Exception {
    String session = "webhook-it-" + System.nanoTime();
    Map<String, String> attrs =
        Map.of(
            "customerPhone",
            "+15125550101",
            "channel",
            "CHAT",
            "contactId",
            "5fdb3ff4-3a48-4b0e-9f10-0cb8a7e2d1c3");
    String ask =
        LexEventJson.event(
            session,
            "Text",
            "Authenticate",
            java.util.Collections.singletonMap("Pin", null),
            attrs);
    assertThat(ContractValidator.shared().validate(SchemaKind.LEX_V2_EVENT, ask, "t").valid())
        .isTrue();
    HttpResponse<String> r1 = post(ask);
    assertThat(r1.statusCode()).isEqualTo(200);
    JsonNode s1 = json(r1).get("sessionState");
    assertThat(s1.get("dialogAction").get("type").asText()).isEqualTo("ElicitSlot");
    assertThat(s1.get("dialogAction").get("slotToElicit").asText()).isEqualTo("Pin");

    HttpResponse<String> r2 =
        post(LexEventJson.event(session, "Text", "Authenticate", Map.of("Pin", "4821"), attrs));
    assertThat(r2.statusCode()).isEqualTo(200);
    assertThat(
            ContractValidator.shared().validate(SchemaKind.LEX_V2_RESPONSE, r2.body(), "r").valid())
        .as(r2.body())
        .isTrue();
    assertThat(json(r2).get("sessionState").get("sessionAttributes").get("authStatus").asText())
        .isEqualTo("AUTHENTICATED");
    assertThat(r2.body()).doesNotContain("4821");
    // the server-side state is in DynamoDB Local
    assertThat(running.app().router()).isNotNull();
  }

  @Test
  void unknownIntentsGetAFallbackNotAnError() throws Exception {
    HttpResponse<String> r =
        post(
            LexEventJson.event(
                "s-unknown", "Text", "OrderPizza", Map.of(), Map.of("channel", "CHAT")));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(
            ContractValidator.shared().validate(SchemaKind.LEX_V2_RESPONSE, r.body(), "r").valid())
        .isTrue();
  }

  @Test
  void closingStopsWhatItStarted() throws Exception {
    WebhookCommand.Running other =
        WebhookCommand.start(
            FulfillmentConfig.fromEnv(Map.of("LOG_LEVEL", "WARN")), "127.0.0.1", 0);
    URI bank = other.bank().baseUri();
    URI dynamo = other.stack().dynamoDbEndpoint();
    URI hook = URI.create("http://127.0.0.1:" + other.webhook().port() + "/health");
    other.close();
    for (URI u : new URI[] {bank, dynamo, hook}) {
      assertThatThrownBy(
              () ->
                  HttpClient.newBuilder()
                      .connectTimeout(Duration.ofSeconds(2))
                      .build()
                      .send(
                          HttpRequest.newBuilder(u).GET().build(),
                          HttpResponse.BodyHandlers.ofString()))
          .as(u.toString())
          .isInstanceOf(ConnectException.class);
    }
  }
}
