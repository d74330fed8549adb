package com.cci.fulfillment.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cci.fulfillment.bank.BankUnavailableException.Reason;
import com.cci.fulfillment.sandbox.SandboxBank;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Breaker, retries, timeouts and bulkhead against a real sandbox with injected faults. */
class CoreBankingClientResilienceTest {
  private static final String ACCOUNT = "100200300401";
  private static SandboxBank bank;

  @BeforeAll
  static void start() throws Exception {
    bank = SandboxBank.withDefaultSeed().start();
  }

  @AfterAll
  static void stop() {
    if (bank != null) {
      bank.close();
    }
  }

  @AfterEach
  void clearFaults() {
    bank.faults().reset();
  }

  private static CoreBankingClient client(Duration openWait) {
    return new CoreBankingClient(
        CoreBankingClient.Config.defaults(bank.baseUri())
            .withRetry(2, Duration.ofMillis(10))
            .withBreaker(4, 50f, openWait, 1));
  }

  @Test
  void outageOpensTheBreakerThenFailsFastThenRecovers() throws Exception {
    CoreBankingClient client = client(Duration.ofMillis(700));
    assertThat(client.balance(ACCOUNT).available()).isNotNull();
    bank.faults().outage(true);

    int calls = 0;
    BankUnavailableException first = null;
    while (client.circuitState() != CircuitBreaker.State.OPEN && calls < 10) {
      calls++;
      try {
        client.balance(ACCOUNT);
      } catch (BankUnavailableException e) {
        first = first == null ? e : first;
      }
    }
    assertThat(client.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(first).isNotNull();
    // The first call saw the 503s themselves (after its retry); the breaker opened after that.
    assertThat(first.reason()).isEqualTo(Reason.SERVER_ERROR);
    // Window of 4 with 1 success recorded, 2 attempts per call: opens within 2 calls.
    assertThat(calls).isLessThanOrEqualTo(2);

    long requestsBefore = bank.requestCount();
    for (int i = 0; i < 20; i++) {
      long t0 = System.nanoTime();
      assertThatThrownBy(() -> client.balance(ACCOUNT))
          .isInstanceOfSatisfying(
              BankUnavailableException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.CIRCUIT_OPEN));
      // fail fast: far below one request timeout (1 s), generous for a loaded CI machine
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(250));
    }
    assertThat(bank.requestCount()).as("open breaker sends nothing").isEqualTo(requestsBefore);

    bank.faults().outage(false);
    Thread.sleep(800);
    assertThat(client.balance(ACCOUNT).available()).isNotNull();
    assertThat(client.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(client.accounts("C1001")).hasSize(2);
  }

  @Test
  void stillOutageAfterOpenWaitReopensFromHalfOpen() throws Exception {
    CoreBankingClient client = client(Duration.ofMillis(200));
    bank.faults().outage(true);
    for (int i = 0; i < 4 && client.circuitState() != CircuitBreaker.State.OPEN; i++) {
      assertThatThrownBy(() -> client.balance(ACCOUNT))
          .isInstanceOf(BankUnavailableException.class);
    }
    assertThat(client.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);
    Thread.sleep(300);
    assertThatThrownBy(() -> client.balance(ACCOUNT)).isInstanceOf(BankUnavailableException.class);
    assertThat(client.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);
  }

  @Test
  void latencyBeyondTheTimeoutFailsWithinBudget() {
    CoreBankingClient client =
        new CoreBankingClient(
            CoreBankingClient.Config.defaults(bank.baseUri())
                .withRequestTimeout(Duration.ofMillis(200))
                .withCallBudget(Duration.ofMillis(600))
                .withRetry(3, Duration.ofMillis(20)));
    bank.faults().latency(Duration.ofMillis(1500));
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> client.balance(ACCOUNT))
        .isInstanceOfSatisfying(
            BankUnavailableException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TIMEOUT));
    Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
    // cut by the 600 ms call budget, long before the bank's 1 500 ms answer (slack for CI load)
    assertThat(elapsed)
        .isLessThan(Duration.ofMillis(1400))
        .isGreaterThanOrEqualTo(Duration.ofMillis(400));
  }

  @Test
  void retriesServerErrorsForIdempotentCallsOnly() {
    CoreBankingClient client =
        new CoreBankingClient(
            CoreBankingClient.Config.defaults(bank.baseUri()).withRetry(3, Duration.ofMillis(5)));
    bank.faults().errorRate(1.0);
    long before = bank.requestCount();
    assertThatThrownBy(() -> client.balance(ACCOUNT))
        .isInstanceOfSatisfying(
            BankUnavailableException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.SERVER_ERROR));
    assertThat(bank.requestCount() - before).as("GET retried").isEqualTo(3);

    before = bank.requestCount();
    assertThatThrownBy(() -> client.activateCard("C1005", "8842"))
        .isInstanceOf(BankUnavailableException.class);
    assertThat(bank.requestCount() - before).as("activation not retried").isEqualTo(1);

    bank.faults().reset();
    before = bank.requestCount();
    assertThatThrownBy(() -> client.verifyPin("C0000", "1234"))
        .isInstanceOfSatisfying(BankApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    assertThat(bank.requestCount() - before).as("4xx never retried").isEqualTo(1);
  }

  @Test
  void bulkheadRejectsBeyondItsLimit() throws Exception {
    CoreBankingClient client =
        new CoreBankingClient(
            CoreBankingClient.Config.defaults(bank.baseUri()).withBulkhead(1, Duration.ZERO));
    bank.faults().latency(Duration.ofMillis(300));
    Thread holder = new Thread(() -> client.balance(ACCOUNT));
    holder.start();
    Thread.sleep(100);
    try {
      assertThatThrownBy(() -> client.balance(ACCOUNT))
          .isInstanceOfSatisfying(
              BankUnavailableException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.BULKHEAD_FULL));
    } finally {
      holder.join(2000);
    }
  }

  @Test
  void unreachableBankIsUnavailable() {
    CoreBankingClient client =
        new CoreBankingClient(
            CoreBankingClient.Config.defaults(java.net.URI.create("http://127.0.0.1:1"))
                .withRetry(2, Duration.ofMillis(5)));
    assertThatThrownBy(() -> client.findCustomerByPhone("+15125550101"))
        .isInstanceOfSatisfying(
            BankUnavailableException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.CONNECTION_FAILED));
  }
}
