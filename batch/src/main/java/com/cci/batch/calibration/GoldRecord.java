package com.cci.batch.calibration;

import com.cci.schemas.qa.QaResult.Answer;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One human-scored call of a gold file.
 *
 * @param callId the call id ({@code QaResult.callIdFor(tenantId, contactId)})
 * @param tenantId tenant
 * @param contactId Connect contact id
 * @param callDate the call's date, or null
 * @param sourceKey the transcript's key relative to the transcripts root, or null
 * @param answers the human answers by criterion id (the criteria the human scored; may be a subset
 *     of the form)
 */
public record GoldRecord(
    String callId,
    String tenantId,
    String contactId,
    LocalDate callDate,
    String sourceKey,
    Map<String, Answer> answers) {
  public GoldRecord {
    answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
  }
}
