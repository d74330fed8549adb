package com.cci.fulfillment.app;

import com.cci.local.AwsClients;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.endpoints.AccountIdEndpointMode;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.endpoints.DynamoDbEndpointProvider;

/**
 * The DynamoDB client of the authentication store, built for a per-turn {@code GetItem} on the
 * reply path.
 *
 * <p>With an explicit endpoint ({@code AWS_ENDPOINT_URL_DYNAMODB}, e.g. DynamoDB Local) the
 * endpoint is fixed: a constant {@link DynamoDbEndpointProvider} replaces the SDK's endpoint rules
 * engine, which otherwise evaluates its rule set (and parses the URL) on every call only to arrive
 * at the same override. Without one, the SDK's own regional resolution is kept. Account-id based
 * endpoints are off (the auth table is addressed by name in the caller's own account). Timeouts fit
 * a turn budget of a few seconds, not the SDK's defaults.
 *
 * <p>HTTP: Apache, pooled (128), no {@code Expect: 100-continue} (small JSON bodies). Each attempt
 * is bounded by the connection's own limits — 2 s to connect, 2 s to get a pooled connection, 5 s
 * of socket silence — and not by the SDK's {@code apiCallAttemptTimeout}: that one schedules a task
 * on a timer pool for every call, which at 1 000 turns/s woke the timer threads ~2 700 times a
 * second and cost ~5 % of a core in the webhook (P6). A DynamoDB answer is one small read, so the
 * socket timeout bounds the attempt the same way.
 */
public final class AuthDynamoClient {
  private AuthDynamoClient() {}

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(5);
  static final Duration ACQUIRE_TIMEOUT = Duration.ofSeconds(2);
  static final int MAX_CONNECTIONS = 128;

  /** A client for {@code endpoint} (null = the SDK's regional endpoint) in {@code region}. */
  public static DynamoDbClient build(URI endpoint, Region region) {
    DynamoDbClientBuilder b =
        DynamoDbClient.builder()
            .httpClientBuilder(
                ApacheHttpClient.builder()
                    .connectionTimeout(CONNECT_TIMEOUT)
                    .socketTimeout(SOCKET_TIMEOUT)
                    .connectionAcquisitionTimeout(ACQUIRE_TIMEOUT)
                    .maxConnections(MAX_CONNECTIONS)
                    .expectContinueEnabled(false))
            .region(region)
            .credentialsProvider(credentials(endpoint))
            .accountIdEndpointMode(AccountIdEndpointMode.DISABLED);
    if (endpoint != null) {
      Endpoint fixed = Endpoint.builder().url(endpoint).build();
      CompletableFuture<Endpoint> answer = CompletableFuture.completedFuture(fixed);
      b.endpointOverride(endpoint).endpointProvider(params -> answer);
    }
    return b.build();
  }

  /** Loopback endpoints (DynamoDB Local) get the local dummy credentials; others the SDK chain. */
  static AwsCredentialsProvider credentials(URI endpoint) {
    if (endpoint != null && isLoopback(endpoint.getHost())) {
      return StaticCredentialsProvider.create(AwsClients.LOCAL_CREDENTIALS);
    }
    return DefaultCredentialsProvider.builder().build();
  }

  /** Literal loopback names only: no DNS lookup. */
  static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
  }
}
