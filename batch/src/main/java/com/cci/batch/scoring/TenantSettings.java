package com.cci.batch.scoring;

/**
 * A tenant's scoring settings (DynamoDB item {@code pk=TENANT#<id>, sk=META}).
 *
 * @param tenantId tenant
 * @param modelId Bedrock model id (or inference profile id)
 * @param inputPricePerMillion USD per million input tokens
 * @param outputPricePerMillion USD per million output tokens
 * @param passThreshold percentage at or above which a call passes (overrides the form's when set)
 * @param defaultFormId the form scored when a call names none
 */
public record TenantSettings(
    String tenantId,
    String modelId,
    double inputPricePerMillion,
    double outputPricePerMillion,
    Double passThreshold,
    String defaultFormId) {

  /** Estimated cost in USD of a call with these token counts at this tenant's prices. */
  public double costUsd(long inputTokens, long outputTokens) {
    return inputTokens * inputPricePerMillion / 1e6 + outputTokens * outputPricePerMillion / 1e6;
  }

  /** Claude 3 Haiku's Bedrock model id. */
  public static final String HAIKU_MODEL_ID = "anthropic.claude-3-haiku-20240307-v1:0";

  /** Claude 3 Haiku at list price ($0.25/M in, $1.25/M out), the demo tenant's default. */
  public static TenantSettings demoDefaults(String tenantId) {
    return new TenantSettings(tenantId, HAIKU_MODEL_ID, 0.25, 1.25, null, "default");
  }
}
