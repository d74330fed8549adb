package com.cci.streaming.records;

/** A parsed fulfillment event from the Lex code hook (POJO). Never carries PII. */
public class FulfillmentRecord {
  public String eventId;
  public long eventTimeMs;
  public String tenantId;
  public String contactId;
  public String channel;
  public String intent;

  /** FULFILLED, FAILED, IN_PROGRESS, ESCALATED, CANCELLED, FALLBACK. */
  public String outcome;

  /** NONE, SUCCESS, FAILURE, LOCKED, NOT_REQUIRED. */
  public String authResult;

  /** null, BACKEND_TIMEOUT, BACKEND_ERROR, BACKEND_UNAVAILABLE, VALIDATION, INTERNAL. */
  public String errorClass;

  public String queue;
  public long latencyMs;

  public FulfillmentRecord() {}

  /** A turn that failed because of a system error (not the customer's input). */
  public boolean isError() {
    return errorClass != null && !"VALIDATION".equals(errorClass);
  }

  /** A failed or locked PIN attempt. */
  public boolean isAuthFailure() {
    return "FAILURE".equals(authResult) || "LOCKED".equals(authResult);
  }
}
