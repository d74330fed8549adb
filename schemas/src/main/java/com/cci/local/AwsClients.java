package com.cci.local;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Builds real AWS SDK v2 clients (URL-connection HTTP client) for Kinesis, DynamoDB and S3, either
 * for explicit endpoints (the local emulators, or LocalStack) or for the SDK's defaults.
 *
 * <p>With no endpoint for a service the SDK's own resolution applies, which already honours {@code
 * AWS_ENDPOINT_URL_<SERVICE>} / {@code AWS_ENDPOINT_URL}, so the same code runs against the
 * emulators, LocalStack or AWS. Region: {@code AWS_REGION} / profile, else {@code us-east-1}.
 * Endpoints on the loopback address get dummy static credentials (emulators ignore them); anything
 * else uses the default credentials chain. S3 clients use path-style addressing when an endpoint is
 * given. Every call returns a new client: close it.
 */
public final class AwsClients {
  /** Region used when nothing else is configured, and by every emulator. */
  public static final Region DEFAULT_REGION = Region.US_EAST_1;

  /** Dummy credentials for the emulators. */
  public static final AwsBasicCredentials LOCAL_CREDENTIALS =
      AwsBasicCredentials.create("AKIDCCILOCAL", "cci-local-secret");

  private final URI kinesis;
  private final URI dynamoDb;
  private final URI s3;
  private final Region region;

  private AwsClients(URI kinesis, URI dynamoDb, URI s3, Region region) {
    this.kinesis = kinesis;
    this.dynamoDb = dynamoDb;
    this.s3 = s3;
    this.region = Objects.requireNonNull(region);
  }

  /** Clients resolved entirely by the SDK (environment, profile, instance role). */
  public static AwsClients defaults() {
    return new AwsClients(null, null, null, defaultRegion());
  }

  /** Clients for explicit endpoints; a null endpoint leaves that service to the SDK defaults. */
  public static AwsClients forEndpoints(URI kinesis, URI dynamoDb, URI s3) {
    return new AwsClients(kinesis, dynamoDb, s3, defaultRegion());
  }

  /** The same endpoints in another region. */
  public AwsClients withRegion(Region r) {
    return new AwsClients(kinesis, dynamoDb, s3, r);
  }

  public Region region() {
    return region;
  }

  public Optional<URI> kinesisEndpoint() {
    return Optional.ofNullable(kinesis);
  }

  public Optional<URI> dynamoDbEndpoint() {
    return Optional.ofNullable(dynamoDb);
  }

  public Optional<URI> s3Endpoint() {
    return Optional.ofNullable(s3);
  }

  /** A new Kinesis client (CBOR protocol, as the SDK does by default). */
  public KinesisClient kinesis() {
    var b =
        KinesisClient.builder()
            .httpClientBuilder(http())
            .region(region)
            .credentialsProvider(credentials(kinesis))
            .overrideConfiguration(override());
    if (kinesis != null) {
      b.endpointOverride(kinesis);
    }
    return b.build();
  }

  /** A new DynamoDB client. */
  public DynamoDbClient dynamoDb() {
    var b =
        DynamoDbClient.builder()
            .httpClientBuilder(http())
            .region(region)
            .credentialsProvider(credentials(dynamoDb))
            .overrideConfiguration(override());
    if (dynamoDb != null) {
      b.endpointOverride(dynamoDb);
    }
    return b.build();
  }

  /** A new S3 client, path-style when an endpoint is given. */
  public S3Client s3() {
    var b =
        S3Client.builder()
            .httpClientBuilder(http())
            .region(region)
            .credentialsProvider(credentials(s3))
            .overrideConfiguration(override());
    if (s3 != null) {
      b.endpointOverride(s3).forcePathStyle(true);
    }
    return b.build();
  }

  private static UrlConnectionHttpClient.Builder http() {
    return UrlConnectionHttpClient.builder()
        .connectionTimeout(Duration.ofSeconds(5))
        .socketTimeout(Duration.ofSeconds(60));
  }

  private static ClientOverrideConfiguration override() {
    return ClientOverrideConfiguration.builder()
        .apiCallAttemptTimeout(Duration.ofSeconds(60))
        .build();
  }

  private static AwsCredentialsProvider credentials(URI endpoint) {
    if (endpoint != null && isLoopback(endpoint)) {
      return StaticCredentialsProvider.create(LOCAL_CREDENTIALS);
    }
    return DefaultCredentialsProvider.builder().build();
  }

  static boolean isLoopback(URI endpoint) {
    String host = endpoint.getHost();
    if (host == null) {
      return false;
    }
    if (host.equals("localhost")) {
      return true;
    }
    try {
      // Only literal addresses: no DNS lookups for real hostnames.
      if (host.matches("[0-9.]+") || host.startsWith("[")) {
        return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
      }
    } catch (UnknownHostException e) {
      return false;
    }
    return false;
  }

  private static Region defaultRegion() {
    try {
      return new DefaultAwsRegionProviderChain().getRegion();
    } catch (RuntimeException e) {
      return DEFAULT_REGION;
    }
  }
}
