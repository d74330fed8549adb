package com.cci.batch.scoring;

import com.cci.schemas.qa.QaForm;
import com.cci.schemas.qa.QaResult;
import com.cci.schemas.transcript.CallTranscript;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * One transcript to score against one form version, with the call's metadata the result carries.
 *
 * @param callId deterministic call id, {@code QaResult.callIdFor(tenantId, contactId)}
 * @param tenantId tenant
 * @param contactId Connect contact id (from the file, or its key for Transcribe output)
 * @param callDate UTC date the call started
 * @param agentId agent user id, or null
 * @param queue queue name, or null
 * @param sourceKey S3 key (or path) of the transcript file
 * @param piiCounts residual PII the guard masked in this transcript, by type (may be empty)
 * @param transcript the transcript, already PII-masked
 * @param form the tenant's form version to score against
 * @param settings the tenant's model, price table and pass threshold
 */
public record ScoreRequest(
    String callId,
    String tenantId,
    String contactId,
    LocalDate callDate,
    String agentId,
    String queue,
    String sourceKey,
    Map<String, Integer> piiCounts,
    CallTranscript transcript,
    QaForm form,
    TenantSettings settings) {

  public ScoreRequest {
    if (tenantId == null || contactId == null || callDate == null) {
      throw new IllegalArgumentException("tenantId, contactId and callDate are required");
    }
    if (transcript == null || form == null || settings == null) {
      throw new IllegalArgumentException(
          "transcript, form and settings are required (call " + contactId + ")");
    }
    String expected = QaResult.callIdFor(tenantId, contactId);
    if (callId == null) {
      callId = expected;
    } else if (!callId.equals(expected)) {
      throw new IllegalArgumentException(
          "callId " + callId + " is not callIdFor(tenantId, contactId) = " + expected);
    }
    piiCounts = piiCounts == null ? Map.of() : new TreeMap<>(piiCounts);
  }

  /** A request with the call id derived from tenant and contact, no agent/queue/source/PII info. */
  public static ScoreRequest of(
      String tenantId,
      String contactId,
      LocalDate callDate,
      CallTranscript transcript,
      QaForm form,
      TenantSettings settings) {
    return new ScoreRequest(
        null,
        tenantId,
        contactId,
        callDate,
        null,
        null,
        null,
        Map.of(),
        transcript,
        form,
        settings);
  }

  /** The pass threshold in force: the tenant's override, else the form's. */
  public double passThreshold() {
    return settings.passThreshold() != null ? settings.passThreshold() : form.passThreshold();
  }
}
