package com.cci.batch.input;

import com.cci.schemas.qa.QaResult;
import com.cci.schemas.transcript.CallTranscript;
import com.cci.schemas.transcript.TranscriptFormatException;
import com.cci.schemas.transcript.TranscriptParser;

/**
 * Turns one transcript file into a parsed call, or a quarantine row saying why not. The format is
 * detected per file from its content ({@link TranscriptParser}); the tenant comes from the key
 * prefix only, never from the file; the contact id from the file's {@code CustomerMetadata}, else
 * from its name (Transcribe jobs are named after the contact). Thread-safe.
 */
public final class TranscriptNormaliser {
  private final TranscriptParser parser = new TranscriptParser();

  /**
   * A parsed file: exactly one of {@code call} and {@code quarantine} is set.
   *
   * @param key the parsed key
   * @param contactId the contact id used
   * @param callId the deterministic call id
   * @param transcript the normalised (not yet masked) transcript
   * @param quarantine why the file is not usable
   */
  public record Parsed(
      SourceKey key,
      String contactId,
      String callId,
      CallTranscript transcript,
      QuarantineRow quarantine) {
    public boolean ok() {
      return quarantine == null;
    }
  }

  /**
   * Normalises one file.
   *
   * @param relativeKey key relative to the input prefix
   * @param content the file's bytes
   */
  public Parsed normalise(String relativeKey, byte[] content) {
    SourceKey key;
    try {
      key = SourceKey.parse(relativeKey);
    } catch (IllegalArgumentException e) {
      return new Parsed(
          null, null, null, null, quarantine(tenantOf(relativeKey), null, relativeKey, e));
    }
    String date = key.date().toString();
    CallTranscript t;
    try {
      t = parser.parse(content);
    } catch (TranscriptFormatException e) {
      return new Parsed(
          key,
          null,
          null,
          null,
          new QuarantineRow(
              key.tenantId(), date, relativeKey, null, QuarantineRow.PARSE, e.getMessage()));
    } catch (RuntimeException e) {
      return new Parsed(
          key,
          null,
          null,
          null,
          new QuarantineRow(
              key.tenantId(),
              date,
              relativeKey,
              null,
              QuarantineRow.PARSE,
              e.getClass().getSimpleName() + ": " + e.getMessage()));
    }
    String contactId = t.contactId() != null ? t.contactId() : key.contactIdFromName();
    if (contactId == null || contactId.isBlank()) {
      return new Parsed(
          key,
          null,
          null,
          t,
          new QuarantineRow(
              key.tenantId(),
              date,
              relativeKey,
              null,
              QuarantineRow.PARSE,
              "no contact id: the file has no CustomerMetadata.ContactId and its name is not"
                  + " <contactId>_analysis_<ts>.json or <jobName>.json"));
    }
    if (t.turns().isEmpty()) {
      return new Parsed(
          key,
          contactId,
          QaResult.callIdFor(key.tenantId(), contactId),
          t,
          new QuarantineRow(
              key.tenantId(),
              date,
              relativeKey,
              QaResult.callIdFor(key.tenantId(), contactId),
              QuarantineRow.PARSE,
              "the transcript has no conversation turns: nothing to score"));
    }
    return new Parsed(key, contactId, QaResult.callIdFor(key.tenantId(), contactId), t, null);
  }

  private static QuarantineRow quarantine(
      String tenant, String date, String key, IllegalArgumentException e) {
    return new QuarantineRow(tenant, date, key, null, QuarantineRow.PARSE, e.getMessage());
  }

  private static String tenantOf(String key) {
    int slash = key.indexOf('/');
    return slash > 0 ? key.substring(0, slash) : null;
  }
}
