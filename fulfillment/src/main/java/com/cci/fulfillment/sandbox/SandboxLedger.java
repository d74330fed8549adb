package com.cci.fulfillment.sandbox;

import com.cci.fulfillment.bank.BankModels.Account;
import com.cci.fulfillment.bank.BankModels.AccountFreeze;
import com.cci.fulfillment.bank.BankModels.Card;
import com.cci.fulfillment.bank.BankModels.ContactType;
import com.cci.fulfillment.bank.BankModels.ContactUpdate;
import com.cci.fulfillment.bank.BankModels.ContactUpdateResult;
import com.cci.fulfillment.bank.BankModels.Customer;
import com.cci.fulfillment.bank.BankModels.DisputeCase;
import com.cci.fulfillment.bank.BankModels.DisputeRequest;
import com.cci.fulfillment.bank.BankModels.FreezeRequest;
import com.cci.fulfillment.bank.BankModels.Loan;
import com.cci.fulfillment.bank.BankModels.Transaction;
import com.cci.fulfillment.bank.BankModels.TransferRequest;
import com.cci.fulfillment.bank.BankModels.TransferResult;
import com.cci.fulfillment.bank.BankModels.TransferType;
import com.cci.schemas.Json;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The sandbox bank's state and business rules: customers, accounts, cards, loans, transactions and
 * transfers. PINs are hashed on load. All mutations are serialised on this object.
 */
public final class SandboxLedger {
  /** Per-transfer limit for transfers between accounts of this bank. */
  public static final BigDecimal INTERNAL_LIMIT = new BigDecimal("25000.00");

  /** Per-transfer limit for transfers to external payees. */
  public static final BigDecimal EXTERNAL_LIMIT = new BigDecimal("5000.00");

