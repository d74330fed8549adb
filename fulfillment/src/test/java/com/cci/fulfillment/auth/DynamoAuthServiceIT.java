package com.cci.fulfillment.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.fulfillment.auth.AuthService.PinOutcome;
import com.cci.fulfillment.auth.AuthService.PinOutcome.Status;
import com.cci.fulfillment.bank.CoreBankingClient;
import com.cci.fulfillment.sandbox.SandboxBank;
import com.cci.fulfillment.testing.MutableClock;
import com.cci.local.LocalStackExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@link DynamoAuthService} against DynamoDB Local (a child process) and the sandbox bank over
 * HTTP. Maria Gonzalez, C1001, has PIN 4821.
 */
class DynamoAuthServiceIT {
  @RegisterExtension
  static final LocalStackExtension STACK = LocalStackExtension.dynamodbOnly().ignoreEnvironment();

  static final String MARIA = "C1001";
  static final String RIGHT = "4821";
  static final String WRONG = "1111";

  static SandboxBank bank;
  static CoreBankingClient client;
  static DynamoDbClient dynamo;

  final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
  final AtomicInteger pinChecks = new AtomicInteger();
  String table;
  DynamoAuthService auth;

  @BeforeAll
  static void startBank() throws Exception {
    bank = SandboxBank.withDefaultSeed().start();
    client = new CoreBankingClient(CoreBankingClient.Config.defaults(bank.baseUri()));
    dynamo = STACK.clients().dynamoDb();
  }

  @AfterAll
  static void stopBank() {
    if (dynamo != null) {
      dynamo.close();
    }
    if (bank != null) {
      bank.close();
    }
  }

  @BeforeEach
  void freshTable() {
    table = "auth-" + UUID.randomUUID();
    AuthTable.ensure(dynamo, table);
    auth = service(DynamoAuthService.Config.defaults(table));
    bank.faults().reset();
  }

  @AfterEach
  void dropTable() {
    dynamo.deleteTable(b -> b.tableName(table));
  }

  DynamoAuthService service(DynamoAuthService.Config config) {
    PinVerifier counting =
        (customer, pin) -> {
          pinChecks.incrementAndGet();
          return client.verifyPin(customer, pin);
        };
    return new DynamoAuthService(dynamo, counting, clock, config);
  }

  @Test
  void rightPinAuthenticatesTheSessionOnTheServer() {
    assertThat(auth.current("s1").authenticated()).isFalse();
    PinOutcome o = auth.verifyPin("s1", MARIA, RIGHT);
    assertThat(o.status()).isEqualTo(Status.VERIFIED);
    AuthService.AuthState st = auth.current("s1");
    assertThat(st.authenticated()).isTrue();
    assertThat(st.customerId()).isEqualTo(MARIA);
    assertThat(st.expiresAtEpochMs()).isEqualTo(clock.millis() + Duration.ofMinutes(5).toMillis());
    assertThat(auth.current("another-session").authenticated()).isFalse();
  }

  @Test
  void threeWrongPinsLockAndTheRightPinIsThenNotEvenChecked() {
    PinOutcome first = auth.verifyPin("s1", MARIA, WRONG);
    PinOutcome second = auth.verifyPin("s1", MARIA, WRONG);
    assertThat(first).isEqualTo(new PinOutcome(Status.FAILED, 1, 2));
    assertThat(second).isEqualTo(new PinOutcome(Status.FAILED, 2, 1));
    assertThat(auth.isLocked(MARIA)).isFalse();
    PinOutcome third = auth.verifyPin("s1", MARIA, WRONG);
    assertThat(third).isEqualTo(new PinOutcome(Status.LOCKED, 3, 0));
    assertThat(auth.isLocked(MARIA)).isTrue();

    int checksBefore = pinChecks.get();
    assertThat(auth.verifyPin("s1", MARIA, RIGHT).status()).isEqualTo(Status.LOCKED);
    assertThat(pinChecks.get())
        .as("a locked customer's PIN never reaches the bank")
        .isEqualTo(checksBefore);
    assertThat(auth.current("s1").authenticated()).isFalse();
    assertThat(auth.failures(MARIA)).isEqualTo(3);
  }

