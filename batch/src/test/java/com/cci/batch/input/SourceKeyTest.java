package com.cci.batch.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SourceKeyTest {
  @Test
  void connectVoiceKeyCarriesTenantDateAndContact() {
    SourceKey k =
        SourceKey.parse(
            "bank-a/Analysis/Voice/2026/11/20/0362ad16-cd79_analysis_2026-11-20T05:48:00Z.json");
    assertThat(k.tenantId()).isEqualTo("bank-a");
    assertThat(k.kind()).isEqualTo(SourceKey.Kind.VOICE);
    assertThat(k.date()).isEqualTo(LocalDate.of(2026, 11, 20));
    assertThat(k.contactIdFromName()).isEqualTo("0362ad16-cd79");
    assertThat(k.redacted()).isFalse();
  }

  @Test
  void redactedChatAndTcaFolders() {
    assertThat(SourceKey.parse("t/Analysis/Voice/Redacted/2026/01/02/c_analysis_x.json").kind())
        .isEqualTo(SourceKey.Kind.VOICE_REDACTED);
    assertThat(SourceKey.parse("t/Analysis/Voice/Redacted/2026/01/02/c_analysis_x.json").redacted())
        .isTrue();
    assertThat(SourceKey.parse("t/Analysis/Chat/2026/01/02/c_analysis_x.json").kind())
        .isEqualTo(SourceKey.Kind.CHAT);
    SourceKey tca = SourceKey.parse("t/tca/2026/01/02/job-42.json");
    assertThat(tca.kind()).isEqualTo(SourceKey.Kind.TCA);
    assertThat(tca.contactIdFromName()).isEqualTo("job-42");
  }

  @Test
  void aNameWithoutTheConnectPatternHasNoContact() {
    assertThat(SourceKey.parse("t/Analysis/Voice/2026/01/02/whatever.json").contactIdFromName())
        .isNull();
  }

  @Test
  void keysOutsideTheLayoutAreRejectedWithTheLayoutInTheMessage() {
    assertThatThrownBy(() -> SourceKey.parse("t/Analysis/Email/2026/01/02/x.json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("<tenant>/Analysis/");
    assertThatThrownBy(() -> SourceKey.parse("t/tca/2026/1/02/x.json"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void dayFolderIsZeroPadded() {
    assertThat(SourceKey.Kind.VOICE_REDACTED.dayFolder(LocalDate.of(2026, 3, 4)))
        .isEqualTo("Analysis/Voice/Redacted/2026/03/04");
  }
}
