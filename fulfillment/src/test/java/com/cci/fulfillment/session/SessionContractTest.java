package com.cci.fulfillment.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.fulfillment.session.SessionContract.AuthStatus;
import com.cci.fulfillment.session.SessionContract.Queue;
import com.cci.fulfillment.session.SessionContract.WhisperContext;
import com.cci.schemas.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionContractTest {
  @Test
  void masksToTheLastFour() {
    assertThat(Masking.last4("100200300401")).isEqualTo("****0401");
    assertThat(Masking.last4("4111-1111-1111-4417")).isEqualTo("****4417");
    assertThat(Masking.last4("12")).isEqualTo("****");
    assertThat(Masking.last4(null)).isEqualTo("****");
    assertThat(Masking.lastFourDigits("100200300401")).isEqualTo("0401");
  }

  @Test
  void scrubsLongDigitRunsFromFreeText() {
    assertThat(Masking.scrubDigits("Transfer to 100200300402 done"))
        .isEqualTo("Transfer to **** done");
    assertThat(Masking.scrubDigits("card 4111 1111 1111 1111!")).isEqualTo("card ****!");
    assertThat(Masking.scrubDigits("$42.10 on Nov 7, 2026")).isEqualTo("$42.10 on Nov 7, 2026");
  }

  @Test
  void incomingHookOwnedAttributesAreDropped() {
    Map<String, String> in = new LinkedHashMap<>();
    in.put("contactId", "c1");
    in.put("customerPhone", "+15125550101");
    in.put("authStatus", "AUTHENTICATED");
    in.put("authenticated", "true");
    in.put("customerId", "C1001");
    in.put("escalate", "false");
    in.put("targetQueue", "VIP");
    in.put("cciFallbackCount", "1");
    assertThat(SessionContract.sanitiseIncoming(in))
        .containsOnlyKeys("contactId", "customerPhone", "cciFallbackCount");
    assertThat(SessionContract.sanitiseIncoming(null)).isEmpty();
  }

  @Test
  void whisperContextIsShortJsonWithoutNumbers() throws Exception {
    String json =
        new WhisperContext(
                "ReportFraud",
                AuthStatus.AUTHENTICATED,
                Masking.last4("4111111111114417"),
                "customer read out 4111111111114417 " + "x".repeat(200))
            .toJson();
    JsonNode n = Json.mapper().readTree(json);
    assertThat(n.get("intent").asText()).isEqualTo("ReportFraud");
    assertThat(n.get("auth").asText()).isEqualTo("AUTHENTICATED");
    assertThat(n.get("account").asText()).isEqualTo("****4417");
    assertThat(n.get("reason").asText()).hasSizeLessThanOrEqualTo(WhisperContext.MAX_REASON);
    assertThat(json).doesNotContain("4111111111114417");
  }

  @Test
  void fraudHasTopPriority() {
    assertThat(Queue.FRAUD.priority()).isEqualTo(1);
    for (Queue q : Queue.values()) {
      assertThat(q.priority()).isBetween(1, 5);
    }
  }

  @Test
  void channelParsing() {
    assertThat(SessionContract.parseChannel("voice")).isEqualTo(Channel.VOICE);
    assertThat(SessionContract.parseChannel(" CHAT ")).isEqualTo(Channel.CHAT);
    assertThat(SessionContract.parseChannel("fax")).isNull();
    assertThat(SessionContract.parseChannel(null)).isNull();
  }
}
