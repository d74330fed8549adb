package com.cci.batch.local;

import com.cci.schemas.qa.QaForm;
import com.cci.sim.content.BehaviourMarkers;
import com.cci.sim.content.BehaviourMarkers.Behaviour;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Derives the local model's answers from a transcript, deterministically:
 *
 * <ol>
 *   <li>a criterion whose id names one of the simulator's labelled behaviours ({@link
 *       BehaviourMarkers.Behaviour}: greeting, empathy, resolution, satisfaction-check,
 *       compliance-disclosure) is PASSED when one of the behaviour's marker phrases is in an agent
 *       turn (the simulator guarantees a true label shows one, a false label none), else FAILED;
 *   <li>else a criterion of a known form with evidence hints is PASSED when a hint is in an agent
 *       turn, else NOT_APPLICABLE when the form allows N/A, else FAILED;
 *   <li>else, when the prompt lists the criterion's question ({@link PromptCriteria}), it is PASSED
 *       when an agent turn contains a content word of the question (its first five letters), else
 *       NOT_APPLICABLE when the prompt flags it na-allowed, else FAILED;
 *   <li>else (nothing known about the criterion) a stable hash of criterion id and transcript
 *       decides: PASSED for about 3 in 4, FAILED otherwise — deterministic, not meaningful.
 * </ol>
 *
 * Evidence is the ids of the agent turns holding the phrases found (at most three); the summary is
 * built from the transcript's text.
 */
final class AnswerDeriver {
  static final String PASSED = "PASSED";
  static final String FAILED = "FAILED";
  static final String NOT_APPLICABLE = "NOT_APPLICABLE";

  /** One criterion's answer. */
  record CriterionAnswer(
      String criterionId, String answer, String justification, List<String> evidenceTurnIds) {}

  /** The call summary. */
  record Summary(
      String issue,
      String resolution,
      String outcome,
      List<String> actionItems,
      int toneScore,
      String sentiment,
      String sentimentSummary,
      String text) {}

  /** All answers for one call. */
  record Answers(List<CriterionAnswer> criteria, Summary summary) {}

  private final Map<String, QaForm.Criterion> known = new HashMap<>();

  AnswerDeriver(List<QaForm> forms) {
    for (QaForm f : forms) {
      for (QaForm.Criterion c : f.allCriteria()) {
        known.putIfAbsent(c.id(), c);
      }
    }
  }

  /** Ids of known form criteria, for finding criterion ids in a prompt. */
  Map<String, QaForm.Criterion> knownCriteria() {
    return known;
  }

  Answers derive(
      List<String> criterionIds,
      TranscriptView transcript,
      Map<String, PromptCriteria.Entry> listed) {
    List<CriterionAnswer> out = new ArrayList<>();
    for (String id : criterionIds) {
      out.add(answer(id, transcript, listed.get(id)));
    }
    return new Answers(out, summarize(transcript));
  }

  CriterionAnswer answer(String criterionId, TranscriptView t, PromptCriteria.Entry listed) {
    Behaviour b = behaviourOf(criterionId);
    if (b != null) {
      List<TranscriptView.Turn> found = t.containing("AGENT", BehaviourMarkers.phrases(b));
      if (!found.isEmpty()) {
        return new CriterionAnswer(
            criterionId,
            PASSED,
            "The agent shows " + label(b) + ": \"" + snippet(found.get(0).text()) + "\".",
            ids(found));
      }
      return new CriterionAnswer(
          criterionId, FAILED, "No agent turn shows " + label(b) + ".", List.of());
    }
    QaForm.Criterion c = known.get(criterionId);
    if (c != null && !c.evidenceHints().isEmpty()) {
      List<TranscriptView.Turn> found = t.containing("AGENT", c.evidenceHints());
      if (!found.isEmpty()) {
        return new CriterionAnswer(
            criterionId,
            PASSED,
            "The agent said \"" + snippet(found.get(0).text()) + "\".",
            ids(found));
      }
      if (c.naAllowed()) {
        return new CriterionAnswer(
            criterionId,
            NOT_APPLICABLE,
            "Nothing in the call called for this; it does not apply.",
            List.of());
      }
      return new CriterionAnswer(
          criterionId, FAILED, "No agent turn shows this behaviour.", List.of());
    }
    if (listed != null && !PromptCriteria.stems(listed.question()).isEmpty()) {
      List<TranscriptView.Turn> found =
          t.containing("AGENT", PromptCriteria.stems(listed.question()));
      if (!found.isEmpty()) {
        return new CriterionAnswer(
            criterionId,
            PASSED,
            "The agent addressed it: \"" + snippet(found.get(0).text()) + "\".",
            ids(found));
      }
      return listed.naAllowed()
          ? new CriterionAnswer(
              criterionId, NOT_APPLICABLE, "The call gave no occasion for it.", List.of())
          : new CriterionAnswer(criterionId, FAILED, "No agent turn addresses it.", List.of());
    }
    int h = Math.floorMod((criterionId + "\n" + t.lowerText()).hashCode(), 4);
    List<TranscriptView.Turn> agent = t.byRole("AGENT");
    if (h != 0 && !agent.isEmpty()) {
      TranscriptView.Turn e = agent.get(Math.floorMod(criterionId.hashCode(), agent.size()));
      return new CriterionAnswer(
          criterionId, PASSED, "The agent's handling meets this criterion.", List.of(e.id()));
    }
    return new CriterionAnswer(
        criterionId, FAILED, "The agent's handling does not meet this criterion.", List.of());
  }

