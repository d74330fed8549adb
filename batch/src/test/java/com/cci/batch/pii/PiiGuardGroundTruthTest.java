package com.cci.batch.pii;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.schemas.transcript.CallTranscript;
import com.cci.schemas.transcript.TranscriptParser;
import com.cci.sim.SimulatorContent;
import com.cci.sim.content.ContactContext;
import com.cci.sim.content.ContentRenderer;
import com.cci.sim.content.Conversation;
import com.cci.sim.content.ConversationGenerator;
import com.cci.sim.content.PlantedPii;
import com.cci.sim.content.TranscriptFormat;
import com.cci.sim.content.Turn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The guard against the simulator's ground truth: conversations generated with residual PII in
 * every call, rendered to the three post-call formats, parsed like the batch job parses them, then
 * masked. Every planted value must be gone; counts per type must match the plantings; the text of
 * turns without plantings must come back unchanged (false positives are counted and bounded).
 */
class PiiGuardGroundTruthTest {
  private static final List<String> TOPICS =
      List.of(
          "balance",
          "transactions",
          "card-lost",
          "card-stolen",
          "card-activation",
          "fraud",
          "dispute",
          "transfer",
          "loan-status",
          "loan-payoff",
          "statement",
          "contact-update",
          "branch-hours",
          "general");
  private static final Map<String, String> SIM_TO_GUARD =
      Map.of(
          "CARD_NUMBER", "CARD",
          "SSN", "SSN",
          "ACCOUNT_NUMBER", "ACCOUNT",
          "IBAN", "IBAN",
          "ROUTING_NUMBER", "ROUTING",
          "EMAIL", "EMAIL",
          "PHONE", "PHONE");

  private final PiiGuard guard = new PiiGuard();
  private final TranscriptParser parser = new TranscriptParser();

  @Test
  void noPlantedPiiSurvivesAndCleanTurnsAreUntouched() throws Exception {
    ConversationGenerator gen = SimulatorContent.generator();
    ContentRenderer renderer = SimulatorContent.renderer();
    Instant t0 = Instant.parse("2026-11-20T14:15:02Z");
    int planted = 0;
    int cleanTurns = 0;
    int falsePositives = 0;
    Map<String, Integer> plantedByType = new HashMap<>();
    Map<String, Integer> maskedByType = new HashMap<>();
    List<String> survivors = new ArrayList<>();
    for (int i = 0; i < 1500; i++) {
      SplittableRandom r = new SplittableRandom(1000 + i);
      TranscriptFormat format = TranscriptFormat.values()[i % 3];
      String channel = format == TranscriptFormat.CONTACT_LENS_CHAT ? "CHAT" : "VOICE";
      String topic = TOPICS.get(r.nextInt(TOPICS.size()));
      ContactContext ctx =
          new ContactContext(
              "demo-tenant",
              new UUID(r.nextLong(), r.nextLong()).toString(),
              channel,
              "General",
              topic,
              "agent-1",
              "Dana Whitfield",
              i % 2 == 0 ? "Maria Lopez" : "Jean-Luc O'Neil",
              t0,
              t0.plusSeconds(120 + r.nextInt(600)),
              r.nextInt(5) == 0,
              topic.equals("fraud"),
              5000 + i);
      Conversation conv = gen.generate(ctx, 1.0);
      CallTranscript parsed = parser.parse(renderer.postCallFile(ctx, conv, format).json());
      Map<String, String> sourceText = new HashMap<>();
      for (Turn t : conv.turns()) {
        sourceText.put(t.turnId(), t.text());
      }
      PiiGuard.Masked masked = guard.mask(parsed);
      Map<String, String> maskedText = new HashMap<>();
      for (CallTranscript.Turn t : masked.transcript().turns()) {
        maskedText.put(t.id(), t.text());
      }
      Map<String, List<PlantedPii>> byTurn = new HashMap<>();
      for (PlantedPii p : conv.pii()) {
        byTurn.computeIfAbsent(p.turnId(), k -> new ArrayList<>()).add(p);
        planted++;
        plantedByType.merge(SIM_TO_GUARD.get(p.type()), 1, Integer::sum);
        String value = sourceText.get(p.turnId()).substring(p.beginChar(), p.endChar());
        String after = maskedText.get(p.turnId());
        assertThat(after).as("turn %s of contact %d", p.turnId(), i).isNotNull();
        if (after.contains(value) || !after.contains("[" + SIM_TO_GUARD.get(p.type()) + "]")) {
          survivors.add(p.type() + " in " + format + " contact " + i);
        }
      }
      masked.counts().forEach((k, v) -> maskedByType.merge(k, v, Integer::sum));
      for (CallTranscript.Turn t : parsed.turns()) {
        if (!byTurn.containsKey(t.id())) {
          cleanTurns++;
          if (!t.text().equals(maskedText.get(t.id()))) {
            falsePositives++;
          }
        }
      }
    }
    System.out.printf(
        "PII guard vs simulator ground truth: %d planted %s, %d masked %s, %d clean turns, %d"
            + " altered%n",
        planted,
        plantedByType,
        maskedByType.values().stream().mapToInt(x -> x).sum(),
        maskedByType,
        cleanTurns,
        falsePositives);
    assertThat(planted).isGreaterThan(1500);
    assertThat(survivors).as("planted PII that survived or got the wrong token").isEmpty();
    assertThat(maskedByType).isEqualTo(plantedByType);
    assertThat(cleanTurns).isGreaterThan(10_000);
    assertThat(falsePositives).as("clean turns altered").isZero();
  }
}
