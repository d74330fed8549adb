package com.cci.fulfillment.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cci.fulfillment.bank.BankApiException;
import com.cci.fulfillment.bank.BankModels.DisputeCase;
import com.cci.fulfillment.bank.BankModels.DisputeReason;
import com.cci.fulfillment.bank.BankModels.DisputeRequest;
import com.cci.fulfillment.bank.BankModels.Transaction;
import com.cci.fulfillment.bank.BankUnavailableException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /disputes} over HTTP through the real client: one case per debit, once per
 * Idempotency-Key (sequential, concurrent, after a lost reply), business rules enforced.
 */
class DisputeTest extends SandboxClientTest {
  private static final String CHECKING = "100200300401";

  private List<Transaction> history() {
    return bank.ledger().transactions(CHECKING, LocalDate.now().minusYears(1), LocalDate.now());
  }

  private Transaction debit(int nth) {
    return history().stream().filter(t -> t.amount().signum() < 0).skip(nth).findFirst().get();
  }

  private static DisputeRequest dispute(Transaction t, BigDecimal amount) {
    return new DisputeRequest("C1001", CHECKING, t.id(), amount, DisputeReason.UNAUTHORIZED);
  }

  private static Consumer<Throwable> code(int status, String code) {
    return e -> {
      assertThat(e).isInstanceOf(BankApiException.class);
      assertThat(((BankApiException) e).status()).isEqualTo(status);
      assertThat(((BankApiException) e).code()).isEqualTo(code);
    };
  }

  @Test
  void opensOneCasePerKeyAndOnePerTransaction() {
    Transaction t = debit(0);
    DisputeRequest r = dispute(t, t.amount().negate());
    DisputeCase c = client.openDispute("dk-1", r);
    assertThat(c.caseId()).matches("DSP-\\d{6}");
    assertThat(c.status()).isEqualTo("OPEN");
    assertThat(c.transactionId()).isEqualTo(t.id());
    assertThat(c.amount()).isEqualByComparingTo(t.amount().negate());
    assertThat(client.openDispute("dk-1", r)).isEqualTo(c);
    assertThat(bank.ledger().disputeCount()).isEqualTo(1);
    assertThatThrownBy(() -> client.openDispute("dk-2", r))
        .satisfies(code(409, "ALREADY_DISPUTED"))
        .hasMessageContaining(c.caseId());
    assertThatThrownBy(() -> client.openDispute("dk-1", dispute(debit(1), BigDecimal.ONE)))
        .satisfies(code(409, "IDEMPOTENCY_KEY_REUSED"));
    assertThat(bank.ledger().disputeCount()).isEqualTo(1);
  }

  @Test
  void enforcesTheBusinessRules() {
    Transaction t = debit(0);
    assertThatThrownBy(
            () -> client.openDispute("r-1", dispute(t, t.amount().negate().add(BigDecimal.ONE))))
        .satisfies(code(422, "AMOUNT_EXCEEDS_TRANSACTION"));
    assertThatThrownBy(() -> client.openDispute("r-2", dispute(t, new BigDecimal("0.001"))))
        .satisfies(code(400, "INVALID_AMOUNT"));
    Transaction credit =
        history().stream().filter(x -> x.amount().signum() > 0).findFirst().orElse(null);
    if (credit != null) {
      assertThatThrownBy(() -> client.openDispute("r-3", dispute(credit, BigDecimal.ONE)))
          .satisfies(code(422, "NOT_A_DEBIT"));
    }
    assertThatThrownBy(
            () ->
                client.openDispute(
                    "r-4",
                    new DisputeRequest(
                        "C1002", CHECKING, t.id(), BigDecimal.ONE, DisputeReason.OTHER)))
        .satisfies(code(422, "ACCOUNT_NOT_OWNED"));
    assertThatThrownBy(
            () ->
                client.openDispute(
                    "r-5",
                    new DisputeRequest(
                        "C1001", CHECKING, "nope", BigDecimal.ONE, DisputeReason.OTHER)))
        .satisfies(code(404, "TRANSACTION_NOT_FOUND"));
    assertThat(bank.ledger().disputeCount()).isZero();
    // A partial amount is fine.
    assertThat(client.openDispute("r-6", dispute(t, new BigDecimal("1.00"))).status())
        .isEqualTo("OPEN");
  }

  @Test
  void concurrentDuplicatesOpenOneCase() throws Exception {
    Transaction t = debit(2);
    DisputeRequest r = dispute(t, t.amount().negate());
    bank.faults().latency(Duration.ofMillis(50));
    ExecutorService pool = Executors.newFixedThreadPool(10);
    List<DisputeCase> answers = new ArrayList<>();
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<DisputeCase>> results = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        results.add(
            pool.submit(
                () -> {
                  go.await();
                  return client.openDispute("dup", r);
                }));
      }
      go.countDown();
      for (Future<DisputeCase> f : results) {
        answers.add(f.get(10, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(answers).containsOnly(answers.get(0));
    assertThat(bank.ledger().disputeCount()).isEqualTo(1);
  }

  @Test
  void aLostReplyIsRetriedWithTheSameKeyAndAnOutageIsUnavailable() {
    Transaction t = debit(3);
    bank.faults().loseNextReplies(1);
    assertThat(client.openDispute("lost", dispute(t, t.amount().negate())).status())
        .isEqualTo("OPEN");
    assertThat(bank.ledger().disputeCount()).isEqualTo(1);
    bank.faults().outage(true);
    assertThatThrownBy(() -> client.openDispute("out", dispute(debit(4), BigDecimal.ONE)))
        .isInstanceOf(BankUnavailableException.class);
    assertThat(bank.ledger().disputeCount()).isEqualTo(1);
  }

  @Test
  void rawHttpNeedsAKeyAndAKnownReason() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    URI uri = URI.create(bank.baseUri() + "/disputes");
    String body =
        "{\"customerId\":\"C1001\",\"accountNumber\":\""
            + CHECKING
            + "\",\"transactionId\":\""
            + debit(0).id()
            + "\",\"amount\":1.00,\"reason\":\"%s\"}";
    HttpResponse<String> noKey =
        http.send(
            HttpRequest.newBuilder(uri)
                .POST(HttpRequest.BodyPublishers.ofString(body.formatted("OTHER")))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(noKey.statusCode()).isEqualTo(400);
    assertThat(noKey.body()).contains("Idempotency-Key");
    HttpResponse<String> badReason =
        http.send(
            HttpRequest.newBuilder(uri)
                .header("Idempotency-Key", "raw-1")
                .POST(HttpRequest.BodyPublishers.ofString(body.formatted("BORED")))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(badReason.statusCode()).isEqualTo(400);
    assertThat(badReason.body()).contains("UNAUTHORIZED");
    HttpResponse<String> ok =
        http.send(
            HttpRequest.newBuilder(uri)
                .header("Idempotency-Key", "raw-2")
                .POST(HttpRequest.BodyPublishers.ofString(body.formatted("OTHER")))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(ok.statusCode()).isEqualTo(201);
    assertThat(ok.body()).contains("\"caseId\":\"DSP-000001\"");
  }
}
