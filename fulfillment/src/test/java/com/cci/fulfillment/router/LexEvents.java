package com.cci.fulfillment.router;

import com.cci.schemas.lex.Intent;
import com.cci.schemas.lex.LexV2Event;
import com.cci.schemas.lex.LexV2Response;
import com.cci.schemas.lex.SessionState;
import com.cci.schemas.lex.Slot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds Lex V2 code-hook events shaped like the golden ones (and the lex-v2-event fixtures), and
 * carries a conversation forward the way Lex does: the session attributes of the last response go
 * into the next event.
 */
final class LexEvents {
  private LexEvents() {}

  static final LexV2Event.Bot BOT =
      new LexV2Event.Bot(
          "QXN7RZ2P1K", "DemoBankBot", "en_US", "DRAFT", "TSTALIASID", "TestBotAlias");

  /** One conversation (one Lex session). */
  static final class Conversation {
    final String sessionId;
    final boolean voice;
    final Map<String, String> attributes = new LinkedHashMap<>();
    private int turn;

    Conversation(String sessionId, boolean voice, String customerPhone) {
      this.sessionId = sessionId;
      this.voice = voice;
      attributes.put("contactId", "contact-" + sessionId);
      attributes.put("channel", voice ? "VOICE" : "CHAT");
      attributes.put("locale", "en_US");
      if (customerPhone != null) {
        attributes.put("customerPhone", customerPhone);
      }
    }

    /** The next event: a new originatingRequestId, the attributes Lex kept. */
    LexV2Event event(String intent, Map<String, String> slots, Intent.ConfirmationState cs) {
      turn++;
      return LexEvents.event(
          sessionId, voice, intent, slots, cs, attributes, "req-" + sessionId + "-" + turn);
    }

    LexV2Event event(String intent, Map<String, String> slots) {
      return event(intent, slots, Intent.ConfirmationState.NONE);
    }

    /** Keeps what Lex would keep from a response: its session attributes. */
    LexV2Response keep(LexV2Response r) {
      attributes.clear();
      if (r.sessionState().sessionAttributes() != null) {
        attributes.putAll(r.sessionState().sessionAttributes());
      }
      return r;
    }
  }

  static LexV2Event event(
      String sessionId,
      boolean voice,
      String intentName,
      Map<String, String> slots,
      Intent.ConfirmationState cs,
      Map<String, String> attributes,
      String requestId) {
    Map<String, Slot> s = new LinkedHashMap<>();
    slots.forEach((k, v) -> s.put(k, v == null ? null : Slot.scalar(v)));
    Intent intent = new Intent(intentName, s, Intent.State.IN_PROGRESS, cs, null);
    SessionState state =
        new SessionState(List.of(), new LinkedHashMap<>(attributes), null, null, intent, requestId);
    return new LexV2Event(
        "1.0",
        LexV2Event.InvocationSource.DIALOG_CODE_HOOK,
        voice ? LexV2Event.InputMode.DTMF : LexV2Event.InputMode.TEXT,
        voice ? "audio/pcm" : "text/plain; charset=utf-8",
        sessionId,
        "",
        null,
        BOT,
        List.of(new LexV2Event.Interpretation(intent, 0.95, null, "Lex")),
        null,
        Map.of(),
        state,
        null);
  }

  /** All message contents of a response joined. */
  static String text(LexV2Response r) {
    StringBuilder b = new StringBuilder();
    if (r.messages() != null) {
      r.messages().forEach(m -> b.append(m.content()).append('\n'));
    }
    return b.toString();
  }

  static Map<String, String> slots(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }
}
