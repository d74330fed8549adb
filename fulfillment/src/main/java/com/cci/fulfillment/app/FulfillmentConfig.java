package com.cci.fulfillment.app;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Runtime configuration, read from environment variables (Lambda configuration, or the shell for
 * {@code ./cci webhook}). Reading it opens nothing, so it can run during a SnapStart init phase.
 * Every variable and its default is listed in the module README.
 *
 * @param bankUrl core-banking base URL ({@code CCI_BANK_URL}); empty = not configured
 * @param dynamoEndpoint {@code AWS_ENDPOINT_URL_DYNAMODB} (or {@code AWS_ENDPOINT_URL}); empty =
 *     the SDK's default (AWS)
 * @param kinesisEndpoint {@code AWS_ENDPOINT_URL_KINESIS} (or {@code AWS_ENDPOINT_URL})
 * @param authTable {@code CCI_AUTH_TABLE}
 * @param createAuthTable {@code CCI_AUTH_CREATE_TABLE}: create the table if missing (local runs)
 * @param maxPinFailures {@code CCI_AUTH_MAX_FAILURES}
 * @param sessionIdle {@code CCI_AUTH_SESSION_IDLE_SECONDS}
 * @param lockout {@code CCI_AUTH_LOCKOUT_MINUTES}
 * @param eventStream {@code CCI_FULFILLMENT_STREAM}; empty = events are counted, not shipped
 * @param eventQueue {@code CCI_EVENTS_QUEUE} bound of the event queue
 * @param lambdaEventFlush {@code CCI_EVENTS_FLUSH_MS}: how long a Lambda invocation waits for its
 *     events to be sent after the reply is built (0 = not at all)
 * @param sessionSalt {@code CCI_SESSION_HASH_SALT} (a secret); empty = a fixed development salt
 * @param tenantId {@code CCI_TENANT_ID}, may be empty
 * @param logLevel {@code LOG_LEVEL}
 * @param metricsNamespace {@code CCI_METRICS_NAMESPACE}
 * @param serviceName {@code CCI_SERVICE_NAME}
 * @param bankRequestTimeout {@code CCI_BANK_TIMEOUT_MS}: per attempt (1000)
 * @param bankCallBudget {@code CCI_BANK_BUDGET_MS}: per call including retries (2500)
 * @param bankBreakerOpen {@code CCI_BANK_BREAKER_OPEN_MS}: how long the breaker stays open (10000)
 */
