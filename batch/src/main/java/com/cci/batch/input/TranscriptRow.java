package com.cci.batch.input;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * One call's transcript, normalised and PII-masked, as it travels between Spark stages. The
 * transcript is carried as the JSON of {@link com.cci.schemas.transcript.CallTranscript} (records
 * are not {@link Serializable}); it never holds unmasked text.
 *
 * @param tenantId tenant from the key prefix
 * @param contactId Connect contact id (file metadata, else the file name)
 * @param callId {@code QaResult.callIdFor(tenantId, contactId)}
 * @param callDate the date folder, {@code YYYY-MM-DD}
 * @param sourceKey key relative to the input prefix
 * @param format detected format
 * @param redacted read from {@code Voice/Redacted}
 * @param transcriptJson the masked transcript
 * @param piiCounts residual PII masked by the guard, per type
 */
public record TranscriptRow(
    String tenantId,
    String contactId,
    String callId,
    String callDate,
    String sourceKey,
    String format,
    boolean redacted,
    String transcriptJson,
    Map<String, Integer> piiCounts)
    implements Serializable {
  public TranscriptRow {
    piiCounts = piiCounts == null ? new TreeMap<>() : new TreeMap<>(piiCounts);
  }
}
