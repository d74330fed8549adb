package com.cci.fulfillment.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * An open-model load generator: request {@code i} is due at {@code start + i / rate}, whatever
 * happened to earlier requests, and is sent without waiting for any other request, so a slow server
 * never slows the arrival rate. Latency is measured from the <em>intended</em> send time to the
 * complete response (coordinated-omission corrected: time a request spent waiting behind a stalled
 * sender or server counts); the latency from the actual send time is kept alongside for comparison.
 * Histograms are HdrHistogram in microseconds, 3 significant digits.
 *
 * <p>Transport: a small non-blocking HTTP/1.1 client on one selector thread (the JDK {@code
 * HttpClient} cost ~0.5 ms of CPU per request, on the same cores as the system under test). A
 * request goes out on an idle keep-alive connection, or on a new one when all are busy (no
 * pipelining, no queueing in the generator: concurrency grows with the server's latency, as in an
 * open model). Responses must carry {@code Content-Length}; anything else, a non-200, a reply
 * {@code isError} rejects, a broken connection or no answer within the timeout is an error.
 */
public final class OpenModelLoad {
  /** One run's figures. */
  public record Result(
      long sent,
      long ok,
      long errors,
      Histogram corrected,
      Histogram uncorrected,
      double achievedRate,
      long maxSendLagMicros,
      List<String> firstErrors,
      long startEpochMillis,
      long intervalNanos,
      int[] correctedMicros) {
    public double p(Histogram h, double pct) {
      return h.getValueAtPercentile(pct) / 1000.0;
    }

    /**
     * The worst moments of the run: requests grouped by intended send time into windows of {@code
     * windowMillis}; the {@code n} windows with the highest latency, worst first, each as {@code
     * {epochMillis of the window start, max latency µs, requests over thresholdMicros}}.
     */
    public List<long[]> worstWindows(int windowMillis, int n, long thresholdMicros) {
      long perWindow = Math.max(1, windowMillis * 1_000_000L / intervalNanos);
      List<long[]> windows = new ArrayList<>();
      for (int from = 0; from < correctedMicros.length; from += perWindow) {
        long max = 0;
        long over = 0;
        for (int k = from; k < Math.min(correctedMicros.length, from + perWindow); k++) {
          max = Math.max(max, correctedMicros[k]);
          over += correctedMicros[k] > thresholdMicros ? 1 : 0;
        }
        windows.add(new long[] {startEpochMillis + from * intervalNanos / 1_000_000, max, over});
      }
      windows.sort((a, b) -> Long.compare(b[1], a[1]));
      return windows.subList(0, Math.min(n, windows.size()));
    }
  }

  /** More connections than this at once means the server is far behind: count, don't open. */
  static final int MAX_CONNECTIONS = 4_000;

  /** Idle keep-alive connections are closed by the generator after this long. */
  static final long IDLE_CLOSE_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final URI target;
  private final Duration timeout;
  private final InetSocketAddress address;
  private final byte[] head;

  public OpenModelLoad(URI target, Duration timeout) {
    if (!"http".equals(target.getScheme()) || target.getHost() == null || target.getPort() < 0) {
      throw new IllegalArgumentException(
          "target must be http://host:port/path with an explicit port, was " + target);
    }
    this.target = target;
    this.timeout = timeout;
    this.address = new InetSocketAddress(target.getHost(), target.getPort());
    String path =
        target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
    this.head =
        ("POST "
                + path
                + " HTTP/1.1\r\nHost: "
                + target.getHost()
                + ":"
                + target.getPort()
                + "\r\nContent-Type: application/json\r\nContent-Length: ")
            .getBytes(StandardCharsets.US_ASCII);
  }

  public URI target() {
    return target;
  }

  /**
   * Sends {@code rate} requests per second for {@code duration}; request {@code i} carries {@code
   * bodies.get(i % size)}. {@code isError} judges a 200 body (e.g. a degraded reply).
   */
  public Result run(int rate, Duration duration, List<byte[]> bodies, Predicate<String> isError)
      throws InterruptedException, IOException {
    long total = (long) rate * duration.toSeconds();
    if (total <= 0 || total > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("rate x duration must be 1.." + Integer.MAX_VALUE);
    }
    List<byte[]> requests = new ArrayList<>(bodies.size());
    for (byte[] b : bodies) {
      requests.add(request(b));
    }
    long intervalNanos = 1_000_000_000L / rate;
    Run run = new Run((int) total, isError);
    try (Selector selector = Selector.open()) {
      Thread io = new Thread(() -> run.ioLoop(selector), "load-io");
      io.setDaemon(true);
      io.start();
      long maxLag = 0;
      long start = System.nanoTime() + 20_000_000L;
      long startEpochMillis = System.currentTimeMillis() + 20;
      for (int i = 0; i < total; i++) {
        long intended = start + i * intervalNanos;
        long now = System.nanoTime();
        while (now < intended) {
          LockSupport.parkNanos(intended - now);
          now = System.nanoTime();
        }
        maxLag = Math.max(maxLag, now - intended);
        run.intendedAt[i] = intended;
        run.submitted.add(new Pending(i, intended, requests.get(i % requests.size())));
        selector.wakeup();
      }
      long sendEnd = System.nanoTime();
      if (!run.done.await(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS)) {
        run.cutOff();
      }
      run.stop = true;
      selector.wakeup();
      io.join(5_000);
      double achieved = total / ((sendEnd - start) / 1e9);
      return new Result(
          total,
          run.ok.get(),
          run.errors.get(),
          run.corrected,
          run.uncorrected,
          achieved,
          maxLag / 1000,
          run.firstErrors,
          startEpochMillis,
          intervalNanos,
          run.latencyMicros);
    }
  }

