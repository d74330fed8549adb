package com.cci.fulfillment.lambda;

import com.cci.fulfillment.bank.BankModels;
import com.cci.fulfillment.bank.CoreBankingClient;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
  private static final java.util.concurrent.CountDownLatch DONE =
      new java.util.concurrent.CountDownLatch(1);

  /**
   * Only the order of the warm-up, not its coverage: the core-banking types an authenticated
   * CheckBalance reads (the P7 turn) come first, so the classes its first turn needs are ready
   * soonest; every other wire type follows (see {@link #bankReads} and {@link #bankWrites}).
   */
  private static final List<Class<?>> FIRST =
      List.of(
          BankModels.Customer.class,
          BankModels.Account.class,
          BankModels.Balance.class,
          BankModels.Loan.class,
          BankModels.PinVerification.class);

  private ClassPreloader() {}

  /**
   * Builds the Jackson (de)serializers of the first invocation: the Lex response and every
   * core-banking wire type. Pure computation on constant data (no I/O, no randomness).
   */
  static void warmJackson() {
    try {
      warm(com.cci.schemas.Json.mapper());
    } catch (java.io.IOException | RuntimeException | LinkageError ignored) {
      // only a warm-up: the first invocation does the work itself
    }
  }

  /**
   * Builds, in {@code mapper}'s caches, the Lex response serializer, a deserializer for every type
   * in {@link #bankReads} and a serializer for every type in {@link #bankWrites}; returns how many
   * types it warmed. Throws what Jackson throws (the caller decides whether that matters).
   */
  static int warm(ObjectMapper mapper) throws java.io.IOException {
    mapper
        .writerFor(com.cci.schemas.lex.LexV2Response.class)
        .writeValueAsBytes(com.cci.fulfillment.app.SafeReplies.escalate("warm-up"));
    int n = 1;
    for (JavaType t : bankReads(mapper.getTypeFactory())) {
      mapper.readerFor(t); // constructs and caches the root deserializer
      n++;
    }
    for (Class<?> c : bankWrites()) {
      mapper.writerFor(c); // constructs and caches the root serializer
      n++;
    }
    return n;
  }

  /**
   * Every type {@link CoreBankingClient} deserializes: each non-generic record nested in {@link
   * BankModels} that is not a request body (answers, the PIN verification, the error body — their
   * enums come with them), then {@code Page<X>} for each {@code List<X>} the client returns.
   * Derived by reflection, so a model or list endpoint added later is covered without editing this
   * class; {@link #FIRST} only sets the order.
   */
  static List<JavaType> bankReads(TypeFactory types) {
    Set<Class<?>> requests = new LinkedHashSet<>(bankWrites());
    List<Class<?>> records = new ArrayList<>(FIRST);
    for (Class<?> c : sortedByName(BankModels.class.getDeclaredClasses())) {
      if (c.isRecord()
          && c.getTypeParameters().length == 0
          && !requests.contains(c)
          && !records.contains(c)) {
        records.add(c);
      }
    }
    List<Class<?>> pages = listElements();
    List<JavaType> reads = new ArrayList<>();
    // FIRST's records and pages, then the rest: records before pages (a page reuses its element's).
    for (int pass = 0; pass < 2; pass++) {
      for (Class<?> c : records) {
        if (FIRST.contains(c) == (pass == 0)) {
          reads.add(types.constructType(c));
        }
      }
      for (Class<?> element : pages) {
        if (FIRST.contains(element) == (pass == 0)) {
          reads.add(types.constructParametricType(BankModels.Page.class, element));
        }
      }
    }
    return reads;
  }

  /**
   * Every request body {@link CoreBankingClient} serializes: the {@link BankModels} records its
   * public methods take as parameters (the other calls send small maps or nothing).
   */
  static List<Class<?>> bankWrites() {
    Set<Class<?>> writes = new LinkedHashSet<>();
    for (Method m : clientMethods()) {
      for (Class<?> p : m.getParameterTypes()) {
        if (p.getDeclaringClass() == BankModels.class && p.isRecord()) {
          writes.add(p);
        }
      }
    }
    return List.copyOf(writes);
  }

  /** The element types {@code X} of the client's public methods returning {@code List<X>}. */
  private static List<Class<?>> listElements() {
    Set<Class<?>> elements = new LinkedHashSet<>();
    for (Method m : clientMethods()) {
      if (m.getGenericReturnType() instanceof ParameterizedType pt
          && pt.getRawType() == List.class
          && pt.getActualTypeArguments()[0] instanceof Class<?> element
          && element.getDeclaringClass() == BankModels.class) {
        elements.add(element);
      }
    }
    return sortedByName(elements.toArray(Class<?>[]::new));
  }

  private static List<Method> clientMethods() {
    List<Method> methods = new ArrayList<>();
    for (Method m : CoreBankingClient.class.getDeclaredMethods()) {
      if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic()) {
        methods.add(m);
      }
    }
    methods.sort(Comparator.comparing(Method::getName));
    return methods;
  }

  private static List<Class<?>> sortedByName(Class<?>[] classes) {
    List<Class<?>> sorted = new ArrayList<>(Arrays.asList(classes));
    sorted.sort(Comparator.comparing(Class::getName));
    return sorted;
  }

  /**
   * Waits until the preloading thread has finished (or {@code timeoutMs} passed); true if it has.
   * For an AppCDS training run, so the archive holds everything the preloader loads, and for a
   * priming hook before a snapshot. Returns at once if the preloader was never started.
   */
  static boolean await(long timeoutMs) throws InterruptedException {
    return !started || DONE.await(timeoutMs, java.util.concurrent.TimeUnit.MILLISECONDS);
  }

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
              try {
                warmJackson();
              } finally {
                DONE.countDown();
              }
            },
            "class-preload");
    t.setDaemon(true);
    t.setPriority(Thread.NORM_PRIORITY - 1);
    t.start();
  }
}
