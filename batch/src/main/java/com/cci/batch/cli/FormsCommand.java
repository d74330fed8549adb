package com.cci.batch.cli;

import com.cci.batch.tenant.TenantConfigStore;
import com.cci.batch.tenant.TenantSeeder;
import com.cci.local.AwsClients;
import com.cci.schemas.Json;
import com.cci.schemas.qa.QaForm;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code ./cci qa forms put|list|get|seed-demo}: the tenants' QA forms in the DynamoDB tenant table
 * at the configured endpoint ({@code AWS_ENDPOINT_URL_DYNAMODB}, e.g. from {@code ./cci stack
 * start}) or in AWS.
 */
@Command(
    name = "forms",
    mixinStandardHelpOptions = true,
    description = "Manage QA forms (versioned) in the DynamoDB tenant table.",
    subcommands = {
      FormsCommand.Put.class,
      FormsCommand.ListForms.class,
      FormsCommand.Get.class,
      FormsCommand.SeedDemo.class
    })
public final class FormsCommand implements Runnable {
  @ParentCommand QaCommand parent;

  @Option(
      names = "--table",
      defaultValue = TenantConfigStore.DEFAULT_TABLE,
      description = "tenant table. Default: ${DEFAULT-VALUE}")
  String table;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        new picocli.CommandLine(this), "choose put, list, get or seed-demo");
  }

  <T> T withStore(java.util.function.Function<TenantConfigStore, T> f) {
    try (DynamoDbClient ddb = AwsClients.defaults().dynamoDb()) {
      TenantConfigStore store = new TenantConfigStore(ddb, table);
      return f.apply(store);
    }
  }

  @Command(
      name = "put",
      mixinStandardHelpOptions = true,
      description = "Store a new form version from a qa-form JSON file (versions are immutable).")
  static final class Put implements Callable<Integer> {
    @ParentCommand FormsCommand forms;

    @Option(names = "--file", required = true, description = "qa-form JSON file")
    Path file;

    @Override
    public Integer call() {
      QaForm form = TenantSeeder.readForm(file);
      forms.withStore(
          s -> {
            s.createTableIfMissing();
            s.putForm(form);
            return null;
          });
      System.out.printf(
          "stored form %s v%d of tenant %s (%d criteria)%n",
          form.formId(), form.version(), form.tenantId(), form.allCriteria().size());
      return 0;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List a tenant's form versions.")
  static final class ListForms implements Callable<Integer> {
    @ParentCommand FormsCommand forms;

    @Option(names = "--tenant", required = true)
    String tenant;

    @Override
    public Integer call() {
      var list = forms.withStore(s -> s.listForms(tenant));
      if (list.isEmpty()) {
        System.out.println("no forms for tenant " + tenant);
      }
      list.forEach(f -> System.out.printf("%s\tv%d\t%s%n", f.formId(), f.version(), f.title()));
      return 0;
    }
  }

  @Command(
      name = "get",
      mixinStandardHelpOptions = true,
      description = "Print a form version as JSON (default: the latest).")
  static final class Get implements Callable<Integer> {
    @ParentCommand FormsCommand forms;

    @Option(names = "--tenant", required = true)
    String tenant;

    @Option(
        names = "--form",
        defaultValue = "default",
        description = "form id. Default: ${DEFAULT-VALUE}")
    String formId;

    @Option(names = "--version")
    Integer version;

    @Override
    public Integer call() throws Exception {
      Optional<QaForm> f =
          forms.withStore(s -> s.form(tenant, formId, Optional.ofNullable(version)));
      if (f.isEmpty()) {
        System.err.printf(
            "no form %s%s for tenant %s%n", formId, version == null ? "" : " v" + version, tenant);
        return 1;
      }
      System.out.println(
          Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(f.get()));
      return 0;
    }
  }

  @Command(
      name = "seed-demo",
      mixinStandardHelpOptions = true,
      description = "Create the table and seed demo-tenant with its default form and settings.")
  static final class SeedDemo implements Callable<Integer> {
    @ParentCommand FormsCommand forms;

    @Override
    public Integer call() {
      forms.withStore(
          s -> {
            new TenantSeeder(s).seedDemo();
            return null;
          });
      System.out.println("seeded demo-tenant in " + forms.table);
      return 0;
    }
  }
}
