package com.cci.fulfillment.obs;

import com.cci.schemas.fulfillment.FulfillmentEvent;
import java.time.Instant;
import java.util.UUID;

/** Contract-valid fulfillment events for sink tests. */
final class Events {
  private Events() {}

  static FulfillmentEvent sample(int i) {
    return new FulfillmentEvent(
        UUID.randomUUID().toString(),
        Instant.parse("2026-11-22T10:00:00Z").plusMillis(i),
        null,
        null,
        FulfillmentEvent.hashSessionId("salt", "session-" + (i % 7)),
        FulfillmentEvent.Channel.CHAT,
        "QXN7RZ2P1K",
        "TSTALIASID",
        "en_US",
        "CheckBalance",
        FulfillmentEvent.InvocationSource.DIALOG_CODE_HOOK,
        FulfillmentEvent.Outcome.FULFILLED,
        i % 50,
        FulfillmentEvent.AuthResult.NONE,
        null,
        null,
        null);
  }
}
