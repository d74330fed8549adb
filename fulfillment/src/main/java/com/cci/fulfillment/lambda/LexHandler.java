package com.cci.fulfillment.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.cci.fulfillment.app.FulfillmentApp;
import com.cci.fulfillment.app.FulfillmentConfig;
import com.cci.fulfillment.app.SafeReplies;
import com.cci.fulfillment.obs.LineWriter;
import com.cci.schemas.Json;
import com.cci.schemas.lex.LexV2Event;
import com.cci.schemas.lex.LexV2Response;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Map;

/**
 * The AWS Lambda entry point for the Lex V2 code hook: {@code
 * com.cci.fulfillment.lambda.LexHandler::handleRequest}.
 *
 * <p><b>SnapStart-safe</b>: the constructor only reads the configuration (environment) and builds
 * Jackson readers; the core-banking, DynamoDB and Kinesis clients are built on the first
 * invocation, so no connection, credential or random seed is captured in a snapshot (per-turn ids
 * come from {@code UUID.randomUUID()} at call time).
 *
 * <p>Bad input — not JSON, not an object, a structurally broken event, or a runtime that cannot be
 * wired — gets a well-formed Lex Close with a safe message and an escalation to an agent, never a
 * stack trace. After the reply is built, EMF metrics are written and the turn's events get up to
 * {@code CCI_EVENTS_FLUSH_MS} to reach Kinesis (a Lambda container is frozen between invocations).
 */
public final class LexHandler implements RequestStreamHandler {
  static {
    // First, so the SDK/HTTP/router classes load on another core while Jackson builds READER.
    ClassPreloader.start();
  }

  private static final ObjectReader READER = Json.mapper().readerFor(LexV2Event.class);
  private static final ObjectWriter WRITER = Json.mapper().writerFor(LexV2Response.class);

  private final FulfillmentApp app;

  /** Used by the Lambda runtime: configuration from the environment. */
  public LexHandler() {
    this(
        new FulfillmentApp(
            FulfillmentConfig.fromEnv(System.getenv()), Clock.systemUTC(), LineWriter.stdout()));
  }

  /** For tests and the benchmark: a given application. */
  public LexHandler(FulfillmentApp app) {
    this.app = app;
    ClassPreloader.start();
  }

  /**
   * Waits up to {@code timeoutMs} for the class-preloading thread started by this class to finish;
   * true if it has. For an AppCDS training run (the archive then holds every class the preloader
   * loads, not only those one event needed) or a priming hook before a SnapStart snapshot.
   */
  public static boolean awaitClassPreload(long timeoutMs) throws InterruptedException {
    return ClassPreloader.await(timeoutMs);
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    byte[] body = input.readAllBytes();
    LexV2Response reply = answer(body);
    output.write(WRITER.writeValueAsBytes(reply));
    output.flush();
    try {
      app.flush(app.config().lambdaEventFlush());
    } catch (RuntimeException e) {
      app.log().error("flush failed", Map.of(), e);
    }
  }

  /**
   * Starts wiring the clients on another thread; {@code app.router()} waits for it (or does it
   * itself if this thread has not got there yet). A failure is left to {@code router()} to report.
   */
  private void wireInBackground() {
    Thread t =
        new Thread(
            () -> {
              try {
                app.router();
              } catch (RuntimeException reportedByTheCaller) {
                // router() on the invocation thread tries again and answers safely
              }
            },
            "wire-clients");
    t.setDaemon(true);
    t.start();
  }

  /** The reply to one raw event. Never throws. */
  LexV2Response answer(byte[] body) {
    if (!app.isWired()) {
      wireInBackground(); // the first event: build the clients while the event is parsed
    }
    LexV2Event event;
    try {
      event = READER.readValue(body);
    } catch (IOException | RuntimeException notAnEvent) {
      app.log()
          .warn(
              "not a Lex V2 event",
              Map.of("bytes", body.length, "error", notAnEvent.getClass().getSimpleName()));
      event = null;
    }
    try {
      return app.router().handle(event);
    } catch (RuntimeException wiring) {
      app.log().error("runtime unavailable", Map.of(), wiring);
      return SafeReplies.escalate("fulfillment runtime unavailable");
    }
  }
}
