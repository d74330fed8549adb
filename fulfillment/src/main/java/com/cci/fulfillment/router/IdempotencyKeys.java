package com.cci.fulfillment.router;

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
    String confirmRef = ctx.attribute(SessionContract.CONFIRM_REF);
    if (confirmRef == null || confirmRef.isBlank()) {
      confirmRef = turnRef(ctx.event());
    }
    LexV2Event e = ctx.event();
    String botId = e.bot() == null ? "" : e.bot().id();
    String material =
        String.join(
            "|",
            "v1",
            nz(botId),
            nz(e.sessionId()),
            confirmRef,
            nz(request.customerId()),
            String.valueOf(request.type()),
            nz(request.fromAccount()),
            nz(request.toAccount()),
            request.amount().setScale(2, RoundingMode.HALF_UP).toPlainString(),
            nz(request.payeeName()),
            nz(request.routingNumber()));
    return "lex-" + sha256(material).substring(0, 48);
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
