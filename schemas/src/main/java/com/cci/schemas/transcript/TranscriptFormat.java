package com.cci.schemas.transcript;

/** The post-call transcript formats {@link TranscriptParser} understands. */
public enum TranscriptFormat {
  /** Contact Lens post-call analysis of a call (Version 1.1.0; newer files VOICE-2022-11-30). */
  CONTACT_LENS_VOICE,
  /** Contact Lens post-chat analysis (Channel CHAT, items timed by AbsoluteTime). */
  CONTACT_LENS_CHAT,
  /** Amazon Transcribe Call Analytics post-call output (turns keyed by ParticipantRole). */
  TRANSCRIBE_CALL_ANALYTICS;

  /**
   * The format the simulator calls {@code simulated} ({@code TCA} is Transcribe Call Analytics).
   */
  public static TranscriptFormat of(com.cci.sim.content.TranscriptFormat simulated) {
    return switch (simulated) {
      case CONTACT_LENS_VOICE -> CONTACT_LENS_VOICE;
      case CONTACT_LENS_CHAT -> CONTACT_LENS_CHAT;
      case TCA -> TRANSCRIBE_CALL_ANALYTICS;
    };
  }
}
