package com.cci.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cci.kinesis.StreamRecord;
import com.cci.sim.content.TranscriptFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The directory layout and its guards. */
class DirectorySinkTest {
  @TempDir Path tmp;

  @Test
  void writesOneLinePerRecordInTheOrderGiven() throws Exception {
    Path out = tmp.resolve("o");
    try (DirectorySink sink = new DirectorySink(out)) {
      sink.accept(new StreamRecord(Instant.EPOCH, "ctr", "a", "{\"n\":1}"));
      sink.accept(new StreamRecord(Instant.EPOCH, "fulfillment", "a", "{\"n\":2}"));
      sink.accept(new StreamRecord(Instant.EPOCH, "ctr", "b", "{\"n\":3}"));
      sink.accept(new TranscriptFile("t/Analysis/Voice/2026/11/20/x.json", "{}"));
    }
    assertThat(Files.readAllLines(out.resolve("ctr/part-00000.jsonl")))
        .containsExactly("{\"n\":1}", "{\"n\":3}");
    assertThat(Files.readAllLines(out.resolve("fulfillment/part-00000.jsonl")))
        .containsExactly("{\"n\":2}");
    assertThat(out.resolve("transcripts/t/Analysis/Voice/2026/11/20/x.json")).hasContent("{}");
  }

  @Test
  void refusesUnknownStreamsAndKeysOutsideTheDirectory() throws Exception {
    try (DirectorySink sink = new DirectorySink(tmp.resolve("o"))) {
      assertThatThrownBy(() -> sink.accept(new StreamRecord(Instant.EPOCH, "nope", "a", "{}")))
          .hasMessageContaining("unknown stream 'nope'");
      assertThatThrownBy(() -> sink.accept(new TranscriptFile("../../etc/x.json", "{}")))
          .hasMessageContaining("escapes");
    }
  }

  @Test
  void refusesANonEmptyDirectoryAndCleanRemovesOnlyItsOwnOutput() throws Exception {
    Path out = tmp.resolve("o");
    new DirectorySink(out).close();
    Files.writeString(out.resolve("notes.txt"), "keep me");
    assertThatThrownBy(() -> new DirectorySink(out)).hasMessageContaining("not empty");
    DirectorySink.clean(out);
    assertThat(out.resolve("ctr")).doesNotExist();
    assertThat(out.resolve("notes.txt")).hasContent("keep me");
  }
}
