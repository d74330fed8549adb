package com.cci.fulfillment.sandbox;

import com.cci.fulfillment.bank.BankModels.ApiError;
import com.cci.fulfillment.bank.BankModels.Balance;
import com.cci.fulfillment.bank.BankModels.ContactUpdate;
import com.cci.fulfillment.bank.BankModels.DisputeRequest;
import com.cci.fulfillment.bank.BankModels.FreezeRequest;
import com.cci.fulfillment.bank.BankModels.Page;
import com.cci.fulfillment.bank.BankModels.PinVerification;
import com.cci.fulfillment.bank.BankModels.TransferRequest;
import com.cci.fulfillment.sandbox.SandboxLedger.LedgerException;
import com.cci.schemas.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * An embedded core bank implementing {@code openapi/core-banking.yaml} over HTTP on 127.0.0.1 and a
 * random port, for local runs, tests and load tests. Seeded from {@code sandbox/customers.json};
 * faults are injected through {@link SandboxFaults}, switchable while running.
 */
public final class SandboxBank implements AutoCloseable {
  static {
    // TCP_NODELAY for the JDK HTTP server (read once, when its configuration class loads): without
    // it every small reply waits for the client's delayed ACK, ~40 ms a call.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  /** Maximum accepted request body. */
  static final int MAX_BODY_BYTES = 16 * 1024;

  private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private final SandboxLedger ledger;
  private final SandboxFaults faults;
  private final ObjectMapper mapper = Json.mapper();

  /**
   * One store for every keyed operation: a key names one request, so reusing it for another
   * operation (a different request type, never equal) is a 409 like reusing it with another body.
   */
  private final IdempotencyStore<Object, Reply> keyed = new IdempotencyStore<>();

  private final AtomicLong requests = new AtomicLong();
  private HttpServer server;
  private ExecutorService executor;

  private record Reply(int status, byte[] body) {}

  /** The normalised identity of a contact-detail change, for idempotency comparisons. */
  private record ContactChange(String customerId, ContactUpdate update) {}

  /** The identity of an account freeze, for idempotency comparisons. */
  private record Freeze(String accountNumber, FreezeRequest request) {}

  public SandboxBank(SandboxLedger ledger, SandboxFaults faults) {
    this.ledger = ledger;
    this.faults = faults;
  }

  /** A sandbox seeded from the default {@code customers.json}, no faults. */
  public static SandboxBank withDefaultSeed() {
    return new SandboxBank(SandboxLedger.fromDefaultSeed(Clock.systemUTC()), SandboxFaults.none());
  }

  /** Binds 127.0.0.1 on a random free port and starts serving. */
  public synchronized SandboxBank start() throws IOException {
    if (server != null) {
      throw new IllegalStateException("already started");
    }
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
    executor =
        Executors.newFixedThreadPool(
            32,
            r -> {
              Thread t = new Thread(r, "sandbox-bank");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
    return this;
  }

  /** Base URI such as {@code http://127.0.0.1:54321}. */
  public URI baseUri() {
    if (server == null) {
      throw new IllegalStateException("not started");
    }
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public SandboxFaults faults() {
    return faults;
  }

  public SandboxLedger ledger() {
    return ledger;
  }

  /** Requests received so far (including fault-injected ones). */
  public long requestCount() {
    return requests.get();
  }

  /** Stops the server at once and interrupts in-flight (e.g. delayed) requests. */
  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
      try {
        executor.awaitTermination(2, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      server = null;
    }
  }

  private void handle(HttpExchange ex) throws IOException {
    requests.incrementAndGet();
    try (ex) {
      Reply reply;
      try {
        long delay = faults.latency().toMillis();
        if (delay > 0) {
          Thread.sleep(delay);
        }
        if (faults.shouldFail()
            || faults.failsRequest(ex.getRequestMethod() + " " + ex.getRequestURI().getPath())) {
          reply = error(503, "SERVICE_UNAVAILABLE", "core banking is temporarily unavailable");
        } else {
          reply = route(ex);
          if (faults.loseThisReply()) {
            reply = error(503, "SERVICE_UNAVAILABLE", "reply lost (injected fault)");
          }
        }
      } catch (LedgerException e) {
        reply = error(e.status, e.code, e.getMessage());
      } catch (BadRequest e) {
        reply = error(400, "INVALID_REQUEST", e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        reply = error(503, "SERVICE_UNAVAILABLE", "shutting down");
      } catch (RuntimeException e) {
        reply = error(500, "INTERNAL_ERROR", "unexpected error");
      }
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(reply.status(), reply.body().length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(reply.body());
      }
    }
  }

  private static final class BadRequest extends RuntimeException {
    BadRequest(String message) {
      super(message);
    }
  }

  private Reply route(HttpExchange ex) throws IOException {
    String method = ex.getRequestMethod();
    String[] p = ex.getRequestURI().getPath().replaceAll("^/+|/+$", "").split("/");
    Map<String, String> q = query(ex.getRequestURI().getRawQuery());
    boolean get = method.equals("GET");
    boolean post = method.equals("POST");
    boolean put = method.equals("PUT");
    if (p[0].equals("customers")) {
      if (p.length == 1 && get) {
        return lookup(q);
      }
      if (p.length == 2 && get) {
        return ok(ledger.customer(p[1]));
      }
      if (p.length == 3 && get && p[2].equals("accounts")) {
        return ok(new Page<>(ledger.accounts(p[1])));
      }
      if (p.length == 3 && get && p[2].equals("cards")) {
        return ok(new Page<>(ledger.cards(p[1])));
      }
      if (p.length == 4 && post && p[2].equals("cards") && p[3].equals("activation")) {
        String last4 = text(body(ex), "last4");
        if (!last4.matches("\\d{4}")) {
          throw new BadRequest("last4 must be 4 digits");
        }
        return ok(ledger.activateCard(p[1], last4));
      }
      if (p.length == 5 && post && p[2].equals("cards") && p[4].equals("block")) {
        return ok(ledger.blockCard(p[1], p[3]));
      }
      if (p.length == 3 && put && p[2].equals("contact-details")) {
        return updateContact(ex, p[1]);
      }
      if (p.length == 3 && get && p[2].equals("loans")) {
        return ok(new Page<>(ledger.loans(p[1])));
      }
      if (p.length == 4 && get && p[2].equals("loans")) {
        return ok(ledger.loan(p[1], p[3]));
      }
      if (p.length == 3 && post && p[2].equals("pin-verification")) {
        JsonNode body = body(ex);
        String pin = text(body, "pin");
        if (!pin.matches("\\d{4,6}")) {
          throw new BadRequest("pin must be 4-6 digits");
        }
        return ok(new PinVerification(ledger.verifyPin(p[1], pin)));
      }
    } else if (p[0].equals("accounts") && p.length == 3 && post && p[2].equals("freeze")) {
      return freeze(ex, p[1]);
    } else if (p[0].equals("accounts") && p.length == 3 && get) {
      if (p[2].equals("balance")) {
        var a = ledger.account(p[1]);
        return ok(new Balance(a.number(), a.balance(), a.currency()));
      }
      if (p[2].equals("transactions")) {
        LocalDate from = date(q, "from");
        LocalDate to = date(q, "to");
        return ok(new Page<>(ledger.transactions(p[1], from, to)));
      }
    } else if (p[0].equals("transfers") && p.length == 1 && post) {
      return transfer(ex);
    } else if (p[0].equals("disputes") && p.length == 1 && post) {
      return dispute(ex);
    }
    return error(
        404, "NOT_FOUND", "no such resource: " + method + " " + ex.getRequestURI().getPath());
  }

  private Reply lookup(Map<String, String> q) {
    if (q.containsKey("phone")) {
      return ledger
          .customerByPhone(q.get("phone"))
          .map(this::ok)
          .orElseGet(() -> error(404, "CUSTOMER_NOT_FOUND", "no customer with this phone"));
    }
    if (q.containsKey("accountNumber")) {
      return ledger
          .customerByAccount(q.get("accountNumber"))
          .map(this::ok)
          .orElseGet(() -> error(404, "CUSTOMER_NOT_FOUND", "no customer with this account"));
    }
    throw new BadRequest("query parameter phone or accountNumber is required");
  }

  private static String idempotencyKey(HttpExchange ex) {
    String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
    if (key == null || !IDEMPOTENCY_KEY.matcher(key).matches()) {
      throw new BadRequest("header Idempotency-Key is required (1-128 of A-Z a-z 0-9 . _ : -)");
    }
    return key;
  }

  /**
   * Runs {@code action} once per key: a repeat (also a concurrent one) with an equal request gets
   * the first answer; another request under the same key is 409. Business refusals are final
   * answers for their key, replayed like successes; a crash forgets the key (nothing decided).
   */
  private Reply once(String key, Object request, java.util.function.Supplier<Reply> action) {
    var outcome =
        keyed.execute(
            key,
            request,
            () -> {
              try {
                return action.get();
              } catch (LedgerException e) {
                return error(e.status, e.code, e.getMessage());
              }
            });
    if (outcome instanceof IdempotencyStore.Fresh<Reply> f) {
      return f.answer();
    }
    if (outcome instanceof IdempotencyStore.Replayed<Reply> rep) {
      return rep.answer();
    }
    return error(
        409, "IDEMPOTENCY_KEY_REUSED", "Idempotency-Key was used with a different request");
  }

  private Reply updateContact(HttpExchange ex, String customerId) throws IOException {
    String key = idempotencyKey(ex);
    ContactUpdate u;
    try {
      u = mapper.treeToValue(body(ex), ContactUpdate.class);
    } catch (JsonProcessingException e) {
      // Jackson's message would quote the rejected value (PII): name the rule instead.
      throw new BadRequest("invalid contact-details body: type must be EMAIL or PHONE");
    }
    if (u.type() == null || u.value() == null) {
      throw new BadRequest("type (EMAIL or PHONE) and value (string) are required");
    }
    ContactUpdate normalised = new ContactUpdate(u.type(), u.value().trim());
    return once(
        key,
        new ContactChange(customerId, normalised),
        () -> ok(ledger.updateContact(customerId, normalised)));
  }

  /**
   * Freezing is idempotent by state; an {@code Idempotency-Key} is optional and, when sent, makes a
   * repeat return the original answer (also for a refusal) like the other keyed operations.
   */
  private Reply freeze(HttpExchange ex, String accountNumber) throws IOException {
    String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
    FreezeRequest r;
    try {
      r = mapper.treeToValue(body(ex), FreezeRequest.class);
    } catch (JsonProcessingException e) {
      throw new BadRequest(
          "invalid freeze body: reason must be CUSTOMER_REQUEST, LOST_OR_STOLEN or FRAUD_SUSPECTED");
    }
    if (r.customerId() == null || r.reason() == null) {
      throw new BadRequest("customerId and reason are required");
    }
    if (key == null) {
      return ok(ledger.freezeAccount(accountNumber, r));
    }
    return once(
        idempotencyKey(ex),
        new Freeze(accountNumber, r),
        () -> ok(ledger.freezeAccount(accountNumber, r)));
  }

  private Reply dispute(HttpExchange ex) throws IOException {
    String key = idempotencyKey(ex);
    DisputeRequest r;
    try {
      r = mapper.treeToValue(body(ex), DisputeRequest.class);
    } catch (JsonProcessingException e) {
      throw new BadRequest(
          "invalid dispute body: reason must be UNAUTHORIZED, NOT_RECEIVED, DUPLICATE,"
              + " INCORRECT_AMOUNT or OTHER; amount a number");
    }
    DisputeRequest normalised =
        new DisputeRequest(
            r.customerId(),
            r.accountNumber(),
            r.transactionId(),
            r.amount() == null ? null : r.amount().stripTrailingZeros(),
            r.reason());
    return once(
        key,
        normalised,
        () -> {
          try {
            return new Reply(201, mapper.writeValueAsBytes(ledger.openDispute(r)));
          } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private Reply transfer(HttpExchange ex) throws IOException {
    String key = idempotencyKey(ex);
    TransferRequest r;
    try {
      r = mapper.treeToValue(body(ex), TransferRequest.class);
    } catch (JsonProcessingException e) {
      throw new BadRequest("invalid transfer body: " + e.getOriginalMessage());
    }
    TransferRequest normalised =
        new TransferRequest(
            r.customerId(),
            r.type(),
            r.fromAccount(),
            r.toAccount(),
            r.amount() == null ? null : r.amount().stripTrailingZeros(),
            r.payeeName(),
            r.routingNumber());
    return once(
        key,
        normalised,
        () -> {
          try {
            return new Reply(201, mapper.writeValueAsBytes(ledger.transfer(r)));
          } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private JsonNode body(HttpExchange ex) throws IOException {
    try (InputStream in = ex.getRequestBody()) {
      byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
      if (bytes.length > MAX_BODY_BYTES) {
        throw new BadRequest("body larger than " + MAX_BODY_BYTES + " bytes");
      }
      JsonNode node = mapper.readTree(bytes);
      if (node == null || !node.isObject()) {
        throw new BadRequest("body must be a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new BadRequest("body is not valid JSON");
    }
  }

  private static String text(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || !v.isTextual()) {
      throw new BadRequest(field + " is required (string)");
    }
    return v.asText();
  }

  private static LocalDate date(Map<String, String> q, String name) {
    String v = q.get(name);
    if (v == null) {
      throw new BadRequest("query parameter " + name + " (YYYY-MM-DD) is required");
    }
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw new BadRequest(name + " must be a date YYYY-MM-DD");
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> q = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return q;
    }
    for (String part : raw.split("&")) {
      int eq = part.indexOf('=');
      String k = eq < 0 ? part : part.substring(0, eq);
      String v = eq < 0 ? "" : part.substring(eq + 1);
      q.put(
          URLDecoder.decode(k, StandardCharsets.UTF_8),
          URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return q;
  }

  private Reply ok(Object body) {
    try {
      return new Reply(200, mapper.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Reply error(int status, String code, String message) {
    try {
      return new Reply(status, mapper.writeValueAsBytes(new ApiError(code, message)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
