package com.cci.sim.content;

/** The post-call transcript file formats the simulator writes (and the batch job reads). */
public enum TranscriptFormat {
  /** Contact Lens post-call analysis, voice, Version 1.1.0. */
  CONTACT_LENS_VOICE,
  /** Contact Lens post-call analysis, chat. */
  CONTACT_LENS_CHAT,
  /** Amazon Transcribe Call Analytics output. */
  TCA
}
