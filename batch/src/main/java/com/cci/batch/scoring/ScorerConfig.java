package com.cci.batch.scoring;

import java.io.Serializable;
import java.net.URI;
import java.util.Map;

/**
 * Everything a {@link Scorer} needs to be built on any JVM (Spark driver or executor): endpoints,
 * region, client-side limits, timeouts and the batch-inference S3 location. Serializable so it
 * ships inside Spark closures; build with {@link #builder()} or {@link #fromEnv(Map)}.
 *
 * <p>The limits ({@code requestsPerMinute}, {@code tokensPerMinute}, {@code maxConcurrency}) are
 * the budget of <em>one</em> scorer instance. When several run at once (one per Spark executor),
 * give each its share with {@link #perInstance(int)} so that together they stay inside the account
 * quota.
 *
 * @param bedrockRuntimeEndpoint Bedrock Runtime endpoint override (local Bedrock), or null for AWS
 * @param bedrockEndpoint Bedrock control-plane endpoint override (batch jobs), or null: the runtime
 *     override when set, else AWS
 * @param s3Endpoint S3 endpoint override (S3Mock), or null for AWS
 * @param region AWS region, e.g. {@code us-east-1}
 * @param modelId the Bedrock model (or inference profile) id used when a tenant names none
 * @param requestsPerMinute client-side request budget per minute
 * @param tokensPerMinute client-side token budget per minute; a request reserves its input estimate
 *     plus {@code maxTokens}, as Bedrock counts it
 * @param maxConcurrency model calls in flight at once in {@link Scorer#scoreAll}
 * @param maxTokens the model's output token limit per call
 * @param maxAttempts SDK attempts per model call (first try included) on throttling, 5xx, timeouts
 * @param retryBaseDelayMillis base of the SDK's exponential backoff (full jitter) on 5xx/timeouts
 * @param throttleBaseDelayMillis base of the SDK's exponential backoff on throttling
 * @param connectTimeoutMillis HTTP connect timeout
 * @param apiCallAttemptTimeoutMillis timeout of one attempt
 * @param apiCallTimeoutMillis timeout of one call, all attempts included
 * @param batchBucket S3 bucket for batch-inference input and output
 * @param batchPrefix key prefix under the bucket (no leading slash), e.g. {@code bedrock-batch/}
 * @param batchRoleArn IAM service role Bedrock assumes to read and write the bucket
 * @param minBatchRecords the model's minimum records per batch job; fewer go on-demand
 * @param batchPollIntervalMillis how often to poll GetModelInvocationJob
 * @param batchTimeoutMillis give up on a batch job after this long (its records go on-demand)
 */
