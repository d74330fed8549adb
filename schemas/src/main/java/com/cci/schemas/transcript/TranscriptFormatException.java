package com.cci.schemas.transcript;

/**
 * A post-call transcript file that cannot be normalised into a {@link CallTranscript}. The message
 * says why and where ({@code Transcript[3].BeginOffsetMillis: ...}); the batch job quarantines the
 * file with it.
 */
public final class TranscriptFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  private final TranscriptFormat format;

  /**
   * @param format the format detected before the problem was found; null when detection failed
   * @param reason why the file cannot be normalised
   */
  public TranscriptFormatException(TranscriptFormat format, String reason) {
    super(format == null ? reason : format + ": " + reason);
    this.format = format;
  }

  public TranscriptFormatException(TranscriptFormat format, String reason, Throwable cause) {
    super(format == null ? reason : format + ": " + reason, cause);
    this.format = format;
  }

  /** The format detected before the problem was found, or null when detection itself failed. */
  public TranscriptFormat format() {
    return format;
  }
}
