package com.cci.sim.content;

/** Ground-truth agent behaviours drawn for a call; the QA scorer is measured against these. */
public record QaLabels(
    boolean greeting,
    boolean empathy,
    boolean resolution,
    boolean satisfactionCheck,
    boolean complianceDisclosure) {}
