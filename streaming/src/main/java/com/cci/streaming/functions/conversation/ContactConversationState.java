package com.cci.streaming.functions.conversation;

import com.cci.streaming.rules.AlarmEpisode;

/**
 * Keyed state of one contact for the conversation rules (Flink POJO). Turn ids already counted live
 * in a separate {@code MapState} so this object stays small.
 */
public class ContactConversationState {
  /** Consecutive NEGATIVE customer turns so far. */
  public int negativeStreak;

  /** Consecutive non-negative customer turns since the last NEGATIVE one. */
  public int recoveryStreak;

  public AlarmEpisode sentiment = new AlarmEpisode();
  public AlarmEpisode fraud = new AlarmEpisode();

  /** A COMPLETED (or FAILED) event arrived: the contact is over, later segments are ignored. */
  public boolean completed;

  /** Latest event time seen for the contact, epoch ms. */
  public long lastEventMs = Long.MIN_VALUE;

  /** The cleanup timer currently registered (event time, ms), or {@link Long#MIN_VALUE}. */
  public long timerMs = Long.MIN_VALUE;

  public ContactConversationState() {}

  @Override
  public String toString() {
    return "ContactConversationState{neg="
        + negativeStreak
        + ", ok="
        + recoveryStreak
        + ", sentiment="
        + sentiment
        + ", fraud="
        + fraud
        + ", completed="
        + completed
        + "}";
  }
}