  @Test
  void tenParallelWrongPinsLockAtExactlyThreeFailures() throws Exception {
    List<PinOutcome> outcomes = race(10, i -> WRONG);
    assertThat(outcomes).noneMatch(o -> o.status() == Status.VERIFIED);
    assertThat(outcomes.stream().filter(o -> o.status() == Status.FAILED)).hasSize(2);
    assertThat(outcomes.stream().filter(o -> o.status() == Status.LOCKED)).hasSize(8);
    assertThat(auth.failures(MARIA)).isEqualTo(3);
    assertThat(pinChecks.get()).as("only 3 PINs ever reach the bank").isEqualTo(3);
    assertThat(auth.isLocked(MARIA)).isTrue();
    assertThat(auth.verifyPin("s-late", MARIA, RIGHT).status()).isEqualTo(Status.LOCKED);
  }

  @Test
  void racingAttemptsWithTheRightPinAmongWrongOnesNeverGetMoreThanThreeGuessesPerWindow()
      throws Exception {
    // Attackers fire 10 guesses at once; 1 of them is right. At most 3 are judged by the bank
    // before
    // a success or a lock. The right one only verifies if it was among those 3; its success resets
    // the window exactly as a sequential success does (failures are consecutive failures), so the
    // guesses still racing then get at most one fresh window of 3 — and the lock rule holds there.
    List<PinOutcome> outcomes = race(10, i -> i == 9 ? RIGHT : WRONG);
    long verified = outcomes.stream().filter(o -> o.status() == Status.VERIFIED).count();
    long failed = outcomes.stream().filter(o -> o.status() == Status.FAILED).count();
    if (verified == 1) {
      assertThat(auth.current("s-9").authenticated()).isTrue();
      assertThat(pinChecks.get()).isLessThanOrEqualTo(6);
      // Wrong guesses still in flight from the first window count into the fresh one (never less
      // safe): the lock falls as soon as 3 failures are recorded.
      assertThat(auth.isLocked(MARIA)).isEqualTo(auth.failures(MARIA) >= 3);
    } else {
      assertThat(verified).isZero();
      assertThat(pinChecks.get()).isEqualTo(3);
      assertThat(failed).isEqualTo(2);
      assertThat(auth.isLocked(MARIA)).isTrue();
      assertThat(auth.failures(MARIA)).isEqualTo(3);
      for (int i = 0; i < 10; i++) {
        assertThat(auth.current("s-" + i).authenticated()).isFalse();
      }
    }
  }

  @Test
  void oncedLockedEvenParallelRightPinsNeverVerify() throws Exception {
    for (int i = 0; i < 3; i++) {
      auth.verifyPin("s0", MARIA, WRONG);
    }
    int checks = pinChecks.get();
    List<PinOutcome> outcomes = race(10, i -> RIGHT);
    assertThat(outcomes).allMatch(o -> o.status() == Status.LOCKED);
    assertThat(pinChecks.get()).isEqualTo(checks);
    for (int i = 0; i < 10; i++) {
      assertThat(auth.current("s-" + i).authenticated()).isFalse();
    }
  }

  @Test
  void lockSurvivesANewSession() {
    for (int i = 0; i < 3; i++) {
      auth.verifyPin("first-contact", MARIA, WRONG);
    }
    clock.advance(Duration.ofMinutes(10));
    assertThat(auth.verifyPin("second-contact", MARIA, RIGHT).status()).isEqualTo(Status.LOCKED);
    assertThat(auth.current("second-contact").authenticated()).isFalse();
    // a fresh service instance (another Lambda container) sees the same lock
    assertThat(service(DynamoAuthService.Config.defaults(table)).isLocked(MARIA)).isTrue();
  }

  @Test
  void lockoutPeriodIsConfigurableAndExpires() {
    auth = service(DynamoAuthService.Config.defaults(table).withLockout(Duration.ofMinutes(2)));
    for (int i = 0; i < 3; i++) {
      auth.verifyPin("s1", MARIA, WRONG);
    }
    clock.advance(Duration.ofSeconds(119));
    assertThat(auth.isLocked(MARIA)).isTrue();
    assertThat(auth.verifyPin("s1", MARIA, RIGHT).status()).isEqualTo(Status.LOCKED);
    clock.advance(Duration.ofSeconds(2));
    assertThat(auth.isLocked(MARIA)).isFalse();
    // a new window: the counters start again
    assertThat(auth.verifyPin("s1", MARIA, WRONG)).isEqualTo(new PinOutcome(Status.FAILED, 1, 2));
    assertThat(auth.verifyPin("s1", MARIA, RIGHT).status()).isEqualTo(Status.VERIFIED);
    assertThat(auth.failures(MARIA)).isZero();
  }

