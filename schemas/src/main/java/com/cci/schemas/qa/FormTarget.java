package com.cci.schemas.qa;

/**
 * Where an imported form lands and the settings its source does not carry.
 *
 * @param tenantId tenant the form belongs to
 * @param formId form id; a Connect import uses the form's own EvaluationFormId when this is null
 * @param version version; a Connect import uses EvaluationFormVersion when this is null
 * @param title title; a Connect import uses the form's Title when this is null
 * @param language BCP-47 language used when the source does not say
 * @param passThreshold pass percentage (Connect forms and seed lists have none)
 */
public record FormTarget(
    String tenantId,
    String formId,
    Integer version,
    String title,
    String language,
    double passThreshold) {

  /** Default language of imported forms. */
  public static final String DEFAULT_LANGUAGE = "en-US";

  /** Default pass threshold of imported forms, in percent. */
  public static final double DEFAULT_PASS_THRESHOLD = 80.0;

  /** A target with only the tenant set: ids, version and title come from the source. */
  public static FormTarget forTenant(String tenantId) {
    return new FormTarget(tenantId, null, null, null, DEFAULT_LANGUAGE, DEFAULT_PASS_THRESHOLD);
  }

  public FormTarget withForm(String formId, int version, String title) {
    return new FormTarget(tenantId, formId, version, title, language, passThreshold);
  }

  public FormTarget withPassThreshold(double threshold) {
    return new FormTarget(tenantId, formId, version, title, language, threshold);
  }

  public FormTarget withLanguage(String lang) {
    return new FormTarget(tenantId, formId, version, title, lang, passThreshold);
  }
}
