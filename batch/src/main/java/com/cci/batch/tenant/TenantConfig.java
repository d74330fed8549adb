package com.cci.batch.tenant;

import com.cci.batch.scoring.TenantSettings;
import com.cci.schemas.qa.QaForm;

/**
 * What the job needs of one tenant: its settings ({@code META} item) and the latest version of the
 * form it scores against.
 *
 * @param settings model, price table, pass threshold, default form
 * @param form the latest version of the default form
 */
public record TenantConfig(TenantSettings settings, QaForm form) {

  /** The pass threshold in force: the tenant's override, else the form's. */
  public double passThreshold() {
    return settings.passThreshold() != null ? settings.passThreshold() : form.passThreshold();
  }
}