  private static final Pattern PIN = Pattern.compile("\\d{4,6}");
  private static final Pattern ROUTING = Pattern.compile("\\d{9}");
  private static final Pattern EXTERNAL_ACCOUNT = Pattern.compile("\\d{4,17}");
  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,24}");
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{9,14}");
  private static final String[] MERCHANTS = {
    "Grocery Mart", "City Transit", "Coffee House", "Online Books", "Fuel Station",
    "Pharmacy Plus", "Utility Power Co", "Streaming Service", "Payroll Deposit", "ATM Withdrawal"
  };

  /** A business-rule violation with its HTTP status and error code. */
  public static final class LedgerException extends RuntimeException {
    final int status;
    final String code;

    LedgerException(int status, String code, String message) {
      super(message);
      this.status = status;
      this.code = code;
    }
  }

  private static final class CustomerState {
    Customer customer;
    String email;
    final PinHasher.PinHash pin;
    final List<String> accounts = new ArrayList<>();
    final Map<String, Card> cards = new LinkedHashMap<>();
    final List<Loan> loans = new ArrayList<>();

    CustomerState(Customer customer, PinHasher.PinHash pin) {
      this.customer = customer;
      this.pin = pin;
    }
  }

  private static final class AccountState {
    final String number;
    final String type;
    final String owner;
    BigDecimal balance;
    final List<Transaction> transactions = new ArrayList<>();
    AccountFreeze freeze;

    AccountState(String number, String type, String owner, BigDecimal balance) {
      this.number = number;
      this.type = type;
      this.owner = owner;
      this.balance = balance;
    }

    Account view() {
      return new Account(number, type, balance, "USD");
    }
  }

  private final Clock clock;
  private final Map<String, CustomerState> customers = new LinkedHashMap<>();
  private final Map<String, String> customerByPhone = new HashMap<>();
  private final Map<String, AccountState> accounts = new HashMap<>();
  private final AtomicLong transferSeq = new AtomicLong();
  private int transferCount;
  private int contactUpdateCount;
  private final AtomicLong freezeSeq = new AtomicLong();
  private final Map<String, DisputeCase> disputesByTransaction = new HashMap<>();

  private SandboxLedger(Clock clock) {
    this.clock = clock;
  }

  /** Loads the default seed {@code classpath:sandbox/customers.json}. */
  public static SandboxLedger fromDefaultSeed(Clock clock) {
    try (InputStream in =
        SandboxLedger.class.getClassLoader().getResourceAsStream("sandbox/customers.json")) {
      if (in == null) {
        throw new IllegalStateException("classpath resource sandbox/customers.json is missing");
      }
      return fromSeed(in, clock);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read sandbox/customers.json", e);
    }
  }

  /** Loads customers from a JSON array; a bad entry fails with a message naming it. */
  public static SandboxLedger fromSeed(InputStream json, Clock clock) throws IOException {
    List<SeedCustomer> seed = Json.mapper().readValue(json, new TypeReference<>() {});
    SandboxLedger ledger = new SandboxLedger(clock);
    int index = 0;
    for (SeedCustomer c : seed) {
      ledger.add(c, index++);
    }
    return ledger;
  }

  private void add(SeedCustomer c, int index) {
    String where = "customers.json entry " + index;
    if (c.name() == null || c.name().isBlank()) {
      throw new IllegalArgumentException(where + ": name is required");
    }
    if (c.phone() == null || normalisePhone(c.phone()).isEmpty()) {
      throw new IllegalArgumentException(where + ": phone is required");
    }
    if (c.pin() == null || !PIN.matcher(c.pin()).matches()) {
      throw new IllegalArgumentException(where + ": pin must be 4-6 digits");
    }
    String id = c.id() != null ? c.id() : String.format("C%04d", index + 1);
    if (customers.containsKey(id)) {
      throw new IllegalArgumentException(where + ": duplicate id " + id);
    }
    String phone = normalisePhone(c.phone());
    if (customerByPhone.putIfAbsent(phone, id) != null) {
      throw new IllegalArgumentException(where + ": duplicate phone");
    }
    CustomerState state =
        new CustomerState(new Customer(id, c.name(), phone), PinHasher.hash(c.pin()));
    if (c.email() != null) {
      if (!EMAIL.matcher(c.email()).matches()) {
        throw new IllegalArgumentException(where + ": email is not a valid e-mail address");
      }
      state.email = c.email().toLowerCase(java.util.Locale.ROOT);
    }
    for (SeedCustomer.SeedAccount a : nullSafe(c.accounts())) {
      if (a.number() == null || a.balance() == null || accounts.containsKey(a.number())) {
        throw new IllegalArgumentException(where + ": account needs a unique number and a balance");
      }
      if (a.balance().stripTrailingZeros().scale() > 2) {
        throw new IllegalArgumentException(
            where + ": balance of account " + a.number() + " has more than 2 decimals");
      }
      AccountState acc =
          new AccountState(
              a.number(), a.type(), id, a.balance().setScale(2, RoundingMode.UNNECESSARY));
      acc.transactions.addAll(history(a.number()));
      accounts.put(a.number(), acc);
      state.accounts.add(a.number());
    }
    int n = 0;
    for (SeedCustomer.SeedCard card : nullSafe(c.cards())) {
      String cardId = card.id() != null ? card.id() : id + "-card-" + (++n);
      state.cards.put(cardId, new Card(cardId, card.last4(), card.type(), card.status()));
    }
    for (SeedCustomer.SeedLoan l : nullSafe(c.loans())) {
      BigDecimal accrued = l.accruedInterest() == null ? BigDecimal.ZERO : l.accruedInterest();
      state.loans.add(
          new Loan(
              l.id(),
              l.type(),
              l.status(),
              l.outstandingBalance(),
              l.interestRate(),
              l.nextPaymentAmount(),
              l.nextPaymentDue(),
              l.outstandingBalance().add(accrued).setScale(2, RoundingMode.HALF_UP)));
    }
    customers.put(id, state);
  }

  /** Deterministic history: 40 transactions over the 120 days before today, seeded by number. */
  private List<Transaction> history(String number) {
    Random random = new Random(number.hashCode());
    LocalDate today = LocalDate.now(clock);
    List<Transaction> list = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String merchant = MERCHANTS[random.nextInt(MERCHANTS.length)];
      BigDecimal amount = BigDecimal.valueOf(100 + random.nextInt(20_000), 2);
      if (!merchant.equals("Payroll Deposit")) {
        amount = amount.negate();
      }
      list.add(
          new Transaction(
              number + "-t" + i, today.minusDays(random.nextInt(120) + 1), merchant, amount));
    }
    list.sort(Comparator.comparing(Transaction::date).reversed());
    return list;
  }

  private static <T> List<T> nullSafe(List<T> list) {
    return list == null ? List.of() : list;
  }

  /** Keeps a leading '+' and digits only. */
  static String normalisePhone(String phone) {
    String digits = phone.replaceAll("[^0-9]", "");
    if (digits.isEmpty()) {
      return "";
    }
    return "+" + digits;
  }

  /** Lookup by phone number in any common notation. */
  public synchronized Optional<Customer> customerByPhone(String phone) {
    return Optional.ofNullable(customerByPhone.get(normalisePhone(phone)))
        .map(id -> customers.get(id).customer);
  }

  /** Lookup by the number of one of the customer's accounts. */
  public synchronized Optional<Customer> customerByAccount(String accountNumber) {
    return Optional.ofNullable(accounts.get(accountNumber))
        .map(a -> customers.get(a.owner).customer);
  }

  public synchronized Customer customer(String id) {
    return state(id).customer;
  }

  public synchronized List<Account> accounts(String customerId) {
    return state(customerId).accounts.stream().map(n -> accounts.get(n).view()).toList();
  }

  public synchronized Account account(String number) {
    return account0(number).view();
  }

  /** Transactions of an account within [from, to], newest first. */
  public synchronized List<Transaction> transactions(String number, LocalDate from, LocalDate to) {
    if (from.isAfter(to)) {
      throw new LedgerException(400, "INVALID_RANGE", "from must not be after to");
    }
    return account0(number).transactions.stream()
        .filter(t -> !t.date().isBefore(from) && !t.date().isAfter(to))
        .sorted(Comparator.comparing(Transaction::date).reversed())
        .toList();
  }

  public synchronized List<Card> cards(String customerId) {
    return List.copyOf(state(customerId).cards.values());
  }

  /** Activates the customer's inactive card ending in {@code last4}. */
  public synchronized Card activateCard(String customerId, String last4) {
    CustomerState c = state(customerId);
    Card card =
        c.cards.values().stream()
            .filter(k -> k.last4().equals(last4))
            .findFirst()
            .orElseThrow(
                () -> new LedgerException(404, "CARD_NOT_FOUND", "no card with these last 4"));
    switch (card.status()) {
      case "ACTIVE" ->
          throw new LedgerException(409, "CARD_ALREADY_ACTIVE", "card is already active");
      case "BLOCKED" ->
          throw new LedgerException(422, "CARD_BLOCKED", "a blocked card cannot be activated");
      default -> {}
    }
    Card active = new Card(card.id(), card.last4(), card.type(), "ACTIVE");
    c.cards.put(card.id(), active);
    return active;
  }

  /** Blocks a card; blocking a blocked card is a no-op (idempotent). */
  public synchronized Card blockCard(String customerId, String cardId) {
    CustomerState c = state(customerId);
    Card card = c.cards.get(cardId);
    if (card == null) {
      throw new LedgerException(404, "CARD_NOT_FOUND", "no such card for this customer");
    }
    Card blocked = new Card(card.id(), card.last4(), card.type(), "BLOCKED");
    c.cards.put(cardId, blocked);
    return blocked;
  }

  public synchronized List<Loan> loans(String customerId) {
    return List.copyOf(state(customerId).loans);
  }

  public synchronized Loan loan(String customerId, String loanId) {
    return state(customerId).loans.stream()
        .filter(l -> l.id().equals(loanId))
        .findFirst()
        .orElseThrow(() -> new LedgerException(404, "LOAN_NOT_FOUND", "no such loan"));
  }

  /** Constant-time PIN check; an unknown customer is a 404. */
  public boolean verifyPin(String customerId, String pin) {
    PinHasher.PinHash hash;
    synchronized (this) {
      hash = state(customerId).pin;
    }
    return hash.matches(pin);
  }

  /** Validates and books a transfer, atomically. */
  public synchronized TransferResult transfer(TransferRequest r) {
    validate(r);
    AccountState from = account0(r.fromAccount());
    if (!from.owner.equals(r.customerId())) {
      throw new LedgerException(
          422, "ACCOUNT_NOT_OWNED", "fromAccount does not belong to customer");
    }
    AccountState to = null;
    if (r.type() == TransferType.INTERNAL) {
      to = accounts.get(r.toAccount());
      if (to == null) {
        throw new LedgerException(
            422, "UNKNOWN_DESTINATION", "toAccount is not an account of this bank");
      }
      if (to == from) {
        throw new LedgerException(422, "SAME_ACCOUNT", "fromAccount and toAccount are the same");
      }
    }
    if (from.freeze != null) {
      throw new LedgerException(422, "ACCOUNT_FROZEN", "fromAccount is frozen: no debits");
    }
    BigDecimal amount = r.amount().setScale(2, RoundingMode.UNNECESSARY);
    if (from.balance.compareTo(amount) < 0) {
      throw new LedgerException(422, "INSUFFICIENT_FUNDS", "balance is lower than the amount");
    }
    String id = "TRF-" + String.format("%08d", transferSeq.incrementAndGet());
    LocalDate today = LocalDate.now(clock);
    from.balance = from.balance.subtract(amount);
    from.transactions.add(
        0,
        new Transaction(id + "-d", today, "Transfer to " + mask(r.toAccount()), amount.negate()));
    if (to != null) {
      to.balance = to.balance.add(amount);
      to.transactions.add(
          0, new Transaction(id + "-c", today, "Transfer from " + mask(r.fromAccount()), amount));
    }
    transferCount++;
    return new TransferResult(
        id, "COMPLETED", r.type(), r.fromAccount(), r.toAccount(), amount, from.balance);
  }

  /**
   * Changes a customer's e-mail address or phone number (E.164), atomically; the phone lookup
   * follows a new number at once. The value the customer already has answers {@code UNCHANGED}. A
   * phone number another customer holds is refused ({@code 409 PHONE_IN_USE}).
   */
  public synchronized ContactUpdateResult updateContact(String customerId, ContactUpdate u) {
    CustomerState c = state(customerId);
    if (u == null || u.type() == null || u.value() == null) {
      throw new LedgerException(
          400, "INVALID_CONTACT", "type (EMAIL or PHONE) and value are required");
    }
    String value;
    boolean changed;
    if (u.type() == ContactType.EMAIL) {
      value = u.value().trim().toLowerCase(java.util.Locale.ROOT);
      if (value.length() > 254 || !EMAIL.matcher(value).matches()) {
        throw new LedgerException(400, "INVALID_CONTACT", "value is not a valid e-mail address");
      }
      changed = !value.equals(c.email);
      c.email = value;
    } else {
      value = u.value().trim();
      if (!E164.matcher(value).matches()) {
        throw new LedgerException(
            400, "INVALID_CONTACT", "value must be an E.164 phone number (+ and 10-15 digits)");
      }
      String holder = customerByPhone.get(value);
      if (holder != null && !holder.equals(customerId)) {
        throw new LedgerException(
            409, "PHONE_IN_USE", "this phone number belongs to another customer");
      }
      changed = holder == null;
      if (changed) {
        customerByPhone.remove(c.customer.phone(), customerId);
        customerByPhone.put(value, customerId);
        c.customer = new Customer(customerId, c.customer.name(), value);
      }
    }
    contactUpdateCount++;
    return new ContactUpdateResult(
        customerId,
        u.type(),
        changed ? "UPDATED" : "UNCHANGED",
        com.cci.fulfillment.bank.BankModels.maskContact(u.type(), value));
  }

  /**
   * Freezes an account against debits (transfers from it are refused with {@code ACCOUNT_FROZEN};
   * credits still arrive). Idempotent by state: freezing a frozen account returns the original
   * freeze as {@code ALREADY_FROZEN} and changes nothing. Only the owner may freeze ({@code 422
   * ACCOUNT_NOT_OWNED}).
   */
  public synchronized AccountFreeze freezeAccount(String number, FreezeRequest r) {
    if (r == null || r.customerId() == null || r.reason() == null) {
      throw new LedgerException(400, "INVALID_REQUEST", "customerId and reason are required");
    }
    AccountState a = account0(number);
    state(r.customerId());
    if (!a.owner.equals(r.customerId())) {
      throw new LedgerException(422, "ACCOUNT_NOT_OWNED", "account does not belong to customer");
    }
    if (a.freeze != null) {
      AccountFreeze f = a.freeze;
      return new AccountFreeze(
          f.freezeId(), f.accountNumber(), "ALREADY_FROZEN", f.reason(), f.frozenAt());
    }
    a.freeze =
        new AccountFreeze(
            "FRZ-" + String.format("%08d", freezeSeq.incrementAndGet()),
            number,
            "FROZEN",
            r.reason(),
            clock.instant());
    return a.freeze;
  }

  /**
   * Opens a dispute case for one posted debit of the customer's account: the amount disputed is
   * positive, at most 2 decimals and at most the debit; a transaction can be disputed once ({@code
   * 409 ALREADY_DISPUTED} afterwards, naming the open case).
   */
  public synchronized DisputeCase openDispute(DisputeRequest r) {
    if (r == null
        || r.customerId() == null
        || r.accountNumber() == null
        || r.transactionId() == null
        || r.amount() == null
        || r.reason() == null) {
      throw new LedgerException(
          400,
          "INVALID_REQUEST",
          "customerId, accountNumber, transactionId, amount and reason are required");
    }
    if (r.amount().signum() <= 0 || r.amount().stripTrailingZeros().scale() > 2) {
      throw new LedgerException(
          400, "INVALID_AMOUNT", "amount must be positive with at most 2 decimals");
    }
    state(r.customerId());
    AccountState a = account0(r.accountNumber());
    if (!a.owner.equals(r.customerId())) {
      throw new LedgerException(422, "ACCOUNT_NOT_OWNED", "account does not belong to customer");
    }
    Transaction t =
        a.transactions.stream()
            .filter(x -> x.id().equals(r.transactionId()))
            .findFirst()
            .orElseThrow(
                () ->
                    new LedgerException(
                        404, "TRANSACTION_NOT_FOUND", "no such transaction on this account"));
    if (t.amount().signum() >= 0) {
      throw new LedgerException(422, "NOT_A_DEBIT", "only debits can be disputed");
    }
    if (r.amount().compareTo(t.amount().negate()) > 0) {
      throw new LedgerException(
          422, "AMOUNT_EXCEEDS_TRANSACTION", "amount is larger than the transaction");
    }
    DisputeCase open = disputesByTransaction.get(t.id());
    if (open != null) {
      throw new LedgerException(
          409, "ALREADY_DISPUTED", "transaction is already disputed in case " + open.caseId());
    }
    DisputeCase c =
        new DisputeCase(
            String.format("DSP-%06d", disputesByTransaction.size() + 1),
            "OPEN",
            r.accountNumber(),
            t.id(),
            r.amount().setScale(2, RoundingMode.UNNECESSARY),
            r.reason(),
            clock.instant());
    disputesByTransaction.put(t.id(), c);
    return c;
  }

  /** How many dispute cases were opened. */
  public synchronized int disputeCount() {
    return disputesByTransaction.size();
  }

  /** Whether an account is frozen (tests and local runs). */
  public synchronized boolean isFrozen(String number) {
    return account0(number).freeze != null;
  }

  /** How many accounts were frozen (state changes only; repeats are not counted). */
  public synchronized int freezeCount() {
    return (int) freezeSeq.get();
  }

  /** The customer's e-mail address on file, if any (tests and local runs). */
  public synchronized Optional<String> email(String customerId) {
    return Optional.ofNullable(state(customerId).email);
  }

  /** How many contact-detail changes were executed, {@code UNCHANGED} ones included. */
  public synchronized int contactUpdateCount() {
    return contactUpdateCount;
  }

  /** How many transfers were booked (for tests and load-test accounting). */
  public synchronized int transferCount() {
    return transferCount;
  }

  private static void validate(TransferRequest r) {
    if (r.customerId() == null
        || r.type() == null
        || r.fromAccount() == null
        || r.toAccount() == null
        || r.amount() == null) {
      throw new LedgerException(
          400,
          "INVALID_REQUEST",
          "customerId, type, fromAccount, toAccount and amount are required");
    }
    if (r.amount().signum() <= 0 || r.amount().stripTrailingZeros().scale() > 2) {
      throw new LedgerException(
          400, "INVALID_AMOUNT", "amount must be positive with at most 2 decimals");
    }
    BigDecimal limit = r.type() == TransferType.INTERNAL ? INTERNAL_LIMIT : EXTERNAL_LIMIT;
    if (r.amount().compareTo(limit) > 0) {
      throw new LedgerException(
          422, "AMOUNT_LIMIT_EXCEEDED", r.type() + " transfers are limited to " + limit);
    }
    if (r.type() == TransferType.EXTERNAL) {
      if (r.payeeName() == null || r.payeeName().isBlank()) {
        throw new LedgerException(
            400, "INVALID_REQUEST", "payeeName is required for external transfers");
      }
      if (r.routingNumber() == null || !ROUTING.matcher(r.routingNumber()).matches()) {
        throw new LedgerException(400, "INVALID_REQUEST", "routingNumber must be 9 digits");
      }
      if (!EXTERNAL_ACCOUNT.matcher(r.toAccount()).matches()) {
        throw new LedgerException(400, "INVALID_REQUEST", "toAccount must be 4-17 digits");
      }
    }
  }

  private static String mask(String number) {
    return number.length() <= 4 ? "****" : "****" + number.substring(number.length() - 4);
  }

  private CustomerState state(String id) {
    CustomerState s = customers.get(id);
    if (s == null) {
      throw new LedgerException(404, "CUSTOMER_NOT_FOUND", "no such customer");
    }
    return s;
  }

  private AccountState account0(String number) {
    AccountState a = accounts.get(number);
    if (a == null) {
      throw new LedgerException(404, "ACCOUNT_NOT_FOUND", "no such account");
    }
    return a;
  }
}
