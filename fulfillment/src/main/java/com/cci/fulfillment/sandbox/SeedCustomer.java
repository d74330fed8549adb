package com.cci.fulfillment.sandbox;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** One entry of {@code sandbox/customers.json}: a demo customer with a clear-text PIN. */
@JsonIgnoreProperties(ignoreUnknown = true)
record SeedCustomer(
    @JsonProperty("id") String id,
    @JsonProperty("name") String name,
    @JsonProperty("phone") String phone,
    @JsonProperty("email") String email,
    @JsonProperty("pin") String pin,
    @JsonProperty("accounts") List<SeedAccount> accounts,
    @JsonProperty("cards") List<SeedCard> cards,
    @JsonProperty("loans") List<SeedLoan> loans) {

  @JsonIgnoreProperties(ignoreUnknown = true)
  record SeedAccount(
      @JsonProperty("number") String number,
      @JsonProperty("type") String type,
      @JsonProperty("balance") BigDecimal balance) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record SeedCard(
      @JsonProperty("id") String id,
      @JsonProperty("last4") String last4,
      @JsonProperty("type") String type,
      @JsonProperty("status") String status) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record SeedLoan(
      @JsonProperty("id") String id,
      @JsonProperty("type") String type,
      @JsonProperty("status") String status,
      @JsonProperty("outstandingBalance") BigDecimal outstandingBalance,
      @JsonProperty("interestRate") BigDecimal interestRate,
      @JsonProperty("nextPaymentAmount") BigDecimal nextPaymentAmount,
      @JsonProperty("nextPaymentDue") LocalDate nextPaymentDue,
      @JsonProperty("accruedInterest") BigDecimal accruedInterest) {}
}
