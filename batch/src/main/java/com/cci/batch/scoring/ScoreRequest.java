package com.cci.batch.scoring;

import com.cci.schemas.qa.QaForm;
import com.cci.schemas.transcript.CallTranscript;

/**
 * One transcript to score against one form version.
 *
 * @param callId deterministic call id ({@code QaResult.callIdFor(tenantId, contactId)})
 * @param tenantId tenant
 * @param transcript the transcript, already PII-masked
 * @param form the tenant's form version to score against
 * @param settings the tenant's model, price table and limits
 */
public record ScoreRequest(
    String callId,
    String tenantId,
    CallTranscript transcript,
    QaForm form,
    TenantSettings settings) {}
