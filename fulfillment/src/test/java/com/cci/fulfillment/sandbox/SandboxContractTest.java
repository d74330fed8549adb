package com.cci.fulfillment.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cci.fulfillment.bank.BankApiException;
import com.cci.fulfillment.bank.BankModels.Account;
import com.cci.fulfillment.bank.BankModels.Card;
import com.cci.fulfillment.bank.BankModels.Loan;
import com.cci.fulfillment.bank.BankModels.Transaction;
import com.cci.fulfillment.bank.CoreBankingClient;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sandbox bank's contract, exercised over HTTP through the real client. */
class SandboxContractTest {
  private static SandboxBank bank;
  private static CoreBankingClient client;

  @BeforeAll
  static void start() throws Exception {
    bank = SandboxBank.withDefaultSeed().start();
    client = new CoreBankingClient(CoreBankingClient.Config.defaults(bank.baseUri()));
  }

  @AfterAll
  static void stop() {
    if (bank != null) {
      bank.close();
    }
  }

  @Test
  void looksUpCustomersByPhoneInAnyNotationAndByAccount() {
    assertThat(client.findCustomerByPhone("+1 (512) 555-0101"))
        .hasValueSatisfying(
            c -> {
              assertThat(c.id()).isEqualTo("C1001");
              assertThat(c.name()).isEqualTo("Maria Gonzalez");
            });
    assertThat(client.findCustomerByAccount("100200300601"))
        .hasValueSatisfying(c -> assertThat(c.id()).isEqualTo("C1003"));
    assertThat(client.findCustomerByPhone("+19995550000")).isEmpty();
    assertThat(client.findCustomerByAccount("999")).isEmpty();
  }

