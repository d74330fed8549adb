package com.cci.sim.content;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/** Test contexts spread over channels, topics, flags and durations. */
final class Contexts {
  private Contexts() {}

  static final List<String> TOPICS =
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

  static final Instant T0 = Instant.parse("2026-11-20T09:15:02.345Z");

  static ContactContext random(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    String channel = r.nextInt(4) == 0 ? "CHAT" : "VOICE";
    String topic = TOPICS.get(r.nextInt(TOPICS.size()));
    long seconds = 60 + r.nextInt(900);
    return new ContactContext(
        "demo-tenant",
        new UUID(r.nextLong(), r.nextLong()).toString(),
        channel,
        "General",
        topic,
        "agent-" + r.nextInt(50),
        "Dana Whitfield",
        "Maria Lopez",
        T0,
        T0.plusSeconds(seconds),
        r.nextInt(5) == 0,
        topic.equals("fraud") || r.nextInt(12) == 0,
        seed);
  }

  static ContactContext of(
      String channel, String topic, long seconds, boolean negative, boolean fraud, long seed) {
    return new ContactContext(
        "demo-tenant",
        new UUID(seed, ~seed).toString(),
        channel,
        "Cards",
        topic,
        "agent-7",
        "Dana Whitfield",
        "Maria Lopez",
        T0,
        T0.plusSeconds(seconds),
        negative,
        fraud,
        seed);
  }
}
