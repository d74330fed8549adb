package com.cci.fulfillment.bench;

import com.cci.schemas.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Builds Lex V2 code-hook events in the shape of the AWS documentation's example (bot, sessionId,
 * inputMode, interpretations, sessionState with intent and slots, invocationSource), for the
 * benchmarks and tests.
 */
public final class LexEvents {
  private LexEvents() {}

  /** A DialogCodeHook event for {@code intent} with scalar slots (null value = unfilled slot). */
  public static String event(
      String sessionId,
      String inputMode,
      String intent,
      Map<String, String> slots,
      Map<String, String> sessionAttributes) {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("messageVersion", "1.0");
    root.put("invocationSource", "DialogCodeHook");
    root.put("inputMode", inputMode);
    root.put("responseContentType", "text/plain; charset=utf-8");
    root.put("sessionId", sessionId);
    root.put("inputTranscript", "");
    ObjectNode bot = root.putObject("bot");
    bot.put("id", "QXN7RZ2P1K");
    bot.put("name", "DemoBankBot");
    bot.put("localeId", "en_US");
    bot.put("version", "3");
    bot.put("aliasId", "TSTALIASID");
    bot.put("aliasName", "TestBotAlias");
    ObjectNode intentNode = Json.mapper().createObjectNode();
    intentNode.put("name", intent);
    ObjectNode slotsNode = intentNode.putObject("slots");
    slots.forEach(
        (k, v) -> {
          if (v == null) {
            slotsNode.putNull(k);
          } else {
            ObjectNode s = slotsNode.putObject(k);
            s.put("shape", "Scalar");
            ObjectNode value = s.putObject("value");
            value.put("originalValue", v);
            value.put("interpretedValue", v);
            value.putArray("resolvedValues").add(v);
          }
        });
    intentNode.put("state", "InProgress");
    intentNode.put("confirmationState", "None");
    ObjectNode interp = root.putArray("interpretations").addObject();
    interp.set("intent", intentNode.deepCopy());
    interp.putObject("nluConfidence").put("score", 0.93);
    interp.put("interpretationSource", "Lex");
    ObjectNode state = root.putObject("sessionState");
    ObjectNode attrs = state.putObject("sessionAttributes");
    sessionAttributes.forEach(attrs::put);
    state.set("intent", intentNode);
    state.put("originatingRequestId", "2d3558dc-780f-422f-b8b5-5ee6e2d5c5f1");
    return root.toString();
  }
}
