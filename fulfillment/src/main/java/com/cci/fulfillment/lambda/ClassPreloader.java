package com.cci.fulfillment.lambda;

import java.util.List;

/**
 * Cold-start help: loads and initialises, on a background daemon thread, the classes the first
 * invocation needs (AWS SDK DynamoDB client and model, the JDK HTTP client, Resilience4j, the
 * router and intents), so that work overlaps the runtime's init and the first event instead of
 * adding to it. Loading classes opens no connection and draws no random value, so it is safe in a
 * SnapStart init phase. Classes that are missing are skipped.
 */
final class ClassPreloader {
  private static final List<String> CLASSES =
      List.of(
          "software.amazon.awssdk.services.dynamodb.DynamoDbClient",
          "software.amazon.awssdk.services.dynamodb.DefaultDynamoDbClientBuilder",
          "software.amazon.awssdk.services.dynamodb.endpoints.internal.DefaultDynamoDbEndpointProvider",
          "software.amazon.awssdk.services.dynamodb.model.GetItemRequest",
          "software.amazon.awssdk.services.dynamodb.model.GetItemResponse",
          "software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest",
          "software.amazon.awssdk.services.dynamodb.model.AttributeValue",
          "software.amazon.awssdk.services.dynamodb.transform.GetItemRequestMarshaller",
          "software.amazon.awssdk.http.apache.ApacheHttpClient",
          "org.apache.http.impl.conn.PoolingHttpClientConnectionManager",
          "org.apache.http.impl.client.HttpClientBuilder",
          "org.apache.http.impl.execchain.MainClientExec",
          "software.amazon.awssdk.auth.signer.Aws4Signer",
          "software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner",
          "software.amazon.awssdk.protocols.json.internal.unmarshall.JsonProtocolUnmarshaller",
          "software.amazon.awssdk.core.internal.http.AmazonSyncHttpClient",
          "org.apache.http.impl.client.InternalHttpClient",
          "org.apache.http.client.methods.HttpGet",
          "io.github.resilience4j.circuitbreaker.CircuitBreaker",
          "io.github.resilience4j.retry.Retry",
          "io.github.resilience4j.bulkhead.Bulkhead",
          "com.cci.fulfillment.router.IntentRouter",
          "com.cci.fulfillment.intents.BankingIntents",
          "com.cci.fulfillment.obs.TurnTelemetry",
          "com.cci.schemas.fulfillment.FulfillmentEvent");
  private static volatile boolean started;

  private ClassPreloader() {}

  /**
   * Builds the Jackson (de)serializers of the first invocation: the Lex response and the
   * core-banking models. Pure computation on constant data (no I/O, no randomness).
   */
  static void warmJackson() {
    try {
      var mapper = com.cci.schemas.Json.mapper();
      mapper
          .writerFor(com.cci.schemas.lex.LexV2Response.class)
          .writeValueAsBytes(com.cci.fulfillment.app.SafeReplies.escalate("warm-up"));
      for (Class<?> c : BANK_MODELS) {
        mapper.readerFor(c); // constructs and caches the root deserializer
      }
      mapper.readerFor(
          mapper
              .getTypeFactory()
              .constructParametricType(
                  com.cci.fulfillment.bank.BankModels.Page.class,
                  com.cci.fulfillment.bank.BankModels.Account.class));
    } catch (java.io.IOException | RuntimeException | LinkageError ignored) {
      // only a warm-up: the first invocation does the work itself
    }
  }

  private static final List<Class<?>> BANK_MODELS =
      List.of(
          com.cci.fulfillment.bank.BankModels.Customer.class,
          com.cci.fulfillment.bank.BankModels.Account.class,
          com.cci.fulfillment.bank.BankModels.Balance.class,
          com.cci.fulfillment.bank.BankModels.Loan.class,
          com.cci.fulfillment.bank.BankModels.PinVerification.class);

  static void start() {
    if (started) {
      return;
    }
    started = true;
    Thread t =
        new Thread(
            () -> {
              ClassLoader cl = ClassPreloader.class.getClassLoader();
              for (String name : CLASSES) {
                try {
                  Class.forName(name, true, cl);
                } catch (ClassNotFoundException | LinkageError missing) {
                  // optional: nothing to warm
                }
              }
              warmJackson();
            },
            "class-preload");
    t.setDaemon(true);
    t.setPriority(Thread.NORM_PRIORITY - 1);
    t.start();
  }
}