public record ScorerConfig(
    String bedrockRuntimeEndpoint,
    String bedrockEndpoint,
    String s3Endpoint,
    String region,
    String modelId,
    int requestsPerMinute,
    long tokensPerMinute,
    int maxConcurrency,
    int maxTokens,
    int maxAttempts,
    long retryBaseDelayMillis,
    long throttleBaseDelayMillis,
    long connectTimeoutMillis,
    long apiCallAttemptTimeoutMillis,
    long apiCallTimeoutMillis,
    String batchBucket,
    String batchPrefix,
    String batchRoleArn,
    int minBatchRecords,
    long batchPollIntervalMillis,
    long batchTimeoutMillis)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public ScorerConfig {
    if (region == null || region.isBlank()) {
      throw new IllegalArgumentException("region is required, e.g. us-east-1");
    }
    if (modelId == null || modelId.isBlank()) {
      throw new IllegalArgumentException(
          "modelId is required, e.g. " + TenantSettings.HAIKU_MODEL_ID);
    }
    requirePositive(requestsPerMinute, "requestsPerMinute");
    requirePositive(tokensPerMinute, "tokensPerMinute");
    requirePositive(maxConcurrency, "maxConcurrency");
    requirePositive(maxTokens, "maxTokens");
    requirePositive(maxAttempts, "maxAttempts");
    requirePositive(retryBaseDelayMillis, "retryBaseDelayMillis");
    requirePositive(throttleBaseDelayMillis, "throttleBaseDelayMillis");
    requirePositive(connectTimeoutMillis, "connectTimeoutMillis");
    requirePositive(apiCallAttemptTimeoutMillis, "apiCallAttemptTimeoutMillis");
    requirePositive(apiCallTimeoutMillis, "apiCallTimeoutMillis");
    requirePositive(minBatchRecords, "minBatchRecords");
    requirePositive(batchPollIntervalMillis, "batchPollIntervalMillis");
    requirePositive(batchTimeoutMillis, "batchTimeoutMillis");
    if (maxTokens > tokensPerMinute) {
      throw new IllegalArgumentException(
          "maxTokens " + maxTokens + " exceeds tokensPerMinute " + tokensPerMinute);
    }
    checkUri(bedrockRuntimeEndpoint, "bedrockRuntimeEndpoint");
    checkUri(bedrockEndpoint, "bedrockEndpoint");
    checkUri(s3Endpoint, "s3Endpoint");
    if (batchPrefix != null && batchPrefix.startsWith("/")) {
      throw new IllegalArgumentException("batchPrefix must not start with '/': " + batchPrefix);
    }
  }

  /** Defaults: us-east-1, Claude 3 Haiku's on-demand quotas, AWS endpoints. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this config. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Defaults overridden by the usual SDK environment: {@code AWS_REGION} / {@code
   * AWS_DEFAULT_REGION}, {@code AWS_ENDPOINT_URL_BEDROCK_RUNTIME}, {@code
   * AWS_ENDPOINT_URL_BEDROCK}, {@code AWS_ENDPOINT_URL_S3}, falling back to {@code
   * AWS_ENDPOINT_URL}.
   */
  public static ScorerConfig fromEnv(Map<String, String> env) {
    Builder b = builder();
    String region = first(env.get("AWS_REGION"), env.get("AWS_DEFAULT_REGION"));
    if (region != null) {
      b.region(region);
    }
    String all = env.get("AWS_ENDPOINT_URL");
    b.bedrockRuntimeEndpoint(first(env.get("AWS_ENDPOINT_URL_BEDROCK_RUNTIME"), all));
    b.bedrockEndpoint(first(env.get("AWS_ENDPOINT_URL_BEDROCK"), all));
    b.s3Endpoint(first(env.get("AWS_ENDPOINT_URL_S3"), all));
    return b.build();
  }

  /**
   * This config with the request and token budgets (and concurrency) divided among {@code n} scorer
   * instances running at the same time, each keeping at least 1.
   */
  public ScorerConfig perInstance(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("instances must be 1 or more, got " + n);
    }
    return toBuilder()
        .requestsPerMinute(Math.max(1, requestsPerMinute / n))
        .tokensPerMinute(Math.max(maxTokens, tokensPerMinute / n))
        .maxConcurrency(Math.max(1, maxConcurrency / n))
        .build();
  }

  /** The control-plane endpoint to use: its own override, else the runtime override, else null. */
  public String effectiveBedrockEndpoint() {
    return bedrockEndpoint != null ? bedrockEndpoint : bedrockRuntimeEndpoint;
  }

  private static String first(String a, String b) {
    return a != null && !a.isBlank() ? a : (b != null && !b.isBlank() ? b : null);
  }

  private static void requirePositive(long v, String name) {
    if (v <= 0) {
      throw new IllegalArgumentException(name + " must be greater than 0, got " + v);
    }
  }

  private static void checkUri(String uri, String name) {
    if (uri == null) {
      return;
    }
    try {
      URI u = URI.create(uri);
      if (u.getScheme() == null || u.getHost() == null) {
        throw new IllegalArgumentException(
            name + " must be an absolute URI like http://127.0.0.1:4567, got " + uri);
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          name + " must be an absolute URI like http://127.0.0.1:4567, got " + uri, e);
    }
  }

  /** Builder with defaults for Claude 3 Haiku on-demand in us-east-1. */
  public static final class Builder {
    private String bedrockRuntimeEndpoint;
    private String bedrockEndpoint;
    private String s3Endpoint;
    private String region = "us-east-1";
    private String modelId = TenantSettings.HAIKU_MODEL_ID;
    private int requestsPerMinute = 1000;
    private long tokensPerMinute = 2_000_000;
    private int maxConcurrency = 32;
    private int maxTokens = 1200;
    private int maxAttempts = 8;
    private long retryBaseDelayMillis = 250;
    private long throttleBaseDelayMillis = 1_000;
    private long connectTimeoutMillis = 5_000;
    private long apiCallAttemptTimeoutMillis = 60_000;
    private long apiCallTimeoutMillis = 300_000;
    private String batchBucket;
    private String batchPrefix = "bedrock-batch/";
    private String batchRoleArn;
    private int minBatchRecords = 100;
    private long batchPollIntervalMillis = 30_000;
    private long batchTimeoutMillis = 24 * 3_600_000L;

    Builder() {}

    Builder(ScorerConfig c) {
      bedrockRuntimeEndpoint = c.bedrockRuntimeEndpoint;
      bedrockEndpoint = c.bedrockEndpoint;
      s3Endpoint = c.s3Endpoint;
      region = c.region;
      modelId = c.modelId;
      requestsPerMinute = c.requestsPerMinute;
      tokensPerMinute = c.tokensPerMinute;
      maxConcurrency = c.maxConcurrency;
      maxTokens = c.maxTokens;
      maxAttempts = c.maxAttempts;
      retryBaseDelayMillis = c.retryBaseDelayMillis;
      throttleBaseDelayMillis = c.throttleBaseDelayMillis;
      connectTimeoutMillis = c.connectTimeoutMillis;
      apiCallAttemptTimeoutMillis = c.apiCallAttemptTimeoutMillis;
      apiCallTimeoutMillis = c.apiCallTimeoutMillis;
      batchBucket = c.batchBucket;
      batchPrefix = c.batchPrefix;
      batchRoleArn = c.batchRoleArn;
      minBatchRecords = c.minBatchRecords;
      batchPollIntervalMillis = c.batchPollIntervalMillis;
      batchTimeoutMillis = c.batchTimeoutMillis;
    }

    public Builder bedrockRuntimeEndpoint(String v) {
      bedrockRuntimeEndpoint = v;
      return this;
    }

    public Builder bedrockEndpoint(String v) {
      bedrockEndpoint = v;
      return this;
    }

    public Builder s3Endpoint(String v) {
      s3Endpoint = v;
      return this;
    }

    public Builder region(String v) {
      region = v;
      return this;
    }

    public Builder modelId(String v) {
      modelId = v;
      return this;
    }

    public Builder requestsPerMinute(int v) {
      requestsPerMinute = v;
      return this;
    }

    public Builder tokensPerMinute(long v) {
      tokensPerMinute = v;
      return this;
    }

    public Builder maxConcurrency(int v) {
      maxConcurrency = v;
      return this;
    }

    public Builder maxTokens(int v) {
      maxTokens = v;
      return this;
    }

    public Builder maxAttempts(int v) {
      maxAttempts = v;
      return this;
    }

    public Builder retryBaseDelayMillis(long v) {
      retryBaseDelayMillis = v;
      return this;
    }

    public Builder throttleBaseDelayMillis(long v) {
      throttleBaseDelayMillis = v;
      return this;
    }

    public Builder connectTimeoutMillis(long v) {
      connectTimeoutMillis = v;
      return this;
    }

    public Builder apiCallAttemptTimeoutMillis(long v) {
      apiCallAttemptTimeoutMillis = v;
      return this;
    }

    public Builder apiCallTimeoutMillis(long v) {
      apiCallTimeoutMillis = v;
      return this;
    }

    public Builder batchBucket(String v) {
      batchBucket = v;
      return this;
    }

    public Builder batchPrefix(String v) {
      batchPrefix = v;
      return this;
    }

    public Builder batchRoleArn(String v) {
      batchRoleArn = v;
      return this;
    }

    public Builder minBatchRecords(int v) {
      minBatchRecords = v;
      return this;
    }

    public Builder batchPollIntervalMillis(long v) {
      batchPollIntervalMillis = v;
      return this;
    }

    public Builder batchTimeoutMillis(long v) {
      batchTimeoutMillis = v;
      return this;
    }

    /**
     * The config.
     *
     * @throws IllegalArgumentException naming the first invalid setting
     */
    public ScorerConfig build() {
      return new ScorerConfig(
          bedrockRuntimeEndpoint,
          bedrockEndpoint,
          s3Endpoint,
          region,
          modelId,
          requestsPerMinute,
          tokensPerMinute,
          maxConcurrency,
          maxTokens,
          maxAttempts,
          retryBaseDelayMillis,
          throttleBaseDelayMillis,
          connectTimeoutMillis,
          apiCallAttemptTimeoutMillis,
          apiCallTimeoutMillis,
          batchBucket,
          batchPrefix,
          batchRoleArn,
          minBatchRecords,
          batchPollIntervalMillis,
          batchTimeoutMillis);
    }
  }
}
