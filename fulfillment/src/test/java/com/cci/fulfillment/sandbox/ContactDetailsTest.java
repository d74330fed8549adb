package com.cci.fulfillment.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cci.fulfillment.bank.BankApiException;
import com.cci.fulfillment.bank.BankModels.ContactType;
import com.cci.fulfillment.bank.BankModels.ContactUpdate;
import com.cci.fulfillment.bank.BankModels.ContactUpdateResult;
import com.cci.fulfillment.bank.BankUnavailableException;
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
 * {@code PUT /customers/{customerId}/contact-details} over HTTP through the real client: applied
 * once per Idempotency-Key (sequential, concurrent, after a lost reply), validated, never echoing
 * the value in clear.
 */
class ContactDetailsTest extends SandboxClientTest {
  private static ContactUpdate email(String v) {
    return new ContactUpdate(ContactType.EMAIL, v);
  }

  private static ContactUpdate phone(String v) {
    return new ContactUpdate(ContactType.PHONE, v);
  }

  @Test
  void changesTheEmailOncePerKeyAndAnswersMasked() {
    assertThat(bank.ledger().email("C1001")).hasValue("maria.gonzalez@example.com");
    ContactUpdateResult first =
        client.updateContactDetails("k-1", "C1001", email("M.G@Example.org"));
    assertThat(first)
        .isEqualTo(
            new ContactUpdateResult("C1001", ContactType.EMAIL, "UPDATED", "m***@example.org"));
    ContactUpdateResult again =
        client.updateContactDetails("k-1", "C1001", email("M.G@Example.org"));
    assertThat(again).isEqualTo(first);
    assertThat(bank.ledger().email("C1001")).hasValue("m.g@example.org");
    assertThat(bank.ledger().contactUpdateCount()).isEqualTo(1);

    assertThatThrownBy(() -> client.updateContactDetails("k-1", "C1001", email("x@example.org")))
        .isInstanceOfSatisfying(
            BankApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(409);
              assertThat(e.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
            });
    assertThat(bank.ledger().email("C1001")).hasValue("m.g@example.org");

    ContactUpdateResult same =
        client.updateContactDetails("k-2", "C1001", email("m.g@example.org"));
    assertThat(same.status()).isEqualTo("UNCHANGED");
    assertThat(bank.ledger().contactUpdateCount()).isEqualTo(2);
  }

  @Test
  void aNewPhoneNumberMovesTheCustomerLookup() {
    ContactUpdateResult r = client.updateContactDetails("k-p", "C1002", phone("+15125550177"));
    assertThat(r.status()).isEqualTo("UPDATED");
    assertThat(r.maskedValue()).isEqualTo("****0177");
    assertThat(client.findCustomerByPhone("+1 (512) 555-0177"))
        .get()
        .extracting("id")
        .isEqualTo("C1002");
    assertThat(client.findCustomerByPhone("+15125550102")).isEmpty();
    assertThat(bank.ledger().customer("C1002").phone()).isEqualTo("+15125550177");
  }

  @Test
  void refusesAnotherCustomersNumberAndInvalidValuesWithoutChangingAnything() {
    assertThatThrownBy(() -> client.updateContactDetails("k-a", "C1001", phone("+12065550103")))
        .isInstanceOfSatisfying(
            BankApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(409);
              assertThat(e.code()).isEqualTo("PHONE_IN_USE");
              assertThat(e.getMessage()).doesNotContain("2065550103");
            });
    assertThatThrownBy(() -> client.updateContactDetails("k-b", "C1001", phone("5550103")))
        .isInstanceOfSatisfying(
            BankApiException.class, e -> assertThat(e.code()).isEqualTo("INVALID_CONTACT"));
    assertThatThrownBy(() -> client.updateContactDetails("k-c", "C1001", email("maria at home")))
        .isInstanceOfSatisfying(
            BankApiException.class, e -> assertThat(e.code()).isEqualTo("INVALID_CONTACT"));
    assertThatThrownBy(() -> client.updateContactDetails("k-d", "C9999", email("a@example.com")))
        .isInstanceOfSatisfying(BankApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    assertThat(bank.ledger().customer("C1001").phone()).isEqualTo("+15125550101");
    assertThat(bank.ledger().email("C1001")).hasValue("maria.gonzalez@example.com");
    assertThat(bank.ledger().contactUpdateCount()).isZero();
  }

  @Test
  void tenConcurrentDuplicatesChangeOnce() throws Exception {
    bank.faults().latency(Duration.ofMillis(50));
    ExecutorService pool = Executors.newFixedThreadPool(10);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<ContactUpdateResult>> results = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        results.add(
            pool.submit(
                () -> {
                  go.await();
                  return client.updateContactDetails("dup", "C1003", phone("+12065550999"));
                }));
      }
      go.countDown();
      for (Future<ContactUpdateResult> f : results) {
        assertThat(f.get(10, TimeUnit.SECONDS).status()).isEqualTo("UPDATED");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(bank.ledger().contactUpdateCount()).isEqualTo(1);
  }

  @Test
  void aLostReplyIsRetriedWithTheSameKeyAndAppliedOnce() {
    bank.faults().loseNextReplies(1);
    ContactUpdateResult r = client.updateContactDetails("lost", "C1004", email("tb@example.net"));
    assertThat(r.status()).isEqualTo("UPDATED");
    assertThat(bank.ledger().contactUpdateCount()).isEqualTo(1);
    assertThat(bank.requestCount()).isEqualTo(2);
  }

  @Test
  void anOutageIsUnavailableNotARefusal() {
    bank.faults().outage(true);
    assertThatThrownBy(() -> client.updateContactDetails("out", "C1004", email("tb@example.net")))
        .isInstanceOf(BankUnavailableException.class);
    assertThat(bank.ledger().contactUpdateCount()).isZero();
  }

  @Test
  void rawHttpNeedsAKeyAndNeverEchoesTheValue() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    URI uri = URI.create(bank.baseUri() + "/customers/C1005/contact-details");
    HttpResponse<String> noKey =
        http.send(
            HttpRequest.newBuilder(uri)
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"type\":\"EMAIL\",\"value\":\"a@b.co\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(noKey.statusCode()).isEqualTo(400);
    assertThat(noKey.body()).contains("Idempotency-Key");
    HttpResponse<String> badType =
        http.send(
            HttpRequest.newBuilder(uri)
                .header("Idempotency-Key", "raw-1")
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"type\":\"FAX\",\"value\":\"+14155550111\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(badType.statusCode()).isEqualTo(400);
    assertThat(badType.body()).contains("INVALID_REQUEST").doesNotContain("4155550111");
    HttpResponse<String> ok =
        http.send(
            HttpRequest.newBuilder(uri)
                .header("Idempotency-Key", "raw-2")
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"type\":\"PHONE\",\"value\":\"+14155550111\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).contains("\"maskedValue\":\"****0111\"").doesNotContain("4155550111");
  }

  @Test
  void theRequestRecordNeverPrintsTheValue() {
    assertThat(email("maria.gonzalez@example.com").toString())
        .doesNotContain("maria.gonzalez")
        .contains("m***@example.com");
    assertThat(phone("+15125550199").toString()).doesNotContain("5125550199").contains("****0199");
  }
}
