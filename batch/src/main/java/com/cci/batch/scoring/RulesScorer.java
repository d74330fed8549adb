package com.cci.batch.scoring;

import com.cci.schemas.qa.QaForm;
import com.cci.schemas.qa.QaResult;
import com.cci.schemas.qa.QaResult.Answer;
import com.cci.schemas.transcript.CallTranscript;
import com.cci.schemas.transcript.Role;
import com.cci.schemas.transcript.Sentiment;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The offline scorer: answers each criterion from the form's evidence hints, without a model. It is
 * the embedded default for local runs without AWS, and it says so: results carry scorer {@code
 * rules}, model id {@value #MODEL_ID}, and a summary that starts with "Rules-based estimate".
 *
 * <p>Per criterion: PASSED when an agent turn contains one of the criterion's evidence hints
 * (case-insensitive substring; typographic apostrophes normalised), with up to three such turns as
 * evidence. Otherwise NOT_APPLICABLE for an optional criterion that allows it, else FAILED. The
 * summary's outcome is ESCALATED when Contact Lens matched an escalation category, RESOLVED when
 * the form's resolution-like criterion passed, else UNRESOLVED; the tone score comes from the agent
 * turns' sentiment labels. Totals come from {@link QaScoring}.
 */
public final class RulesScorer implements Scorer {
  /** The model id recorded with rules-based results. */
  public static final String MODEL_ID = "cci-rules-v1";

  private static final int MAX_EVIDENCE = 3;
  private final Clock clock;

  public RulesScorer() {
    this(Clock.systemUTC());
  }

  public RulesScorer(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String name() {
    return "rules";
  }

  @Override
  public String modelId() {
    return MODEL_ID;
  }

  @Override
  public ScoreOutcome score(ScoreRequest req) {
    try {
      List<QaScoring.Answered> answers = answers(req.form(), req.transcript());
      QaResult.Summary summary = summary(req, answers);
      QaResult r =
          QaScoring.result(
              req,
              answers,
              summary,
              QaResult.Scorer.RULES,
              MODEL_ID,
              QaResult.Usage.NONE,
              clock.instant());
      return ScoreOutcome.scored(req.callId(), r, 0);
    } catch (IllegalArgumentException e) {
      return ScoreOutcome.quarantined(req.callId(), "scoring", e.getMessage(), 0);
    }
  }

  /** The rules' answers for a transcript, one per criterion in form order. */
  static List<QaScoring.Answered> answers(QaForm form, CallTranscript t) {
    List<String> agentIds = new ArrayList<>();
    List<String> agentText = new ArrayList<>();
    for (CallTranscript.Turn turn : t.turns()) {
      if (turn.role() == Role.AGENT && turn.text() != null) {
        agentIds.add(turn.id());
        agentText.add(normalise(turn.text()));
      }
    }
    List<QaScoring.Answered> out = new ArrayList<>();
    for (QaForm.Criterion c : form.allCriteria()) {
      List<String> evidence = new ArrayList<>();
      String firstHint = null;
      for (int i = 0; i < agentText.size() && evidence.size() < MAX_EVIDENCE; i++) {
        for (String hint : c.evidenceHints()) {
          if (agentText.get(i).contains(normalise(hint))) {
            evidence.add(agentIds.get(i));
            if (firstHint == null) {
              firstHint = hint;
            }
            break;
          }
        }
      }
      if (!evidence.isEmpty()) {
        out.add(
            new QaScoring.Answered(
                c.id(),
                Answer.PASSED,
                "Rules-based estimate: agent turn "
                    + evidence.get(0)
                    + " contains the evidence phrase \""
                    + firstHint
                    + "\".",
                evidence));
      } else if (c.naAllowed() && !c.required()) {
        out.add(
            new QaScoring.Answered(
                c.id(),
                Answer.NOT_APPLICABLE,
                "Rules-based estimate: no evidence phrase in any agent turn; optional criterion"
                    + " treated as not applicable.",
                List.of()));
      } else {
        out.add(
            new QaScoring.Answered(
                c.id(),
                Answer.FAILED,
                c.evidenceHints().isEmpty()
                    ? "Rules-based estimate: the form gives no evidence phrases for this criterion."
                    : "Rules-based estimate: none of the criterion's evidence phrases occurs in an"
                        + " agent turn.",
                List.of()));
      }
    }
    return out;
  }

  private static QaResult.Summary summary(ScoreRequest req, List<QaScoring.Answered> answers) {
    CallTranscript t = req.transcript();
    boolean escalated =
        t.matchedCategories().stream()
            .anyMatch(c -> c.toLowerCase(Locale.ROOT).contains("escalat"));
    boolean resolved =
        answers.stream()
            .anyMatch(
                a ->
                    a.id().toLowerCase(Locale.ROOT).contains("resol")
                        && a.answer() == Answer.PASSED);
    QaResult.Outcome outcome =
        escalated
            ? QaResult.Outcome.ESCALATED
            : resolved ? QaResult.Outcome.RESOLVED : QaResult.Outcome.UNRESOLVED;
    String issue =
        t.summary() != null && !t.summary().isBlank()
            ? "Rules-based estimate (no model was called). Contact Lens summary: "
                + truncate(t.summary(), 400)
            : "Rules-based estimate (no model was called); the issue is not determined.";
    String resolution =
        resolved
            ? "Rules-based estimate: a resolution phrase was found in the agent's turns."
            : "Rules-based estimate: no resolution phrase was found in the agent's turns.";
    return new QaResult.Summary(
        issue, resolution, outcome, List.of(), toneScore(t), sentimentSummary(t));
  }

  /** 50 ± 50 by the share of positive minus negative agent turns (neutral/mixed count as 0). */
  static double toneScore(CallTranscript t) {
    int n = 0;
    int net = 0;
    for (CallTranscript.Turn turn : t.turns()) {
      if (turn.role() == Role.AGENT && turn.sentiment() != null) {
        n++;
        if (turn.sentiment() == Sentiment.POSITIVE) {
          net++;
        } else if (turn.sentiment() == Sentiment.NEGATIVE) {
          net--;
        }
      }
    }
    if (n == 0) {
      return 50.0;
    }
    return Math.round(50.0 + 50.0 * net / n);
  }

  private static String sentimentSummary(CallTranscript t) {
    List<Sentiment> customer = new ArrayList<>();
    for (CallTranscript.Turn turn : t.turns()) {
      if (turn.role() == Role.CUSTOMER && turn.sentiment() != null) {
        customer.add(turn.sentiment());
      }
    }
    if (customer.isEmpty()) {
      return "Rules-based estimate: the transcript has no customer sentiment labels.";
    }
    int third = Math.max(1, customer.size() / 3);
    return "Rules-based estimate: customer sentiment went from "
        + mood(customer.subList(0, third))
        + " to "
        + mood(customer.subList(customer.size() - third, customer.size()))
        + ".";
  }

  private static String mood(List<Sentiment> s) {
    int net = 0;
    for (Sentiment x : s) {
      net += x == Sentiment.POSITIVE ? 1 : x == Sentiment.NEGATIVE ? -1 : 0;
    }
    return net > 0 ? "positive" : net < 0 ? "negative" : "neutral";
  }

  private static String truncate(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n) + "…";
  }

  static String normalise(String s) {
    return s.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2018', '\'');
  }
}
