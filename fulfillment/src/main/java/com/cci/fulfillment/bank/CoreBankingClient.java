package com.cci.fulfillment.bank;

import com.cci.fulfillment.bank.BankModels.Account;
import com.cci.fulfillment.bank.BankModels.AccountFreeze;
import com.cci.fulfillment.bank.BankModels.ApiError;
import com.cci.fulfillment.bank.BankModels.Balance;
import com.cci.fulfillment.bank.BankModels.Card;
import com.cci.fulfillment.bank.BankModels.ContactUpdate;
import com.cci.fulfillment.bank.BankModels.ContactUpdateResult;
import com.cci.fulfillment.bank.BankModels.Customer;
import com.cci.fulfillment.bank.BankModels.DisputeCase;
import com.cci.fulfillment.bank.BankModels.DisputeRequest;
import com.cci.fulfillment.bank.BankModels.FreezeRequest;
import com.cci.fulfillment.bank.BankModels.Loan;
import com.cci.fulfillment.bank.BankModels.Page;
import com.cci.fulfillment.bank.BankModels.PinVerification;
import com.cci.fulfillment.bank.BankModels.Transaction;
import com.cci.fulfillment.bank.BankModels.TransferRequest;
import com.cci.fulfillment.bank.BankModels.TransferResult;
import com.cci.fulfillment.bank.BankUnavailableException.Reason;
import com.cci.schemas.Json;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.http.HttpHeaders;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpEntityEnclosingRequestBase;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.client.methods.HttpPut;
import org.apache.http.client.methods.HttpRequestBase;
import org.apache.http.config.SocketConfig;
import org.apache.http.conn.ConnectTimeoutException;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.apache.http.util.EntityUtils;

/**
 * Client for the core-banking REST contract ({@code openapi/core-banking.yaml}) with per-attempt
 * timeouts, an overall per-call budget, retries with exponential backoff for idempotent calls only,
 * a circuit breaker and a bulkhead (Resilience4j). Transient trouble surfaces as {@link
 * BankUnavailableException}; client errors (4xx) as {@link BankApiException}. Thread-safe.
 */
public final class CoreBankingClient implements AutoCloseable {
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /**
   * Settings. Defaults keep a worst-case call (3 attempts of 1 s plus backoff, capped by a 2.5 s
   * budget) well inside Lex's 6 s (chat) and Connect's 8 s Lambda limits.
   */
  public record Config(
      URI baseUri,
      Duration connectTimeout,
      Duration requestTimeout,
      Duration callBudget,
      int maxAttempts,
      Duration initialBackoff,
      int breakerWindow,
      float breakerFailureRatePercent,
      Duration breakerOpenWait,
      int breakerHalfOpenCalls,
      int bulkheadMaxConcurrent,
      Duration bulkheadMaxWait) {
    public Config {
      Objects.requireNonNull(baseUri, "baseUri");
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be >= 1");
      }
      if (requestTimeout.isNegative() || requestTimeout.isZero()) {
        throw new IllegalArgumentException("requestTimeout must be positive");
      }
    }

    /** Production defaults: connect 300 ms, request 1 s, budget 2.5 s, 3 attempts from 50 ms. */
    public static Config defaults(URI baseUri) {
      return new Config(
          baseUri,
          Duration.ofMillis(300),
          Duration.ofSeconds(1),
          Duration.ofMillis(2500),
          3,
          Duration.ofMillis(50),
          20,
          50f,
          Duration.ofSeconds(10),
          3,
          64,
          Duration.ofMillis(20));
    }

    public Config withRequestTimeout(Duration d) {
      return new Config(
          baseUri,
          connectTimeout,
          d,
          callBudget,
          maxAttempts,
          initialBackoff,
          breakerWindow,
          breakerFailureRatePercent,
          breakerOpenWait,
          breakerHalfOpenCalls,
          bulkheadMaxConcurrent,
          bulkheadMaxWait);
    }

    public Config withCallBudget(Duration d) {
      return new Config(
          baseUri,
          connectTimeout,
          requestTimeout,
          d,
          maxAttempts,
          initialBackoff,
          breakerWindow,
          breakerFailureRatePercent,
          breakerOpenWait,
          breakerHalfOpenCalls,
          bulkheadMaxConcurrent,
          bulkheadMaxWait);
    }

