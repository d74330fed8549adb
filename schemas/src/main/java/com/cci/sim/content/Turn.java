package com.cci.sim.content;

/**
 * One utterance of a conversation.
 *
 * @param turnId stable id within the contact (Contact Lens segment Id / TCA-like id)
 * @param participant {@code AGENT} or {@code CUSTOMER}
 * @param beginOffsetMillis offset from {@link ContactContext#connectedToAgent()}
 * @param endOffsetMillis offset from {@link ContactContext#connectedToAgent()}
 * @param text what was said, including any residual PII that upstream redaction missed
 * @param sentiment POSITIVE, NEUTRAL, NEGATIVE or MIXED
 */
public record Turn(
    String turnId,
    String participant,
    long beginOffsetMillis,
    long endOffsetMillis,
    String text,
    String sentiment) {}
