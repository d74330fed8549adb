package com.cci.schemas.validation;

import com.cci.schemas.Json;
import com.cci.schemas.SchemaKind;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates records against the contract's JSON Schemas (draft 2020-12, loaded from the classpath,
 * {@code $ref}s between schema files resolved locally, formats asserted).
 *
 * <p>Thread-safe; schemas are compiled once per instance. Use {@link #shared()} unless you need
 * isolation. Serializable so a Flink/Spark function can hold one (schemas recompile lazily).
 */
public final class ContractValidator implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final ContractValidator SHARED = new ContractValidator();

  private transient volatile Map<SchemaKind, JsonSchema> schemas;

  public static ContractValidator shared() {
    return SHARED;
  }

  private Map<SchemaKind, JsonSchema> schemas() {
    Map<SchemaKind, JsonSchema> s = schemas;
    if (s == null) {
      synchronized (this) {
        s = schemas;
        if (s == null) {
          s = compileAll();
          schemas = s;
        }
      }
    }
    return s;
  }

  private static Map<SchemaKind, JsonSchema> compileAll() {
    JsonSchemaFactory factory =
        JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            b -> b.schemaMappers(m -> m.mapPrefix(SchemaKind.ID_PREFIX, "classpath:schemas/")));
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .pathType(com.networknt.schema.PathType.JSON_PATH)
            .build();
    Map<SchemaKind, JsonSchema> out = new EnumMap<>(SchemaKind.class);
    for (SchemaKind kind : SchemaKind.values()) {
      if (ContractValidator.class.getClassLoader().getResource(kind.schemaResource()) == null) {
        continue; // reported per record by schema(kind)
      }
      JsonSchema schema = factory.getSchema(SchemaLocation.of(kind.schemaUri()), config);
      schema.initializeValidators();
      out.put(kind, schema);
    }
    return out;
  }

  private JsonSchema schema(SchemaKind kind) {
    JsonSchema schema = schemas().get(kind);
    if (schema == null) {
      throw new IllegalStateException("no schema on the classpath at " + kind.schemaResource());
    }
    return schema;
  }

  /** Validates an already-parsed JSON tree. */
  public ValidationResult validate(SchemaKind kind, JsonNode record, String recordRef) {
    Set<ValidationMessage> messages = schema(kind).validate(record);
    List<Violation> violations = new ArrayList<>(messages.size());
    for (ValidationMessage m : messages) {
      violations.add(
          new Violation(
              m.getInstanceLocation() == null ? "$" : m.getInstanceLocation().toString(),
              m.getType(),
              m.getMessage()));
    }
    violations.sort(Comparator.comparing(Violation::path).thenComparing(Violation::rule));
    return new ValidationResult(kind, recordRef, violations);
  }

  /** Validates JSON text; text that is not a JSON object is a {@code json} violation. */
  public ValidationResult validate(SchemaKind kind, String json, String recordRef) {
    JsonNode node;
    try {
      node = Json.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      return new ValidationResult(
          kind,
          recordRef,
          List.of(new Violation("$", "json", "not JSON: " + e.getOriginalMessage())));
    }
    if (node == null || !node.isObject()) {
      return new ValidationResult(
          kind,
          recordRef,
          List.of(
              new Violation(
                  "$",
                  "json",
                  "expected a JSON object, got "
                      + (node == null ? "nothing" : node.getNodeType()))));
    }
    return validate(kind, node, recordRef);
  }

  /**
   * Validates a file: one JSON object (possibly pretty-printed), or JSON Lines with one record per
   * non-blank line. Returns one result per record, in file order.
   */
  public List<ValidationResult> validateFile(SchemaKind kind, Path file) throws IOException {
    String name = file.getFileName().toString();
    String text = Files.readString(file, StandardCharsets.UTF_8);
    String trimmed = text.strip();
    List<ValidationResult> results = new ArrayList<>();
    if (trimmed.isEmpty()) {
      results.add(
          new ValidationResult(kind, name, List.of(new Violation("$", "json", "empty file"))));
      return results;
    }
    if (!name.endsWith(".jsonl") && !name.endsWith(".ndjson") && isSingleDocument(trimmed)) {
      results.add(validate(kind, trimmed, name));
      return results;
    }
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int lineNo = 0;
      while ((line = reader.readLine()) != null) {
        lineNo++;
        if (!line.isBlank()) {
          results.add(validate(kind, line, name + ":" + lineNo));
        }
      }
    }
    return results;
  }

  private static boolean isSingleDocument(String text) {
    try (var parser = Json.mapper().createParser(text)) {
      Json.mapper().readTree(parser);
      return parser.nextToken() == null;
    } catch (IOException e) {
      return false;
    }
  }
}
