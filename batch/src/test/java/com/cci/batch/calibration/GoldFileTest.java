package com.cci.batch.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cci.schemas.qa.QaResult;
import com.cci.schemas.qa.QaResult.Answer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoldFileTest {
  @TempDir Path dir;

  @Test
  void readsQaResultShapedLines() throws Exception {
    Path f = dir.resolve("gold.jsonl");
    Files.writeString(
        f,
        "# reviewer: Sam\n"
            + "{\"tenantId\":\"demo-tenant\",\"contactId\":\"c1\",\"sourceKey\":\"demo-tenant/Analysis/Voice/2026/11/20/c1.json\","
            + "\"criteria\":[{\"id\":\"greeting\",\"answer\":\"PASSED\"},{\"id\":\"empathy\",\"answer\":\"not_applicable\"}],"
            + "\"totals\":{\"score\":10}}\n"
            + "\n"
            + "{\"callId\":\""
            + QaResult.callIdFor("t", "c2")
            + "\",\"callDate\":\"2026-11-21\",\"criteria\":[{\"id\":\"greeting\",\"answer\":\"FAILED\"}]}\n");
    List<GoldRecord> g = GoldFile.read(f);
    assertThat(g).hasSize(2);
    assertThat(g.get(0).callId()).isEqualTo(QaResult.callIdFor("demo-tenant", "c1"));
    assertThat(g.get(0).callDate()).isEqualTo(LocalDate.of(2026, 11, 20));
    assertThat(g.get(0).answers()).containsEntry("empathy", Answer.NOT_APPLICABLE);
    assertThat(g.get(1).callId()).isEqualTo(QaResult.callIdFor("t", "c2"));
    assertThat(g.get(1).callDate()).isEqualTo(LocalDate.of(2026, 11, 21));
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{nope | :1: not JSON",
        "[1] | :1: expected a JSON object per line",
        "{\"tenantId\":\"t\",\"criteria\":[{\"id\":\"a\",\"answer\":\"PASSED\"}]} | :1: needs tenantId and contactId (or callId)",
        "{\"tenantId\":\"t\",\"contactId\":\"c\",\"criteria\":[]} | :1: criteria must list at least one {id, answer}",
        "{\"tenantId\":\"t\",\"contactId\":\"c\",\"criteria\":[{\"id\":\"a\",\"answer\":\"YES\"}]} | :1: answer 'YES' of a is not PASSED, FAILED or NOT_APPLICABLE",
        "{\"tenantId\":\"t\",\"contactId\":\"c\",\"callId\":\"x\",\"criteria\":[{\"id\":\"a\",\"answer\":\"PASSED\"}]} | :1: callId x is not callIdFor(tenantId, contactId)",
        "{\"tenantId\":\"t\",\"contactId\":\"c\",\"callDate\":\"20-11-2026\",\"criteria\":[{\"id\":\"a\",\"answer\":\"PASSED\"}]} | :1: callDate '20-11-2026' is not YYYY-MM-DD",
      })
  void namesTheLineAndTheProblem(String line, String message) throws Exception {
    Path f = dir.resolve("bad.jsonl");
    Files.writeString(f, line + "\n");
    assertThatThrownBy(() -> GoldFile.read(f))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(f + message);
  }

  @Test
  void rejectsACallListedTwiceAndAnEmptyFile() throws Exception {
    Path f = dir.resolve("dup.jsonl");
    String line =
        "{\"tenantId\":\"t\",\"contactId\":\"c\",\"criteria\":[{\"id\":\"a\",\"answer\":\"PASSED\"}]}\n";
    Files.writeString(f, line + line);
    assertThatThrownBy(() -> GoldFile.read(f))
        .hasMessageContaining(":2: call")
        .hasMessageContaining("twice");
    Path e = dir.resolve("empty.jsonl");
    Files.writeString(e, "\n");
    assertThatThrownBy(() -> GoldFile.read(e)).hasMessageContaining("holds no calls");
  }
}
