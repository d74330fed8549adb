package com.cci.batch.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A local stand-in for the AWS Glue Data Catalog, for tests: an HTTP server on 127.0.0.1 that
 * speaks Glue's JSON 1.1 protocol ({@code POST /}, {@code X-Amz-Target: AWSGlue.<Operation>},
 * {@code application/x-amz-json-1.1}), keeps databases, tables and partitions in memory and records
 * every request, so the real SDK v2 {@code GlueClient} runs against it through {@code
 * endpointOverride}.
 *
 * <p>Operations: CreateDatabase, GetDatabase, GetDatabases, UpdateDatabase, DeleteDatabase,
 * CreateTable, UpdateTable, GetTable, GetTables, DeleteTable, BatchCreatePartition, GetPartition,
 * GetPartitions. Errors have Glue's shapes ({@code __type} + {@code Message}, HTTP 400): {@code
 * AlreadyExistsException}, {@code EntityNotFoundException}, {@code InvalidInputException}. As in
 * Glue, database and table names are stored in lower case. Partition expressions support {@code key
 * = 'v'}, {@code <>}, {@code <}, {@code <=}, {@code >}, {@code >=} joined by {@code AND}.
 */
public final class LocalGlue implements AutoCloseable {
  static {
    LocalHttp.configure();
  }

  static final String CATALOG_ID = LocalBedrock.ACCOUNT;
  private static final ObjectMapper M = LocalBedrock.mapper();

  /**
   * One request received.
   *
   * @param operation the operation, e.g. {@code CreateTable}
   * @param body the request body as sent
   */
  public record Request(String operation, JsonNode body) {}

  private static final class Table {
    ObjectNode table;
    final Map<List<String>, ObjectNode> partitions = new LinkedHashMap<>();
  }

  private static final class Database {
    ObjectNode database;
    final Map<String, Table> tables = new TreeMap<>();
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<String, Database> databases = new TreeMap<>();
  private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

