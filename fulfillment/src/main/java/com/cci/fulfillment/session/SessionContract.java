package com.cci.fulfillment.session;

import com.cci.schemas.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The session-attribute contract between the Amazon Connect contact flows and the code hook
 * (documented in {@code fulfillment/README.md}).
 *
 * <p><b>In</b> (set by the Connect flow before the Lex block): {@link #CONTACT_ID}, {@link
 * #CHANNEL}, {@link #CUSTOMER_PHONE} (the ANI), {@link #LOCALE}. <b>Out</b> (written by the hook on
 * every response; the flow branches on them after the Lex block): {@link #AUTH_STATUS}, {@link
 * #TARGET_QUEUE}, {@link #ROUTING_PRIORITY}, {@link #WHISPER_CONTEXT}, {@link #ESCALATE}.
 *
 * <p>Session attributes are caller-controlled (a chat client can send any it likes), so nothing
 * read from them ever unlocks customer data: the out attributes and the well-known forgeries
 * ({@code authenticated}, {@code customerId}) are dropped from the incoming attributes on every
 * turn ({@link #sanitiseIncoming}) and authentication is read from the server-side {@code
 * AuthService} only. The hook's own bookkeeping attributes ({@code cci*}) only steer the dialog
 * (which intent to resume, how many misunderstandings so far) and are re-validated when used.
 */
public final class SessionContract {
  private SessionContract() {}

  // ---- in -------------------------------------------------------------------------------------
  /** Connect ContactId (in). */
  public static final String CONTACT_ID = "contactId";

  /** {@code VOICE} or {@code CHAT} (in); falls back to the Lex input mode when absent. */
  public static final String CHANNEL = "channel";

  /** The caller's phone number, ANI, E.164 (in): an identity claim, proven by the PIN. */
  public static final String CUSTOMER_PHONE = "customerPhone";

  /** Locale of the contact, e.g. {@code en_US} (in). */
  public static final String LOCALE = "locale";

  // ---- out ------------------------------------------------------------------------------------
  /** {@link AuthStatus} of the session as the server sees it (out, written every turn). */
  public static final String AUTH_STATUS = "authStatus";

  /** Connect queue to transfer to (out, with {@link #ESCALATE}). */
  public static final String TARGET_QUEUE = "targetQueue";

  /** Connect routing priority, 1 (highest) to 5 (out, with {@link #ESCALATE}). */
  public static final String ROUTING_PRIORITY = "routingPriority";

  /** JSON {@code {intent, auth, account, reason}} for the agent whisper (out). */
  public static final String WHISPER_CONTEXT = "whisperContext";

  /** {@code "true"} when the flow must transfer to {@link #TARGET_QUEUE} (out). */
  public static final String ESCALATE = "escalate";

  // ---- the hook's own dialog bookkeeping ------------------------------------------------------
  /** The intent (name and slot values) to resume once the PIN is verified. */
  public static final String PENDING_INTENT = "cciPendingIntent";

  /** Failed understandings so far (fallback or low confidence). */
  public static final String FALLBACK_COUNT = "cciFallbackCount";

  /** The customer id the caller claimed by account number while authenticating (a claim only). */
  public static final String CLAIMED_CUSTOMER = "cciClaimedCustomer";

  /** Reference of the turn that asked for confirmation; part of the transfer idempotency key. */
  public static final String CONFIRM_REF = "cciConfirmRef";

  /** The intent whose dialog is in progress (elicit/confirm), for the low-confidence check. */
  public static final String ACTIVE_INTENT = "cciActiveIntent";

  /** Attributes only the hook writes; dropped from every incoming event. */
  public static final Set<String> HOOK_OWNED =
      Set.of(
          AUTH_STATUS,
          TARGET_QUEUE,
          ROUTING_PRIORITY,
          WHISPER_CONTEXT,
          ESCALATE,
          "authenticated",
          "customerId",
          "authAttempts");

  /** Server-side authentication status as published to the flow. */
  public enum AuthStatus {
    /** Not authenticated (or expired). */
    ANONYMOUS,
    /** The PIN is being asked for. */
    PENDING,
    /** Authenticated now (server-side state). */
    AUTHENTICATED,
    /** Locked after too many wrong PINs. */
    LOCKED
  }

  /**
   * Connect queues the hook routes to, each with its default routing priority (1 = highest). Fraud
   * is always 1.
   */
  public enum Queue {
    FRAUD("Fraud", 1),
    SECURITY("Security", 2),
    CARDS("Cards", 3),
    PAYMENTS("Payments", 3),
    DISPUTES("Disputes", 3),
    LOANS("Loans", 4),
    CUSTOMER_SERVICE("CustomerService", 4),
    GENERAL("General", 5);

    private final String queueName;
    private final int priority;

    Queue(String queueName, int priority) {
      this.queueName = queueName;
      this.priority = priority;
    }

    /** The Connect queue name. */
    public String queueName() {
      return queueName;
    }

    /** Default routing priority, 1 (highest) to 5. */
    public int priority() {
      return priority;
    }
  }

  /**
   * What the agent hears/sees before taking the contact. Never a PIN or a full number: {@code
   * maskedAccount} is {@code ****1234} or null, {@code reason} is a short fixed phrase.
   */
  public record WhisperContext(
      String intent, AuthStatus auth, String maskedAccount, String reason) {
    /** Longest reason kept; Connect whispers should be short. */
    public static final int MAX_REASON = 120;

    /** Compact JSON {@code {"intent":..,"auth":..,"account":..,"reason":..}}. */
    public String toJson() {
      ObjectNode n = Json.mapper().createObjectNode();
      n.put("intent", intent);
      n.put("auth", auth == null ? AuthStatus.ANONYMOUS.name() : auth.name());
      if (maskedAccount != null) {
        n.put("account", maskedAccount);
      }
      String r = reason == null ? "" : Masking.scrubDigits(reason);
      n.put("reason", r.length() > MAX_REASON ? r.substring(0, MAX_REASON) : r);
      try {
        return Json.mapper().writeValueAsString(n);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot write whisper context", e);
      }
    }
  }

  /** The incoming attributes without the hook-owned (possibly forged) ones; never null. */
  public static Map<String, String> sanitiseIncoming(Map<String, String> incoming) {
    Map<String, String> out = new LinkedHashMap<>();
    if (incoming != null) {
      incoming.forEach(
          (k, v) -> {
            if (k != null && v != null && !HOOK_OWNED.contains(k)) {
              out.put(k, v);
            }
          });
    }
    return out;
  }

  /** The name in a {@link #PENDING_INTENT} value, or null when absent or unreadable. */
  public static String pendingIntentName(Map<String, String> attributes) {
    String v = attributes == null ? null : attributes.get(PENDING_INTENT);
    if (v == null || v.length() > 2000) {
      return null;
    }
    try {
      String name = Json.mapper().readTree(v).path("name").asText(null);
      return name == null || !name.matches("[A-Za-z0-9_]{1,100}") ? null : name;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** Parses {@link #CHANNEL}; null when absent or not VOICE/CHAT. */
  public static Channel parseChannel(String value) {
    if (value == null) {
      return null;
    }
    return switch (value.trim().toUpperCase(Locale.ROOT)) {
      case "VOICE", "PHONE", "TELEPHONE" -> Channel.VOICE;
      case "CHAT", "TEXT" -> Channel.CHAT;
      default -> null;
    };
  }
}
