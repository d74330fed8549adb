package com.cci.sim.content;

import java.util.List;

/**
 * A generated conversation and its ground truth.
 *
 * @param turns in time order
 * @param labels agent behaviours present in this call
 * @param pii residual PII planted in the turns' text
 * @param categories Contact Lens categories this conversation matches (e.g. {@code FraudSuspected},
 *     {@code Escalation}, {@code Complaint})
 * @param summary one-paragraph post-contact summary
 */
public record Conversation(
    List<Turn> turns,
    QaLabels labels,
    List<PlantedPii> pii,
    List<String> categories,
    String summary) {}
