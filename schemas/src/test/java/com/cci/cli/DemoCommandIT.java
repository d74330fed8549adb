package com.cci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The demo end to end on a short incident window: simulate, validate, Kinesis round trip. */
class DemoCommandIT {
  @TempDir Path dir;

  private static String run(int expectedExit, String... args) {
    StringWriter out = new StringWriter();
    CommandLine cl = new CommandLine(new Cci());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(out));
    int exit = cl.execute(args);
    assertThat(exit).as(out.toString()).isEqualTo(expectedExit);
    return out.toString();
  }

  @Test
  void simulatesValidatesAndRoundTripsThroughKinesis() throws Exception {
    String out =
        run(
            0,
            "demo",
            "--hours",
            "0.25",
            "--start",
            "2026-11-20T10:30",
            "--out",
            dir.toString(),
            "--speed",
            "Infinity");
    assertThat(out).contains("contract check:").contains(", 0 invalid");
    // every stream: what was sent is what was read back
    Matcher sent = Pattern.compile("total: (\\d+) read, (\\d+) sent, 0 failed").matcher(out);
    assertThat(sent.find()).as(out).isTrue();
    assertThat(sent.group(1)).isEqualTo(sent.group(2));
    Matcher back =
        Pattern.compile(
                "read back from Kinesis: \\{ctr=(\\d+), contact-events=(\\d+), contact-lens=(\\d+),"
                    + " fulfillment=(\\d+)\\}")
            .matcher(out);
    assertThat(back.find()).as(out).isTrue();
    long total = 0;
    for (int i = 1; i <= 4; i++) {
      assertThat(Long.parseLong(back.group(i))).isPositive();
      total += Long.parseLong(back.group(i));
    }
    assertThat(total).isEqualTo(Long.parseLong(sent.group(2)));
    // the files sit beside it, as `simulate` writes them
    assertThat(dir.resolve("ctr/part-00000.jsonl")).exists();
    assertThat(Files.readAllLines(dir.resolve("ctr/part-00000.jsonl")))
        .hasSize(Integer.parseInt(back.group(1)));
    assertThat(dir.resolve("ground-truth/queue-minutes.jsonl")).exists();
  }

  @Test
  void withoutKinesisItStillSimulatesAndValidates() {
    String out =
        run(0, "demo", "--no-kinesis", "--hours", "0.25", "--out", dir.resolve("x").toString());
    assertThat(out).contains(", 0 invalid").doesNotContain("read back from Kinesis");
    assertThat(out).containsPattern("Fraud\\s+\\d+\\s+\\d+\\s+\\d+");
  }
}
