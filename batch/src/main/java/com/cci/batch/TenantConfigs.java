package com.cci.batch;

import com.cci.batch.tenant.TenantConfig;
import java.util.Optional;

/** Where the job reads tenants' configuration (driver side, once per tenant per run). */
@FunctionalInterface
public interface TenantConfigs {
  /** The tenant's settings and current form, or empty when the tenant is not configured. */
  Optional<TenantConfig> get(String tenantId);
}
