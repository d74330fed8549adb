package com.cci.streaming.parse;

/**
 * A record the parse stage rejects; the message is the dead-letter reason (one sentence naming the
 * field and the problem). No stack trace: rejections are expected data, not bugs.
 */
public final class RejectedRecordException extends Exception {
  private static final long serialVersionUID = 1L;

  public RejectedRecordException(String reason) {
    super(reason, null, false, false);
  }
}
