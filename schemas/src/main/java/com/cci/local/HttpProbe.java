package com.cci.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Minimal HTTP/1.1 client for health probes: one request per connection with {@code Connection:
 * close}. Pooled keep-alive connections (as the JDK client keeps) would make kinesis-mock's
 * graceful shutdown wait for them.
 */
final class HttpProbe {
  private HttpProbe() {}

  /** Sends one request and returns the status code of the response. */
  static int status(URI endpoint, String method, Map<String, String> headers, String body)
      throws IOException {
    byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    int port = endpoint.getPort() > 0 ? endpoint.getPort() : 80;
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(endpoint.getHost(), port), 2000);
      s.setSoTimeout(3000);
      StringBuilder req = new StringBuilder();
      req.append(method).append(" / HTTP/1.1\r\n");
      req.append("Host: ").append(endpoint.getHost()).append(':').append(port).append("\r\n");
      req.append("Connection: close\r\n");
      headers.forEach((k, v) -> req.append(k).append(": ").append(v).append("\r\n"));
      if (payload.length > 0 || !method.equals("GET")) {
        req.append("Content-Length: ").append(payload.length).append("\r\n");
      }
      req.append("\r\n");
      OutputStream out = s.getOutputStream();
      out.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(payload);
      out.flush();
      InputStream in = s.getInputStream();
      StringBuilder statusLine = new StringBuilder();
      int c;
      while ((c = in.read()) != -1 && c != '\n') {
        statusLine.append((char) c);
      }
      String[] parts = statusLine.toString().trim().split(" ");
      if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
        throw new IOException("not an HTTP response: '" + statusLine + "'");
      }
      return Integer.parseInt(parts[1]);
    }
  }
}
