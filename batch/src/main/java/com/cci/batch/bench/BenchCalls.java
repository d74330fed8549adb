package com.cci.batch.bench;

import com.cci.batch.pii.PiiGuard;
import com.cci.batch.scoring.ScoreRequest;
import com.cci.batch.scoring.TenantSettings;
import com.cci.schemas.qa.QaForm;
import com.cci.schemas.transcript.CallTranscript;
import com.cci.schemas.transcript.TranscriptFormatException;
import com.cci.schemas.transcript.TranscriptParser;
import com.cci.sim.SimulatorContent;
import com.cci.sim.content.ContactContext;
import com.cci.sim.content.Conversation;
import com.cci.sim.content.TranscriptFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Benchmark inputs: simulator conversations rendered as Contact Lens voice files, parsed and
 * PII-masked exactly as the job does, as score requests for the demo tenant's default form.
 * Deterministic in the seed.
 */
public final class BenchCalls {
  private BenchCalls() {}

  private static final List<String> TOPICS =
      List.of("balance", "card-lost", "fraud", "dispute", "transfer", "loan-payoff", "statement");

  /** Words of a 10-minute call at a contact center's typical 130 spoken words a minute. */
  public static final int TEN_MINUTE_WORDS = 1300;

  /**
   * {@code n} realistic 10-minute voice calls of about {@value #TEN_MINUTE_WORDS} words. The
   * simulator's dialogues are short whatever their duration (≈ 150 words), so each call is a
   * 10-minute simulated call with the middle turns of further simulated calls inserted before its
   * closing turns until it reaches the length (turn ids renumbered, PII-masked like the job does).
   */
  public static List<ScoreRequest> tenMinuteCalls(int n, long seed) {
    List<ScoreRequest> out = new ArrayList<>(n);
    List<ScoreRequest> pool = voiceCalls(n * 12, seed + 1, 600);
    int next = 0;
    for (ScoreRequest base : voiceCalls(n, seed, 600)) {
      List<CallTranscript.Turn> turns = new ArrayList<>(base.transcript().turns());
      int closing = Math.min(3, turns.size());
      List<CallTranscript.Turn> head = new ArrayList<>(turns.subList(0, turns.size() - closing));
      List<CallTranscript.Turn> tail = turns.subList(turns.size() - closing, turns.size());
      int words = words(turns);
      while (words < TEN_MINUTE_WORDS) {
        List<CallTranscript.Turn> more = pool.get(next++ % pool.size()).transcript().turns();
        for (CallTranscript.Turn t :
            more.subList(Math.min(2, more.size()), Math.max(2, more.size() - 3))) {
          head.add(t);
          words += words(List.of(t));
        }
      }
      head.addAll(tail);
      List<CallTranscript.Turn> renumbered = new ArrayList<>(head.size());
      long at = 0;
      for (int i = 0; i < head.size(); i++) {
        CallTranscript.Turn t = head.get(i);
        long len = Math.max(500, t.endOffsetMillis() - t.beginOffsetMillis());
        renumbered.add(
            new CallTranscript.Turn(
                UUID.nameUUIDFromBytes(
                        (base.callId() + "/" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .toString(),
                t.role(),
                at,
                at + len,
                t.text(),
                t.sentiment(),
                t.loudness()));
        at += len;
      }
      CallTranscript b = base.transcript();
      CallTranscript ten =
          new CallTranscript(
              b.format(),
              b.contactId(),
              b.instanceId(),
              b.channel(),
              b.languageCode(),
              renumbered,
              b.matchedCategories(),
              b.summary(),
              b.overallSentiment(),
              600_000L);
      out.add(
          new ScoreRequest(
              base.callId(),
              base.tenantId(),
              base.contactId(),
              base.callDate(),
              base.agentId(),
              base.queue(),
              base.sourceKey(),
              base.piiCounts(),
              ten,
              base.form(),
              base.settings()));
    }
    return out;
  }

  /** Words in the turns' text. */
  public static int words(List<CallTranscript.Turn> turns) {
    int n = 0;
    for (CallTranscript.Turn t : turns) {
      if (t.text() != null && !t.text().isBlank()) {
        n += t.text().trim().split("\\s+").length;
      }
    }
    return n;
  }

  /**
   * {@code n} voice calls.
   *
   * @param seconds each call's length; 0 = 2 to 10 minutes at random
   */
  public static List<ScoreRequest> voiceCalls(int n, long seed, int seconds) {
    TranscriptParser parser = new TranscriptParser();
    PiiGuard guard = new PiiGuard();
    QaForm form = QaForm.fromClasspath(QaForm.DEMO_DEFAULT_RESOURCE);
    TenantSettings settings = TenantSettings.demoDefaults("demo-tenant");
    Instant t0 = Instant.parse("2026-11-20T14:00:00Z");
    List<ScoreRequest> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      SplittableRandom r = new SplittableRandom(seed * 1_000_003L + i);
      ContactContext ctx =
          new ContactContext(
              "demo-tenant",
              new UUID(r.nextLong(), r.nextLong()).toString(),
              "VOICE",
              "General",
              TOPICS.get(r.nextInt(TOPICS.size())),
              "agent-" + r.nextInt(50),
              "Dana Whitfield",
              "Maria Lopez",
              t0,
              t0.plusSeconds(seconds > 0 ? seconds : 120 + r.nextInt(480)),
              r.nextInt(5) == 0,
              false,
              seed * 7919 + i);
      Conversation conv = SimulatorContent.generator().generate(ctx, 0.05);
      CallTranscript parsed;
      try {
        parsed =
            parser.parse(
                SimulatorContent.renderer()
                    .postCallFile(ctx, conv, TranscriptFormat.CONTACT_LENS_VOICE)
                    .json());
      } catch (TranscriptFormatException e) {
        throw new IllegalStateException("the simulator rendered an unreadable file", e);
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
              null,
              m.counts(),
              m.transcript(),
              form,
              settings));
    }
    return out;
  }
}
