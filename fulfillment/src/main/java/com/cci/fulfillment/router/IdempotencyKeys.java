package com.cci.fulfillment.router;

import com.cci.fulfillment.bank.BankModels.ContactUpdate;
import com.cci.fulfillment.bank.BankModels.DisputeRequest;
import com.cci.fulfillment.bank.BankModels.TransferRequest;
import com.cci.fulfillment.session.SessionContract;
import com.cci.schemas.lex.LexV2Event;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Transfer idempotency keys derived from the Lex conversation, never from randomness: the same
 * confirmed transfer in the same session always gets the same key, so a retried or duplicated
 * invocation (Lex retry, webhook client retry, two concurrent deliveries of one event) books it
 * once — the core bank answers a repeated key with the original result.
 *
 * <p>Key = {@code lex-} + SHA-256 over bot id, Lex session id, the confirmation turn's reference
 * ({@link SessionContract#CONFIRM_REF}: the {@code originatingRequestId} of the turn that asked
 * "shall I transfer...?", falling back to this turn's), and the transfer itself (customer, type,
 * accounts, amount, payee). A second, deliberately identical transfer in the same session goes
 * through its own confirmation turn and so gets a new key.
 */
public final class IdempotencyKeys {
  private IdempotencyKeys() {}

  /** A reference for this turn: the Lex {@code originatingRequestId}, else the session id. */
  public static String turnRef(LexV2Event event) {
    String ref = event.sessionState() == null ? null : event.sessionState().originatingRequestId();
    if (ref == null || ref.isBlank()) {
      ref = "session:" + event.sessionId();
    }
    return ref;
  }

  /** The idempotency key of {@code request} confirmed in this turn. */
  public static String transferKey(TurnContext ctx, TransferRequest request) {
    LexV2Event e = ctx.event();
    String botId = e.bot() == null ? "" : e.bot().id();
    String material =
        String.join(
            "|",
            "v1",
            nz(botId),
            nz(e.sessionId()),
            confirmRef(ctx),
            nz(request.customerId()),
            String.valueOf(request.type()),
            nz(request.fromAccount()),
            nz(request.toAccount()),
            request.amount().setScale(2, RoundingMode.HALF_UP).toPlainString(),
            nz(request.payeeName()),
            nz(request.routingNumber()));
    return "lex-" + sha256(material).substring(0, 48);
  }

  /**
   * The idempotency key of a confirmed contact-detail change: the same derivation as transfers
   * (bot, Lex session, confirmation turn) over the operation, customer, type and new value.
   */
  public static String contactUpdateKey(TurnContext ctx, String customerId, ContactUpdate update) {
    return operationKey(
        ctx, "contact-v1", customerId, String.valueOf(update.type()), nz(update.value()));
  }

  /** The idempotency key of a confirmed dispute. */
  public static String disputeKey(TurnContext ctx, DisputeRequest r) {
    return operationKey(
        ctx,
        "dispute-v1",
        r.customerId(),
        r.accountNumber(),
        r.transactionId(),
        r.amount() == null ? "" : r.amount().setScale(2, RoundingMode.HALF_UP).toPlainString(),
        String.valueOf(r.reason()));
  }

  /** The idempotency key of a confirmed account freeze. */
  public static String freezeKey(
      TurnContext ctx, String customerId, String accountNumber, String reason) {
    return operationKey(ctx, "freeze-v1", customerId, accountNumber, reason);
  }

  /**
   * The key of any other confirmed, keyed operation: {@code lex-} + SHA-256 over {@code operation},
   * bot id, Lex session id, the confirmation turn's reference and {@code parts}.
   */
  static String operationKey(TurnContext ctx, String operation, String... parts) {
    LexV2Event e = ctx.event();
    String botId = e.bot() == null ? "" : e.bot().id();
    StringBuilder material =
        new StringBuilder(operation)
            .append('|')
            .append(nz(botId))
            .append('|')
            .append(nz(e.sessionId()))
            .append('|')
            .append(confirmRef(ctx));
    for (String p : parts) {
      material.append('|').append(nz(p));
    }
    return "lex-" + sha256(material.toString()).substring(0, 48);
  }

  /** The confirmation turn's reference, falling back to this turn's. */
  private static String confirmRef(TurnContext ctx) {
    String confirmRef = ctx.attribute(SessionContract.CONFIRM_REF);
    if (confirmRef == null || confirmRef.isBlank()) {
      confirmRef = turnRef(ctx.event());
    }
    return confirmRef;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
