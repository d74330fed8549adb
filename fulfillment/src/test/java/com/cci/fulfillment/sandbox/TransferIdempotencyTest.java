package com.cci.fulfillment.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cci.fulfillment.bank.BankApiException;
import com.cci.fulfillment.bank.BankModels.TransferRequest;
import com.cci.fulfillment.bank.BankModels.TransferResult;
import com.cci.fulfillment.bank.BankModels.TransferType;
import com.cci.fulfillment.bank.CoreBankingClient;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Transfers over HTTP: one Idempotency-Key never moves money twice. */
class TransferIdempotencyTest {
  private static final String FROM = "100200300401";
  private static final String TO = "100200300402";

  private static TransferRequest internal(String amount) {
    return new TransferRequest(
        "C1001", TransferType.INTERNAL, FROM, TO, new BigDecimal(amount), null, null);
  }

  @Test
  void sameKeyTwiceMovesMoneyOnce() throws Exception {
    try (SandboxBank bank = SandboxBank.withDefaultSeed().start()) {
      CoreBankingClient client =
          new CoreBankingClient(CoreBankingClient.Config.defaults(bank.baseUri()));
      BigDecimal before = client.balance(FROM).available();
      TransferResult first = client.transfer("sess-1:turn-3", internal("100.00"));
      TransferResult second = client.transfer("sess-1:turn-3", internal("100.0"));
      assertThat(second).isEqualTo(first);
      assertThat(client.balance(FROM).available())
          .isEqualByComparingTo(before.subtract(new BigDecimal("100")));
      assertThat(client.balance(TO).available()).isEqualByComparingTo("15330.00");
      assertThat(bank.ledger().transferCount()).isEqualTo(1);

      TransferResult other = client.transfer("sess-1:turn-4", internal("100.00"));
      assertThat(other.transferId()).isNotEqualTo(first.transferId());
      assertThat(bank.ledger().transferCount()).isEqualTo(2);
    }
  }