  private byte[] request(byte[] body) {
    byte[] len = (body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] r = new byte[head.length + len.length + body.length];
    System.arraycopy(head, 0, r, 0, head.length);
    System.arraycopy(len, 0, r, head.length, len.length);
    System.arraycopy(body, 0, r, head.length + len.length, body.length);
    return r;
  }

  private record Pending(int index, long intended, byte[] bytes) {}

  /** One keep-alive connection with at most one request in flight. */
  private static final class Conn {
    final SocketChannel ch;
    SelectionKey key;
    Pending req;
    long sentAt;
    ByteBuffer out;
    ByteBuffer in = ByteBuffer.allocate(16 * 1024);
    boolean connected;
    long idleSince;

    Conn(SocketChannel ch) {
      this.ch = ch;
    }
  }

  /** The state of one {@link #run}: accounting shared by the selector thread and the caller. */
  private final class Run {
    final int total;
    final Predicate<String> isError;
    final long[] intendedAt;
    final int[] latencyMicros;
    final AtomicIntegerArray accounted;
    final ConcurrentHistogram corrected = new ConcurrentHistogram(60_000_000L, 3);
    final ConcurrentHistogram uncorrected = new ConcurrentHistogram(60_000_000L, 3);
    final AtomicLong ok = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final List<String> firstErrors = new java.util.concurrent.CopyOnWriteArrayList<>();
    final CountDownLatch done;
    final ConcurrentLinkedQueue<Pending> submitted = new ConcurrentLinkedQueue<>();
    final ArrayDeque<Conn> idle = new ArrayDeque<>();
    final Set<Conn> busy = new HashSet<>();
    volatile boolean stop;

    Run(int total, Predicate<String> isError) {
      this.total = total;
      this.isError = isError;
      this.intendedAt = new long[total];
      this.latencyMicros = new int[total];
      this.accounted = new AtomicIntegerArray(total);
      this.done = new CountDownLatch(total);
    }

