package com.cci.fulfillment.intents;

import com.cci.fulfillment.router.Replies;
import com.cci.fulfillment.session.Masking;
import com.cci.schemas.Json;
import com.cci.schemas.lex.Intent;
import com.cci.schemas.lex.Slot;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The intent to resume after authentication, kept in a session attribute as compact JSON {@code
 * {"name": .., "slots": {slot: value}}}. It holds only what the customer already said (never a
 * secret slot) and only steers the dialog: a resumed intent goes through the same server-side auth
 * check, validation and a fresh confirmation (its confirmation state is reset) as any other.
 */
final class PendingIntent {
  /** Longest attribute value accepted back (a tampered, oversized one is ignored). */
  static final int MAX_LENGTH = 2000;

  private PendingIntent() {}

  static String encode(Intent intent) {
    ObjectNode n = Json.mapper().createObjectNode();
    n.put("name", intent.name());
    ObjectNode slots = n.putObject("slots");
    if (intent.slots() != null) {
      intent
          .slots()
          .forEach(
              (k, v) -> {
                if (keepable(k, v == null ? null : v.interpretedValue())) {
                  slots.put(k, v.interpretedValue());
                }
              });
    }
    try {
      return Json.mapper().writeValueAsString(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode the pending intent", e);
    }
  }

  /**
   * Secret slots and any value with a long digit run (an account number said before the PIN) are
   * not kept: session attributes go back to Lex and on into Connect contact attributes. The
   * customer is asked for such a slot again after authenticating.
   */
  static boolean keepable(String slot, String value) {
    return value != null
        && !Replies.SECRET_SLOTS.contains(slot)
        && value.equals(Masking.scrubDigits(value));
  }

  /** The intent to resume, or null when absent or unreadable. */
  static Intent decode(String value) {
    if (value == null || value.isBlank() || value.length() > MAX_LENGTH) {
      return null;
    }
    try {
      JsonNode n = Json.mapper().readTree(value);
      String name = n.path("name").asText(null);
      if (name == null || name.isBlank()) {
        return null;
      }
      Map<String, Slot> slots = new LinkedHashMap<>();
      JsonNode s = n.path("slots");
      for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getValue().isTextual() && keepable(e.getKey(), e.getValue().asText())) {
          slots.put(e.getKey(), Slot.scalar(e.getValue().asText()));
        }
      }
      return new Intent(name, slots, Intent.State.IN_PROGRESS, Intent.ConfirmationState.NONE, null);
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
