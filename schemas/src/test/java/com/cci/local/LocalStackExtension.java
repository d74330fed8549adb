package com.cci.local;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension that starts local emulators once per test class and stops them in {@code
 * afterAll}, also when tests fail. Shipped in the schemas test-jar for every module's integration
 * tests:
 *
 * <pre>{@code
 * @RegisterExtension
 * static LocalStackExtension stack =
 *     LocalStackExtension.kinesis().dynamodb().s3("raw").streams(4, "cci-ctr", "cci-alarms");
 *
 * @Test void works() {
 *   try (KinesisClient k = stack.clients().kinesis()) { ... }
 * }
 * }</pre>
 *
 * Register it as a {@code static} field. Existing endpoints in {@code AWS_ENDPOINT_URL*} are
 * honoured as by {@link LocalStack}; use {@link #ignoreEnvironment()} to always start emulators.
 * Nested test classes share the outer class's stack.
 */
public final class LocalStackExtension implements BeforeAllCallback, AfterAllCallback {
  private final LocalStack.Builder builder = LocalStack.builder();
  private List<String> streams = List.of();
  private int shards = 4;
  private LocalStack stack;
  private int depth;

  private LocalStackExtension() {}

  /** A stack with kinesis-mock. */
  public static LocalStackExtension kinesis() {
    return new LocalStackExtension().withKinesis();
  }

  /** A stack with DynamoDB Local. */
  public static LocalStackExtension dynamodbOnly() {
    return new LocalStackExtension().dynamodb();
  }

  /** A stack with S3Mock and these buckets. */
  public static LocalStackExtension s3Only(String... buckets) {
    return new LocalStackExtension().s3(buckets);
  }

  /** Adds kinesis-mock. */
  public LocalStackExtension withKinesis() {
    builder.kinesis();
    return this;
  }

  /** Adds DynamoDB Local. */
  public LocalStackExtension dynamodb() {
    builder.dynamodb();
    return this;
  }

  /** Adds S3Mock with these buckets. */
  public LocalStackExtension s3(String... buckets) {
    builder.s3(buckets);
    return this;
  }

  /** Kinesis streams to create (and wait ACTIVE) after start; implies kinesis. */
  public LocalStackExtension streams(int shardsPerStream, String... names) {
    builder.kinesis();
    this.shards = shardsPerStream;
    this.streams = List.of(names);
    return this;
  }

  /** Always start emulators, whatever {@code AWS_ENDPOINT_URL*} says. */
  public LocalStackExtension ignoreEnvironment() {
    builder.ignoreEnvironment();
    return this;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (depth++ > 0) {
      return; // nested class: the outer stack is running
    }
    stack = builder.start();
    if (!streams.isEmpty()) {
      try (var k = stack.clients().kinesis()) {
        new com.cci.kinesis.KinesisAdmin(k).ensureStreams(streams, shards);
      } catch (RuntimeException e) {
        stack.close();
        stack = null;
        throw e;
      }
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (--depth > 0) {
      return;
    }
    LocalStack s = stack;
    stack = null;
    if (s != null) {
      s.close();
    }
  }

  /** The running stack. */
  public LocalStack stack() {
    if (stack == null) {
      throw new IllegalStateException(
          "the local stack is not running: register LocalStackExtension on a static field");
    }
    return stack;
  }

  public AwsClients clients() {
    return stack().clients();
  }

  public URI kinesisEndpoint() {
    return stack().kinesisEndpoint();
  }

  public URI dynamoDbEndpoint() {
    return stack().dynamoDbEndpoint();
  }

  public URI s3Endpoint() {
    return stack().s3Endpoint();
  }

  /** Environment for child processes (see {@link LocalStack#env()}). */
  public Map<String, String> env() {
    return stack().env();
  }

  /** Streams created at start. */
  public Collection<String> streamNames() {
    return streams;
  }
}
