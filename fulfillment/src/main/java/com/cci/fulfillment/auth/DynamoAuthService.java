package com.cci.fulfillment.auth;

import com.cci.fulfillment.auth.AuthService.PinOutcome.Status;
import com.cci.fulfillment.bank.BankApiException;
import com.cci.fulfillment.bank.BankUnavailableException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * {@link AuthService} on DynamoDB (see {@link AuthTable} for the table layout).
 *
 * <p><b>Sessions</b> ({@code session#<sha256(sessionKey)>}): {@code customerId}, {@code expiresAt}
 * (epoch ms, refreshed on every authenticated turn) and {@code ttl} (epoch s, for DynamoDB's
 * clean-up). Expiry is enforced in code with the injected clock, so a session is anonymous the
 * moment it has been idle for {@link Config#sessionIdle()}, whatever TTL's lazy deletion does. The
 * raw session key (for Connect voice it can derive from the caller's number) is never stored.
 *
 * <p><b>Failure counting</b> ({@code customer#<id>}): {@code attempts} (PIN checks started), {@code
 * failures} (wrong PINs), {@code lockedUntil} (epoch ms). Each attempt first <em>reserves</em> a
 * slot with a conditional update ({@code attempts < maxFailures} and not locked) <em>before</em>
 * the bank sees the PIN, so however many attempts race, at most {@code maxFailures} PINs are ever
 * checked per lockout window and exactly {@code maxFailures} failures lock the customer; the others
 * are answered LOCKED without a bank call. A wrong PIN adds one failure atomically and the one that
 * reaches the limit sets {@code lockedUntil}. A right PIN resets the counters and marks the session
 * authenticated in one transaction that is conditional on the customer not being locked, so nothing
 * verifies once the lock is set. A reserved slot whose attempt died (crash between reservation and
 * result) is reclaimed after {@link Config#attemptLease()}; a bank outage releases the slot (it is
 * not the customer's fault).
 *
 * <p>Counters reset on a successful authentication and when a lock expires ({@link
 * Config#lockout()}).
 */
public final class DynamoAuthService implements AuthService {

  /**
   * Tunables.
   *
   * @param tableName DynamoDB table
   * @param maxFailures wrong PINs that lock the customer (3)
   * @param sessionIdle inactivity expiry of an authenticated session (5 min)
   * @param lockout how long a lock lasts, across sessions
   * @param attemptLease after this, a reserved attempt that never reported is reclaimed
   * @param refreshEvery an active session's expiry is pushed out (one write) at most this often;
   *     between refreshes a turn only reads, so a session may end up to this much earlier than
   *     {@code sessionIdle} after its last turn — never later
   */
  public record Config(
      String tableName,
      int maxFailures,
      Duration sessionIdle,
      Duration lockout,
      Duration attemptLease,
      Duration refreshEvery) {
    public Config {
      Objects.requireNonNull(tableName, "tableName");
      if (maxFailures < 1) {
        throw new IllegalArgumentException("maxFailures must be >= 1, was " + maxFailures);
      }
      requirePositive(sessionIdle, "sessionIdle");
      requirePositive(lockout, "lockout");
      requirePositive(attemptLease, "attemptLease");
      Objects.requireNonNull(refreshEvery, "refreshEvery");
      if (refreshEvery.isNegative() || refreshEvery.compareTo(sessionIdle) >= 0) {
        throw new IllegalArgumentException("refreshEvery must be >= 0 and < sessionIdle");
      }
    }

    /** 3 failures, 5-minute sessions, 30-minute lockout, 30 s attempt lease, 15 s refresh. */
    public static Config defaults(String tableName) {
      return new Config(
          tableName,
          3,
          Duration.ofMinutes(5),
          Duration.ofMinutes(30),
          Duration.ofSeconds(30),
          Duration.ofSeconds(15));
    }

    public Config withLockout(Duration d) {
      return new Config(tableName, maxFailures, sessionIdle, d, attemptLease, refreshEvery);
    }

    public Config withSessionIdle(Duration d) {
      return new Config(tableName, maxFailures, d, lockout, attemptLease, refreshEvery);
    }

    private static void requirePositive(Duration d, String name) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be a positive duration, was " + d);
      }
    }
  }

  private static final String F_CUSTOMER = "customerId";
  private static final String F_EXPIRES = "expiresAt";
  private static final String F_ATTEMPTS = "attempts";
  private static final String F_FAILURES = "failures";
  private static final String F_LOCKED_UNTIL = "lockedUntil";
  private static final String F_LAST_ATTEMPT = "lastAttemptAt";
  private static final int MAX_RESERVE_TRIES = 4;

  private final DynamoDbClient dynamo;
  private final PinVerifier verifier;
  private final Clock clock;
  private final Config config;

  public DynamoAuthService(
      DynamoDbClient dynamo, PinVerifier verifier, Clock clock, Config config) {
    this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
    this.verifier = Objects.requireNonNull(verifier, "verifier");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.config = Objects.requireNonNull(config, "config");
  }

  public Config config() {
    return config;
  }

  @Override
  public AuthState current(String sessionKey) {
    requireText(sessionKey, "sessionKey");
    long now = clock.millis();
    Map<String, AttributeValue> item =
        dynamo
            .getItem(
                b ->
                    b.tableName(config.tableName())
                        .key(key(sessionPk(sessionKey)))
                        .consistentRead(true))
            .item();
    if (item == null || !item.containsKey(F_CUSTOMER)) {
      return AuthState.anonymous();
    }
    long expiresAt = longField(item, F_EXPIRES);
    if (expiresAt <= now) {
      return AuthState.anonymous();
    }
    String customerId = item.get(F_CUSTOMER).s();
    long refreshed = expiresAt - config.sessionIdle().toMillis();
    if (now - refreshed < config.refreshEvery().toMillis()) {
      return new AuthState(true, customerId, expiresAt); // refreshed recently: no write
    }
    long expires = now + config.sessionIdle().toMillis();
    try {
      // Refresh only a live session: the condition makes expiry and refresh one atomic step.
      update(
          sessionPk(sessionKey),
          "SET #e = :exp, #t = :ttl",
          "#c = :cust AND #e > :now",
          Map.of("#e", F_EXPIRES, "#t", AuthTable.TTL, "#c", F_CUSTOMER),
          Map.of(
              ":exp", n(expires),
              ":ttl", n(ttlSeconds(expires)),
              ":now", n(now),
              ":cust", s(customerId)));
      return new AuthState(true, customerId, expires);
    } catch (ConditionalCheckFailedException signedOutOrExpired) {
      return AuthState.anonymous();
    }
  }

  @Override
  public PinOutcome verifyPin(String sessionKey, String customerId, String pin) {
    requireText(sessionKey, "sessionKey");
    requireText(customerId, "customerId");
    if (pin == null) {
      pin = "";
    }
    int attempt;
    try {
      attempt = reserveAttempt(customerId);
    } catch (SdkException storeDown) {
      return new PinOutcome(Status.UNAVAILABLE, 0, 0);
    }
    if (attempt < 0) {
      return locked();
    }
    boolean right;
    try {
      right = verifier.verify(customerId, pin);
    } catch (BankUnavailableException e) {
      releaseAttempt(customerId);
      return new PinOutcome(Status.UNAVAILABLE, 0, 0);
    } catch (BankApiException e) {
      // Unknown customer or a malformed PIN: a failed attempt like any other.
      right = false;
    }
    try {
      return right ? commitSuccess(sessionKey, customerId) : recordFailure(customerId);
    } catch (SdkException storeDown) {
      return new PinOutcome(Status.UNAVAILABLE, 0, 0);
    }
  }

  @Override
  public boolean isLocked(String customerId) {
    requireText(customerId, "customerId");
    Map<String, AttributeValue> item = customerItem(customerId);
    return lockedUntil(item) > clock.millis();
  }

  @Override
  public void signOut(String sessionKey) {
    requireText(sessionKey, "sessionKey");
    dynamo.deleteItem(b -> b.tableName(config.tableName()).key(key(sessionPk(sessionKey))));
  }

  /** Failures recorded for a customer now (0 when none); for operators and tests. */
  public int failures(String customerId) {
    return intField(customerItem(customerId), F_FAILURES);
  }

  /**
   * Reserves one PIN check. Returns the attempt number (1-based), or -1 when the customer is locked
   * or every attempt of the window is in use.
   */
  private int reserveAttempt(String customerId) {
    for (int i = 0; i < MAX_RESERVE_TRIES; i++) {
      long now = clock.millis();
      try {
        Map<String, AttributeValue> after =
            updateReturningNew(
                customerPk(customerId),
                "SET #a = if_not_exists(#a, :zero) + :one, #f = if_not_exists(#f, :zero),"
                    + " #la = :now, #t = :ttl",
                "(attribute_not_exists(#a) OR #a < :max) AND attribute_not_exists(#lu)",
                Map.of(
                    "#a", F_ATTEMPTS,
                    "#f", F_FAILURES,
                    "#la", F_LAST_ATTEMPT,
                    "#lu", F_LOCKED_UNTIL,
                    "#t", AuthTable.TTL),
                Map.of(
                    ":zero", n(0),
                    ":one", n(1),
                    ":max", n(config.maxFailures()),
                    ":now", n(now),
                    ":ttl", n(ttlSeconds(now + config.lockout().toMillis()))));
        return intField(after, F_ATTEMPTS);
      } catch (ConditionalCheckFailedException refused) {
        Map<String, AttributeValue> item = customerItem(customerId);
        long lockedUntil = lockedUntil(item);
        if (lockedUntil > now) {
          return -1; // locked
        }
        if (lockedUntil > 0) {
          resetIf(customerId, "#lu = :seen", Map.of("#lu", F_LOCKED_UNTIL), n(lockedUntil));
          continue; // the lock expired: a fresh window
        }
        long last = longField(item, F_LAST_ATTEMPT);
        int attempts = intField(item, F_ATTEMPTS);
        if (attempts >= config.maxFailures() && last + config.attemptLease().toMillis() < now) {
          reclaimStale(customerId, attempts, last);
          continue;
        }
        if (attempts < config.maxFailures()) {
          continue; // raced with a reset: try again
        }
        return -1; // every attempt of the window is taken by attempts still in flight
      }
    }
    return -1;
  }

  /** A success with the customer not locked at commit time: session on, counters reset. */
  private PinOutcome commitSuccess(String sessionKey, String customerId) {
    long now = clock.millis();
    long expires = now + config.sessionIdle().toMillis();
    Map<String, AttributeValue> session = new HashMap<>(key(sessionPk(sessionKey)));
    session.put(F_CUSTOMER, s(customerId));
    session.put(F_EXPIRES, n(expires));
    session.put(AuthTable.TTL, n(ttlSeconds(expires)));
    try {
      dynamo.transactWriteItems(
          b ->
              b.transactItems(
                  TransactWriteItem.builder()
                      .update(
                          Update.builder()
                              .tableName(config.tableName())
                              .key(key(customerPk(customerId)))
                              .updateExpression("SET #a = :zero, #f = :zero")
                              .conditionExpression("attribute_not_exists(#lu)")
                              .expressionAttributeNames(
                                  Map.of("#a", F_ATTEMPTS, "#f", F_FAILURES, "#lu", F_LOCKED_UNTIL))
                              .expressionAttributeValues(Map.of(":zero", n(0)))
                              .build())
                      .build(),
                  TransactWriteItem.builder()
                      .put(Put.builder().tableName(config.tableName()).item(session).build())
                      .build()));
      return new PinOutcome(Status.VERIFIED, 0, config.maxFailures());
    } catch (TransactionCanceledException lockedMeanwhile) {
      return locked();
    }
  }

  /** One more failure, atomically; the one that reaches the limit sets the lock. */
  private PinOutcome recordFailure(String customerId) {
    long now = clock.millis();
    Map<String, AttributeValue> after =
        updateReturningNew(
            customerPk(customerId),
            "SET #f = if_not_exists(#f, :zero) + :one",
            null,
            Map.of("#f", F_FAILURES),
            Map.of(":zero", n(0), ":one", n(1)));
    int failures = intField(after, F_FAILURES);
    if (failures < config.maxFailures()) {
      return new PinOutcome(Status.FAILED, failures, config.maxFailures() - failures);
    }
    long until = now + config.lockout().toMillis();
    try {
      update(
          customerPk(customerId),
          "SET #lu = :until, #t = :ttl",
          "attribute_not_exists(#lu)",
          Map.of("#lu", F_LOCKED_UNTIL, "#t", AuthTable.TTL),
          Map.of(":until", n(until), ":ttl", n(ttlSeconds(until) + 86_400)));
    } catch (ConditionalCheckFailedException alreadyLocked) {
      // another failing attempt set it first
    }
    return new PinOutcome(Status.LOCKED, failures, 0);
  }

  /** Gives back a reserved attempt the bank never judged (bank down). */
  private void releaseAttempt(String customerId) {
    try {
      update(
          customerPk(customerId),
          "SET #a = #a - :one",
          "#a > :zero",
          Map.of("#a", F_ATTEMPTS),
          Map.of(":zero", n(0), ":one", n(1)));
    } catch (SdkException ignored) {
      // counters were reset meanwhile, or the store is down: the lease reclaims it
    }
  }

  private void reclaimStale(String customerId, int seenAttempts, long seenLast) {
    try {
      update(
          customerPk(customerId),
          "SET #a = #f",
          "#a = :seenA AND #la = :seenL AND attribute_not_exists(#lu)",
          Map.of(
              "#a", F_ATTEMPTS,
              "#f", F_FAILURES,
              "#la", F_LAST_ATTEMPT,
              "#lu", F_LOCKED_UNTIL),
          Map.of(":seenA", n(seenAttempts), ":seenL", n(seenLast)));
    } catch (ConditionalCheckFailedException raced) {
      // someone else changed it; the caller re-reads
    }
  }

  private void resetIf(
      String customerId, String condition, Map<String, String> names, AttributeValue seen) {
    Map<String, String> allNames = new HashMap<>(names);
    allNames.put("#a", F_ATTEMPTS);
    allNames.put("#f", F_FAILURES);
    allNames.put("#lu", F_LOCKED_UNTIL);
    try {
      update(
          customerPk(customerId),
          "SET #a = :zero, #f = :zero REMOVE #lu",
          condition,
          allNames,
          Map.of(":zero", n(0), ":seen", seen));
    } catch (ConditionalCheckFailedException raced) {
      // another attempt reset it first
    }
  }

  /**
   * One {@code UpdateItem} of the item {@code pk} in the auth table; {@code condition} may be null
   * (unconditional). A failed condition throws {@link ConditionalCheckFailedException}.
   */
  private void update(
      String pk,
      String updateExpression,
      String condition,
      Map<String, String> names,
      Map<String, AttributeValue> values) {
    dynamo.updateItem(request(pk, updateExpression, condition, names, values).build());
  }

  /** {@link #update}, answering the updated attributes' new values. */
  private Map<String, AttributeValue> updateReturningNew(
      String pk,
      String updateExpression,
      String condition,
      Map<String, String> names,
      Map<String, AttributeValue> values) {
    return dynamo
        .updateItem(
            request(pk, updateExpression, condition, names, values)
                .returnValues(ReturnValue.UPDATED_NEW)
                .build())
        .attributes();
  }

  private UpdateItemRequest.Builder request(
      String pk,
      String updateExpression,
      String condition,
      Map<String, String> names,
      Map<String, AttributeValue> values) {
    return UpdateItemRequest.builder()
        .tableName(config.tableName())
        .key(key(pk))
        .updateExpression(updateExpression)
        .conditionExpression(condition)
        .expressionAttributeNames(names)
        .expressionAttributeValues(values);
  }

  private PinOutcome locked() {
    return new PinOutcome(Status.LOCKED, config.maxFailures(), 0);
  }

  private Map<String, AttributeValue> customerItem(String customerId) {
    Map<String, AttributeValue> item =
        dynamo
            .getItem(
                b ->
                    b.tableName(config.tableName())
                        .key(key(customerPk(customerId)))
                        .consistentRead(true))
            .item();
    return item == null ? Map.of() : item;
  }

  private long lockedUntil(Map<String, AttributeValue> item) {
    return longField(item, F_LOCKED_UNTIL);
  }

  private static Map<String, AttributeValue> key(String pk) {
    return Map.of(AuthTable.PK, s(pk));
  }

  static String customerPk(String customerId) {
    return "customer#" + customerId;
  }

  /** Sessions are keyed by a hash: a Connect voice session id can derive from the phone number. */
  static String sessionPk(String sessionKey) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256").digest(sessionKey.getBytes(StandardCharsets.UTF_8));
      return "session#" + HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  private static long ttlSeconds(long epochMs) {
    return epochMs / 1000 + 1;
  }

  private static int intField(Map<String, AttributeValue> item, String f) {
    return (int) longField(item, f);
  }

  private static long longField(Map<String, AttributeValue> item, String f) {
    AttributeValue v = item == null ? null : item.get(f);
    return v == null || v.n() == null ? 0L : Long.parseLong(v.n());
  }

  private static AttributeValue n(long v) {
    return AttributeValue.fromN(Long.toString(v));
  }

  private static AttributeValue s(String v) {
    return AttributeValue.fromS(v);
  }

  private static void requireText(String v, String name) {
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
  }
}
