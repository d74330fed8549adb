package com.cci.batch.tenant;

import com.cci.batch.scoring.TenantSettings;
import com.cci.schemas.Json;
import com.cci.schemas.qa.QaForm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Seeds a tenant configuration table from files: the demo tenant's settings (Claude 3 Haiku at list
 * price) and its default form from the classpath, or a form from a JSON file. Idempotent: existing
 * form versions and settings are left as they are.
 */
public final class TenantSeeder {
  /** The tenant the simulator writes by default. */
  public static final String DEMO_TENANT = "demo-tenant";

  private final TenantConfigStore store;

  public TenantSeeder(TenantConfigStore store) {
    this.store = store;
  }

  /** Creates the table if needed and seeds {@code demo-tenant} with its default form. */
  public void seedDemo() {
    store.createTableIfMissing();
    QaForm form = QaForm.fromClasspath(QaForm.DEMO_DEFAULT_RESOURCE);
    if (store.settings(DEMO_TENANT).isEmpty()) {
      store.putSettings(TenantSettings.demoDefaults(DEMO_TENANT));
    }
    putIfAbsent(form);
  }

  /** Stores a form version unless that version exists; true when it was written. */
  public boolean putIfAbsent(QaForm form) {
    if (store.form(form.tenantId(), form.formId(), Optional.of(form.version())).isPresent()) {
      return false;
    }
    store.putForm(form);
    return true;
  }

  /** Reads and validates a form file (contract kind {@code qa-form}). */
  public static QaForm readForm(Path file) {
    try {
      return Json.mapper().readValue(Files.readAllBytes(file), QaForm.class).requireValid();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read QA form " + file + ": " + e.getMessage(), e);
    }
  }
}
