package com.cci.fulfillment.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every path and method documented in openapi/core-banking.yaml is routed by the sandbox bank. */
class OpenApiRoutesTest {
  private static final Map<String, String> EXAMPLES =
      Map.of(
          "{customerId}", "C1005",
          "{accountNumber}", "100200300801",
          "{cardId}", "CARD-1005-1",
          "{loanId}", "LN-5005");

  private record Operation(String method, String path) {}

  private static List<Operation> documentedOperations() throws Exception {
    String yaml;
    try (InputStream in =
        OpenApiRoutesTest.class.getClassLoader().getResourceAsStream("openapi/core-banking.yaml")) {
      assertThat(in).as("openapi/core-banking.yaml on the classpath").isNotNull();
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<Operation> ops = new ArrayList<>();
    String current = null;
    Matcher line =
        Pattern.compile("(?m)^(  (/[^:]*):|    (get|post|put|delete|patch):)").matcher(yaml);
    while (line.find()) {
      if (line.group(2) != null) {
        current = line.group(2);
      } else if (current != null) {
        ops.add(new Operation(line.group(3).toUpperCase(), current));
      }
    }
    return ops;
  }

  @Test
  void everyDocumentedOperationIsServed() throws Exception {
    List<Operation> ops = documentedOperations();
    assertThat(ops).hasSize(15);
    HttpClient http = HttpClient.newHttpClient();
    try (SandboxBank bank = SandboxBank.withDefaultSeed().start()) {
      for (Operation op : ops) {
        String path = op.path();
        for (var e : EXAMPLES.entrySet()) {
          path = path.replace(e.getKey(), e.getValue());
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(bank.baseUri() + path));
        if (op.method().equals("GET")) {
          b.GET();
        } else {
          b.method(op.method(), HttpRequest.BodyPublishers.ofString("{}"));
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.body()).as(op.toString()).doesNotContain("\"NOT_FOUND\"");
        assertThat(r.statusCode()).as(op.toString()).isNotEqualTo(500);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
      }
    }
  }
}
