package com.cci.batch.bench;

import com.cci.schemas.qa.QaForm;
import com.cci.schemas.qa.QaResult;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Scored calls made up fast and deterministically (no model): what the seed design would have
 * stored as one JSON file per call, and what the job stores as Parquet rows. Call {@code i} is
 * always the same result; agents, dates and answers are spread like a contact center's.
 */
public final class SyntheticResults {
  private SyntheticResults() {}

  public static final String TENANT = "demo-tenant";
  private static final QaForm FORM = QaForm.fromClasspath(QaForm.DEMO_DEFAULT_RESOURCE);
  private static final String[] QUEUES = {"General", "Accounts", "Cards", "Lending", "Fraud"};
  private static final String[] JUSTIFICATIONS = {
    "The agent greeted the customer by name, named the bank and offered help in the first turn.",
    "The agent asked two clarifying questions about the transaction before acting on the card.",
    "The agent did not confirm the customer's identity before discussing the account balance.",
    "The agent summarised the next steps and the expected timeline before closing the call.",
    "Not applicable: the customer ended the call before any product was discussed."
  };

  /** The scored call number {@code i} of {@code days} days starting at {@code first}. */
  public static QaResult call(long i, LocalDate first, int days, int agents) {
    SplittableRandom r = new SplittableRandom(0x5EED_0000L + i);
    String contactId = new UUID(0xCC1L << 40 | i, r.nextLong()).toString();
    LocalDate date = first.plusDays(i % days);
    String agent = "agent-" + String.format("%04d", r.nextInt(agents));
    double skill = 0.75 + 0.2 * ((agent.hashCode() & 0xff) / 255.0);
    List<QaResult.CriterionResult> cs = new ArrayList<>();
    double score = 0;
    double max = 0;
    boolean autoFailed = false;
    for (QaForm.Section s : FORM.sections()) {
      for (QaForm.Criterion c : s.criteria()) {
        QaResult.Answer a;
        double roll = r.nextDouble();
        if (c.naAllowed() && roll < 0.08) {
          a = QaResult.Answer.NOT_APPLICABLE;
        } else {
          a = r.nextDouble() < skill ? QaResult.Answer.PASSED : QaResult.Answer.FAILED;
        }
        double m = a == QaResult.Answer.NOT_APPLICABLE ? 0 : c.weight();
        double sc = a == QaResult.Answer.PASSED ? c.weight() : 0;
        autoFailed |= a == QaResult.Answer.FAILED && c.autoFail();
        score += sc;
        max += m;
        cs.add(
            new QaResult.CriterionResult(
                c.id(),
                s.id(),
                c.question(),
                a,
                sc,
                m,
                JUSTIFICATIONS[r.nextInt(JUSTIFICATIONS.length)],
                List.of("turn-" + r.nextInt(40), "turn-" + r.nextInt(40))));
      }
    }
    double pct = max == 0 ? 0 : 100.0 * score / max;
    long in = 2500 + r.nextInt(2500);
    long out = 500 + r.nextInt(300);
    return new QaResult(
        TENANT,
        contactId,
        QaResult.callIdFor(TENANT, contactId),
        date,
        r.nextInt(5) == 0 ? QaResult.Channel.CHAT : QaResult.Channel.VOICE,
        agent,
        QUEUES[r.nextInt(QUEUES.length)],
        FORM.formId(),
        FORM.version(),
        "anthropic.claude-3-haiku-20240307-v1:0",
        QaResult.Scorer.BEDROCK,
        cs,
        new QaResult.Totals(
            score, max, pct, pct >= FORM.passThreshold() && !autoFailed, autoFailed),
        new QaResult.Summary(
            "The customer asked about a card transaction they did not recognise.",
            "The agent blocked the card, opened a dispute and ordered a replacement.",
            QaResult.Outcome.RESOLVED,
            List.of("Send replacement card", "Follow up on the dispute in 10 days"),
            60 + r.nextInt(40),
            "The customer was anxious at first and relieved at the end."),
        r.nextInt(10) == 0 ? Map.of("PHONE", 1) : Map.of(),
        new QaResult.Usage(in, out, in * 0.25e-6 + out * 1.25e-6),
        TENANT
            + "/Analysis/Voice/"
            + date.toString().replace('-', '/')
            + "/"
            + contactId
            + "_analysis.json",
        Instant.parse("2026-11-21T02:00:00Z").plusMillis(i));
  }
}
