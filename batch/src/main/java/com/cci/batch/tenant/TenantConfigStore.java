package com.cci.batch.tenant;

import com.cci.batch.scoring.TenantSettings;
import com.cci.schemas.Json;
import com.cci.schemas.qa.QaForm;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Tenant configuration in DynamoDB (AWS SDK v2), one item collection per tenant:
 *
 * <ul>
 *   <li>{@code pk=TENANT#<id>, sk=META}: {@code modelId}, {@code inputPricePerMillion}, {@code
 *       outputPricePerMillion}, optional {@code passThreshold}, {@code defaultFormId};
 *   <li>{@code pk=TENANT#<id>, sk=QA_FORM#<formId>#v<n>}: {@code formId}, {@code version} (number)
 *       and {@code form} (the form's JSON, contract kind {@code qa-form}).
 * </ul>
 *
 * Form versions are immutable: putting an existing version fails; a change is a new version. The
 * latest version is the highest {@code n} (compared as numbers, not as sort-key text).
 */
public final class TenantConfigStore {
  /** Default table name. */
  public static final String DEFAULT_TABLE = "cci-tenant-config";

  private static final Pattern FORM_SK = Pattern.compile("^QA_FORM#(.+)#v(\\d+)$");

  private final DynamoDbClient ddb;
  private final String table;

  public TenantConfigStore(DynamoDbClient ddb, String table) {
    this.ddb = ddb;
    this.table = table;
  }

  public String table() {
    return table;
  }

  static String pk(String tenantId) {
    return "TENANT#" + tenantId;
  }

  static String formSk(String formId, int version) {
    return "QA_FORM#" + formId + "#v" + version;
  }

  /** Creates the table (on-demand billing) unless it exists, and waits until it is active. */
  public void createTableIfMissing() {
    try {
      ddb.describeTable(DescribeTableRequest.builder().tableName(table).build());
      return;
    } catch (ResourceNotFoundException e) {
      // create below
    }
    ddb.createTable(
        CreateTableRequest.builder()
            .tableName(table)
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .attributeDefinitions(
                AttributeDefinition.builder()
                    .attributeName("pk")
                    .attributeType(ScalarAttributeType.S)
                    .build(),
                AttributeDefinition.builder()
                    .attributeName("sk")
                    .attributeType(ScalarAttributeType.S)
                    .build())
            .keySchema(
                KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
            .build());
    for (int i = 0; i < 100; i++) {
      TableStatus s =
          ddb.describeTable(DescribeTableRequest.builder().tableName(table).build())
              .table()
              .tableStatus();
      if (s == TableStatus.ACTIVE) {
        return;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted waiting for table " + table, e);
      }
    }
    throw new IllegalStateException("table " + table + " did not become ACTIVE");
  }

  /** Writes (replaces) a tenant's settings. */
  public void putSettings(TenantSettings s) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("pk", str(pk(s.tenantId())));
    item.put("sk", str("META"));
    item.put("tenantId", str(s.tenantId()));
    item.put("modelId", str(s.modelId()));
    item.put("inputPricePerMillion", num(s.inputPricePerMillion()));
    item.put("outputPricePerMillion", num(s.outputPricePerMillion()));
    if (s.passThreshold() != null) {
      item.put("passThreshold", num(s.passThreshold()));
    }
    item.put("defaultFormId", str(s.defaultFormId()));
    ddb.putItem(PutItemRequest.builder().tableName(table).item(item).build());
  }

  /** A tenant's settings, if it has a {@code META} item. */
  public Optional<TenantSettings> settings(String tenantId) {
    GetItemResponse r =
        ddb.getItem(
            b ->
                b.tableName(table)
                    .consistentRead(true)
                    .key(Map.of("pk", str(pk(tenantId)), "sk", str("META"))));
    if (!r.hasItem() || r.item().isEmpty()) {
      return Optional.empty();
    }
    Map<String, AttributeValue> i = r.item();
    return Optional.of(
        new TenantSettings(
            tenantId,
            i.get("modelId").s(),
            Double.parseDouble(i.get("inputPricePerMillion").n()),
            Double.parseDouble(i.get("outputPricePerMillion").n()),
            i.containsKey("passThreshold") ? Double.valueOf(i.get("passThreshold").n()) : null,
            i.get("defaultFormId").s()));
  }

  /**
   * Stores a new form version after validating it.
   *
   * @throws IllegalArgumentException when the form is invalid or that version already exists
   */
  public void putForm(QaForm form) {
    form.requireValid();
    String json;
    try {
      json = Json.mapper().writeValueAsString(form);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot serialise form " + form.formId(), e);
    }
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("pk", str(pk(form.tenantId())));
    item.put("sk", str(formSk(form.formId(), form.version())));
    item.put("formId", str(form.formId()));
    item.put("version", num(form.version()));
    item.put("title", str(form.title()));
    item.put("form", str(json));
    try {
      ddb.putItem(
          PutItemRequest.builder()
              .tableName(table)
              .item(item)
              .conditionExpression("attribute_not_exists(pk)")
              .build());
    } catch (ConditionalCheckFailedException e) {
      throw new IllegalArgumentException(
          "form '"
              + form.formId()
              + "' v"
              + form.version()
              + " of tenant "
              + form.tenantId()
              + " already exists; versions are immutable, put version "
              + (latestVersion(form.tenantId(), form.formId()).orElse(form.version()) + 1),
          e);
    }
  }

  /** A summary line of a stored form version. */
  public record FormVersion(String tenantId, String formId, int version, String title) {}

  /** Every form version of a tenant, by form id then version. */
  public List<FormVersion> listForms(String tenantId) {
    List<FormVersion> out = new ArrayList<>();
    for (Map<String, AttributeValue> i : queryForms(tenantId, "QA_FORM#")) {
      Matcher m = FORM_SK.matcher(i.get("sk").s());
      if (m.matches()) {
        out.add(
            new FormVersion(
                tenantId,
                m.group(1),
                Integer.parseInt(m.group(2)),
                i.containsKey("title") ? i.get("title").s() : null));
      }
    }
    out.sort(Comparator.comparing(FormVersion::formId).thenComparingInt(FormVersion::version));
    return out;
  }

  /** The highest stored version of a form. */
  public Optional<Integer> latestVersion(String tenantId, String formId) {
    return listForms(tenantId).stream()
        .filter(f -> f.formId().equals(formId))
        .map(FormVersion::version)
        .max(Integer::compare);
  }

  /** One form version; with {@code version} empty, the latest. */
  public Optional<QaForm> form(String tenantId, String formId, Optional<Integer> version) {
    Optional<Integer> v = version.isPresent() ? version : latestVersion(tenantId, formId);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    GetItemResponse r =
        ddb.getItem(
            b ->
                b.tableName(table)
                    .consistentRead(true)
                    .key(Map.of("pk", str(pk(tenantId)), "sk", str(formSk(formId, v.get())))));
    if (!r.hasItem() || r.item().isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          Json.mapper().readValue(r.item().get("form").s(), QaForm.class).requireValid());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "stored form " + formId + " v" + v.get() + " of " + tenantId + " is not valid JSON", e);
    }
  }

  /**
   * The configuration the job scores a tenant with: its settings and the latest version of its
   * default form.
   */
  public Optional<TenantConfig> config(String tenantId) {
    Optional<TenantSettings> s = settings(tenantId);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    return form(tenantId, s.get().defaultFormId(), Optional.empty())
        .map(f -> new TenantConfig(s.get(), f));
  }

  private List<Map<String, AttributeValue>> queryForms(String tenantId, String prefix) {
    List<Map<String, AttributeValue>> out = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      QueryRequest.Builder q =
          QueryRequest.builder()
              .tableName(table)
              .consistentRead(true)
              .keyConditionExpression("pk = :pk AND begins_with(sk, :p)")
              .projectionExpression("pk, sk, title")
              .expressionAttributeValues(Map.of(":pk", str(pk(tenantId)), ":p", str(prefix)));
      if (start != null) {
        q.exclusiveStartKey(start);
      }
      QueryResponse r = ddb.query(q.build());
      out.addAll(r.items());
      start =
          r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
    } while (start != null);
    return out;
  }

  private static AttributeValue str(String s) {
    return AttributeValue.builder().s(s).build();
  }

  private static AttributeValue num(double d) {
    return AttributeValue.builder().n(Double.toString(d)).build();
  }

  private static AttributeValue num(int i) {
    return AttributeValue.builder().n(Integer.toString(i)).build();
  }
}