  @Test
  void tenConcurrentDuplicatesMoveMoneyOnce() throws Exception {
    try (SandboxBank bank = SandboxBank.withDefaultSeed().start()) {
      CoreBankingClient client =
          new CoreBankingClient(CoreBankingClient.Config.defaults(bank.baseUri()));
      // Slow the bank down so the duplicates really overlap in flight.
      bank.faults().latency(java.time.Duration.ofMillis(50));
      ExecutorService pool = Executors.newFixedThreadPool(10);
      try {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<TransferResult>> results = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
          results.add(
              pool.submit(
                  () -> {
                    go.await();
                    return client.transfer("dup-key-42", internal("250.00"));
                  }));
        }
        go.countDown();
        List<TransferResult> answers = new ArrayList<>();
        for (Future<TransferResult> f : results) {
          answers.add(f.get(10, TimeUnit.SECONDS));
        }
        assertThat(answers)
            .extracting(TransferResult::transferId)
            .containsOnly(answers.get(0).transferId());
      } finally {
        pool.shutdownNow();
      }
      bank.faults().reset();
      assertThat(bank.ledger().transferCount()).isEqualTo(1);
      assertThat(client.balance(FROM).available()).isEqualByComparingTo("2293.17");
    }
  }

  @Test
  void sameKeyWithDifferentBodyIsAConflict() throws Exception {
    try (SandboxBank bank = SandboxBank.withDefaultSeed().start()) {
      CoreBankingClient client =
          new CoreBankingClient(CoreBankingClient.Config.defaults(bank.baseUri()));
      client.transfer("k-1", internal("10.00"));
      assertThatThrownBy(() -> client.transfer("k-1", internal("11.00")))
          .isInstanceOfSatisfying(
              BankApiException.class,
              e -> {
                assertThat(e.status()).isEqualTo(409);
                assertThat(e.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
              });
      assertThat(bank.ledger().transferCount()).isEqualTo(1);
      assertThat(client.balance(FROM).available()).isEqualByComparingTo("2533.17");
    }
  }

  @Test
  void enforcesLimitsFundsAndOwnership() throws Exception {
    try (SandboxBank bank = SandboxBank.withDefaultSeed().start()) {
      CoreBankingClient client =
          new CoreBankingClient(CoreBankingClient.Config.defaults(bank.baseUri()));
      TransferRequest external =
          new TransferRequest(
              "C1006",
              TransferType.EXTERNAL,
              "100200300901",
              "987654321",
              new BigDecimal("5000.01"),
              "Acme Landlord LLC",
              "021000021");
      assertThatThrownBy(() -> client.transfer("lim-1", external))
          .isInstanceOfSatisfying(
              BankApiException.class,
              e -> {
                assertThat(e.status()).isEqualTo(422);
                assertThat(e.code()).isEqualTo("AMOUNT_LIMIT_EXCEEDED");
              });
      TransferRequest okExternal =
          new TransferRequest(
              "C1006",
              TransferType.EXTERNAL,
              "100200300901",
              "987654321",
              new BigDecimal("5000.00"),
              "Acme Landlord LLC",
              "021000021");
      TransferResult done = client.transfer("lim-2", okExternal);
      assertThat(done.fromBalanceAfter()).isEqualByComparingTo("14873.64");

      assertThatThrownBy(
              () ->
                  client.transfer(
                      "nsf-1",
                      new TransferRequest(
                          "C1004",
                          TransferType.INTERNAL,
                          "100200300701",
                          FROM,
                          new BigDecimal("54.11"),
                          null,
                          null)))
          .isInstanceOfSatisfying(
              BankApiException.class, e -> assertThat(e.code()).isEqualTo("INSUFFICIENT_FUNDS"));
      assertThatThrownBy(
              () ->
                  client.transfer(
                      "own-1",
                      new TransferRequest(
                          "C1004",
                          TransferType.INTERNAL,
                          FROM,
                          "100200300701",
                          new BigDecimal("1.00"),
                          null,
                          null)))
          .isInstanceOfSatisfying(
              BankApiException.class, e -> assertThat(e.code()).isEqualTo("ACCOUNT_NOT_OWNED"));
      assertThatThrownBy(() -> client.transfer("neg-1", internal("-5.00")))
          .isInstanceOfSatisfying(
              BankApiException.class, e -> assertThat(e.status()).isEqualTo(400));
      assertThatThrownBy(() -> client.transfer("bad key!", internal("5.00")))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(bank.ledger().transferCount()).isEqualTo(1);
    }
  }

  @Test
  void retryAfterALostReplyReusesTheKeyAndMovesMoneyOnce() throws Exception {
    try (SandboxBank bank = SandboxBank.withDefaultSeed().start()) {
      CoreBankingClient client =
          new CoreBankingClient(
              CoreBankingClient.Config.defaults(bank.baseUri())
                  .withRetry(3, java.time.Duration.ofMillis(10)));
      bank.faults().loseNextReplies(1);
      long before = bank.requestCount();
      TransferResult result = client.transfer("lost-reply-1", internal("40.00"));
      assertThat(bank.requestCount() - before).as("first reply lost, one retry").isEqualTo(2);
      assertThat(result.fromBalanceAfter()).isEqualByComparingTo("2503.17");
      assertThat(bank.ledger().transferCount()).isEqualTo(1);
      assertThat(client.balance(FROM).available()).isEqualByComparingTo("2503.17");
    }
  }

  @Test
  void activationIsNotRetriedAfterALostReply() throws Exception {
    try (SandboxBank bank = SandboxBank.withDefaultSeed().start()) {
      CoreBankingClient client =
          new CoreBankingClient(CoreBankingClient.Config.defaults(bank.baseUri()));
      bank.faults().loseNextReplies(1);
      long before = bank.requestCount();
      assertThatThrownBy(() -> client.activateCard("C1001", "9023"))
          .isInstanceOf(com.cci.fulfillment.bank.BankUnavailableException.class);
      assertThat(bank.requestCount() - before).isEqualTo(1);
      assertThat(client.cards("C1001"))
          .filteredOn(c -> c.last4().equals("9023"))
          .extracting(c -> c.status())
          .containsExactly("ACTIVE");
    }
  }
}