  @Test
  void listsAccountsAndBalances() {
    List<Account> accounts = client.accounts("C1001");
    assertThat(accounts)
        .extracting(Account::number)
        .containsExactly("100200300401", "100200300402");
    assertThat(client.balance("100200300402").available()).isEqualByComparingTo("15230.00");
    assertThat(client.balance("100200300401").currency()).isEqualTo("USD");
    assertThatThrownBy(() -> client.balance("000000000000"))
        .isInstanceOfSatisfying(
            BankApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.code()).isEqualTo("ACCOUNT_NOT_FOUND");
            });
  }

  @Test
  void filtersTransactionsByInclusiveDateRange() {
    LocalDate today = LocalDate.now();
    List<Transaction> all = client.transactions("100200300501", today.minusDays(200), today);
    assertThat(all).hasSize(40);
    LocalDate from = today.minusDays(60);
    LocalDate to = today.minusDays(30);
    List<Transaction> window = client.transactions("100200300501", from, to);
    long expected =
        all.stream().filter(t -> !t.date().isBefore(from) && !t.date().isAfter(to)).count();
    assertThat(window).hasSize((int) expected).isNotEmpty();
    assertThat(window).allSatisfy(t -> assertThat(t.date()).isBetween(from, to));
    assertThat(window).extracting(Transaction::date).isSortedAccordingTo((a, b) -> b.compareTo(a));
    assertThatThrownBy(() -> client.transactions("100200300501", to, from))
        .isInstanceOfSatisfying(BankApiException.class, e -> assertThat(e.status()).isEqualTo(400));
  }

  @Test
  void blocksACardAndActivatesByLastFour() {
    Card blocked = client.blockCard("C1003", "CARD-1003-1");
    assertThat(blocked.status()).isEqualTo("BLOCKED");
    assertThat(client.cards("C1003"))
        .filteredOn(c -> c.id().equals("CARD-1003-1"))
        .extracting(Card::status)
        .containsExactly("BLOCKED");
    assertThat(client.blockCard("C1003", "CARD-1003-1").status()).isEqualTo("BLOCKED");
    assertThatThrownBy(() -> client.blockCard("C1003", "CARD-9999"))
        .isInstanceOfSatisfying(BankApiException.class, e -> assertThat(e.status()).isEqualTo(404));

    assertThat(client.activateCard("C1004", "3006").status()).isEqualTo("ACTIVE");
    assertThatThrownBy(() -> client.activateCard("C1004", "3006"))
        .isInstanceOfSatisfying(BankApiException.class, e -> assertThat(e.status()).isEqualTo(409));
    assertThatThrownBy(() -> client.activateCard("C1004", "3005"))
        .isInstanceOfSatisfying(
            BankApiException.class, e -> assertThat(e.code()).isEqualTo("CARD_BLOCKED"));
  }

  @Test
  void reportsLoanStatusPaymentDueAndPayoff() {
    List<Loan> loans = client.loans("C1005");
    assertThat(loans).extracting(Loan::id).containsExactly("LN-5005", "LN-5006");
    Loan heloc = client.loan("C1005", "LN-5005");
    assertThat(heloc.status()).isEqualTo("CURRENT");
    assertThat(heloc.nextPaymentAmount()).isEqualByComparingTo("420.55");
    assertThat(heloc.nextPaymentDue()).isEqualTo(LocalDate.parse("2026-12-10"));
    assertThat(heloc.payoffAmount()).isEqualByComparingTo(new BigDecimal("35095.34"));
    assertThatThrownBy(() -> client.loan("C1005", "LN-0000"))
        .isInstanceOfSatisfying(BankApiException.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  @Test
  void verifiesPins() {
    assertThat(client.verifyPin("C1002", "190377")).isTrue();
    assertThat(client.verifyPin("C1002", "190378")).isFalse();
    assertThat(client.verifyPin("C1004", "0000")).isTrue();
    assertThat(client.verifyPin("C1004", "00000")).isFalse();
    assertThatThrownBy(() -> client.verifyPin("C9999", "1234"))
        .isInstanceOfSatisfying(BankApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    assertThatThrownBy(() -> client.verifyPin("C1002", "12"))
        .isInstanceOfSatisfying(BankApiException.class, e -> assertThat(e.status()).isEqualTo(400));
  }

  @Test
  void neverEchoesThePinInAnyResponseBody() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    URI base = bank.baseUri();
    LocalDate today = LocalDate.now();
    List<HttpRequest> requests = new ArrayList<>();
    for (String path :
        List.of(
            "/customers?phone=%2B15125550102",
            "/customers?accountNumber=100200300501",
            "/customers/C1002",
            "/customers/C1002/accounts",
            "/customers/C1002/cards",
            "/customers/C1002/loans",
            "/customers/C1002/loans/LN-5002",
            "/accounts/100200300501/balance",
            "/accounts/100200300501/transactions?from=" + today.minusDays(365) + "&to=" + today)) {
      requests.add(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }
    for (String pin : List.of("190377", "999999", "19037x")) {
      requests.add(
          HttpRequest.newBuilder(URI.create(base + "/customers/C1002/pin-verification"))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString("{\"pin\":\"" + pin + "\"}"))
              .build());
    }
    for (HttpRequest r : requests) {
      HttpResponse<String> response = http.send(r, HttpResponse.BodyHandlers.ofString());
      assertThat(response.body())
          .as(r.uri().toString())
          .doesNotContain("190377")
          .doesNotContain("999999")
          .doesNotContain("19037x")
          .doesNotContainIgnoringCase("\"pin\"")
          .doesNotContainIgnoringCase("salt")
          .doesNotContainIgnoringCase("hash");
    }
  }

  @Test
  void rejectsMalformedRequestsWithTheErrorModel() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> noKey =
        http.send(
            HttpRequest.newBuilder(URI.create(bank.baseUri() + "/transfers"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(noKey.statusCode()).isEqualTo(400);
    assertThat(noKey.body()).contains("\"code\":\"INVALID_REQUEST\"").contains("Idempotency-Key");
    HttpResponse<String> notJson =
        http.send(
            HttpRequest.newBuilder(URI.create(bank.baseUri() + "/customers/C1001/pin-verification"))
                .POST(HttpRequest.BodyPublishers.ofString("pin=1234"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(notJson.body()).contains("not valid JSON");
    HttpResponse<String> unknown =
        http.send(
            HttpRequest.newBuilder(URI.create(bank.baseUri() + "/nowhere")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("\"code\":\"NOT_FOUND\"");
  }
}
