package com.cci.sim.content;

/**
 * A post-call transcript file as it would sit in S3.
 *
 * @param relativeKey key relative to the transcripts root, e.g. {@code
 *     demo-tenant/Analysis/Voice/2026/11/20/<contactId>_analysis_2026-11-20T09:15:02Z.json}
 * @param json the file's content
 */
public record TranscriptFile(String relativeKey, String json) {}