    void ioLoop(Selector selector) {
      long nextTimeoutScan = System.nanoTime();
      try {
        while (!stop) {
          selector.select(100);
          for (Pending p; (p = submitted.poll()) != null; ) {
            send(selector, p);
          }
          for (var it = selector.selectedKeys().iterator(); it.hasNext(); ) {
            SelectionKey k = it.next();
            it.remove();
            Conn c = (Conn) k.attachment();
            try {
              if (!k.isValid()) {
                continue;
              }
              if (k.isConnectable() && c.ch.finishConnect()) {
                c.connected = true;
                k.interestOps(SelectionKey.OP_WRITE);
              }
              if (k.isValid() && k.isWritable()) {
                write(c);
              }
              if (k.isValid() && k.isReadable()) {
                read(c);
              }
            } catch (IOException | RuntimeException e) {
              fail(c, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
          }
          long now = System.nanoTime();
          if (now >= nextTimeoutScan) {
            nextTimeoutScan = now + 50_000_000L;
            long limit = timeout.toNanos();
            for (Conn c : List.copyOf(busy)) {
              if (c.req != null && now - c.req.intended() > limit) {
                fail(c, "timeout after " + timeout.toMillis() + " ms");
              }
            }
            // Never reuse a connection the server may be about to close for idleness (Jetty: 30 s).
            for (var it = idle.iterator(); it.hasNext(); ) {
              Conn c = it.next();
              if (now - c.idleSince > IDLE_CLOSE_NANOS) {
                it.remove();
                closeQuietly(c);
              }
            }
          }
        }
      } catch (IOException | RuntimeException e) {
        firstErrors.add("generator failed: " + e);
      } finally {
        for (Conn c : busy) {
          closeQuietly(c);
        }
        for (Conn c : idle) {
          closeQuietly(c);
        }
      }
    }

    private void send(Selector selector, Pending p) {
      Conn c = idle.pollFirst();
      if (c == null && busy.size() >= MAX_CONNECTIONS) {
        record(p, System.nanoTime(), "generator: " + MAX_CONNECTIONS + " connections busy");
        return;
      }
      long sentAt = System.nanoTime();
      try {
        if (c == null) {
          SocketChannel ch = SocketChannel.open();
          c = new Conn(ch);
          ch.configureBlocking(false);
          ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
          c.connected = ch.connect(address);
          c.key = ch.register(selector, c.connected ? 0 : SelectionKey.OP_CONNECT, c);
        }
        busy.add(c);
        c.req = p;
        c.sentAt = sentAt;
        c.out = ByteBuffer.wrap(p.bytes());
        c.in.clear();
        if (c.connected) {
          write(c);
        }
      } catch (IOException e) {
        if (c != null) {
          c.req = p;
          c.sentAt = sentAt;
          fail(c, "connect/send: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        } else {
          record(p, System.nanoTime(), "connect: " + e);
        }
      }
    }

    private void write(Conn c) throws IOException {
      c.ch.write(c.out);
      c.key.interestOps(c.out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
    }

    private void read(Conn c) throws IOException {
      if (c.req == null) { // an idle connection the server closed (or wrote to): drop it
        idle.remove(c);
        closeQuietly(c);
        return;
      }
      if (!c.in.hasRemaining()) {
        ByteBuffer bigger = ByteBuffer.allocate(c.in.capacity() * 2);
        c.in.flip();
        bigger.put(c.in);
        c.in = bigger;
      }
      int n = c.ch.read(c.in);
      if (n < 0) {
        fail(c, "connection closed by the server");
        return;
      }
      byte[] buf = c.in.array();
      int len = c.in.position();
      int headEnd = headerEnd(buf, len);
      if (headEnd < 0) {
        return;
      }
      String headers = new String(buf, 0, headEnd, StandardCharsets.ISO_8859_1);
      int contentLength = -1;
      boolean close = false;
      int status;
      try {
        status = Integer.parseInt(headers.substring(9, 12));
      } catch (RuntimeException e) {
        fail(c, "bad status line: " + headers.lines().findFirst().orElse(""));
        return;
      }
      for (String line : headers.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
          continue;
        }
        String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = line.substring(colon + 1).trim();
        if (name.equals("content-length")) {
          contentLength = Integer.parseInt(value);
        } else if (name.equals("connection") && value.equalsIgnoreCase("close")) {
          close = true;
        } else if (name.equals("transfer-encoding")) {
          fail(c, "unsupported response framing: Transfer-Encoding " + value);
          return;
        }
      }
      if (contentLength < 0) {
        fail(c, "response without Content-Length (HTTP " + status + ")");
        return;
      }
      int bodyStart = headEnd + 4;
      if (len < bodyStart + contentLength) {
        return; // more to come
      }
      long end = System.nanoTime();
      String problem = null;
      if (status != 200) {
        problem = "HTTP " + status;
      } else {
        String body = new String(buf, bodyStart, contentLength, StandardCharsets.UTF_8);
        if (isError.test(body)) {
          problem = "degraded reply: " + body.substring(0, Math.min(200, body.length()));
        }
      }
      Pending p = c.req;
      c.req = null;
      busy.remove(c);
      if (close || len > bodyStart + contentLength) {
        closeQuietly(c); // closing, or bytes nobody asked for: do not reuse
      } else {
        c.key.interestOps(SelectionKey.OP_READ); // to notice the server closing it
        c.idleSince = end;
        idle.addFirst(c); // the most recently used connection first: fewer sockets stay warm
      }
      record(p, end, c.sentAt, problem);
    }

    private void fail(Conn c, String problem) {
      Pending p = c.req;
      c.req = null;
      busy.remove(c);
      idle.remove(c);
      closeQuietly(c);
      if (p != null) {
        record(p, System.nanoTime(), c.sentAt, problem);
      }
    }

    private void record(Pending p, long end, String problem) {
      record(p, end, end, problem);
    }

    /** Accounts request {@code p} once: by its completion, or by the cut-off. */
    private void record(Pending p, long end, long sentAt, String problem) {
      if (!accounted.compareAndSet(p.index(), 0, 1)) {
        return; // already counted at the cut-off
      }
      long micros = Math.max(1, (end - p.intended()) / 1000);
      latencyMicros[p.index()] = (int) Math.min(Integer.MAX_VALUE, micros);
      corrected.recordValue(micros);
      uncorrected.recordValue(Math.max(1, (end - sentAt) / 1000));
      if (problem == null) {
        ok.incrementAndGet();
      } else {
        errors.incrementAndGet();
        if (firstErrors.size() < 5) {
          firstErrors.add(problem);
        }
      }
      done.countDown();
    }

    /** Requests never answered by the cut-off: recorded at the latency they had reached. */
    void cutOff() {
      long cutoff = System.nanoTime();
      long missing = 0;
      for (int k = 0; k < total; k++) {
        if (accounted.compareAndSet(k, 0, 1)) {
          missing++;
          long waited = Math.max(1, (cutoff - intendedAt[k]) / 1000);
          latencyMicros[k] = (int) Math.min(Integer.MAX_VALUE, waited);
          corrected.recordValue(waited);
          uncorrected.recordValue(waited);
        }
      }
      errors.addAndGet(missing);
      firstErrors.add(missing + " requests never completed (recorded at the cut-off)");
    }
  }

  private static int headerEnd(byte[] b, int len) {
    for (int i = 3; i < len; i++) {
      if (b[i] == '\n' && b[i - 1] == '\r' && b[i - 2] == '\n' && b[i - 3] == '\r') {
        return i - 3;
      }
    }
    return -1;
  }

  private static void closeQuietly(Conn c) {
    try {
      if (c.key != null) {
        c.key.cancel();
      }
      c.ch.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }
}
