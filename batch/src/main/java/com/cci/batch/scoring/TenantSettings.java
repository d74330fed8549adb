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

  /** Claude 3 Haiku at list price ($0.25/M in, $1.25/M out), the demo tenant's default. */
  public static TenantSettings demoDefaults(String tenantId) {
    return new TenantSettings(
        tenantId, "anthropic.claude-3-haiku-20240307-v1:0", 0.25, 1.25, null, "default");
  }
}