public record FulfillmentConfig(
    Optional<URI> bankUrl,
    Optional<URI> dynamoEndpoint,
    Optional<URI> kinesisEndpoint,
    String authTable,
    boolean createAuthTable,
    int maxPinFailures,
    Duration sessionIdle,
    Duration lockout,
    Optional<String> eventStream,
    int eventQueue,
    Duration lambdaEventFlush,
    String sessionSalt,
    boolean developmentSalt,
    String tenantId,
    String logLevel,
    String metricsNamespace,
    String serviceName,
    Duration bankRequestTimeout,
    Duration bankCallBudget,
    Duration bankBreakerOpen) {

  /** Used only when {@code CCI_SESSION_HASH_SALT} is unset; a warning is logged at start. */
  static final String DEVELOPMENT_SALT = "cci-development-salt-not-for-production";

  /** The core-banking client settings: defaults with the configured timeouts and breaker. */
  public com.cci.fulfillment.bank.CoreBankingClient.Config bankClientConfig() {
    var d = com.cci.fulfillment.bank.CoreBankingClient.Config.defaults(bankUrl.orElseThrow());
    return d.withRequestTimeout(bankRequestTimeout)
        .withCallBudget(bankCallBudget)
        .withBreaker(
            d.breakerWindow(),
            d.breakerFailureRatePercent(),
            bankBreakerOpen,
            d.breakerHalfOpenCalls());
  }

  /** Reads the configuration; a malformed value fails naming the variable. */
  public static FulfillmentConfig fromEnv(Map<String, String> env) {
    String salt = text(env, "CCI_SESSION_HASH_SALT");
    return new FulfillmentConfig(
        uri(env, "CCI_BANK_URL"),
        endpoint(env, "AWS_ENDPOINT_URL_DYNAMODB"),
        endpoint(env, "AWS_ENDPOINT_URL_KINESIS"),
        textOr(env, "CCI_AUTH_TABLE", "cci-fulfillment-auth"),
        Boolean.parseBoolean(textOr(env, "CCI_AUTH_CREATE_TABLE", "false")),
        integer(env, "CCI_AUTH_MAX_FAILURES", 3, 1, 10),
        Duration.ofSeconds(integer(env, "CCI_AUTH_SESSION_IDLE_SECONDS", 300, 1, 86_400)),
        Duration.ofMinutes(integer(env, "CCI_AUTH_LOCKOUT_MINUTES", 30, 1, 7 * 24 * 60)),
        Optional.ofNullable(text(env, "CCI_FULFILLMENT_STREAM")),
        integer(env, "CCI_EVENTS_QUEUE", 10_000, 1, 10_000_000),
        Duration.ofMillis(integer(env, "CCI_EVENTS_FLUSH_MS", 150, 0, 5_000)),
        salt == null ? DEVELOPMENT_SALT : salt,
        salt == null,
        text(env, "CCI_TENANT_ID"),
        textOr(env, "LOG_LEVEL", "INFO"),
        textOr(env, "CCI_METRICS_NAMESPACE", "CCI/Fulfillment"),
        textOr(env, "CCI_SERVICE_NAME", "cci-fulfillment"),
        Duration.ofMillis(integer(env, "CCI_BANK_TIMEOUT_MS", 1000, 1, 60_000)),
        Duration.ofMillis(integer(env, "CCI_BANK_BUDGET_MS", 2500, 1, 60_000)),
        Duration.ofMillis(integer(env, "CCI_BANK_BREAKER_OPEN_MS", 10_000, 1, 3_600_000)));
  }

  /** The same configuration with a bank URL (the webhook's own sandbox bank). */
  public FulfillmentConfig withBankUrl(URI u) {
    return new FulfillmentConfig(
        Optional.of(u),
        dynamoEndpoint,
        kinesisEndpoint,
        authTable,
        createAuthTable,
        maxPinFailures,
        sessionIdle,
        lockout,
        eventStream,
        eventQueue,
        lambdaEventFlush,
        sessionSalt,
        developmentSalt,
        tenantId,
        logLevel,
        metricsNamespace,
        serviceName,
        bankRequestTimeout,
        bankCallBudget,
        bankBreakerOpen);
  }

  /** The same configuration with a DynamoDB endpoint whose table is created when missing. */
  public FulfillmentConfig withLocalDynamo(URI u) {
    return new FulfillmentConfig(
        bankUrl,
        Optional.of(u),
        kinesisEndpoint,
        authTable,
        true,
        maxPinFailures,
        sessionIdle,
        lockout,
        eventStream,
        eventQueue,
        lambdaEventFlush,
        sessionSalt,
        developmentSalt,
        tenantId,
        logLevel,
        metricsNamespace,
        serviceName,
        bankRequestTimeout,
        bankCallBudget,
        bankBreakerOpen);
  }

  private static Optional<URI> endpoint(Map<String, String> env, String specific) {
    if ("true".equalsIgnoreCase(env.getOrDefault("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", ""))) {
      return Optional.empty();
    }
    Optional<URI> u = uri(env, specific);
    return u.isPresent() ? u : uri(env, "AWS_ENDPOINT_URL");
  }

  private static Optional<URI> uri(Map<String, String> env, String name) {
    String v = text(env, name);
    if (v == null) {
      return Optional.empty();
    }
    try {
      URI u = URI.create(v);
      if (u.getScheme() == null || u.getHost() == null) {
        throw new IllegalArgumentException("no scheme or host");
      }
      return Optional.of(u);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          name + "='" + v + "' is not a URL like http://127.0.0.1:8080", e);
    }
  }

  private static int integer(Map<String, String> env, String name, int dflt, int min, int max) {
    String v = text(env, name);
    if (v == null) {
      return dflt;
    }
    try {
      int i = Integer.parseInt(v);
      if (i < min || i > max) {
        throw new NumberFormatException();
      }
      return i;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          name + "='" + v + "' must be a whole number from " + min + " to " + max);
    }
  }

  private static String text(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? null : v.trim();
  }

  private static String textOr(Map<String, String> env, String name, String dflt) {
    String v = text(env, name);
    return v == null ? dflt : v;
  }
}
