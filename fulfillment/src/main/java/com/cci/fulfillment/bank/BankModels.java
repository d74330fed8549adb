package com.cci.fulfillment.bank;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Wire types of the core-banking REST contract ({@code openapi/core-banking.yaml}). Shared by the
 * client and the sandbox bank so both speak exactly the documented shapes.
 */
public final class BankModels {
  private BankModels() {}

  /** A customer as returned by the lookup endpoints (never contains the PIN). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Customer(
      @JsonProperty("id") String id,
      @JsonProperty("name") String name,
      @JsonProperty("phone") String phone) {}

  /** An account with its current balance. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Account(
      @JsonProperty("number") String number,
      @JsonProperty("type") String type,
      @JsonProperty("balance") BigDecimal balance,
      @JsonProperty("currency") String currency) {}

  /** Balance of one account. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Balance(
      @JsonProperty("accountNumber") String accountNumber,
      @JsonProperty("available") BigDecimal available,
      @JsonProperty("currency") String currency) {}

  /** One posted transaction; negative amounts are debits. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Transaction(
      @JsonProperty("id") String id,
      @JsonProperty("date") LocalDate date,
      @JsonProperty("description") String description,
      @JsonProperty("amount") BigDecimal amount) {}

  /** A payment card; only the last four digits are ever exposed. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Card(
      @JsonProperty("id") String id,
      @JsonProperty("last4") String last4,
      @JsonProperty("type") String type,
      @JsonProperty("status") String status) {}

  /** Loan status including the next payment and the payoff amount. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Loan(
      @JsonProperty("id") String id,
      @JsonProperty("type") String type,
      @JsonProperty("status") String status,
      @JsonProperty("outstandingBalance") BigDecimal outstandingBalance,
      @JsonProperty("interestRate") BigDecimal interestRate,
      @JsonProperty("nextPaymentAmount") BigDecimal nextPaymentAmount,
      @JsonProperty("nextPaymentDue") LocalDate nextPaymentDue,
      @JsonProperty("payoffAmount") BigDecimal payoffAmount) {}

  /** Transfer kind: between accounts of this bank, or to an external payee. */
  public enum TransferType {
    INTERNAL,
    EXTERNAL
  }

  /** Body of {@code POST /transfers}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record TransferRequest(
      @JsonProperty("customerId") String customerId,
      @JsonProperty("type") TransferType type,
      @JsonProperty("fromAccount") String fromAccount,
      @JsonProperty("toAccount") String toAccount,
      @JsonProperty("amount") BigDecimal amount,
      @JsonProperty("payeeName") String payeeName,
      @JsonProperty("routingNumber") String routingNumber) {}

  /** Result of an accepted transfer. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record TransferResult(
      @JsonProperty("transferId") String transferId,
      @JsonProperty("status") String status,
      @JsonProperty("type") TransferType type,
      @JsonProperty("fromAccount") String fromAccount,
      @JsonProperty("toAccount") String toAccount,
      @JsonProperty("amount") BigDecimal amount,
      @JsonProperty("fromBalanceAfter") BigDecimal fromBalanceAfter) {}

  /** Which contact detail {@code PUT /customers/{customerId}/contact-details} changes. */
  public enum ContactType {
    EMAIL,
    PHONE
  }

  /**
   * Body of {@code PUT /customers/{customerId}/contact-details}: the new e-mail address or E.164
   * phone number. {@link #toString()} masks the value, so the record can never leak it to a log.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ContactUpdate(
      @JsonProperty("type") ContactType type, @JsonProperty("value") String value) {
    @Override
    public String toString() {
      return "ContactUpdate[type=" + type + ", value=" + maskContact(type, value) + "]";
    }
  }

  /**
   * Answer of a contact-detail change: {@code UPDATED}, or {@code UNCHANGED} when the customer
   * already had this value; the value itself only masked ({@code j***@example.com}, {@code
   * ****0199}).
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ContactUpdateResult(
      @JsonProperty("customerId") String customerId,
      @JsonProperty("type") ContactType type,
      @JsonProperty("status") String status,
      @JsonProperty("maskedValue") String maskedValue) {}

  /**
   * The documented masking of a contact value: e-mail = first character + {@code ***} + the domain,
   * phone = {@code ****} + the last 4 digits; anything else {@code ****}.
   */
  public static String maskContact(ContactType type, String value) {
    if (value == null) {
      return null;
    }
    if (type == ContactType.EMAIL) {
      int at = value.indexOf('@');
      return at > 0 ? value.charAt(0) + "***" + value.substring(at) : "****";
    }
    String digits = value.replaceAll("[^0-9]", "");
    return digits.length() >= 4 ? "****" + digits.substring(digits.length() - 4) : "****";
  }

  /** Why an account is frozen. */
  public enum FreezeReason {
    CUSTOMER_REQUEST,
    LOST_OR_STOLEN,
    FRAUD_SUSPECTED
  }

  /** Body of {@code POST /accounts/{accountNumber}/freeze}: who asks (must own it) and why. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FreezeRequest(
      @JsonProperty("customerId") String customerId, @JsonProperty("reason") FreezeReason reason) {}

  /**
   * Answer of an account freeze: {@code FROZEN} (frozen by this request) or {@code ALREADY_FROZEN}
   * (the original freeze, unchanged).
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record AccountFreeze(
      @JsonProperty("freezeId") String freezeId,
      @JsonProperty("accountNumber") String accountNumber,
      @JsonProperty("status") String status,
      @JsonProperty("reason") FreezeReason reason,
      @JsonProperty("frozenAt") java.time.Instant frozenAt) {}

  /** Why a customer disputes a charge. */
  public enum DisputeReason {
    UNAUTHORIZED,
    NOT_RECEIVED,
    DUPLICATE,
    INCORRECT_AMOUNT,
    OTHER
  }

  /** Body of {@code POST /disputes}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record DisputeRequest(
      @JsonProperty("customerId") String customerId,
      @JsonProperty("accountNumber") String accountNumber,
      @JsonProperty("transactionId") String transactionId,
      @JsonProperty("amount") BigDecimal amount,
      @JsonProperty("reason") DisputeReason reason) {}

  /** An opened dispute case. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record DisputeCase(
      @JsonProperty("caseId") String caseId,
      @JsonProperty("status") String status,
      @JsonProperty("accountNumber") String accountNumber,
      @JsonProperty("transactionId") String transactionId,
      @JsonProperty("amount") BigDecimal amount,
      @JsonProperty("reason") DisputeReason reason,
      @JsonProperty("openedAt") java.time.Instant openedAt) {}

  /** Answer of the PIN verification endpoint. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record PinVerification(@JsonProperty("verified") boolean verified) {}

  /** The error body of every non-2xx answer. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ApiError(
      @JsonProperty("code") String code, @JsonProperty("message") String message) {}

  /** Convenience wrapper for list answers. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Page<T>(@JsonProperty("items") List<T> items) {}
}
