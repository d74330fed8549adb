package com.cci.fulfillment.webhook;

import com.cci.fulfillment.app.FulfillmentApp;
import com.cci.fulfillment.obs.FulfillmentEventSink;
import com.cci.fulfillment.obs.PiiMasker;
import com.cci.schemas.Json;
import com.cci.schemas.SchemaKind;
import com.cci.schemas.lex.LexV2Event;
import com.cci.schemas.lex.LexV2Response;
import com.cci.schemas.validation.ContractValidator;
import com.cci.schemas.validation.ValidationResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTP face of the code hook, on Jetty 12 (core handler API, no servlets): {@code POST /lex}
 * takes a Lex V2 event and answers the Lex V2 response JSON; {@code GET /health} reports the
 * core-bank breaker and event counters.
 *
 * <p>Bad input is answered {@code 400} with {@code {"error", "message", "violations"}}: a body that
 * is not JSON, not an object, or not a Lex V2 event by the {@code lex-v2-event} contract (the
 * violations list JSON paths and rules, values masked). Bodies over 256 KiB are {@code 413}; other
 * paths {@code 404}; other methods {@code 405}. A valid event always gets {@code 200} with a Lex
 * response (the router never throws).
 */
public final class LexWebhook implements AutoCloseable {
  static final int MAX_BODY = 256 * 1024;
  private static final ObjectWriter WRITER = Json.mapper().writerFor(LexV2Response.class);

  private final FulfillmentApp app;
  private final Server server;
  private final ServerConnector connector;
  private final ScheduledExecutorService flusher;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();

  /** A webhook on {@code host:port} (port 0 = any free port); call {@link #start()}. */
  public LexWebhook(FulfillmentApp app, String host, int port) {
    this.app = app;
    QueuedThreadPool threads = new QueuedThreadPool(200, 8);
    threads.setName("lex-webhook");
    threads.setDaemon(true);
    this.server = new Server(threads);
    this.connector = new ServerConnector(server);
    connector.setHost(host);
    connector.setPort(port);
    server.addConnector(connector);
    server.setHandler(new Routes());
    server.setStopTimeout(2_000);
    this.flusher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "emf-flush");
              t.setDaemon(true);
              return t;
            });
  }

  /** Starts serving; the router (and its clients) is wired before the first request. */
  public LexWebhook start() throws Exception {
    app.router();
    server.start();
    flusher.scheduleAtFixedRate(
        () -> {
          try {
            app.flush(java.time.Duration.ZERO);
          } catch (RuntimeException ignored) {
            // next second
          }
        },
        1,
        1,
        TimeUnit.SECONDS);
    return this;
  }

  public int port() {
    return connector.getLocalPort();
  }

  public InetSocketAddress address() {
    return new InetSocketAddress(connector.getHost(), port());
  }

  /** Requests to {@code /lex} so far, and how many were rejected with 4xx. */
  public long requests() {
    return requests.get();
  }

  public long rejected() {
    return rejected.get();
  }

  @Override
  public void close() {
    flusher.shutdownNow();
    try {
      server.stop();
    } catch (Exception e) {
      app.log().warn("webhook stop failed", Map.of("error", e.getClass().getName()));
    }
  }

  private final class Routes extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      String path = Request.getPathInContext(request);
      String method = request.getMethod();
      if (path.equals("/lex")) {
        if (!HttpMethod.POST.is(method)) {
          return send(
              response,
              callback,
              405,
              error("method_not_allowed", "use POST /lex with a Lex V2 event"));
        }
        requests.incrementAndGet();
        lex(request, response, callback);
        return true;
      }
      if (path.equals("/health")) {
        if (!HttpMethod.GET.is(method)) {
          return send(response, callback, 405, error("method_not_allowed", "use GET /health"));
        }
        return send(response, callback, 200, health());
      }
      return send(response, callback, 404, error("not_found", "endpoints: POST /lex, GET /health"));
    }
  }

  private void lex(Request request, Response response, Callback callback) throws IOException {
    long declared = request.getLength();
    if (declared > MAX_BODY) {
      reject(
          response, callback, 413, error("too_large", "the body exceeds " + MAX_BODY + " bytes"));
      return;
    }
    byte[] body;
    try {
      body = readBody(request, declared);
    } catch (IllegalArgumentException tooLarge) {
      reject(
          response, callback, 413, error("too_large", "the body exceeds " + MAX_BODY + " bytes"));
      return;
    }
    JsonNode tree;
    try {
      tree = Json.mapper().readTree(body);
    } catch (IOException e) {
      reject(
          response,
          callback,
          400,
          error("invalid_json", "the body is not JSON: send a Lex V2 event object"));
      return;
    }
    if (tree == null || !tree.isObject()) {
      reject(
          response,
          callback,
          400,
          error("invalid_event", "the body must be a JSON object (a Lex V2 event)"));
      return;
    }
    ValidationResult v = ContractValidator.shared().validate(SchemaKind.LEX_V2_EVENT, tree, "body");
    if (!v.valid()) {
      ObjectNode err =
          error(
              "invalid_event",
              "the body is not a Lex V2 code-hook event (see schemas/lex-v2-event.schema.json)");
      ArrayNode list = err.putArray("violations");
      v.violations().stream()
          .limit(10)
          .forEach(
              x ->
                  list.addObject()
                      .put("path", x.path())
                      .put("rule", x.rule())
                      .put("message", PiiMasker.maskText(x.message())));
      reject(response, callback, 400, err);
      return;
    }
    LexV2Event event;
    try {
      event = Json.mapper().treeToValue(tree, LexV2Event.class);
    } catch (IOException | RuntimeException e) {
      reject(
          response,
          callback,
          400,
          error("invalid_event", "the event could not be read: " + e.getClass().getSimpleName()));
      return;
    }
    LexV2Response reply = app.router().handle(event);
    byte[] out = WRITER.writeValueAsBytes(reply);
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(out), callback);
  }

  private static byte[] readBody(Request request, long declared) throws IOException {
    try (var in = Content.Source.asInputStream(request)) {
      if (declared >= 0) { // Content-Length known (and <= MAX_BODY): one exact buffer
        byte[] b = new byte[(int) declared];
        int n = in.readNBytes(b, 0, b.length);
        return n == b.length ? b : java.util.Arrays.copyOf(b, n);
      }
      byte[] b = in.readNBytes(MAX_BODY + 1);
      if (b.length > MAX_BODY) {
        throw new IllegalArgumentException("too large");
      }
      return b;
    }
  }

  private void reject(Response response, Callback callback, int status, ObjectNode body) {
    rejected.incrementAndGet();
    send(response, callback, status, body);
  }

  private static boolean send(Response response, Callback callback, int status, JsonNode body) {
    byte[] out;
    try {
      out = Json.mapper().writeValueAsBytes(body);
    } catch (IOException e) {
      out = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(out), callback);
    return true;
  }

  private static ObjectNode error(String code, String message) {
    ObjectNode n = Json.mapper().createObjectNode();
    n.put("error", code);
    n.put("message", message);
    return n;
  }

  private ObjectNode health() {
    ObjectNode n = Json.mapper().createObjectNode();
    n.put("status", "UP");
    n.put("bankCircuit", app.bank().circuitState().name());
    FulfillmentEventSink sink = app.telemetry().sink();
    ObjectNode ev = n.putObject("events");
    ev.put("accepted", sink.accepted());
    ev.put("delivered", sink.delivered());
    ev.put("dropped", sink.dropped());
    n.put("requests", requests.get());
    n.put("rejected", rejected.get());
    return n;
  }
}
