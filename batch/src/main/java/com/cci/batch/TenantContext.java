package com.cci.batch;

import com.cci.batch.scoring.TenantSettings;
import com.cci.batch.tenant.TenantConfig;
import com.cci.schemas.Json;
import com.cci.schemas.qa.QaForm;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.Serializable;

/**
 * A tenant's configuration as broadcast to executors: the form as JSON (records are not {@link
 * Serializable}), the settings' fields, and the model id the results will carry (used to skip calls
 * already scored with the same form version and model).
 */
public record TenantContext(
    String tenantId,
    String formJson,
    String formId,
    int formVersion,
    String modelId,
    double inputPricePerMillion,
    double outputPricePerMillion,
    Double passThreshold,
    String defaultFormId,
    String expectedModelId)
    implements Serializable {

  /** Builds the broadcast form of a tenant's configuration. */
  public static TenantContext of(TenantConfig c, String expectedModelId) {
    try {
      TenantSettings s = c.settings();
      return new TenantContext(
          s.tenantId(),
          Json.mapper().writeValueAsString(c.form()),
          c.form().formId(),
          c.form().version(),
          s.modelId(),
          s.inputPricePerMillion(),
          s.outputPricePerMillion(),
          s.passThreshold(),
          s.defaultFormId(),
          expectedModelId);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "cannot serialise the form of " + c.settings().tenantId(), e);
    }
  }

  /** The form, parsed (callers cache it per partition). */
  public QaForm form() {
    try {
      return Json.mapper().readValue(formJson, QaForm.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("broadcast form of " + tenantId + " is not valid JSON", e);
    }
  }

  public TenantSettings settings() {
    return new TenantSettings(
        tenantId,
        modelId,
        inputPricePerMillion,
        outputPricePerMillion,
        passThreshold,
        defaultFormId);
  }

  /**
   * The skip key of a call scored with this configuration: {@code callId|formId|formVersion|model}
   * (the form id too, so a tenant switching forms re-scores).
   */
  public String skipKey(String callId) {
    return skipKey(callId, formId, formVersion, expectedModelId);
  }

  public static String skipKey(String callId, String formId, int formVersion, String modelId) {
    return callId + "|" + formId + "|" + formVersion + "|" + modelId;
  }
}
