package com.cci.fulfillment.router;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.schemas.lex.Message;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SayTest {
  @Test
  void voiceIsWellFormedSsmlEvenWithMarkupCharactersInData() {
    Say s =
        Say.builder()
            .text("A charge at Bob's Diner & Grill <online> of ")
            .money(new BigDecimal("1234.5"))
            .text(" on card ending in ")
            .digits("4417")
            .voice(" <break time=\"200ms\"/>")
            .chat(" (chat only)")
            .build();
    Message voice = s.messages(true).get(0);
    assertThat(voice.contentType()).isEqualTo(Message.ContentType.SSML);
    assertThat(voice.content())
        .isEqualTo(
            "<speak>A charge at Bob's Diner &amp; Grill &lt;online&gt; of $1,234.50 on card"
                + " ending in <say-as interpret-as=\"digits\">4417</say-as> <break"
                + " time=\"200ms\"/></speak>");
    GoldenIntentTest.assertWellFormedSsml(voice.content());
    Message chat = s.messages(false).get(0);
    assertThat(chat.contentType()).isEqualTo(Message.ContentType.PLAIN_TEXT);
    assertThat(chat.content())
        .isEqualTo(
            "A charge at Bob's Diner & Grill <online> of $1,234.50 on card ending in 4417 (chat"
                + " only)");
  }

  @Test
  void bothRenderingsAreRequired() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Say.of("", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Say.both("Hi").capitalised().chatText()).isEqualTo("Hi");
    assertThat(Say.both("your card").capitalised().voiceSsml()).isEqualTo("Your card");
  }
}