  private LocalGlue(int port) throws IOException {
    executor =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "local-glue");
              t.setDaemon(true);
              return t;
            });
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts a Glue stand-in on a free port. */
  public static LocalGlue start() {
    return start(0);
  }

  /** Starts a Glue stand-in on {@code port} (0 = a free port). */
  public static LocalGlue start(int port) {
    try {
      return new LocalGlue(port);
    } catch (IOException e) {
      throw new UncheckedIOException("local Glue could not start on port " + port, e);
    }
  }

  /** The endpoint for {@code GlueClient.builder().endpointOverride(...)}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Every request received, in order. */
  public List<Request> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /** The requests of one operation, in order. */
  public List<Request> requests(String operation) {
    return requests().stream().filter(r -> r.operation().equals(operation)).toList();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ------------------------------------------------------------------ HTTP

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      byte[] bytes = ex.getRequestBody().readAllBytes();
      String target = ex.getRequestHeaders().getFirst("X-Amz-Target");
      try {
        if (!"POST".equals(ex.getRequestMethod())
            || target == null
            || !target.startsWith("AWSGlue.")) {
          throw new AwsServiceError(
              "UnknownOperationException",
              400,
              "expected POST / with X-Amz-Target: AWSGlue.<Operation>");
        }
        String op = target.substring("AWSGlue.".length());
        JsonNode body = LocalBedrock.parse(bytes);
        requests.add(new Request(op, body));
        JsonNode reply;
        synchronized (databases) {
          reply = dispatch(op, body);
        }
        send(ex, 200, reply, null);
      } catch (AwsServiceError e) {
        ObjectNode err = M.createObjectNode();
        err.put("__type", e.code());
        err.put("Message", e.getMessage());
        send(ex, e.status(), err, e.code());
      } catch (RuntimeException e) {
        ObjectNode err = M.createObjectNode();
        err.put("__type", "InternalServiceException");
        err.put("Message", "local Glue failed: " + e);
        send(ex, 500, err, "InternalServiceException");
      }
    }
  }

  private static void send(HttpExchange ex, int status, JsonNode body, String errorType)
      throws IOException {
    byte[] out = M.writeValueAsBytes(body);
    ex.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
    ex.getResponseHeaders().set("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
    if (errorType != null) {
      ex.getResponseHeaders().set("x-amzn-ErrorType", errorType);
    }
    ex.sendResponseHeaders(status, out.length);
    try (OutputStream os = ex.getResponseBody()) {
      os.write(out);
    }
  }

  private JsonNode dispatch(String op, JsonNode b) {
    switch (op) {
      case "CreateDatabase":
        return createDatabase(b);
      case "GetDatabase":
        return single("Database", database(required(b, "Name")).database);
      case "GetDatabases":
        return page(
            b,
            "DatabaseList",
            databases.values().stream().map(d -> (JsonNode) d.database).toList());
      case "UpdateDatabase":
        return updateDatabase(b);
      case "DeleteDatabase":
        database(required(b, "Name"));
        databases.remove(name(required(b, "Name")));
        return M.createObjectNode();
      case "CreateTable":
        return createTable(b);
      case "UpdateTable":
        return updateTable(b);
      case "GetTable":
        return single("Table", table(required(b, "DatabaseName"), required(b, "Name")).table);
      case "GetTables":
        return getTables(b);
      case "DeleteTable":
        table(required(b, "DatabaseName"), required(b, "Name"));
        database(required(b, "DatabaseName")).tables.remove(name(required(b, "Name")));
        return M.createObjectNode();
      case "BatchCreatePartition":
        return batchCreatePartition(b);
      case "GetPartition":
        return getPartition(b);
      case "GetPartitions":
        return getPartitions(b);
      default:
        throw new AwsServiceError(
            "UnknownOperationException", 400, "local Glue does not implement " + op);
    }
  }

  // ------------------------------------------------------------------ databases

  private JsonNode createDatabase(JsonNode b) {
    JsonNode in = requiredObject(b, "DatabaseInput");
    String name = name(required(in, "Name"));
    if (databases.containsKey(name)) {
      throw new AwsServiceError("AlreadyExistsException", 400, "Database already exists.");
    }
    Database d = new Database();
    d.database = databaseFrom(in, name, now());
    databases.put(name, d);
    return M.createObjectNode();
  }

  private JsonNode updateDatabase(JsonNode b) {
    Database d = database(required(b, "Name"));
    JsonNode in = requiredObject(b, "DatabaseInput");
    String newName = name(required(in, "Name"));
    if (!newName.equals(d.database.path("Name").asText())) {
      throw new AwsServiceError("InvalidInputException", 400, "Database name cannot be changed.");
    }
    d.database = databaseFrom(in, newName, d.database.path("CreateTime").asDouble());
    return M.createObjectNode();
  }

  private static ObjectNode databaseFrom(JsonNode in, String name, double createTime) {
    ObjectNode db = ((ObjectNode) in).deepCopy();
    db.put("Name", name);
    db.put("CreateTime", createTime);
    db.put("CatalogId", CATALOG_ID);
    return db;
  }

  private Database database(String rawName) {
    Database d = databases.get(name(rawName));
    if (d == null) {
      throw new AwsServiceError(
          "EntityNotFoundException", 400, "Database " + rawName + " not found.");
    }
    return d;
  }

  // ------------------------------------------------------------------ tables

  private JsonNode createTable(JsonNode b) {
    Database d = database(required(b, "DatabaseName"));
    JsonNode in = requiredObject(b, "TableInput");
    String name = name(required(in, "Name"));
    if (d.tables.containsKey(name)) {
      throw new AwsServiceError("AlreadyExistsException", 400, "Table already exists.");
    }
    Table t = new Table();
    double now = now();
    t.table = tableFrom(in, d, name, now, now, 0);
    d.tables.put(name, t);
    return M.createObjectNode();
  }

  private JsonNode updateTable(JsonNode b) {
    Database d = database(required(b, "DatabaseName"));
    JsonNode in = requiredObject(b, "TableInput");
    Table t = table(required(b, "DatabaseName"), required(in, "Name"));
    int version = Integer.parseInt(t.table.path("VersionId").asText("0")) + 1;
    t.table =
        tableFrom(
            in,
            d,
            name(required(in, "Name")),
            t.table.path("CreateTime").asDouble(),
            now(),
            version);
    return M.createObjectNode();
  }

  private static ObjectNode tableFrom(
      JsonNode in, Database d, String name, double created, double updated, int version) {
    ObjectNode t = ((ObjectNode) in).deepCopy();
    validateColumns(t.path("PartitionKeys"), "TableInput.PartitionKeys");
    validateColumns(
        t.path("StorageDescriptor").path("Columns"), "TableInput.StorageDescriptor.Columns");
    t.put("Name", name);
    t.put("DatabaseName", d.database.path("Name").asText());
    t.put("CreateTime", created);
    t.put("UpdateTime", updated);
    t.put("IsRegisteredWithLakeFormation", false);
    t.put("CatalogId", CATALOG_ID);
    t.put("VersionId", Integer.toString(version));
    if (!t.has("PartitionKeys")) {
      t.putArray("PartitionKeys");
    }
    return t;
  }

  private static void validateColumns(JsonNode cols, String where) {
    for (JsonNode c : cols) {
      if (c.path("Name").asText("").isBlank()) {
        throw new AwsServiceError(
            "InvalidInputException", 400, where + ": every column needs a Name");
      }
    }
  }

  private JsonNode getTables(JsonNode b) {
    Database d = database(required(b, "DatabaseName"));
    String expr = b.path("Expression").asText(null);
    Pattern p =
        expr == null ? null : Pattern.compile(expr.replace("*", ".*"), Pattern.CASE_INSENSITIVE);
    List<JsonNode> list = new ArrayList<>();
    for (Table t : d.tables.values()) {
      if (p == null || p.matcher(t.table.path("Name").asText()).matches()) {
        list.add(t.table);
      }
    }
    return page(b, "TableList", list);
  }

  private Table table(String db, String rawName) {
    Table t = database(db).tables.get(name(rawName));
    if (t == null) {
      throw new AwsServiceError("EntityNotFoundException", 400, "Table " + rawName + " not found.");
    }
    return t;
  }

  // ------------------------------------------------------------------ partitions

  private JsonNode batchCreatePartition(JsonNode b) {
    Table t = table(required(b, "DatabaseName"), required(b, "TableName"));
    JsonNode list = b.path("PartitionInputList");
    if (!list.isArray()) {
      throw new AwsServiceError("InvalidInputException", 400, "PartitionInputList is required");
    }
    if (list.size() > 100) {
      throw new AwsServiceError(
          "InvalidInputException",
          400,
          "1 validation error detected: Value at 'partitionInputList' failed to satisfy constraint: Member must have length less than or equal to 100");
    }
    int keys = t.table.path("PartitionKeys").size();
    ObjectNode out = M.createObjectNode();
    ArrayNode errors = out.putArray("Errors");
    for (JsonNode in : list) {
      List<String> values = new ArrayList<>();
      in.path("Values").forEach(v -> values.add(v.asText()));
      String code = null;
      String message = null;
      if (values.size() != keys) {
        code = "InvalidInputException";
        message = "The number of partition keys do not match the number of partition values";
      } else if (t.partitions.containsKey(values)) {
        code = "AlreadyExistsException";
        message = "Partition already exists.";
      }
      if (code != null) {
        ObjectNode e = errors.addObject();
        ArrayNode pv = e.putArray("PartitionValues");
        values.forEach(pv::add);
        e.putObject("ErrorDetail").put("ErrorCode", code).put("ErrorMessage", message);
        continue;
      }
      ObjectNode p = ((ObjectNode) in).deepCopy();
      p.put("DatabaseName", t.table.path("DatabaseName").asText());
      p.put("TableName", t.table.path("Name").asText());
      p.put("CreationTime", now());
      p.put("CatalogId", CATALOG_ID);
      t.partitions.put(values, p);
    }
    if (errors.isEmpty()) {
      out.remove("Errors");
    }
    return out;
  }

  private JsonNode getPartition(JsonNode b) {
    Table t = table(required(b, "DatabaseName"), required(b, "TableName"));
    List<String> values = new ArrayList<>();
    b.path("PartitionValues").forEach(v -> values.add(v.asText()));
    ObjectNode p = t.partitions.get(values);
    if (p == null) {
      throw new AwsServiceError("EntityNotFoundException", 400, "Cannot find partition.");
    }
    return single("Partition", p);
  }

  private JsonNode getPartitions(JsonNode b) {
    Table t = table(required(b, "DatabaseName"), required(b, "TableName"));
    List<String> keys = new ArrayList<>();
    t.table
        .path("PartitionKeys")
        .forEach(k -> keys.add(k.path("Name").asText().toLowerCase(Locale.ROOT)));
    PartitionFilter filter = PartitionFilter.parse(b.path("Expression").asText(null), keys);
    List<JsonNode> list = new ArrayList<>();
    for (Map.Entry<List<String>, ObjectNode> e : t.partitions.entrySet()) {
      if (filter.matches(e.getKey())) {
        list.add(e.getValue());
      }
    }
    return page(b, "Partitions", list);
  }

  // ------------------------------------------------------------------ helpers

  private static ObjectNode single(String field, JsonNode value) {
    ObjectNode o = M.createObjectNode();
    o.set(field, value.deepCopy());
    return o;
  }

  private static ObjectNode page(JsonNode b, String field, List<JsonNode> all) {
    int start = b.hasNonNull("NextToken") ? Integer.parseInt(b.get("NextToken").asText()) : 0;
    int max = b.path("MaxResults").asInt(100);
    ObjectNode o = M.createObjectNode();
    ArrayNode arr = o.putArray(field);
    int end = Math.min(all.size(), start + max);
    for (int i = start; i < end; i++) {
      arr.add(all.get(i).deepCopy());
    }
    if (end < all.size()) {
      o.put("NextToken", Integer.toString(end));
    }
    return o;
  }

  private static String required(JsonNode b, String field) {
    String v = b.path(field).asText(null);
    if (v == null || v.isBlank()) {
      throw new AwsServiceError("InvalidInputException", 400, field + " is required");
    }
    return v;
  }

  private static JsonNode requiredObject(JsonNode b, String field) {
    JsonNode v = b.get(field);
    if (v == null || !v.isObject()) {
      throw new AwsServiceError("InvalidInputException", 400, field + " is required");
    }
    return v;
  }

  private static String name(String raw) {
    return raw.toLowerCase(Locale.ROOT);
  }

  private static double now() {
    Instant t = Instant.now();
    return t.getEpochSecond() + t.getNano() / 1_000_000 / 1000.0;
  }
}
