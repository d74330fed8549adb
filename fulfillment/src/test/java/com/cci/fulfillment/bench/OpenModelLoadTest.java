package com.cci.fulfillment.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenModelLoadTest {
  static {
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private HttpServer server;
  private ExecutorService executor;

  private URI start(int threads) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
    executor = Executors.newFixedThreadPool(threads);
    server.setExecutor(executor);
    server.createContext("/lex", this::answer);
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/lex");
  }

  /** Echo-like server: the request body decides the answer. */
  private void answer(HttpExchange ex) throws IOException {
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    int status = 200;
    String reply = "{\"ok\":true}";
    try {
      switch (body) {
        case "fail" -> status = 500;
        case "degraded" -> reply = "{\"msg\":\"temporarily unavailable\"}";
        case "stall" -> Thread.sleep(300);
        case "hang" -> Thread.sleep(1_500);
        default -> {}
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    byte[] out = reply.getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(status, out.length);
    ex.getResponseBody().write(out);
    ex.close();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
    }
  }

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static boolean degraded(String body) {
    return body.contains("temporarily unavailable");
  }

  @Test
  void sendsEveryRequestAtTheRateAndCountsNoErrorsForGoodAnswers() throws Exception {
    OpenModelLoad load = new OpenModelLoad(start(4), Duration.ofSeconds(2));
    OpenModelLoad.Result r =
        load.run(200, Duration.ofSeconds(1), List.of(b("a"), b("b")), OpenModelLoadTest::degraded);
    assertEquals(200, r.sent());
    assertEquals(200, r.ok());
    assertEquals(0, r.errors());
    assertEquals(200, r.corrected().getTotalCount());
    assertTrue(r.achievedRate() > 150, "achieved " + r.achievedRate());
  }

  @Test
  void countsNon200DegradedAndUnansweredRequestsAsErrors() throws Exception {
    OpenModelLoad load = new OpenModelLoad(start(64), Duration.ofMillis(500));
    // 100 requests cycling over 4 bodies: 25 each.
    OpenModelLoad.Result r =
        load.run(
            100,
            Duration.ofSeconds(1),
            List.of(b("ok"), b("fail"), b("degraded"), b("hang")),
            OpenModelLoadTest::degraded);
    assertEquals(100, r.sent());
    assertEquals(25, r.ok());
    assertEquals(75, r.errors());
    assertEquals(100, r.corrected().getTotalCount());
    assertTrue(
        r.firstErrors().stream().anyMatch(e -> e.startsWith("HTTP 500")),
        r.firstErrors().toString());
    assertTrue(
        r.firstErrors().stream().anyMatch(e -> e.startsWith("degraded reply")),
        r.firstErrors().toString());
  }

  @Test
  void latencyIsMeasuredFromTheIntendedSendTimeSoAStallCountsForTheRequestsBehindIt()
      throws Exception {
    // One server thread: a 300 ms stall delays every request that arrives during it. The
    // generator keeps sending on schedule (open model), and those requests' corrected latency
    // includes the wait.
    OpenModelLoad load = new OpenModelLoad(start(1), Duration.ofSeconds(3));
    List<byte[]> bodies = new java.util.ArrayList<>();
    bodies.add(b("stall"));
    for (int i = 1; i < 100; i++) {
      bodies.add(b("ok"));
    }
    OpenModelLoad.Result r =
        load.run(100, Duration.ofSeconds(1), bodies, OpenModelLoadTest::degraded);
    assertEquals(0, r.errors());
    // Requests 1..19 (due every 10 ms) wait > 100 ms behind the stall, plus the stall itself.
    long slow = r.corrected().getCountBetweenValues(100_000, r.corrected().getMaxValue());
    assertTrue(slow >= 15, "requests over 100 ms: " + slow);
    assertTrue(r.corrected().getMaxValue() >= 290_000, "max " + r.corrected().getMaxValue());
    for (double pct : new double[] {50, 90, 99, 100}) {
      assertTrue(r.p(r.corrected(), pct) >= r.p(r.uncorrected(), pct) - 0.01);
    }
    // The worst 100 ms window is the first one (the stall), the one after it is next.
    List<long[]> worst = r.worstWindows(100, 3, 10_000);
    assertEquals(3, worst.size());
    assertEquals(r.startEpochMillis(), worst.get(0)[0]);
    assertEquals(r.corrected().getMaxValue(), worst.get(0)[1], r.corrected().getMaxValue() / 100.0);
    assertEquals(10, worst.get(0)[2]); // 10 requests due in the first 100 ms, all behind the stall
    assertTrue(worst.get(0)[1] >= worst.get(1)[1] && worst.get(1)[1] >= worst.get(2)[1]);
  }
}
