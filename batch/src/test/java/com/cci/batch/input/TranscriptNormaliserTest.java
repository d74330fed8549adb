package com.cci.batch.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.schemas.Fixtures;
import com.cci.schemas.SchemaKind;
import com.cci.schemas.qa.QaResult;
import com.cci.schemas.transcript.TranscriptFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Format detection and quarantine over the schemas module's post-call fixtures. */
class TranscriptNormaliserTest {
  private final TranscriptNormaliser n = new TranscriptNormaliser();

  static List<Path> valid() {
    return Fixtures.valid(SchemaKind.POST_CALL_TRANSCRIPT);
  }

  static List<Path> invalid() {
    return Fixtures.invalid(SchemaKind.POST_CALL_TRANSCRIPT);
  }

  private static String keyFor(Path fixture) {
    String name = fixture.getFileName().toString();
    if (name.startsWith("transcribe")) {
      return "bank-a/tca/2026/11/20/contact-77.json";
    }
    String folder = name.contains("chat") ? "Analysis/Chat" : "Analysis/Voice";
    return "bank-a/" + folder + "/2026/11/20/contact-77_analysis_2026-11-20T10:00:00Z.json";
  }

  @ParameterizedTest
  @MethodSource("valid")
  void everyValidFixtureBecomesOneCallOfTheDetectedFormat(Path fixture) throws IOException {
    String key = keyFor(fixture);
    TranscriptNormaliser.Parsed p = n.normalise(key, Files.readAllBytes(fixture));
    assertThat(p.ok()).as(String.valueOf(p.quarantine())).isTrue();
    assertThat(p.key().tenantId()).isEqualTo("bank-a");
    String name = fixture.getFileName().toString();
    TranscriptFormat expected =
        name.startsWith("transcribe")
            ? TranscriptFormat.TRANSCRIBE_CALL_ANALYTICS
            : name.contains("chat")
                ? TranscriptFormat.CONTACT_LENS_CHAT
                : TranscriptFormat.CONTACT_LENS_VOICE;
    assertThat(p.transcript().format()).isEqualTo(expected);
    assertThat(p.transcript().turns()).isNotEmpty();
    // the contact id comes from the file's metadata when it has one, else from its name
    String contact = p.transcript().contactId() != null ? p.transcript().contactId() : "contact-77";
    assertThat(p.contactId()).isEqualTo(contact);
    assertThat(p.callId()).isEqualTo(QaResult.callIdFor("bank-a", contact));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void everyInvalidFixtureIsQuarantinedWithAReason(Path fixture) throws IOException {
    TranscriptNormaliser.Parsed p = n.normalise(keyFor(fixture), Files.readAllBytes(fixture));
    assertThat(p.ok()).isFalse();
    QuarantineRow q = p.quarantine();
    assertThat(q.stage()).isEqualTo(QuarantineRow.PARSE);
    assertThat(q.tenantId()).isEqualTo("bank-a");
    assertThat(q.callDate()).isEqualTo("2026-11-20");
    assertThat(q.sourceKey()).isEqualTo(keyFor(fixture));
    assertThat(q.reason()).isNotBlank();
  }

  @Test
  void truncatedJsonAndAnUnknownDocumentAreQuarantined() {
    String key = "bank-a/Analysis/Voice/2026/11/20/c_analysis_t.json";
    TranscriptNormaliser.Parsed truncated =
        n.normalise(key, "{\"Transcript\": [".getBytes(StandardCharsets.UTF_8));
    assertThat(truncated.quarantine().reason()).startsWith("not JSON");
    TranscriptNormaliser.Parsed other =
        n.normalise(key, "{\"Transcript\": [{\"x\": 1}]}".getBytes(StandardCharsets.UTF_8));
    assertThat(other.quarantine().reason()).contains("cannot tell the format");
  }

  @Test
  void aKeyOutsideTheLayoutIsQuarantinedNotThrown() {
    TranscriptNormaliser.Parsed p = n.normalise("bank-a/misc/x.json", new byte[] {'{', '}'});
    assertThat(p.ok()).isFalse();
    assertThat(p.quarantine().tenantId()).isEqualTo("bank-a");
    assertThat(p.quarantine().reason()).contains("not a transcript key");
  }
}
