package com.cci.fulfillment.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.fulfillment.app.FulfillmentApp;
import com.cci.fulfillment.app.FulfillmentConfig;
import com.cci.fulfillment.app.SafeReplies;
import com.cci.fulfillment.sandbox.SandboxBank;
import com.cci.fulfillment.testing.LexEventJson;
import com.cci.local.LocalStackExtension;
import com.cci.schemas.Json;
import com.cci.schemas.SchemaKind;
import com.cci.schemas.validation.ContractValidator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Lambda entry point on the sandbox bank and DynamoDB Local. */
class LexHandlerIT {
  @RegisterExtension
  static final LocalStackExtension STACK = LocalStackExtension.dynamodbOnly().ignoreEnvironment();

  static SandboxBank bank;

  @BeforeAll
  static void startBank() throws Exception {
    bank = SandboxBank.withDefaultSeed().start();
  }

  @AfterAll
  static void stopBank() {
    if (bank != null) {
      bank.close();
    }
  }

  final List<String> stdout = new ArrayList<>();

  FulfillmentApp app(Map<String, String> env) {
    return new FulfillmentApp(FulfillmentConfig.fromEnv(env), Clock.systemUTC(), stdout::add);
  }

  Map<String, String> env() {
    return Map.of(
        "CCI_BANK_URL", bank.baseUri().toString(),
        "AWS_ENDPOINT_URL_DYNAMODB", STACK.dynamoDbEndpoint().toString(),
        "CCI_AUTH_CREATE_TABLE", "true",
        "CCI_AUTH_TABLE", "handler-it",
        "CCI_SESSION_HASH_SALT", "it-salt");
  }

  static JsonNode invoke(LexHandler h, String body) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    h.handleRequest(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), out, null);
    String json = out.toString(StandardCharsets.UTF_8);
    assertThat(ContractValidator.shared().validate(SchemaKind.LEX_V2_RESPONSE, json, "r").valid())
        .as(json)
        .isTrue();
    return Json.mapper().readTree(json);
  }

  @Test
  void constructionOpensNothingSoASnapshotCapturesNoConnection() {
    long before = bank.requestCount();
    FulfillmentApp app = app(env());
    new LexHandler(app);
    assertThat(app.isWired()).isFalse();
    assertThat(bank.requestCount()).isEqualTo(before);
  }

  @Test
  void answersAnEventAndWritesEmfAndLogLines() throws Exception {
    FulfillmentApp app = app(env());
    LexHandler h = new LexHandler(app);
    JsonNode r =
        invoke(
            h,
            LexEventJson.event(
                "handler-it-1",
                "DTMF",
                "Authenticate",
                Map.of("Pin", "4821"),
                Map.of("customerPhone", "+15125550101", "channel", "VOICE")));
    assertThat(r.at("/sessionState/sessionAttributes/authStatus").asText())
        .isEqualTo("AUTHENTICATED");
    assertThat(stdout)
        .anySatisfy(
            l -> assertThat(l).contains("\"_aws\"").contains("\"Intent\":\"Authenticate\""));
    assertThat(stdout).anySatisfy(l -> assertThat(l).contains("\"message\":\"turn\""));
    assertThat(String.join("\n", stdout)).doesNotContain("4821").doesNotContain("5550101");
    app.close();
  }

  @Test
  void nonJsonGetsAWellFormedCloseWithASafeMessage() throws Exception {
    FulfillmentApp app = app(env());
    JsonNode r = invoke(new LexHandler(app), "<<not json>>");
    assertThat(r.at("/sessionState/dialogAction/type").asText()).isEqualTo("Close");
    assertThat(r.at("/sessionState/intent/state").asText()).isEqualTo("Failed");
    assertThat(r.at("/sessionState/sessionAttributes/escalate").asText()).isEqualTo("true");
    assertThat(r.at("/messages/0/content").asText()).contains("agent").doesNotContain("Exception");
    app.close();
  }

  @Test
  void structurallyBrokenEventsGetAWellFormedClose() throws Exception {
    FulfillmentApp app = app(env());
    LexHandler h = new LexHandler(app);
    for (String bad :
        List.of("{}", "[]", "{\"sessionState\": \"x\"}", "{\"sessionState\": {\"intent\": {}}}")) {
      JsonNode r = invoke(h, bad);
      assertThat(r.at("/sessionState/dialogAction/type").asText()).as(bad).isEqualTo("Close");
    }
    app.close();
  }

  @Test
  void aRuntimeThatCannotBeWiredStillAnswersSafely() throws Exception {
    FulfillmentApp app = app(Map.of()); // no CCI_BANK_URL
    JsonNode r =
        invoke(
            new LexHandler(app),
            LexEventJson.event("s", "Text", "CheckBalance", Map.of(), Map.of()));
    assertThat(r.at("/sessionState/dialogAction/type").asText()).isEqualTo("Close");
    assertThat(r.at("/messages/0/content").asText()).isEqualTo(SafeReplies.MESSAGE);
    assertThat(stdout).anySatisfy(l -> assertThat(l).contains("CCI_BANK_URL"));
  }
}