    public Config withRetry(int attempts, Duration backoff) {
      return new Config(
          baseUri,
          connectTimeout,
          requestTimeout,
          callBudget,
          attempts,
          backoff,
          breakerWindow,
          breakerFailureRatePercent,
          breakerOpenWait,
          breakerHalfOpenCalls,
          bulkheadMaxConcurrent,
          bulkheadMaxWait);
    }

    public Config withBreaker(
        int window, float failureRatePercent, Duration openWait, int halfOpenCalls) {
      return new Config(
          baseUri,
          connectTimeout,
          requestTimeout,
          callBudget,
          maxAttempts,
          initialBackoff,
          window,
          failureRatePercent,
          openWait,
          halfOpenCalls,
          bulkheadMaxConcurrent,
          bulkheadMaxWait);
    }

    public Config withBulkhead(int maxConcurrent, Duration maxWait) {
      return new Config(
          baseUri,
          connectTimeout,
          requestTimeout,
          callBudget,
          maxAttempts,
          initialBackoff,
          breakerWindow,
          breakerFailureRatePercent,
          breakerOpenWait,
          breakerHalfOpenCalls,
          maxConcurrent,
          maxWait);
    }
  }

  /** A failure worth retrying (timeout, connection, 429, 5xx); recorded by the breaker. */
  private static final class TransientFailure extends RuntimeException {
    final Reason reason;

    TransientFailure(Reason reason, String message, Throwable cause) {
      super(message, cause, false, false);
      this.reason = reason;
    }
  }

  /** The per-call budget ran out before another attempt could start: not retried, not recorded. */
  private static final class BudgetExhausted extends RuntimeException {
    BudgetExhausted() {
      super("core banking call budget exhausted", null, false, false);
    }
  }

  private final Config config;
  private final CloseableHttpClient http;
  private final ObjectMapper mapper = Json.mapper();
  private final CircuitBreaker breaker;
  private final Bulkhead bulkhead;
  private final Retry retry;

  public CoreBankingClient(Config config) {
    this.config = config;
    this.http = httpClient(config);
    this.breaker =
        CircuitBreaker.of(
            "core-banking",
            CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(config.breakerWindow())
                .minimumNumberOfCalls(config.breakerWindow())
                .failureRateThreshold(config.breakerFailureRatePercent())
                .waitDurationInOpenState(config.breakerOpenWait())
                .permittedNumberOfCallsInHalfOpenState(config.breakerHalfOpenCalls())
                .recordException(e -> e instanceof TransientFailure)
                .ignoreExceptions(BudgetExhausted.class, BulkheadFullException.class)
                .build());
    this.bulkhead =
        Bulkhead.of(
            "core-banking",
            BulkheadConfig.custom()
                .maxConcurrentCalls(config.bulkheadMaxConcurrent())
                .maxWaitDuration(config.bulkheadMaxWait())
                .build());
    this.retry =
        Retry.of(
            "core-banking",
            RetryConfig.custom()
                .maxAttempts(config.maxAttempts())
                .intervalFunction(
                    IntervalFunction.ofExponentialBackoff(config.initialBackoff().toMillis(), 2.0))
                .retryOnException(e -> e instanceof TransientFailure)
                .build());
  }

  /**
   * Blocking HTTP/1.1 with a connection pool as large as the bulkhead: the calling thread writes
   * the request and reads the answer itself (no selector thread and no hand-offs per call, which
   * the JDK {@code HttpClient} needs even for {@code send}). Apache's own retries, redirects,
   * cookies and compression are off: retries are {@link #retry}'s alone, so a non-idempotent call
   * is never sent twice. Pooled connections idle for more than a second are checked before reuse.
   */
  private static CloseableHttpClient httpClient(Config config) {
    PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager();
    pool.setMaxTotal(config.bulkheadMaxConcurrent());
    pool.setDefaultMaxPerRoute(config.bulkheadMaxConcurrent());
    pool.setValidateAfterInactivity(1_000);
    pool.setDefaultSocketConfig(SocketConfig.custom().setTcpNoDelay(true).build());
    return HttpClients.custom()
        .setConnectionManager(pool)
        .disableAutomaticRetries()
        .disableRedirectHandling()
        .disableCookieManagement()
        .disableAuthCaching()
        .disableContentCompression()
        .disableConnectionState()
        .build();
  }

  /** Closes pooled connections. */
  @Override
  public void close() {
    try {
      http.close();
    } catch (IOException ignored) {
      // closing sockets: nothing left to do
    }
  }

  /** Current breaker state (CLOSED, OPEN, HALF_OPEN, ...), for health checks and tests. */
  public CircuitBreaker.State circuitState() {
    return breaker.getState();
  }

  public Config config() {
    return config;
  }

  /** Finds a customer by phone number; empty if none. */
  public Optional<Customer> findCustomerByPhone(String phone) {
    return notFoundAsEmpty(() -> get("/customers?phone=" + enc(phone), Customer.class));
  }

  /** Finds the owner of an account number; empty if none. */
  public Optional<Customer> findCustomerByAccount(String accountNumber) {
    return notFoundAsEmpty(
        () -> get("/customers?accountNumber=" + enc(accountNumber), Customer.class));
  }

  public List<Account> accounts(String customerId) {
    return getPage(
        "/customers/" + seg(customerId) + "/accounts", new TypeReference<Page<Account>>() {});
  }

  public Balance balance(String accountNumber) {
    return get("/accounts/" + seg(accountNumber) + "/balance", Balance.class);
  }

  /** Transactions with {@code from <= date <= to}, newest first. */
  public List<Transaction> transactions(String accountNumber, LocalDate from, LocalDate to) {
    return getPage(
        "/accounts/" + seg(accountNumber) + "/transactions?from=" + from + "&to=" + to,
        new TypeReference<Page<Transaction>>() {});
  }

  public List<Card> cards(String customerId) {
    return getPage("/customers/" + seg(customerId) + "/cards", new TypeReference<Page<Card>>() {});
  }

  /**
   * Activates the card ending in {@code last4}. Not retried: the outcome of a lost reply is
   * unknown.
   */
  public Card activateCard(String customerId, String last4) {
    String path = "/customers/" + seg(customerId) + "/cards/activation";
    byte[] body = json(Map.of("last4", last4));
    return execute(false, deadline -> post(path, body, Map.of(), deadline, Card.class));
  }

  /** Blocks a card. Retried: blocking is idempotent (blocking a blocked card changes nothing). */
  public Card blockCard(String customerId, String cardId) {
    String path = "/customers/" + seg(customerId) + "/cards/" + seg(cardId) + "/block";
    byte[] body = json(Map.of());
    return execute(true, deadline -> post(path, body, Map.of(), deadline, Card.class));
  }

  public List<Loan> loans(String customerId) {
    return getPage("/customers/" + seg(customerId) + "/loans", new TypeReference<Page<Loan>>() {});
  }

  public Loan loan(String customerId, String loanId) {
    return get("/customers/" + seg(customerId) + "/loans/" + seg(loanId), Loan.class);
  }

  /**
   * Checks a PIN. Read-only on the bank side, so timeouts and 5xx are retried; a 4xx answer never
   * is. The PIN is never logged and never part of any exception message.
   */
  public boolean verifyPin(String customerId, String pin) {
    String path = "/customers/" + seg(customerId) + "/pin-verification";
    byte[] body = json(Map.of("pin", pin));
    return execute(true, deadline -> post(path, body, Map.of(), deadline, PinVerification.class))
        .verified();
  }

  /**
   * Books a transfer. Every attempt carries the same {@code idempotencyKey}, so a retry after a
   * lost reply can never move money twice; reusing a key for a different transfer fails with 409.
   */
  public TransferResult transfer(String idempotencyKey, TransferRequest request) {
    requireKey(idempotencyKey);
    byte[] body = json(request);
    Map<String, String> headers = Map.of("Idempotency-Key", idempotencyKey);
    return execute(
        true, deadline -> post("/transfers", body, headers, deadline, TransferResult.class));
  }

  /**
   * Changes the customer's e-mail address or phone number. Every attempt carries the same {@code
   * idempotencyKey}, so it is retried like a transfer and a retry after a lost reply applies the
   * change once; reusing a key for a different change fails with 409. Exceptions never carry the
   * value.
   */
  public ContactUpdateResult updateContactDetails(
      String idempotencyKey, String customerId, ContactUpdate update) {
    requireKey(idempotencyKey);
    Objects.requireNonNull(update, "update");
    String path = "/customers/" + seg(customerId) + "/contact-details";
    byte[] body = json(update);
    Map<String, String> headers = Map.of("Idempotency-Key", idempotencyKey);
    return execute(
        true,
        deadline ->
            send(new HttpPut(uri(path)), body, headers, deadline, ContactUpdateResult.class));
  }

  /**
   * Freezes an account against debits. Freezing is idempotent by state and every attempt carries
   * the same {@code idempotencyKey}, so it is retried; a frozen account answers {@code
   * ALREADY_FROZEN} with the original freeze.
   */
  public AccountFreeze freezeAccount(
      String idempotencyKey, String accountNumber, FreezeRequest request) {
    requireKey(idempotencyKey);
    Objects.requireNonNull(request, "request");
    String path = "/accounts/" + seg(accountNumber) + "/freeze";
    byte[] body = json(request);
    Map<String, String> headers = Map.of("Idempotency-Key", idempotencyKey);
    return execute(true, deadline -> post(path, body, headers, deadline, AccountFreeze.class));
  }

  /**
   * Opens a dispute case for one debit. Every attempt carries the same {@code idempotencyKey}, so
   * it is retried like a transfer and a retry after a lost reply opens one case; a transaction
   * already disputed answers 409 {@code ALREADY_DISPUTED}.
   */
  public DisputeCase openDispute(String idempotencyKey, DisputeRequest request) {
    requireKey(idempotencyKey);
    Objects.requireNonNull(request, "request");
    byte[] body = json(request);
    Map<String, String> headers = Map.of("Idempotency-Key", idempotencyKey);
    return execute(true, deadline -> post("/disputes", body, headers, deadline, DisputeCase.class));
  }

  private static void requireKey(String idempotencyKey) {
    if (idempotencyKey == null || !idempotencyKey.matches("[A-Za-z0-9._:-]{1,128}")) {
      throw new IllegalArgumentException("idempotencyKey must be 1-128 of A-Z a-z 0-9 . _ : -");
    }
  }

  // ---------------------------------------------------------------------------------------------

  private interface Attempt<T> {
    T run(long deadlineNanos);
  }

  private <T> T execute(boolean idempotent, Attempt<T> attempt) {
    long deadline = System.nanoTime() + config.callBudget().toNanos();
    Supplier<T> call =
        CircuitBreaker.decorateSupplier(
            breaker, Bulkhead.decorateSupplier(bulkhead, () -> attempt.run(deadline)));
    if (idempotent) {
      call = Retry.decorateSupplier(retry, call);
    }
    try {
      return call.get();
    } catch (CallNotPermittedException e) {
      throw new BankUnavailableException(Reason.CIRCUIT_OPEN, "core banking circuit is open", e);
    } catch (BulkheadFullException e) {
      throw new BankUnavailableException(Reason.BULKHEAD_FULL, "too many concurrent bank calls", e);
    } catch (TransientFailure e) {
      throw new BankUnavailableException(e.reason, e.getMessage(), e);
    } catch (BudgetExhausted e) {
      throw new BankUnavailableException(Reason.TIMEOUT, e.getMessage(), e);
    }
  }

  private <T> T get(String pathAndQuery, Class<T> type) {
    return execute(true, deadline -> send(request(new HttpGet(uri(pathAndQuery)), deadline), type));
  }

  private <T> List<T> getPage(String pathAndQuery, TypeReference<Page<T>> type) {
    return execute(
        true,
        deadline -> {
          byte[] body = sendRaw(request(new HttpGet(uri(pathAndQuery)), deadline));
          try {
            return mapper.readValue(body, type).items();
          } catch (IOException e) {
            throw new IllegalStateException("malformed bank response for " + pathAndQuery, e);
          }
        });
  }

  private <T> T post(
      String path, byte[] body, Map<String, String> headers, long deadline, Class<T> type) {
    return send(new HttpPost(uri(path)), body, headers, deadline, type);
  }

  private <T> T send(
      HttpEntityEnclosingRequestBase request,
      byte[] body,
      Map<String, String> headers,
      long deadline,
      Class<T> type) {
    request.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
    headers.forEach(request::setHeader);
    return send(request(request, deadline), type);
  }

  private URI uri(String pathAndQuery) {
    return URI.create(config.baseUri() + pathAndQuery);
  }

  /**
   * One attempt's limits: {@code min(requestTimeout, what is left of the call budget)} to wait for
   * the answer (socket read timeout), the connect timeout capped by the same; no attempt starts
   * with less than 5 ms of budget left.
   */
  private HttpRequestBase request(HttpRequestBase request, long deadline) {
    long remaining = deadline - System.nanoTime();
    if (remaining < Duration.ofMillis(5).toNanos()) {
      throw new BudgetExhausted();
    }
    int timeoutMs =
        (int) Math.max(1, Math.min(remaining, config.requestTimeout().toNanos()) / 1_000_000);
    int connectMs = (int) Math.max(1, Math.min(timeoutMs, config.connectTimeout().toMillis()));
    request.setConfig(
        RequestConfig.custom()
            .setConnectTimeout(connectMs)
            .setConnectionRequestTimeout(timeoutMs)
            .setSocketTimeout(timeoutMs)
            .setRedirectsEnabled(false)
            .build());
    request.setHeader(HttpHeaders.ACCEPT, "application/json");
    return request;
  }

  private <T> T send(HttpRequestBase request, Class<T> type) {
    byte[] body = sendRaw(request);
    try {
      return mapper.readValue(body, type);
    } catch (IOException e) {
      throw new IllegalStateException(
          "malformed bank response for " + request.getURI().getPath(), e);
    }
  }

  private byte[] sendRaw(HttpRequestBase request) {
    String what = request.getMethod() + " " + request.getURI().getPath();
    int status;
    byte[] body;
    try (CloseableHttpResponse response = http.execute(request)) {
      status = response.getStatusLine().getStatusCode();
      body =
          response.getEntity() == null
              ? new byte[0]
              : EntityUtils.toByteArray(response.getEntity());
    } catch (SocketTimeoutException | ConnectTimeoutException e) {
      throw new TransientFailure(Reason.TIMEOUT, "bank timed out: " + what, e);
    } catch (InterruptedIOException e) {
      if (Thread.currentThread().isInterrupted()) {
        // Not retried: the caller is being cancelled.
        throw new BankUnavailableException(Reason.TIMEOUT, "interrupted: " + what, e);
      }
      throw new TransientFailure(Reason.TIMEOUT, "bank timed out: " + what, e);
    } catch (IOException e) {
      throw new TransientFailure(Reason.CONNECTION_FAILED, "bank unreachable: " + what, e);
    }
    if (status >= 200 && status < 300) {
      return body;
    }
    if (status == 429 || status >= 500) {
      throw new TransientFailure(
          Reason.SERVER_ERROR, "bank answered " + status + ": " + what, null);
    }
    ApiError error;
    try {
      error = mapper.readValue(body, ApiError.class);
    } catch (IOException e) {
      error = new ApiError("UNKNOWN", "unparseable error body");
    }
    throw new BankApiException(status, error.code(), error.message());
  }

  private static <T> Optional<T> notFoundAsEmpty(Supplier<T> call) {
    try {
      return Optional.of(call.get());
    } catch (BankApiException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private byte[] json(Object value) {
    try {
      return mapper.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String enc(String v) {
    Objects.requireNonNull(v);
    return URLEncoder.encode(v, StandardCharsets.UTF_8);
  }

  private static String seg(String v) {
    if (v == null || !SEGMENT.matcher(v).matches()) {
      throw new IllegalArgumentException("invalid identifier: must be 1-64 of A-Z a-z 0-9 . _ -");
    }
    return v;
  }
}
