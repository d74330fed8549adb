package com.cci.batch.scoring;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ModelErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelNotReadyException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelTimeoutException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceUnavailableException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * Builds the SDK v2 clients the Bedrock scorers use from a {@link ScorerConfig}: endpoint
 * overrides, Apache HTTP client sized for the concurrency, timeouts, and the retry strategy.
 *
 * <p>Retries: the SDK's standard strategy (AWS retry conditions: throttling errors,
 * 500/502/503/504, I/O errors) plus Bedrock's {@code ModelTimeoutException} (408), {@code
 * ModelErrorException} (424, transient model failures), {@code ModelNotReadyException} and attempt
 * timeouts; exponential backoff with full jitter (base {@code retryBaseDelayMillis}, default 250
 * ms, cap 10 s; throttling base {@code throttleBaseDelayMillis}, default 1 s, cap 20 s); {@code
 * maxAttempts} from the config; the retry-quota circuit breaker is off, so a 429 storm is ridden
 * out with backoff rather than failed fast (the client-side {@link RateLimiter} keeps the steady
 * load inside the quota).
 */
public final class BedrockClients {
  private BedrockClients() {}

  /** Counts HTTP attempts (retries included) made on the current thread. */
  static final class AttemptCounter implements ExecutionInterceptor {
    private static final ThreadLocal<int[]> COUNT = ThreadLocal.withInitial(() -> new int[1]);

    @Override
    public void beforeTransmission(Context.BeforeTransmission c, ExecutionAttributes a) {
      COUNT.get()[0]++;
    }

    /** Attempts on this thread since the last call, and resets the count. */
    static int takeCount() {
      int[] c = COUNT.get();
      int n = c[0];
      c[0] = 0;
      return n;
    }
  }

  static RetryStrategy retryStrategy(ScorerConfig cfg) {
    StandardRetryStrategy.Builder b =
        (StandardRetryStrategy.Builder) AwsRetryStrategy.standardRetryStrategy().toBuilder();
    long base = cfg.retryBaseDelayMillis();
    long throttle = cfg.throttleBaseDelayMillis();
    return b.maxAttempts(cfg.maxAttempts())
        .circuitBreakerEnabled(false)
        .backoffStrategy(
            BackoffStrategy.exponentialDelay(
                Duration.ofMillis(base), Duration.ofMillis(Math.max(base, 10_000))))
        .throttlingBackoffStrategy(
            BackoffStrategy.exponentialDelay(
                Duration.ofMillis(throttle), Duration.ofMillis(Math.max(throttle, 20_000))))
        .retryOnException(ModelTimeoutException.class)
        .retryOnException(ModelNotReadyException.class)
        .retryOnException(ModelErrorException.class)
        .retryOnException(ServiceUnavailableException.class)
        .retryOnExceptionOrCauseInstanceOf(ApiCallAttemptTimeoutException.class)
        .retryOnRootCauseInstanceOf(IOException.class)
        .treatAsThrottling(t -> t instanceof ThrottlingException)
        .build();
  }

  static ClientOverrideConfiguration overrides(ScorerConfig cfg, ExecutionInterceptor... extra) {
    ClientOverrideConfiguration.Builder b =
        ClientOverrideConfiguration.builder()
            .retryStrategy(retryStrategy(cfg))
            .apiCallAttemptTimeout(Duration.ofMillis(cfg.apiCallAttemptTimeoutMillis()))
            .apiCallTimeout(Duration.ofMillis(cfg.apiCallTimeoutMillis()));
    for (ExecutionInterceptor i : extra) {
      b.addExecutionInterceptor(i);
    }
    return b.build();
  }

  static ApacheHttpClient.Builder http(ScorerConfig cfg) {
    return ApacheHttpClient.builder()
        .maxConnections(Math.max(8, cfg.maxConcurrency() + 4))
        .connectionTimeout(Duration.ofMillis(cfg.connectTimeoutMillis()))
        .socketTimeout(Duration.ofMillis(cfg.apiCallAttemptTimeoutMillis()));
  }

  /** The Bedrock Runtime client (Converse). */
  public static BedrockRuntimeClient runtime(ScorerConfig cfg) {
    var b =
        BedrockRuntimeClient.builder()
            .region(Region.of(cfg.region()))
            .httpClientBuilder(http(cfg))
            .overrideConfiguration(overrides(cfg, new AttemptCounter()))
            .credentialsProvider(credentials(cfg.bedrockRuntimeEndpoint()));
    if (cfg.bedrockRuntimeEndpoint() != null) {
      b.endpointOverride(URI.create(cfg.bedrockRuntimeEndpoint()));
    }
    return b.build();
  }

  /** The Bedrock control-plane client (batch inference jobs). */
  public static BedrockClient control(ScorerConfig cfg) {
    String endpoint = cfg.effectiveBedrockEndpoint();
    var b =
        BedrockClient.builder()
            .region(Region.of(cfg.region()))
            .httpClientBuilder(http(cfg))
            .overrideConfiguration(overrides(cfg))
            .credentialsProvider(credentials(endpoint));
    if (endpoint != null) {
      b.endpointOverride(URI.create(endpoint));
    }
    return b.build();
  }

  /** The S3 client for batch input and output (path-style when an endpoint is overridden). */
  public static S3Client s3(ScorerConfig cfg) {
    var b =
        S3Client.builder()
            .region(Region.of(cfg.region()))
            .httpClientBuilder(http(cfg))
            .overrideConfiguration(overrides(cfg))
            .credentialsProvider(credentials(cfg.s3Endpoint()));
    if (cfg.s3Endpoint() != null) {
      b.endpointOverride(URI.create(cfg.s3Endpoint()));
      b.serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build());
    }
    return b.build();
  }

  /**
   * Dummy credentials for a loopback endpoint (local Bedrock, S3Mock), else the default chain
   * (environment, profile, instance/EMR role).
   */
  static AwsCredentialsProvider credentials(String endpoint) {
    if (endpoint != null) {
      String host = URI.create(endpoint).getHost();
      if ("127.0.0.1".equals(host) || "localhost".equals(host) || "::1".equals(host)) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
      }
    }
    return DefaultCredentialsProvider.builder().build();
  }
}
