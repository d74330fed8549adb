package com.cci.streaming.functions.conversation;

/**
 * The NEGATIVE_SENTIMENT business rule over one contact's customer turns: K consecutive NEGATIVE
 * customer turns start an episode; M consecutive non-negative customer turns end it. Agent (and
 * other non-customer) turns neither extend nor break a streak; a customer turn without a sentiment
 * (not analysed) is ignored the same way.
 */
public final class SentimentStreak implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  /** What one customer turn did to the episode. */
  public enum Change {
    NONE,
    RAISE,
    CLEAR
  }

  private final int raiseAfter;
  private final int clearAfter;

  public SentimentStreak(int raiseAfter, int clearAfter) {
    if (raiseAfter < 1 || clearAfter < 1) {
      throw new IllegalArgumentException("streak lengths must be >= 1");
    }
    this.raiseAfter = raiseAfter;
    this.clearAfter = clearAfter;
  }

  /** True when the wire role is the customer's ({@code CUSTOMER}). */
  public static boolean isCustomer(String role) {
    return "CUSTOMER".equals(role);
  }

  /**
   * Applies one customer turn to the streak counters in {@code s}; {@code active} says whether an
   * episode is currently open. Returns whether the episode should be raised or cleared now.
   */
  public Change observe(ContactConversationState s, boolean negative, boolean active) {
    if (negative) {
      s.negativeStreak++;
      s.recoveryStreak = 0;
      return !active && s.negativeStreak >= raiseAfter ? Change.RAISE : Change.NONE;
    }
    s.negativeStreak = 0;
    s.recoveryStreak++;
    return active && s.recoveryStreak >= clearAfter ? Change.CLEAR : Change.NONE;
  }
}