  Summary summarize(TranscriptView t) {
    List<TranscriptView.Turn> customer = t.byRole("CUSTOMER");
    String issue =
        customer.isEmpty()
            ? "The customer's reason for calling is not stated."
            : "The customer said: \""
                + snippet(longest(customer.subList(0, Math.min(2, customer.size()))))
                + "\".";
    List<TranscriptView.Turn> resolved =
        t.containing("AGENT", BehaviourMarkers.phrases(Behaviour.RESOLUTION));
    String resolution =
        resolved.isEmpty()
            ? "No resolution was reached on the call."
            : "The agent said: \"" + snippet(resolved.get(0).text()) + "\".";
    String lower = t.lowerText();
    boolean escalated =
        BehaviourMarkers.findAny(
                lower, BehaviourMarkers.categoryTriggers(BehaviourMarkers.ESCALATION))
            != null;
    boolean complaint =
        BehaviourMarkers.findAny(
                lower, BehaviourMarkers.categoryTriggers(BehaviourMarkers.COMPLAINT))
            != null;
    String outcome = !resolved.isEmpty() ? "RESOLVED" : escalated ? "ESCALATED" : "UNRESOLVED";
    List<String> actions = new ArrayList<>();
    for (TranscriptView.Turn turn : t.byRole("AGENT")) {
      String l = turn.text().toLowerCase(Locale.ROOT);
      if (l.contains("i'll ")
          || l.contains("we'll ")
          || l.contains("will receive")
          || l.contains("i will ")) {
        actions.add(snippet(turn.text()));
        if (actions.size() == 3) {
          break;
        }
      }
    }
    int tone = 50;
    for (Behaviour b :
        List.of(
            Behaviour.GREETING,
            Behaviour.EMPATHY,
            Behaviour.SATISFACTION_CHECK,
            Behaviour.RESOLUTION)) {
      if (!t.containing("AGENT", BehaviourMarkers.phrases(b)).isEmpty()) {
        tone += 12;
      }
    }
    if (complaint) {
      tone -= 15;
    }
    if (escalated) {
      tone -= 10;
    }
    tone = Math.max(0, Math.min(100, tone));
    String sentiment =
        complaint || escalated ? "NEGATIVE" : resolved.isEmpty() ? "NEUTRAL" : "POSITIVE";
    String sentimentSummary =
        switch (sentiment) {
          case "NEGATIVE" -> "The customer was dissatisfied during the call.";
          case "POSITIVE" -> "The customer ended the call satisfied.";
          default -> "The customer's sentiment stayed neutral.";
        };
    String text = issue + " " + resolution;
    return new Summary(
        issue, resolution, outcome, actions, tone, sentiment, sentimentSummary, text);
  }

  static Behaviour behaviourOf(String criterionId) {
    String n = norm(criterionId);
    for (Behaviour b : Behaviour.values()) {
      if (norm(b.name()).equals(n)) {
        return b;
      }
    }
    return null;
  }

  static String norm(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  private static String label(Behaviour b) {
    return b.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static List<String> ids(List<TranscriptView.Turn> turns) {
    return turns.stream().limit(3).map(TranscriptView.Turn::id).toList();
  }

  private static String longest(List<TranscriptView.Turn> turns) {
    String best = "";
    for (TranscriptView.Turn t : turns) {
      if (t.text().length() > best.length()) {
        best = t.text();
      }
    }
    return best;
  }

  static String snippet(String s) {
    String one = s.replaceAll("\\s+", " ").trim().replace("\"", "'");
    return one.length() <= 160 ? one : one.substring(0, 157) + "...";
  }
}
