package com.cci.fulfillment.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cci.fulfillment.bank.BankApiException;
import com.cci.fulfillment.bank.BankModels.AccountFreeze;
import com.cci.fulfillment.bank.BankModels.FreezeReason;
import com.cci.fulfillment.bank.BankModels.FreezeRequest;
import com.cci.fulfillment.bank.BankModels.TransferRequest;
import com.cci.fulfillment.bank.BankModels.TransferType;
import com.cci.fulfillment.bank.BankUnavailableException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /accounts/{accountNumber}/freeze} over HTTP through the real client: owner only,
 * idempotent by state and by key, debits refused afterwards, credits still accepted.
 */
class AccountFreezeTest extends SandboxClientTest {
  private static final String CHECKING = "100200300601";
  private static final String SAVINGS = "100200300602";
  private static final FreezeRequest BY_OWNER =
      new FreezeRequest("C1003", FreezeReason.CUSTOMER_REQUEST);

  @Test
  void freezesOnceAndRefusesDebitsButNotCredits() {
    AccountFreeze f = client.freezeAccount("fk-1", SAVINGS, BY_OWNER);
    assertThat(f.status()).isEqualTo("FROZEN");
    assertThat(f.freezeId()).startsWith("FRZ-");
    assertThat(f.reason()).isEqualTo(FreezeReason.CUSTOMER_REQUEST);
    assertThat(f.frozenAt()).isNotNull();
    assertThat(client.freezeAccount("fk-1", SAVINGS, BY_OWNER)).isEqualTo(f);
    AccountFreeze later = client.freezeAccount("fk-2", SAVINGS, BY_OWNER);
    assertThat(later.status()).isEqualTo("ALREADY_FROZEN");
    assertThat(later.freezeId()).isEqualTo(f.freezeId());
    assertThat(later.frozenAt()).isEqualTo(f.frozenAt());
    assertThat(bank.ledger().freezeCount()).isEqualTo(1);
    assertThat(bank.ledger().isFrozen(SAVINGS)).isTrue();
    assertThat(bank.ledger().isFrozen(CHECKING)).isFalse();

    assertThatThrownBy(
            () ->
                client.transfer(
                    "t-1",
                    new TransferRequest(
                        "C1003",
                        TransferType.INTERNAL,
                        SAVINGS,
                        CHECKING,
                        new BigDecimal("10.00"),
                        null,
                        null)))
        .isInstanceOfSatisfying(
            BankApiException.class, e -> assertThat(e.code()).isEqualTo("ACCOUNT_FROZEN"));
    client.transfer(
        "t-2",
        new TransferRequest(
            "C1003",
            TransferType.INTERNAL,
            CHECKING,
            SAVINGS,
            new BigDecimal("10.00"),
            null,
            null));
    assertThat(bank.ledger().account(SAVINGS).balance()).isEqualByComparingTo("42010.00");
  }

  @Test
  void onlyTheOwnerMayFreezeAndTheKeyNamesOneRequest() {
    assertThatThrownBy(
            () ->
                client.freezeAccount(
                    "fk-x", SAVINGS, new FreezeRequest("C1001", FreezeReason.CUSTOMER_REQUEST)))
        .isInstanceOfSatisfying(
            BankApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(422);
              assertThat(e.code()).isEqualTo("ACCOUNT_NOT_OWNED");
            });
    assertThatThrownBy(() -> client.freezeAccount("fk-y", "100200399999", BY_OWNER))
        .isInstanceOfSatisfying(BankApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    assertThat(bank.ledger().isFrozen(SAVINGS)).isFalse();
    client.freezeAccount("fk-z", SAVINGS, BY_OWNER);
    assertThatThrownBy(() -> client.freezeAccount("fk-z", CHECKING, BY_OWNER))
        .isInstanceOfSatisfying(
            BankApiException.class, e -> assertThat(e.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED"));
    assertThat(bank.ledger().isFrozen(CHECKING)).isFalse();
  }

  @Test
  void concurrentDuplicatesFreezeOnce() throws Exception {
    bank.faults().latency(Duration.ofMillis(50));
    ExecutorService pool = Executors.newFixedThreadPool(10);
    List<AccountFreeze> answers = new ArrayList<>();
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<AccountFreeze>> results = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        results.add(
            pool.submit(
                () -> {
                  go.await();
                  return client.freezeAccount("dup", CHECKING, BY_OWNER);
                }));
      }
      go.countDown();
      for (Future<AccountFreeze> f : results) {
        answers.add(f.get(10, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(answers).containsOnly(answers.get(0));
    assertThat(answers.get(0).status()).isEqualTo("FROZEN");
    assertThat(bank.ledger().freezeCount()).isEqualTo(1);
  }

  @Test
  void aLostReplyIsRetriedAndAnOutageIsUnavailable() {
    bank.faults().loseNextReplies(1);
    assertThat(client.freezeAccount("lost", CHECKING, BY_OWNER).status()).isEqualTo("FROZEN");
    assertThat(bank.requestCount()).isEqualTo(2);
    assertThat(bank.ledger().freezeCount()).isEqualTo(1);

    bank.faults().failMatching("POST /accounts/.*/freeze");
    assertThatThrownBy(() -> client.freezeAccount("out", SAVINGS, BY_OWNER))
        .isInstanceOf(BankUnavailableException.class);
    assertThat(client.balance(SAVINGS).available()).isEqualByComparingTo("42000.00");
    assertThat(bank.ledger().isFrozen(SAVINGS)).isFalse();
  }

  @Test
  void rawHttpValidatesTheBodyAndAcceptsNoKey() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    URI uri = URI.create(bank.baseUri() + "/accounts/" + SAVINGS + "/freeze");
    HttpResponse<String> badReason =
        http.send(
            HttpRequest.newBuilder(uri)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"customerId\":\"C1003\",\"reason\":\"BORED\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(badReason.statusCode()).isEqualTo(400);
    assertThat(badReason.body()).contains("INVALID_REQUEST").contains("CUSTOMER_REQUEST");
    HttpResponse<String> noKey =
        http.send(
            HttpRequest.newBuilder(uri)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"customerId\":\"C1003\",\"reason\":\"FRAUD_SUSPECTED\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(noKey.statusCode()).isEqualTo(200);
    assertThat(noKey.body()).contains("\"status\":\"FROZEN\"").contains("\"frozenAt\":\"");
  }
}
