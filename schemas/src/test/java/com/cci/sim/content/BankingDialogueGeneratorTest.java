package com.cci.sim.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cci.sim.content.BehaviourMarkers.Behaviour;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BankingDialogueGeneratorTest {
  private final BankingDialogueGenerator gen = new BankingDialogueGenerator();

  @Test
  void sameSeedGivesSameConversationDifferentSeedDiffers() {
    for (long seed = 1; seed < 200; seed++) {
      ContactContext ctx = Contexts.random(seed);
      assertThat(gen.generate(ctx, 0.5))
          .isEqualTo(new BankingDialogueGenerator().generate(ctx, 0.5));
    }
    ContactContext a = Contexts.of("VOICE", "balance", 300, false, false, 1);
    ContactContext b = Contexts.of("VOICE", "balance", 300, false, false, 2);
    assertThat(gen.generate(a, 0).turns()).isNotEqualTo(gen.generate(b, 0).turns());
  }

  @Test
  void sharedInstancesAreThreadSafe() {
    ConnectContentRenderer renderer = new ConnectContentRenderer();
    List<String> sequential = new java.util.ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      ContactContext ctx = Contexts.random(i);
      Conversation c = gen.generate(ctx, 0.3);
      sequential.add(c + renderer.realtimeSegments(ctx, c).toString());
    }
    List<String> parallel =
        java.util.stream.IntStream.range(0, 2000)
            .parallel()
            .mapToObj(
                i -> {
                  ContactContext ctx = Contexts.random(i);
                  Conversation c = gen.generate(ctx, 0.3);
                  return c + renderer.realtimeSegments(ctx, c).toString();
                })
            .collect(java.util.stream.Collectors.toList());
    assertThat(parallel).isEqualTo(sequential);
  }

  /** The template bank itself honours the marker invariant the QA labels rely on. */
  @Test
  void behaviourPhrasesOccurOnlyInTheirOwnTemplateGroups() {
    Map<String, Behaviour> owner =
        Map.of(
            "GREETING", Behaviour.GREETING,
            "EMPATHY", Behaviour.EMPATHY,
            "COMPLIANCE", Behaviour.COMPLIANCE_DISCLOSURE,
            "SATISFACTION", Behaviour.SATISFACTION_CHECK);
    for (Map.Entry<String, List<Template>> group : DialogueBank.allGroups().entrySet()) {
      String name = group.getKey();
      Behaviour own = owner.get(name);
      if (name.endsWith(":resolved")) {
        own = Behaviour.RESOLUTION;
      }
      for (Template t : group.getValue()) {
        String text = t.source();
        for (Behaviour b : Behaviour.values()) {
          String hit = BehaviourMarkers.findAny(text, BehaviourMarkers.phrases(b));
          if (b == own) {
            if (!text.isEmpty()) {
              assertThat(hit).as("%s template '%s' lacks a %s phrase", name, text, b).isNotNull();
            }
          } else {
            assertThat(hit).as("%s template '%s' contains %s phrase", name, text, b).isNull();
          }
        }
      }
    }
  }

  @Test
  void labelsMatchTheTextForManySeeds() {
    Map<Behaviour, int[]> seen = new EnumMap<>(Behaviour.class);
    for (long seed = 0; seed < 4000; seed++) {
      ContactContext ctx = Contexts.random(seed);
      Conversation c = gen.generate(ctx, 0.3);
      StringBuilder all = new StringBuilder();
      StringBuilder agent = new StringBuilder();
      for (Turn t : c.turns()) {
        all.append(t.text()).append('\n');
        if (t.participant().equals("AGENT")) {
          agent.append(t.text()).append('\n');
        }
      }
      for (Behaviour b : Behaviour.values()) {
        boolean label = b.of(c.labels());
        seen.computeIfAbsent(b, k -> new int[2])[label ? 1 : 0]++;
        if (label) {
          assertThat(BehaviourMarkers.findAny(agent.toString(), BehaviourMarkers.phrases(b)))
              .as("seed %d: %s labelled true but no phrase in agent turns:%n%s", seed, b, all)
              .isNotNull();
        } else {
          assertThat(BehaviourMarkers.findAny(all.toString(), BehaviourMarkers.phrases(b)))
              .as("seed %d: %s labelled false but phrase present:%n%s", seed, b, all)
              .isNull();
        }
      }
    }
    for (Map.Entry<Behaviour, int[]> e : seen.entrySet()) {
      assertThat(e.getValue()[0]).as("%s never false", e.getKey()).isGreaterThan(200);
      assertThat(e.getValue()[1]).as("%s never true", e.getKey()).isGreaterThan(1000);
    }
  }

  @Test
  void negativeCustomerHasAStreakOfThreeNegativeTurnsAndOthersNever() {
    int negatives = 0;
    for (long seed = 0; seed < 3000; seed++) {
      ContactContext ctx = Contexts.random(seed);
      Conversation c = gen.generate(ctx, 0);
      int streak = 0;
      int best = 0;
      int start = -1;
      boolean streakMidCall = false;
      List<Turn> turns = c.turns();
      for (int i = 0; i < turns.size(); i++) {
        Turn t = turns.get(i);
        if (!t.participant().equals("CUSTOMER")) {
          continue;
        }
        if (t.sentiment().equals("NEGATIVE")) {
          if (streak == 0) {
            start = i;
          }
          streak++;
        } else {
          streak = 0;
        }
        if (streak > best) {
          best = streak;
          streakMidCall = start > 1 && start < turns.size() - 4;
        }
      }
      if (ctx.negativeCustomer()) {
        negatives++;
        assertThat(best).as("seed %d", seed).isGreaterThanOrEqualTo(3);
        assertThat(streakMidCall).as("seed %d streak ends the call", seed).isTrue();
        assertThat(c.categories()).contains(BehaviourMarkers.COMPLAINT);
      } else {
        assertThat(best).as("seed %d", seed).isLessThan(3);
        assertThat(c.categories()).doesNotContain(BehaviourMarkers.COMPLAINT);
      }
      for (Turn t : turns) {
        assertThat(t.sentiment()).isIn("POSITIVE", "NEUTRAL", "NEGATIVE", "MIXED");
        assertThat(t.participant()).isIn("AGENT", "CUSTOMER");
      }
    }
    assertThat(negatives).isGreaterThan(300);
  }

  @Test
  void categoriesAreExactlyThoseWhoseTriggersOccur() {
    int fraud = 0;
    for (long seed = 0; seed < 3000; seed++) {
      ContactContext ctx = Contexts.random(seed);
      Conversation c = gen.generate(ctx, 0.3);
      boolean fraudWanted = ctx.fraudSuspected() || ctx.topic().equals("fraud");
      assertThat(c.categories().contains(BehaviourMarkers.FRAUD_SUSPECTED))
          .as("seed %d", seed)
          .isEqualTo(fraudWanted);
      if (fraudWanted) {
        fraud++;
      }
      assertThat(c.categories().contains(BehaviourMarkers.ESCALATION))
          .isEqualTo(
              !c.labels().resolution()
                  || textOf(c).contains("supervisor")
                  || textOf(c).contains("manager"));
      for (String cat : BehaviourMarkers.CATEGORIES) {
        boolean triggered = false;
        for (Turn t : c.turns()) {
          triggered |=
              BehaviourMarkers.findAny(t.text(), BehaviourMarkers.categoryTriggers(cat)) != null;
        }
        assertThat(triggered)
            .as("seed %d category %s", seed, cat)
            .isEqualTo(c.categories().contains(cat));
      }
    }
    assertThat(fraud).isGreaterThan(200);
  }

  private static String textOf(Conversation c) {
    StringBuilder sb = new StringBuilder();
    c.turns().forEach(t -> sb.append(t.text().toLowerCase(Locale.ROOT)).append('\n'));
    return sb.toString();
  }

  @Test
  void fraudFlagTurnsAnyTopicIntoAFraudConversation() {
    Conversation c = gen.generate(Contexts.of("VOICE", "balance", 400, false, true, 9), 0);
    assertThat(c.categories()).contains(BehaviourMarkers.FRAUD_SUSPECTED);
    assertThat(textOf(c)).contains("fraud");
    assertThat(c.summary()).contains("fraud");
  }

  @Test
  void plantedPiiOffsetsPointAtChecksumValidValues() {
    int items = 0;
    Map<PiiType, Integer> byType = new EnumMap<>(PiiType.class);
    for (long seed = 0; seed < 3000; seed++) {
      ContactContext ctx = Contexts.random(seed);
      Conversation c = gen.generate(ctx, 1.0);
      assertThat(c.pii()).hasSizeBetween(1, 3);
      for (PlantedPii p : c.pii()) {
        Turn t =
            c.turns().stream().filter(x -> x.turnId().equals(p.turnId())).findFirst().orElseThrow();
        assertThat(t.participant()).isEqualTo("CUSTOMER");
        String v = t.text().substring(p.beginChar(), p.endChar());
        PiiType type = PiiType.valueOf(p.type());
        byType.merge(type, 1, Integer::sum);
        items++;
        switch (type) {
          case CARD_NUMBER:
            assertThat(PiiChecks.luhnValid(v)).as(v).isTrue();
            assertThat(PiiFactory.compact(v)).hasSize(16);
            break;
          case SSN:
            assertThat(PiiChecks.ssnValid(v)).as(v).isTrue();
            break;
          case ACCOUNT_NUMBER:
            assertThat(v).matches("[0-9]{8,12}");
            break;
          case IBAN:
            assertThat(PiiChecks.ibanValid(v)).as(v).isTrue();
            break;
          case ROUTING_NUMBER:
            assertThat(PiiChecks.abaValid(v)).as(v).isTrue();
            break;
          case EMAIL:
            assertThat(v).contains("@").doesNotEndWith(".");
            break;
          default:
            assertThat(v.replaceAll("[^0-9]", "")).hasSizeBetween(10, 11);
        }
        // the value stands on its own: not glued to neighbouring digits or letters
        if (p.beginChar() > 0) {
          assertThat(Character.isLetterOrDigit(t.text().charAt(p.beginChar() - 1))).isFalse();
        }
        if (p.endChar() < t.text().length()) {
          assertThat(Character.isLetterOrDigit(t.text().charAt(p.endChar()))).isFalse();
        }
      }
    }
    assertThat(byType.keySet()).containsExactlyInAnyOrder(PiiType.values());
    assertThat(items).isGreaterThan(4000);
    int withPii = 0;
    for (long seed = 0; seed < 2000; seed++) {
      assertThat(gen.generate(Contexts.random(seed), 0).pii()).isEmpty();
      withPii += gen.generate(Contexts.random(seed), 0.25).pii().isEmpty() ? 0 : 1;
    }
    assertThat(withPii).isBetween(400, 600);
  }

  @Test
  void turnsFitTheConnectedTimeInOrderWithoutOverlap() {
    for (long seed = 0; seed < 2000; seed++) {
      ContactContext ctx = Contexts.random(seed);
      assertTiming(ctx, gen.generate(ctx, 0.3));
    }
    // very short and very long calls
    for (long secs : new long[] {5, 20, 45, 3600}) {
      for (String ch : new String[] {"VOICE", "CHAT"}) {
        ContactContext ctx = Contexts.of(ch, "dispute", secs, true, false, secs);
        assertTiming(ctx, gen.generate(ctx, 1));
      }
    }
  }

  private static void assertTiming(ContactContext ctx, Conversation c) {
    long avail = Duration.between(ctx.connectedToAgent(), ctx.disconnected()).toMillis();
    long prevEnd = 0;
    for (Turn t : c.turns()) {
      assertThat(t.beginOffsetMillis()).isGreaterThanOrEqualTo(prevEnd);
      assertThat(t.endOffsetMillis()).isGreaterThanOrEqualTo(t.beginOffsetMillis());
      assertThat(t.endOffsetMillis()).isLessThanOrEqualTo(avail);
      prevEnd = t.endOffsetMillis();
    }
    if (avail > 120_000 && "VOICE".equals(ctx.channel())) {
      // spoken turns last roughly as long as their words at 100-250 wpm
      for (Turn t : c.turns()) {
        int words = BankingDialogueGenerator.words(t.text());
        double wpm = words * 60000.0 / Math.max(1, t.endOffsetMillis() - t.beginOffsetMillis());
        assertThat(wpm).as("%s", t).isBetween(40.0, 250.0);
      }
    }
  }

  @Test
  void chatCustomersTypeShorterThanVoiceCustomersSpeak() {
    double voice = 0;
    double chat = 0;
    int nv = 0;
    int nc = 0;
    for (long seed = 0; seed < 500; seed++) {
      for (String ch : new String[] {"VOICE", "CHAT"}) {
        Conversation c =
            gen.generate(
                Contexts.of(ch, Contexts.TOPICS.get((int) (seed % 14)), 600, false, false, seed),
                0);
        Turn issue = c.turns().get(1);
        assertThat(issue.participant()).isEqualTo("CUSTOMER");
        if (ch.equals("VOICE")) {
          voice += BankingDialogueGenerator.words(issue.text());
          nv++;
        } else {
          chat += BankingDialogueGenerator.words(issue.text());
          nc++;
          assertThat(issue.text()).doesNotEndWith(".");
        }
      }
    }
    assertThat(chat / nc).isLessThan(voice / nv * 0.75);
  }

  @Test
  void topicAliasesAndUnknownTopics() {
    assertThat(DialogueBank.topic("Card_Lost").key()).isEqualTo("card-lost");
    assertThat(DialogueBank.topic("contact-info-update").key()).isEqualTo("contact-update");
    assertThat(DialogueBank.topic("loan-payoff").key()).isEqualTo("loan-payoff");
    assertThat(DialogueBank.topic("mortgage-refinance").key()).isEqualTo("general");
    assertThat(DialogueBank.topic(null).key()).isEqualTo("general");
    Conversation c = gen.generate(Contexts.of("VOICE", "something-new", 300, false, false, 3), 0);
    assertThat(c.turns()).isNotEmpty();
    assertThat(c.summary()).contains("general account question");
  }

  @Test
  void badInputIsRejectedWithAClearMessage() {
    ContactContext ok = Contexts.of("VOICE", "balance", 300, false, false, 1);
    assertThatThrownBy(() -> gen.generate(ok, 1.5)).hasMessageContaining("piiShare");
    assertThatThrownBy(() -> gen.generate(ok, Double.NaN)).hasMessageContaining("piiShare");
    ContactContext backwards =
        new ContactContext(
            "t",
            "c-1",
            "VOICE",
            "q",
            "balance",
            "a",
            "A",
            "C",
            Contexts.T0,
            Contexts.T0.minusSeconds(1),
            false,
            false,
            1);
    assertThatThrownBy(() -> gen.generate(backwards, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("c-1")
        .hasMessageContaining("before connectedToAgent");
  }
}