  @Test
  void sessionExpiresAfterFiveMinutesOfInactivityAndActivityRefreshesIt() {
    auth.verifyPin("s1", MARIA, RIGHT);
    clock.advance(Duration.ofMinutes(4));
    assertThat(auth.current("s1").authenticated()).as("refreshes").isTrue();
    clock.advance(Duration.ofMinutes(4));
    assertThat(auth.current("s1").authenticated()).as("8 min old, 4 min idle").isTrue();
    clock.advance(Duration.ofMinutes(5).plusMillis(1));
    assertThat(auth.current("s1")).isEqualTo(AuthService.AuthState.anonymous());
    clock.advance(Duration.ofSeconds(1));
    assertThat(auth.current("s1").authenticated()).as("an expired session stays expired").isFalse();
  }

  @Test
  void turnsReadTheSessionAndRefreshItAtMostEveryFifteenSeconds() {
    auth.verifyPin("s1", MARIA, RIGHT);
    long firstExpiry = auth.current("s1").expiresAtEpochMs();
    clock.advance(Duration.ofSeconds(10));
    assertThat(auth.current("s1").expiresAtEpochMs()).as("read only").isEqualTo(firstExpiry);
    clock.advance(Duration.ofSeconds(10));
    assertThat(auth.current("s1").expiresAtEpochMs())
        .as("refreshed")
        .isEqualTo(clock.millis() + Duration.ofMinutes(5).toMillis());
    auth.signOut("s1");
    assertThat(auth.current("s1").authenticated()).isFalse();
  }

  @Test
  void successResetsTheFailureCount() {
    auth.verifyPin("s1", MARIA, WRONG);
    auth.verifyPin("s1", MARIA, WRONG);
    assertThat(auth.verifyPin("s1", MARIA, RIGHT).status()).isEqualTo(Status.VERIFIED);
    assertThat(auth.failures(MARIA)).isZero();
    assertThat(auth.verifyPin("s2", MARIA, WRONG)).isEqualTo(new PinOutcome(Status.FAILED, 1, 2));
  }

  @Test
  void bankOutageIsUnavailableAndDoesNotCountAgainstTheCustomer() {
    bank.faults().outage(true);
    assertThat(auth.verifyPin("s1", MARIA, WRONG).status()).isEqualTo(Status.UNAVAILABLE);
    assertThat(auth.verifyPin("s1", MARIA, WRONG).status()).isEqualTo(Status.UNAVAILABLE);
    bank.faults().outage(false);
    assertThat(auth.failures(MARIA)).isZero();
    assertThat(auth.verifyPin("s1", MARIA, WRONG)).isEqualTo(new PinOutcome(Status.FAILED, 1, 2));
  }

  @Test
  void signOutEndsTheSession() {
    auth.verifyPin("s1", MARIA, RIGHT);
    auth.signOut("s1");
    assertThat(auth.current("s1").authenticated()).isFalse();
  }

  @Test
  void neitherTheSessionKeyNorThePinIsStored() {
    String phoneLikeSession = "+15125550101-session";
    auth.verifyPin(phoneLikeSession, MARIA, RIGHT);
    auth.verifyPin("s2", MARIA, WRONG);
    String dump = dynamo.scan(b -> b.tableName(table)).items().toString();
    assertThat(dump).doesNotContain("+15125550101").doesNotContain(RIGHT).doesNotContain(WRONG);
    assertThat(dump).contains("session#").contains("customer#" + MARIA);
  }

  interface PinFor {
    String pin(int i);
  }

  List<PinOutcome> race(int n, PinFor pins) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CyclicBarrier start = new CyclicBarrier(n);
      List<Future<PinOutcome>> fs = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int idx = i;
        fs.add(
            pool.submit(
                () -> {
                  start.await();
                  return auth.verifyPin("s-" + idx, MARIA, pins.pin(idx));
                }));
      }
      List<PinOutcome> out = new ArrayList<>();
      for (Future<PinOutcome> f : fs) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }
}
