package com.cci.fulfillment.app;

import com.cci.schemas.lex.Intent;
import com.cci.schemas.lex.LexResponses;
import com.cci.schemas.lex.LexV2Response;
import com.cci.schemas.lex.Message;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reply when the router itself cannot run (the event is not JSON, or the runtime cannot be
 * wired): a well-formed Lex Close of FallbackIntent, state Failed, a safe message and the
 * session-attribute contract's escalation to the General queue (priority 5). Never a stack trace.
 */
public final class SafeReplies {
  /** What the caller hears. */
  public static final String MESSAGE =
      "Sorry, something went wrong on our side. Let me transfer you to an agent.";

  private SafeReplies() {}

  public static LexV2Response escalate(String reason) {
    Map<String, String> attrs = new LinkedHashMap<>();
    attrs.put("authStatus", "ANONYMOUS");
    attrs.put("escalate", "true");
    attrs.put("targetQueue", "GeneralSupport");
    attrs.put("routingPriority", "5");
    attrs.put(
        "whisperContext",
        "{\"intent\":\"FallbackIntent\",\"authResult\":\"ANONYMOUS\",\"reason\":\""
            + reason
            + "\"}");
    return LexResponses.close(
        new Intent("FallbackIntent", null, null, null, null),
        Intent.State.FAILED,
        attrs,
        List.of(Message.plainText(MESSAGE)));
  }
}
