package com.cci.sim.content;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The evidence phrases of the simulator's ground truth. For every generated conversation:
 *
 * <ul>
 *   <li>a QA behaviour whose label is true has at least one of its {@link #phrases(Behaviour)} in
 *       an agent turn, and a behaviour whose label is false has none of them anywhere in the
 *       transcript (case-insensitive substring match);
 *   <li>a Contact Lens category in {@link Conversation#categories()} has at least one of its {@link
 *       #categoryTriggers(String)} in some turn, and a category not listed has none.
 * </ul>
 *
 * Rule-based scorers and the renderer (category points of interest) may rely on these lists.
 * Phrases are lower case.
 */
public final class BehaviourMarkers {
  private BehaviourMarkers() {}

  /** The QA behaviours of {@link QaLabels}. */
  public enum Behaviour {
    GREETING,
    EMPATHY,
    RESOLUTION,
    SATISFACTION_CHECK,
    COMPLIANCE_DISCLOSURE;

    /** This behaviour's label in {@code labels}. */
    public boolean of(QaLabels labels) {
      switch (this) {
        case GREETING:
          return labels.greeting();
        case EMPATHY:
          return labels.empathy();
        case RESOLUTION:
          return labels.resolution();
        case SATISFACTION_CHECK:
          return labels.satisfactionCheck();
        default:
          return labels.complianceDisclosure();
      }
    }
  }

  public static final String FRAUD_SUSPECTED = "FraudSuspected";
  public static final String ESCALATION = "Escalation";
  public static final String COMPLAINT = "Complaint";
  public static final String CANCELLATION = "Cancellation";

  /** Categories the simulator can match, in the order they are reported. */
  public static final List<String> CATEGORIES =
      List.of(FRAUD_SUSPECTED, ESCALATION, COMPLAINT, CANCELLATION);

  private static final Map<Behaviour, List<String>> PHRASES = new EnumMap<>(Behaviour.class);

  static {
    PHRASES.put(
        Behaviour.GREETING,
        List.of(
            "thank you for calling",
            "thanks for calling",
            "thank you for contacting",
            "thanks for contacting",
            "thanks for reaching",
            "welcome to",
            "my name is",
            "good morning",
            "good afternoon",
            "good evening",
            "you're speaking with",
            "you've reached",
            "hello",
            "hi there"));
    PHRASES.put(
        Behaviour.EMPATHY,
        List.of(
            "i understand",
            "completely understand",
            "i'm sorry",
            "i am sorry",
            "so sorry",
            "i apologize",
            "apologies",
            "i can imagine",
            "that must be",
            "frustrating",
            "i hear you",
            "sounds stressful",
            "sounds worrying"));
    PHRASES.put(
        Behaviour.RESOLUTION,
        List.of(
            "resolved",
            "taken care of",
            "all set",
            "has been processed",
            "i've processed",
            "is now active",
            "i've updated",
            "has been updated",
            "i've ordered",
            "i've sent",
            "has been sent",
            "i've blocked",
            "i've credited",
            "is on its way",
            "good to go"));
    PHRASES.put(
        Behaviour.SATISFACTION_CHECK,
        List.of(
            "anything else",
            "did that answer",
            "does that answer",
            "have i answered",
            "does that help",
            "is that everything you needed"));
    PHRASES.put(
        Behaviour.COMPLIANCE_DISCLOSURE,
        List.of(
            "may be recorded",
            "is being recorded",
            "recorded for quality",
            "monitored or recorded",
            "verify your identity",
            "confirm your identity",
            "security purposes",
            "a fee of",
            "transfer fee",
            "fees apply"));
  }

  private static final Map<String, List<String>> TRIGGERS =
      Map.of(
          FRAUD_SUSPECTED,
          List.of("don't recognize", "didn't make", "unauthorized", "fraud"),
          ESCALATION,
          List.of("supervisor", "escalate", "manager"),
          COMPLAINT,
          List.of("complaint", "unacceptable"),
          CANCELLATION,
          List.of("close my account", "closing my account", "cancel my account"));

  /** Lower-case evidence phrases of a behaviour. */
  public static List<String> phrases(Behaviour b) {
    return PHRASES.get(b);
  }

  /** Lower-case trigger phrases of a category from {@link #CATEGORIES}. */
  public static List<String> categoryTriggers(String category) {
    List<String> t = TRIGGERS.get(category);
    if (t == null) {
      throw new IllegalArgumentException(
          "unknown category '" + category + "'; known: " + CATEGORIES);
    }
    return t;
  }

  /** The first phrase of {@code phrases} found in {@code text} (case-insensitive), or null. */
  public static String findAny(String text, List<String> phrases) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (String p : phrases) {
      if (lower.contains(p)) {
        return p;
      }
    }
    return null;
  }
}
