package com.cci.fulfillment.router;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.fulfillment.bank.CoreBankingClient;
import com.cci.fulfillment.sandbox.SandboxBank;
import com.cci.fulfillment.sandbox.SandboxFaults;
import com.cci.fulfillment.sandbox.SandboxLedger;
import com.cci.schemas.Json;
import com.cci.schemas.SchemaKind;
import com.cci.schemas.lex.LexV2Event;
import com.cci.schemas.lex.LexV2Response;
import com.cci.schemas.lex.Message;
import com.cci.schemas.validation.ContractValidator;
import com.cci.schemas.validation.ValidationResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xml.sax.InputSource;

/**
 * Golden tests: each {@code src/test/resources/golden/<case>/event.json} (a real-shape Lex V2
 * event, valid against {@code lex-v2-event}) goes through the router against the real {@link
 * SandboxBank} and an in-memory {@code AuthService}; the whole response (dialog action, slot to
 * elicit, intent and its state, messages, session attributes) and the turn outcome must equal
 * {@code expected.json}. {@code setup.json} pre-authenticates the session or switches the bank off.
 *
 * <p>Cases run in name order against one bank per class; cases that change bank state (transfers,
 * blocks, activation) each use a customer no other case reads, and a case whose change other cases
 * would see (a customer's contact details) runs on a bank of its own ({@code "ownBank": true} in
 * {@code setup.json}), so no case depends on the order. Regenerate the expected files with {@code
 * -Dgolden.update=true} and review the diff.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GoldenIntentTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden");
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T15:00:00Z"), ZoneOffset.UTC);
  static final boolean UPDATE = Boolean.getBoolean("golden.update");

  private SandboxBank bank;

  @BeforeAll
  void startBank() throws IOException {
    bank = new SandboxBank(SandboxLedger.fromDefaultSeed(CLOCK), SandboxFaults.none()).start();
  }

  @AfterAll
  void stopBank() {
    if (bank != null) {
      bank.close();
    }
  }

  static Stream<String> cases() throws IOException {
    try (Stream<Path> s = Files.list(GOLDEN)) {
      return s
          .filter(p -> Files.isRegularFile(p.resolve("event.json")))
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  @Test
  void everyIntentHasAtLeastOneGoldenCase() throws IOException {
    List<String> covered = new ArrayList<>();
    for (String c : cases().toList()) {
      covered.add(
          Json.mapper()
              .readTree(GOLDEN.resolve(c).resolve("event.json").toFile())
              .path("sessionState")
              .path("intent")
              .path("name")
              .asText());
    }
    try (CoreBankingClient client = client(bank)) {
      IntentRouter router =
          new IntentRouter(client, new InMemoryAuthService(client, CLOCK), CLOCK, null);
      assertThat(router.intentNames()).hasSizeGreaterThanOrEqualTo(22);
      assertThat(covered).containsAll(router.intentNames());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void golden(String name) throws IOException {
    Path dir = GOLDEN.resolve(name);
    String eventJson = Files.readString(dir.resolve("event.json"));
    ValidationResult ev =
        ContractValidator.shared().validate(SchemaKind.LEX_V2_EVENT, eventJson, name);
    assertThat(ev.valid()).as(ev.describe()).isTrue();
    LexV2Event event = Json.mapper().readValue(eventJson, LexV2Event.class);
    JsonNode setup =
        Files.exists(dir.resolve("setup.json"))
            ? Json.mapper().readTree(dir.resolve("setup.json").toFile())
            : Json.mapper().createObjectNode();

    SandboxBank caseBank =
        setup.path("ownBank").asBoolean(false)
            ? new SandboxBank(SandboxLedger.fromDefaultSeed(CLOCK), SandboxFaults.none()).start()
            : bank;
    try (CoreBankingClient client = client(caseBank)) {
      golden(name, event, setup, caseBank, client);
    } finally {
      if (caseBank != bank) {
        caseBank.close();
      }
    }
  }

  private void golden(
      String name, LexV2Event event, JsonNode setup, SandboxBank bank, CoreBankingClient client)
      throws IOException {
    Path dir = GOLDEN.resolve(name);
    InMemoryAuthService auth = new InMemoryAuthService(client, CLOCK);
    if (setup.hasNonNull("authenticatedAs")) {
      auth.authenticate(event.sessionId(), setup.get("authenticatedAs").asText());
    }
    List<TurnOutcome> turns = new ArrayList<>();
    IntentRouter router = new IntentRouter(client, auth, CLOCK, turns::add);
    LexV2Response response;
    try {
      if (setup.path("bankOutage").asBoolean(false)) {
        bank.faults().outage(true);
      }
      response = router.handle(event);
    } finally {
      bank.faults().reset();
    }

    JsonNode actual = Json.mapper().valueToTree(response);
    String actualText = Json.mapper().writeValueAsString(actual);
    ValidationResult rv =
        ContractValidator.shared().validate(SchemaKind.LEX_V2_RESPONSE, actualText, name);
    assertThat(rv.valid()).as(rv.describe()).isTrue();
    assertThat(turns).hasSize(1);
    TurnOutcome t = turns.get(0);

    // Never a full account number of ours, nor the PIN the caller entered.
    assertThat(actualText).doesNotContainPattern("1002003\\d{5}");
    assertThat(t.toString()).doesNotContainPattern("1002003\\d{5}");
    String pin = event.slotValue("Pin");
    if (pin != null) {
      assertThat(actualText).doesNotContain(pin);
    }

    // Voice prompts are well-formed SSML; chat prompts carry no markup.
    if (response.messages() != null) {
      for (Message m : response.messages()) {
        if (m.contentType() == Message.ContentType.SSML) {
          assertWellFormedSsml(m.content());
        } else {
          assertThat(m.content()).doesNotContain("<speak>", "<say-as", "<break");
        }
      }
    }

    ObjectNode turn = Json.mapper().createObjectNode();
    turn.put("intent", t.intent());
    turn.put("outcome", t.outcome().name());
    turn.put("authResult", t.authResult().name());
    putOrNull(turn, "authAttempt", t.authAttempt());
    turn.put("errorClass", t.errorClass() == null ? null : t.errorClass().name());
    turn.put("errorCode", t.errorCode());
    turn.put("queue", t.queue());
    putOrNull(turn, "routingPriority", t.routingPriority());

    Path expectedFile = dir.resolve("expected.json");
    if (UPDATE) {
      ObjectNode out = Json.mapper().createObjectNode();
      out.set("response", actual);
      out.set("turn", turn);
      Files.writeString(expectedFile, out.toPrettyString() + "\n");
      return;
    }
    assertThat(expectedFile)
        .as("missing " + expectedFile + " (run with -Dgolden.update=true)")
        .exists();
    JsonNode expected = Json.mapper().readTree(expectedFile.toFile());
    assertThat(actual.toPrettyString()).isEqualTo(expected.get("response").toPrettyString());
    assertThat(turn.toPrettyString()).isEqualTo(expected.get("turn").toPrettyString());
  }

  static void assertWellFormedSsml(String ssml) {
    assertThat(ssml).startsWith("<speak>").endsWith("</speak>");
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.newDocumentBuilder()
          .parse(new InputSource(new StringReader(ssml)))
          .getDocumentElement()
          .normalize();
    } catch (Exception e) {
      throw new AssertionError("not well-formed SSML: " + ssml, e);
    }
  }

  private static void putOrNull(ObjectNode n, String field, Integer v) {
    if (v == null) {
      n.putNull(field);
    } else {
      n.put(field, v);
    }
  }

  private static CoreBankingClient client(SandboxBank bank) {
    return new CoreBankingClient(CoreBankingClient.Config.defaults(bank.baseUri()));
  }
}
