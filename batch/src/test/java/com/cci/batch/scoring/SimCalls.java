package com.cci.batch.scoring;

import com.cci.batch.pii.PiiGuard;
import com.cci.schemas.qa.QaForm;
import com.cci.schemas.transcript.CallTranscript;
import com.cci.schemas.transcript.TranscriptParser;
import com.cci.sim.SimulatorContent;
import com.cci.sim.content.ContactContext;
import com.cci.sim.content.Conversation;
import com.cci.sim.content.PlantedPii;
import com.cci.sim.content.TranscriptFormat;
import com.cci.sim.content.Turn;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/** Simulator calls (rendered, parsed and PII-masked as the job does) as score requests. */
final class SimCalls {
  private SimCalls() {}

  static final List<String> TOPICS =
      List.of("balance", "card-lost", "fraud", "dispute", "transfer", "loan-payoff", "general");

  /**
   * @param requests the score requests
   * @param plantedValues the raw PII values planted in them (must never reach a prompt)
   * @param conversations the generated conversations (labels), same order
   */
  record Calls(
      List<ScoreRequest> requests, List<String> plantedValues, List<Conversation> conversations) {}

  /** {@code n} calls of {@code seconds} length each (0 = random 2-10 minutes), PII in a share. */
  static Calls generate(int n, long seed, int seconds, double piiShare) {
    TranscriptParser parser = new TranscriptParser();
    PiiGuard guard = new PiiGuard();
    QaForm form = QaForm.fromClasspath(QaForm.DEMO_DEFAULT_RESOURCE);
    Instant t0 = Instant.parse("2026-11-20T14:15:02Z");
    List<ScoreRequest> out = new ArrayList<>();
    List<String> planted = new ArrayList<>();
    List<Conversation> convs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      SplittableRandom r = new SplittableRandom(seed + i);
      boolean chat = i % 5 == 4;
      ContactContext ctx =
          new ContactContext(
              "demo-tenant",
              new UUID(r.nextLong(), r.nextLong()).toString(),
              chat ? "CHAT" : "VOICE",
              "General",
              TOPICS.get(r.nextInt(TOPICS.size())),
              "agent-" + r.nextInt(20),
              "Dana Whitfield",
              "Maria Lopez",
              t0,
              t0.plusSeconds(seconds > 0 ? seconds : 120 + r.nextInt(480)),
              r.nextInt(5) == 0,
              false,
              seed * 1000 + i);
      Conversation conv = SimulatorContent.generator().generate(ctx, piiShare);
      for (PlantedPii p : conv.pii()) {
        for (Turn t : conv.turns()) {
          if (t.turnId().equals(p.turnId())) {
            planted.add(t.text().substring(p.beginChar(), p.endChar()));
          }
        }
      }
      TranscriptFormat f =
          chat
              ? TranscriptFormat.CONTACT_LENS_CHAT
              : (i % 5 == 3 ? TranscriptFormat.TCA : TranscriptFormat.CONTACT_LENS_VOICE);
      CallTranscript parsed;
      try {
        parsed = parser.parse(SimulatorContent.renderer().postCallFile(ctx, conv, f).json());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      PiiGuard.Masked m = guard.mask(parsed);
      out.add(
          new ScoreRequest(
              null,
              "demo-tenant",
              ctx.contactId(),
              LocalDate.of(2026, 11, 20),
              ctx.agentId(),
              ctx.queue(),
              "demo-tenant/Analysis/Voice/2026/11/20/" + ctx.contactId() + ".json",
              m.counts(),
              m.transcript(),
              form,
              TenantSettings.demoDefaults("demo-tenant")));
      convs.add(conv);
    }
    return new Calls(out, planted, convs);
  }
}
