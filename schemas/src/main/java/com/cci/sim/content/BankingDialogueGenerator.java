package com.cci.sim.content;

import com.cci.sim.content.DialogueBank.TopicBank;
import com.cci.sim.content.Template.Slot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Generates banking contact-center conversations from templates (see {@link DialogueBank}) for
 * voice and chat, with ground-truth QA labels, Contact Lens categories, per-turn sentiment,
 * realistic timing and optional residual PII.
 *
 * <p>Deterministic: the same {@link ContactContext} (in particular the same {@link
 * ContactContext#seed()}) and {@code piiShare} always give the same conversation. Stateless and
 * thread-safe.
 *
 * <p>Behaviour labels are drawn per call; a behaviour drawn false has none of its {@link
 * BehaviourMarkers} phrases anywhere in the transcript, a behaviour drawn true has at least one in
 * an agent turn. {@code negativeCustomer} inserts a streak of three or four consecutive NEGATIVE
 * customer turns mid-call (with a complaint, sometimes a supervisor request or a threat to close
 * the account); other calls never have three NEGATIVE customer turns in a row. {@code
 * fraudSuspected} (or topic {@code fraud}) selects the fraud dialogue and the {@code
 * FraudSuspected} category. Unknown topics become general enquiries.
 */
public final class BankingDialogueGenerator implements ConversationGenerator {
  static final double P_GREETING = 0.85;
  static final double P_EMPATHY = 0.70;
  static final double P_RESOLUTION = 0.80;
  static final double P_RESOLUTION_NEGATIVE = 0.50;
  static final double P_SATISFACTION = 0.75;
  static final double P_COMPLIANCE = 0.80;

  private static final String AGENT = "AGENT";
  private static final String CUSTOMER = "CUSTOMER";
  private static final String POSITIVE = "POSITIVE";
  private static final String NEUTRAL = "NEUTRAL";
  private static final String NEGATIVE = "NEGATIVE";
  private static final String MIXED = "MIXED";
  private static final String[] DAYS_TEXT = {"three to five", "five to seven", "seven to ten"};
  private static final PiiType[] PII_TYPES = PiiType.values();
  private static final double[] PII_WEIGHTS = {0.24, 0.14, 0.22, 0.08, 0.10, 0.12, 0.10};

  public BankingDialogueGenerator() {}

  /** One utterance under construction. */
  private static final class Draft {
    final String role;
    final StringBuilder text = new StringBuilder(96);
    String sentiment;
    boolean holdAfter;

    Draft(String role, String sentiment) {
      this.role = role;
      this.sentiment = sentiment;
    }
  }

  @Override
  public Conversation generate(ContactContext ctx, double piiShare) {
    validate(ctx, piiShare);
    SplittableRandom rnd =
        new SplittableRandom(ctx.seed() * 0x9E3779B97F4A7C15L + 0x5851F42D4C957F2DL);
    boolean chat = "CHAT".equalsIgnoreCase(ctx.channel());
    TopicBank topic = DialogueBank.topic(ctx.topic());
    boolean fraud = ctx.fraudSuspected() || topic.key().equals("fraud");
    if (fraud) {
      topic = DialogueBank.TOPICS.get("fraud");
    }
    boolean negative = ctx.negativeCustomer();

    QaLabels labels =
        new QaLabels(
            rnd.nextDouble() < P_GREETING,
            rnd.nextDouble() < P_EMPATHY,
            rnd.nextDouble() < (negative ? P_RESOLUTION_NEGATIVE : P_RESOLUTION),
            rnd.nextDouble() < P_SATISFACTION,
            rnd.nextDouble() < P_COMPLIANCE);
    String[] slots = slots(ctx, rnd);

    List<Draft> d = new ArrayList<>(20);
    // opening
    Draft open = add(d, AGENT, labels.greeting() ? POSITIVE : NEUTRAL);
    pick(
            rnd,
            labels.greeting()
                ? (chat ? DialogueBank.GREETING_CHAT : DialogueBank.GREETING_VOICE)
                : (chat ? DialogueBank.OPENING_PLAIN_CHAT : DialogueBank.OPENING_PLAIN_VOICE))
        .appendTo(open.text, slots);
    Draft issue = add(d, CUSTOMER, negative && !fraud ? MIXED : topic.issueSentiment());
    pick(rnd, chat ? topic.issueChat() : topic.issue()).appendTo(issue.text, slots);

    // acknowledgement + identity verification
    Draft verify = add(d, AGENT, NEUTRAL);
    if (labels.empathy()) {
      boolean upset = negative || !NEUTRAL.equals(topic.issueSentiment());
      sentence(
          verify.text, pick(rnd, upset ? DialogueBank.EMPATHY : DialogueBank.EMPATHY_MILD), slots);
    } else if (rnd.nextBoolean()) {
      sentence(verify.text, pick(rnd, DialogueBank.ACK_PLAIN), slots);
    }
    sentence(
        verify.text,
        pick(
            rnd,
            labels.complianceDisclosure()
                ? (chat ? DialogueBank.VERIFY_DISCLOSED_CHAT : DialogueBank.VERIFY_DISCLOSED)
                : DialogueBank.VERIFY_PLAIN),
        slots);
    sentence(add(d, CUSTOMER, NEUTRAL).text, pick(rnd, DialogueBank.CUSTOMER_VERIFY), slots);

    // the request
    sentence(add(d, AGENT, NEUTRAL).text, pick(rnd, topic.probe()), slots);
    sentence(add(d, CUSTOMER, fraud ? MIXED : NEUTRAL).text, pick(rnd, topic.detail()), slots);
    Draft lookup = add(d, AGENT, NEUTRAL);
    sentence(lookup.text, pick(rnd, DialogueBank.LOOKUP), slots);
    lookup.holdAfter = true;

    boolean supervisor = false;
    boolean cancel = false;
    if (negative) {
      List<Template> lines = new ArrayList<>(5);
      lines.add(pick(rnd, DialogueBank.ANGRY));
      lines.add(pick(rnd, DialogueBank.COMPLAINT));
      supervisor = rnd.nextDouble() < 0.4;
      cancel = rnd.nextDouble() < 0.35;
      if (supervisor) {
        lines.add(pick(rnd, DialogueBank.SUPERVISOR));
      }
      if (cancel) {
        lines.add(pick(rnd, DialogueBank.CANCEL));
      }
      int target = rnd.nextDouble() < 0.4 ? 4 : 3;
      while (lines.size() < target) {
        Template t = pick(rnd, DialogueBank.ANGRY);
        if (!lines.contains(t)) {
          lines.add(t);
        }
      }
      // keep the opener, shuffle the rest
      for (int i = lines.size() - 1; i > 1; i--) {
        int j = 1 + rnd.nextInt(i);
        Template tmp = lines.get(i);
        lines.set(i, lines.get(j));
        lines.set(j, tmp);
      }
      Template[] replies =
          labels.empathy() ? DialogueBank.STREAK_EMPATHY : DialogueBank.STREAK_PLAIN;
      int lastReply = -1;
      for (int i = 0; i < lines.size(); i++) {
        if (i > 0) {
          int r = rnd.nextInt(replies.length - 1);
          lastReply = lastReply >= 0 && r >= lastReply ? r + 1 : r; // never the same reply twice
          sentence(add(d, AGENT, NEUTRAL).text, replies[lastReply], slots);
        }
        sentence(add(d, CUSTOMER, NEGATIVE).text, lines.get(i), slots);
      }
    }

    // outcome
    Draft outcome = add(d, AGENT, labels.resolution() ? POSITIVE : NEUTRAL);
    if (!negative) {
      sentence(outcome.text, pick(rnd, DialogueBank.AFTER_HOLD), slots);
    }
    if (labels.complianceDisclosure() && topic.key().equals("transfer")) {
      sentence(outcome.text, pick(rnd, DialogueBank.TRANSFER_FEE), slots);
    }
    sentence(
        outcome.text,
        pick(rnd, labels.resolution() ? topic.resolved() : topic.unresolved()),
        slots);
    sentence(
        add(d, CUSTOMER, labels.resolution() ? POSITIVE : NEGATIVE).text,
        pick(rnd, labels.resolution() ? topic.afterResolved() : topic.afterUnresolved()),
        slots);
    if (labels.satisfactionCheck()) {
      sentence(add(d, AGENT, NEUTRAL).text, pick(rnd, DialogueBank.SATISFACTION), slots);
      sentence(add(d, CUSTOMER, NEUTRAL).text, pick(rnd, DialogueBank.CUSTOMER_NO_MORE), slots);
    }
    sentence(add(d, AGENT, POSITIVE).text, pick(rnd, DialogueBank.CLOSING), slots);
    if (rnd.nextDouble() < 0.7) {
      sentence(add(d, CUSTOMER, NEUTRAL).text, pick(rnd, DialogueBank.CUSTOMER_BYE), slots);
    }

    if (chat) {
      for (int i = 0; i < d.size(); i++) {
        if (d.get(i) != issue && d.get(i).role.equals(CUSTOMER)) {
          typedStyle(d.get(i).text, rnd);
        }
      }
    }

    List<String> ids = new ArrayList<>(d.size());
    for (int i = 0; i < d.size(); i++) {
      ids.add(uuid(rnd));
    }
    List<PlantedPii> pii = plantPii(d, ids, topic, ctx.customerName(), chat, piiShare, rnd);
    List<Turn> turns = time(d, ids, ctx, chat, rnd);

    List<String> categories = new ArrayList<>(4);
    if (fraud) {
      categories.add(BehaviourMarkers.FRAUD_SUSPECTED);
    }
    if (!labels.resolution() || supervisor) {
      categories.add(BehaviourMarkers.ESCALATION);
    }
    if (negative) {
      categories.add(BehaviourMarkers.COMPLAINT);
    }
    if (cancel) {
      categories.add(BehaviourMarkers.CANCELLATION);
    }
    String summary = summary(ctx, topic, labels, chat, negative, supervisor, cancel);
    return new Conversation(
        List.copyOf(turns), labels, List.copyOf(pii), List.copyOf(categories), summary);
  }

  private static void validate(ContactContext ctx, double piiShare) {
    Objects.requireNonNull(ctx, "ctx");
    Objects.requireNonNull(ctx.contactId(), "ctx.contactId");
    Objects.requireNonNull(ctx.connectedToAgent(), "ctx.connectedToAgent");
    Objects.requireNonNull(ctx.disconnected(), "ctx.disconnected");
    if (ctx.disconnected().isBefore(ctx.connectedToAgent())) {
      throw new IllegalArgumentException(
          "contact "
              + ctx.contactId()
              + ": disconnected "
              + ctx.disconnected()
              + " is before connectedToAgent "
              + ctx.connectedToAgent());
    }
    if (!(piiShare >= 0.0 && piiShare <= 1.0)) {
      throw new IllegalArgumentException("piiShare must be within [0, 1], got " + piiShare);
    }
  }

  private static String[] slots(ContactContext ctx, SplittableRandom rnd) {
    String[] v = new String[Slot.values().length];
    v[Slot.BANK.ordinal()] = DialogueBank.BANK_NAME;
    v[Slot.AGENT.ordinal()] = firstName(ctx.agentName(), "Alex");
    v[Slot.CUSTOMER.ordinal()] =
        ctx.customerName() == null || ctx.customerName().isBlank()
            ? "Jordan Lee"
            : ctx.customerName();
    v[Slot.AMOUNT.ordinal()] = money(rnd);
    v[Slot.AMOUNT2.ordinal()] = money(rnd);
    v[Slot.MERCHANT.ordinal()] = DialogueBank.MERCHANTS[rnd.nextInt(DialogueBank.MERCHANTS.length)];
    v[Slot.DAY.ordinal()] = DialogueBank.DAYS[rnd.nextInt(DialogueBank.DAYS.length)];
    int last4 = rnd.nextInt(10000);
    v[Slot.LAST4.ordinal()] =
        last4 < 10
            ? "000" + last4
            : last4 < 100 ? "00" + last4 : last4 < 1000 ? "0" + last4 : "" + last4;
    v[Slot.CITY.ordinal()] = DialogueBank.CITIES[rnd.nextInt(DialogueBank.CITIES.length)];
    v[Slot.LOAN.ordinal()] = DialogueBank.LOANS[rnd.nextInt(DialogueBank.LOANS.length)];
    v[Slot.DAYS.ordinal()] = DAYS_TEXT[rnd.nextInt(DAYS_TEXT.length)];
    return v;
  }

  private static String firstName(String name, String fallback) {
    if (name == null || name.isBlank()) {
      return fallback;
    }
    String t = name.trim();
    int sp = t.indexOf(' ');
    return sp < 0 ? t : t.substring(0, sp);
  }

  private static String money(SplittableRandom rnd) {
    int cents = 500 + rnd.nextInt(rnd.nextInt(4) == 0 ? 500000 : 40000);
    int dollars = cents / 100;
    int c = cents % 100;
    StringBuilder sb = new StringBuilder(12).append('$');
    if (dollars >= 1000) {
      sb.append(dollars / 1000).append(',');
      int rest = dollars % 1000;
      if (rest < 100) {
        sb.append('0');
      }
      if (rest < 10) {
        sb.append('0');
      }
      sb.append(rest);
    } else {
      sb.append(dollars);
    }
    return sb.append('.').append(c < 10 ? "0" : "").append(c).toString();
  }

  private static Draft add(List<Draft> d, String role, String sentiment) {
    Draft x = new Draft(role, sentiment);
    d.add(x);
    return x;
  }

  private static Template pick(SplittableRandom rnd, Template[] options) {
    return options[rnd.nextInt(options.length)];
  }

  /** Appends a template as a sentence, separated by a space from what is already there. */
  private static void sentence(StringBuilder sb, Template t, String[] slots) {
    if (t.source().isEmpty()) {
      return;
    }
    if (sb.length() > 0) {
      sb.append(' ');
    }
    t.appendTo(sb, slots);
  }

  /** Chat customers type: lower-case start, no final period, sometimes "pls". */
  private static void typedStyle(StringBuilder sb, SplittableRandom rnd) {
    if (sb.length() == 0) {
      return;
    }
    sb.setCharAt(0, Character.toLowerCase(sb.charAt(0)));
    if (sb.charAt(sb.length() - 1) == '.') {
      sb.setLength(sb.length() - 1);
    }
    if (rnd.nextBoolean()) {
      int p = sb.indexOf("please");
      if (p >= 0) {
        sb.replace(p, p + 6, "pls");
      }
    }
  }

  private static List<PlantedPii> plantPii(
      List<Draft> d,
      List<String> ids,
      TopicBank topic,
      String customerName,
      boolean chat,
      double piiShare,
      SplittableRandom rnd) {
    double draw = rnd.nextDouble();
    if (draw >= piiShare) {
      return List.of();
    }
    List<Integer> carriers = new ArrayList<>();
    boolean firstCustomer = true;
    for (int i = 0; i < d.size(); i++) {
      if (d.get(i).role.equals(CUSTOMER)) {
        if (firstCustomer) {
          firstCustomer = false; // the opening request stays clean
        } else {
          carriers.add(i);
        }
      }
    }
    if (carriers.isEmpty()) {
      return List.of();
    }
    double r = rnd.nextDouble();
    int n = r < 0.6 ? 1 : r < 0.9 ? 2 : 3;
    List<PlantedPii> out = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      int turn = carriers.get(rnd.nextInt(carriers.size()));
      PiiType type = piiType(topic, rnd);
      String value = PiiFactory.value(type, rnd, customerName);
      String[] carrierPhrases = DialogueBank.PII_CARRIERS.get(type);
      String carrier = carrierPhrases[rnd.nextInt(carrierPhrases.length)];
      StringBuilder sb = d.get(turn).text;
      if (sb.length() > 0) {
        char last = sb.charAt(sb.length() - 1);
        sb.append(last == '.' || last == '?' || last == '!' ? " " : chat ? ", " : ". ");
      }
      int carrierStart = sb.length();
      sb.append(carrier);
      if (chat) {
        sb.setCharAt(carrierStart, Character.toLowerCase(sb.charAt(carrierStart)));
      }
      int begin = sb.length();
      sb.append(value);
      int end = sb.length();
      if (!chat) {
        sb.append('.');
      }
      out.add(new PlantedPii(ids.get(turn), type.name(), begin, end));
    }
    return out;
  }

  private static PiiType piiType(TopicBank topic, SplittableRandom rnd) {
    String k = topic.key();
    if (k.equals("transfer") && rnd.nextDouble() < 0.5) {
      return rnd.nextBoolean()
          ? PiiType.ROUTING_NUMBER
          : (rnd.nextBoolean() ? PiiType.IBAN : PiiType.ACCOUNT_NUMBER);
    }
    if ((k.startsWith("card") || k.equals("fraud") || k.equals("dispute"))
        && rnd.nextDouble() < 0.5) {
      return PiiType.CARD_NUMBER;
    }
    double x = rnd.nextDouble();
    for (int i = 0; i < PII_WEIGHTS.length; i++) {
      x -= PII_WEIGHTS[i];
      if (x < 0) {
        return PII_TYPES[i];
      }
    }
    return PiiType.PHONE;
  }

  /**
   * Lays turns out in time: speech at 130–175 wpm (voice) or typing at 30–70 wpm (chat), short gaps
   * between turns, a hold after the agent's look-up, then fits everything into the contact's
   * connected time — stretching the holds or compressing proportionally.
   */
  private static List<Turn> time(
      List<Draft> d, List<String> ids, ContactContext ctx, boolean chat, SplittableRandom rnd) {
    int n = d.size();
    long[] dur = new long[n];
    long[] gap = new long[n]; // silence before turn i
    int agentWpm = chat ? 45 + rnd.nextInt(26) : 150 + rnd.nextInt(26);
    int customerWpm = chat ? 30 + rnd.nextInt(16) : 135 + rnd.nextInt(31);
    long natural = 0;
    int holds = 0;
    for (int i = 0; i < n; i++) {
      Draft x = d.get(i);
      int words = words(x.text);
      int wpm = x.role.equals(AGENT) ? agentWpm : customerWpm;
      long ms = (long) (words * 60000.0 / wpm * (0.9 + 0.2 * rnd.nextDouble()));
      dur[i] = Math.max(chat ? 1500 : 400, ms + (chat ? 0 : 150));
      if (i == 0) {
        gap[i] = chat ? 1000 + rnd.nextInt(3000) : 300 + rnd.nextInt(1200);
      } else if (d.get(i - 1).holdAfter) {
        gap[i] = (chat ? 10000 : 4000) + rnd.nextInt(chat ? 30000 : 20000);
        holds++;
      } else {
        gap[i] = chat ? 2000 + rnd.nextInt(10000) : 200 + rnd.nextInt(900);
      }
      natural += gap[i] + dur[i];
    }
    long tail = chat ? 1000 + rnd.nextInt(5000) : 400 + rnd.nextInt(2000);
    long avail = Duration.between(ctx.connectedToAgent(), ctx.disconnected()).toMillis();
    long[] begin = new long[n];
    long[] end = new long[n];
    if (natural + tail <= avail) {
      long extra = avail - natural - tail;
      long perGap = holds == 0 ? extra / n : Math.min(extra * 15 / 100 / n, chat ? 15000 : 4000);
      long toHolds = holds == 0 ? 0 : (extra - perGap * n) / holds;
      long t = 0;
      for (int i = 0; i < n; i++) {
        t += gap[i] + perGap + (i > 0 && d.get(i - 1).holdAfter ? toHolds : 0);
        begin[i] = t;
        t += dur[i];
        end[i] = t;
      }
    } else {
      // compress proportionally; integer maths keeps order and the upper bound
      long total = natural + tail;
      long t = 0;
      for (int i = 0; i < n; i++) {
        t += gap[i];
        begin[i] = t * avail / total;
        t += dur[i];
        end[i] = t * avail / total;
      }
    }
    List<Turn> turns = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Draft x = d.get(i);
      turns.add(new Turn(ids.get(i), x.role, begin[i], end[i], x.text.toString(), x.sentiment));
    }
    return turns;
  }

  static int words(CharSequence s) {
    int words = 0;
    boolean in = false;
    for (int i = 0; i < s.length(); i++) {
      boolean ws = s.charAt(i) == ' ';
      if (!ws && !in) {
        words++;
      }
      in = !ws;
    }
    return words;
  }

  private static String uuid(SplittableRandom rnd) {
    long msb = (rnd.nextLong() & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
    long lsb = (rnd.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }

  private static String summary(
      ContactContext ctx,
      TopicBank topic,
      QaLabels labels,
      boolean chat,
      boolean negative,
      boolean supervisor,
      boolean cancel) {
    StringBuilder sb = new StringBuilder(320);
    sb.append("The customer contacted ")
        .append(DialogueBank.BANK_NAME)
        .append(chat ? " by chat about " : " by phone about ")
        .append(topic.summaryIssue())
        .append(". The agent ")
        .append(labels.resolution() ? topic.summaryResolved() : topic.summaryUnresolved())
        .append('.');
    if (negative) {
      sb.append(" The customer was upset about the handling of the issue and raised a complaint.");
    }
    if (supervisor) {
      sb.append(" The customer asked to speak to a supervisor.");
    }
    if (cancel) {
      sb.append(" The customer threatened to move their money to another bank.");
    }
    sb.append(
        labels.resolution()
            ? " The customer ended the contact satisfied."
            : " The matter remains open pending follow-up.");
    return sb.toString();
  }
}
