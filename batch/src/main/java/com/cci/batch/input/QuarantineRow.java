package com.cci.batch.input;

import java.io.Serializable;

/**
 * An input that did not become a scored call, with where and why. Reasons never contain transcript
 * text (parser messages name fields and types, scorer reasons name validation rules).
 *
 * @param tenantId tenant from the key prefix
 * @param callDate date folder {@code YYYY-MM-DD}
 * @param sourceKey key relative to the input prefix
 * @param callId the call id when known, else null
 * @param stage {@code read}, {@code parse}, {@code pii}, {@code model-call}, {@code validation}…
 * @param reason why
 */
public record QuarantineRow(
    String tenantId, String callDate, String sourceKey, String callId, String stage, String reason)
    implements Serializable {

  /** Stage: the file could not be read. */
  public static final String READ = "read";

  /** Stage: the file is not a transcript the parser can normalise. */
  public static final String PARSE = "parse";

  /** Stage: no tenant configuration (form, settings) for the tenant. */
  public static final String TENANT = "tenant-config";

  /** Reasons are cut to this many characters. */
  public static final int MAX_REASON = 1000;

  public QuarantineRow {
    if (reason != null && reason.length() > MAX_REASON) {
      reason = reason.substring(0, MAX_REASON - 1) + "…";
    }
  }
}
