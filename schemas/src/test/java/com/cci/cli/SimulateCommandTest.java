package com.cci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./cci simulate}: usage, output layout, summary and errors. */
class SimulateCommandTest {
  @TempDir Path tmp;

  private record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    CommandLine cl = new CommandLine(new Cci());
    var out = new java.io.StringWriter();
    var err = new java.io.StringWriter();
    cl.setOut(new java.io.PrintWriter(out));
    cl.setErr(new java.io.PrintWriter(err));
    int code = cl.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void helpPrintsUsage() {
    Result r = run("simulate", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("Usage: cci simulate")
        .contains("--scenario")
        .contains("--seed")
        .contains("--contacts")
        .contains("--hours")
        .contains("--start")
        .contains("--tenant")
        .contains("--out");
  }

  @Test
  void writesStreamsTranscriptsGroundTruthAndASummary() throws Exception {
    Path out = tmp.resolve("sim");
    Result r =
        run(
            "simulate",
            "--scenario",
            "normal-day",
            "--seed",
            "3",
            "--tenant",
            "acme-bank",
            "--contacts",
            "300",
            "--out",
            out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("General").contains("Fraud").contains("records:");
    for (String s : new String[] {"ctr", "contact-events", "contact-lens", "fulfillment"}) {
      Path part = out.resolve(s).resolve("part-00000.jsonl");
      assertThat(part).isRegularFile();
      assertThat(Files.readAllLines(part))
          .isNotEmpty()
          .allSatisfy(l -> assertThat(l).startsWith("{"));
      assertThat(r.out()).contains(s + "=");
    }
    for (String g :
        new String[] {
          "queue-minutes", "contacts", "qa-labels", "pii", "lost-events", "scenario-events"
        }) {
      assertThat(out.resolve("ground-truth").resolve(g + ".jsonl")).isRegularFile();
    }
    try (var s = Files.walk(out.resolve("transcripts"))) {
      var files =
          s.filter(Files::isRegularFile)
              .map(p -> out.resolve("transcripts").relativize(p))
              .toList();
      assertThat(files).isNotEmpty();
      assertThat(files).allSatisfy(p -> assertThat(p.toString()).startsWith("acme-bank/"));
      assertThat(files)
          .anySatisfy(p -> assertThat(p.toString()).contains("acme-bank/Analysis/Voice/"));
    }
    // a second run into the same directory is refused unless --overwrite
    Result again =
        run("simulate", "--scenario", "normal-day", "--contacts", "50", "--out", out.toString());
    assertThat(again.code()).isEqualTo(2);
    assertThat(again.err()).contains("not empty");
    Result over =
        run(
            "simulate",
            "--scenario",
            "normal-day",
            "--contacts",
            "50",
            "--hours",
            "12",
            "--out",
            out.toString(),
            "--overwrite");
    assertThat(over.code()).as(over.err()).isZero();
  }

  @Test
  void badInputExitsWithTwoAndAMessage() {
    Result unknown = run("simulate", "--scenario", "nope", "--out", tmp.resolve("x").toString());
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown scenario 'nope'");
    Result badDate =
        run(
            "simulate",
            "--scenario",
            "normal-day",
            "--start",
            "20-11-2026",
            "--out",
            tmp.resolve("y").toString());
    assertThat(badDate.code()).isEqualTo(2);
    assertThat(badDate.err()).contains("20-11-2026");
    Result missing = run("simulate", "--scenario", "normal-day");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("--out");
  }

  @SuppressWarnings("unused")
  private static PrintStream quiet() {
    return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  }
}
