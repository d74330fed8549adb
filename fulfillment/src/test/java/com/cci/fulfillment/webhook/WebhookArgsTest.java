package com.cci.fulfillment.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WebhookArgsTest {
  @Test
  void parsesPortAndHost() {
    var a = WebhookCommand.Args.parse(new String[] {"--port", "8080"});
    assertThat(a.port()).isEqualTo(8080);
    assertThat(a.host()).isEqualTo("127.0.0.1");
    assertThat(WebhookCommand.Args.parse(new String[] {"--port", "0", "--host", "0.0.0.0"}).host())
        .isEqualTo("0.0.0.0");
  }

  @Test
  void badArgumentsSayWhatIsWrong() {
    assertThatThrownBy(() -> WebhookCommand.Args.parse(new String[] {}))
        .hasMessageContaining("--port is required");
    assertThatThrownBy(() -> WebhookCommand.Args.parse(new String[] {"--port", "http"}))
        .hasMessageContaining("0-65535");
    assertThatThrownBy(() -> WebhookCommand.Args.parse(new String[] {"--port"}))
        .hasMessageContaining("needs a value");
    assertThatThrownBy(() -> WebhookCommand.Args.parse(new String[] {"--verbose"}))
        .hasMessageContaining("unknown option");
  }
}
