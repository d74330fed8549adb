package com.cci.fulfillment.app;

import com.cci.fulfillment.auth.AuthTable;
import com.cci.fulfillment.auth.DynamoAuthService;
import com.cci.fulfillment.bank.CoreBankingClient;
import com.cci.fulfillment.obs.EmfMetrics;
import com.cci.fulfillment.obs.FulfillmentEventSink;
import com.cci.fulfillment.obs.JsonLogger;
import com.cci.fulfillment.obs.KinesisEventSink;
import com.cci.fulfillment.obs.LineWriter;
import com.cci.fulfillment.obs.TurnTelemetry;
import com.cci.fulfillment.router.IntentRouter;
import com.cci.local.AwsClients;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Wires the runtime from a {@link FulfillmentConfig}: core-banking client, {@link
 * DynamoAuthService}, telemetry (JSON logs, EMF, Kinesis events) and the {@link IntentRouter}.
 * Shared by the Lambda handler and the webhook.
 *
 * <p>Construction is cheap and opens nothing; the clients are built on the first {@link #router()}
 * call (SnapStart-safe: no connection or SDK client is captured in a snapshot).
 */
public final class FulfillmentApp implements AutoCloseable {
  private final FulfillmentConfig config;
  private final Clock clock;
  private final LineWriter out;
  private final JsonLogger log;
  private volatile Wired wired;

  private record Wired(
      IntentRouter router,
      CoreBankingClient bank,
      DynamoDbClient dynamo,
      DynamoAuthService auth,
      TurnTelemetry telemetry) {}

  public FulfillmentApp(FulfillmentConfig config, Clock clock, LineWriter out) {
    this.config = Objects.requireNonNull(config);
    this.clock = Objects.requireNonNull(clock);
    this.out = Objects.requireNonNull(out);
    this.log =
        new JsonLogger(
            config.serviceName(),
            "fulfillment",
            JsonLogger.Level.parse(config.logLevel()),
            out,
            clock);
  }

  public FulfillmentConfig config() {
    return config;
  }

  public JsonLogger log() {
    return log;
  }

  /** The router, wiring every client on first use. */
  public IntentRouter router() {
    return wired().router();
  }

  public CoreBankingClient bank() {
    return wired().bank();
  }

  public TurnTelemetry telemetry() {
    return wired().telemetry();
  }

  /** Whether the clients have been built yet. */
  public boolean isWired() {
    return wired != null;
  }

  private Wired wired() {
    Wired w = wired;
    if (w == null) {
      synchronized (this) {
        w = wired;
        if (w == null) {
          w = wire();
          wired = w;
        }
      }
    }
    return w;
  }

  private Wired wire() {
    if (config.bankUrl().isEmpty()) {
      throw new IllegalStateException(
          "CCI_BANK_URL is not set: point it at the core-banking API (./cci webhook starts a"
              + " sandbox bank when it is unset)");
    }
    AwsClients aws =
        AwsClients.forEndpoints(
            config.kinesisEndpoint().orElse(null), config.dynamoEndpoint().orElse(null), null);
    // The DynamoDB client (SDK class loading, interceptors, auth schemes: the slowest part of a
    // cold start) is built on its own thread while the bank client and the router are built here.
    CompletableFuture<DynamoDbClient> dynamoFuture = new CompletableFuture<>();
    Thread builder =
        new Thread(
            () -> {
              try {
                dynamoFuture.complete(
                    AuthDynamoClient.build(config.dynamoEndpoint().orElse(null), aws.region()));
              } catch (Throwable t) {
                dynamoFuture.completeExceptionally(t);
              }
            },
            "dynamo-client-init");
    builder.setDaemon(true);
    builder.start();
    CoreBankingClient bank = new CoreBankingClient(config.bankClientConfig());
    DynamoDbClient dynamo;
    try {
      dynamo = dynamoFuture.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
    if (config.createAuthTable()) {
      AuthTable.ensure(dynamo, config.authTable());
    }
    DynamoAuthService auth =
        new DynamoAuthService(
            dynamo,
            bank::verifyPin,
            clock,
            new DynamoAuthService.Config(
                config.authTable(),
                config.maxPinFailures(),
                config.sessionIdle(),
                config.lockout(),
                Duration.ofSeconds(30),
                Duration.ofSeconds(Math.min(15, config.sessionIdle().toSeconds() / 2))));
    FulfillmentEventSink sink =
        config.eventStream().isPresent()
            ? new KinesisEventSink(
                config.eventStream().get(),
                aws::kinesis,
                config.eventQueue(),
                Duration.ofMillis(50),
                3,
                log.named("events"))
            : FulfillmentEventSink.countingOnly();
    if (config.eventStream().isEmpty()) {
      log.warn(
          "CCI_FULFILLMENT_STREAM is not set: fulfillment events are counted, not shipped",
          Map.of());
    }
    if (config.developmentSalt()) {
      log.warn(
          "CCI_SESSION_HASH_SALT is not set: session hashes use the development salt", Map.of());
    }
    TurnTelemetry telemetry =
        new TurnTelemetry(
            config.sessionSalt(),
            config.tenantId(),
            new EmfMetrics(config.metricsNamespace(), config.serviceName(), out, clock),
            sink,
            log.named("turns"));
    IntentRouter router = new IntentRouter(bank, auth, clock, telemetry);
    return new Wired(router, bank, dynamo, auth, telemetry);
  }

  /** Writes pending metrics and waits up to {@code eventWait} for pending events. */
  public void flush(Duration eventWait) {
    Wired w = wired;
    if (w == null) {
      return;
    }
    w.telemetry().metrics().flush();
    if (!eventWait.isZero()) {
      w.telemetry().sink().flush(eventWait);
    }
  }

  @Override
  public void close() {
    Wired w = wired;
    if (w == null) {
      return;
    }
    w.telemetry().metrics().flush();
    w.telemetry().sink().close();
    w.dynamo().close();
    w.bank().close();
  }
}
