package com.cci.fulfillment.testing;

import com.cci.fulfillment.bench.LexEvents;
import com.cci.schemas.Json;
import com.cci.schemas.lex.LexV2Event;
import java.util.Map;

/** Lex V2 events for tests (see {@link LexEvents}). */
public final class LexEventJson {
  private LexEventJson() {}

  public static String event(
      String sessionId,
      String inputMode,
      String intent,
      Map<String, String> slots,
      Map<String, String> sessionAttributes) {
    return LexEvents.event(sessionId, inputMode, intent, slots, sessionAttributes);
  }

  public static LexV2Event parse(String json) {
    try {
      return Json.mapper().readValue(json, LexV2Event.class);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
