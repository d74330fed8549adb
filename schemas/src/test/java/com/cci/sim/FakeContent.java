package com.cci.sim;

import com.cci.kinesis.StreamRecord;
import com.cci.kinesis.Streams;
import com.cci.sim.content.ContactContext;
import com.cci.sim.content.ContentRenderer;
import com.cci.sim.content.Conversation;
import com.cci.sim.content.ConversationGenerator;
import com.cci.sim.content.PlantedPii;
import com.cci.sim.content.QaLabels;
import com.cci.sim.content.TranscriptFile;
import com.cci.sim.content.TranscriptFormat;
import com.cci.sim.content.Turn;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Test double for the content helper's generator and renderer: a few deterministic turns, a segment
 * record per turn and a small transcript file, so engine tests do not depend on the real dialogue
 * content.
 */
final class FakeContent implements ConversationGenerator, ContentRenderer {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

  int generated;

  @Override
  public Conversation generate(ContactContext ctx, double piiShare) {
    generated++;
    SplittableRandom r = new SplittableRandom(ctx.seed());
    long total = Duration.between(ctx.connectedToAgent(), ctx.disconnected()).toMillis();
    List<Turn> turns = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      turns.add(
          new Turn(
              "t" + i,
              i % 2 == 0 ? "AGENT" : "CUSTOMER",
              total * i / 4,
              total * (i + 1) / 4,
              i == 1 ? "my card 4111111111111111 is gone" : "hello there",
              ctx.negativeCustomer() && i % 2 == 1 ? "NEGATIVE" : "NEUTRAL"));
    }
    List<PlantedPii> pii =
        r.nextDouble() < piiShare ? List.of(new PlantedPii("t1", "CARD_NUMBER", 8, 24)) : List.of();
    return new Conversation(
        turns,
        new QaLabels(true, r.nextBoolean(), true, r.nextBoolean(), true),
        pii,
        ctx.fraudSuspected() ? List.of("FraudSuspected") : List.of(),
        "summary of " + ctx.topic());
  }

  @Override
  public List<StreamRecord> realtimeSegments(ContactContext ctx, Conversation conversation) {
    List<StreamRecord> out = new ArrayList<>();
    for (Turn t : conversation.turns()) {
      out.add(
          new StreamRecord(
              ctx.connectedToAgent().plusMillis(t.endOffsetMillis() + 500),
              Streams.CONTACT_LENS,
              ctx.contactId(),
              "{\"ContactId\":\"" + ctx.contactId() + "\",\"Segment\":\"" + t.turnId() + "\"}"));
    }
    return out;
  }

  @Override
  public TranscriptFile postCallFile(
      ContactContext ctx, Conversation conversation, TranscriptFormat format) {
    String prefix =
        switch (format) {
          case CONTACT_LENS_VOICE -> "/Analysis/Voice/";
          case CONTACT_LENS_CHAT -> "/Analysis/Chat/";
          case TCA -> "/tca/";
        };
    String key =
        ctx.tenantId()
            + prefix
            + DAY.format(ctx.disconnected())
            + "/"
            + ctx.contactId()
            + "_analysis_"
            + ctx.disconnected()
            + ".json";
    return new TranscriptFile(key, "{\"ContactId\":\"" + ctx.contactId() + "\"}");
  }
}
