package com.cci.streaming.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.cli.DemoCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ./cci demo} end to end on a short incident window: kinesis-mock, the alarm job in a
 * MiniCluster, the simulator playing into it; alarms fire, are contract-valid and the job stops.
 */
class StreamingDemoIT {
  @TempDir Path dir;

  @Test
  void theDemoRunsTheAlarmJobAndPrintsAlarmsAsTheyFire() {
    StringWriter out = new StringWriter();
    CommandLine cl = new CommandLine(new DemoCommand(new StreamingDemoStage()));
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(out));
    int exit =
        cl.execute(
            "--hours",
            "0.25",
            "--start",
            "2026-11-20T10:30",
            "--out",
            dir.toString(),
            "--speed",
            "Infinity");
    String text = out.toString();
    assertThat(exit).as(text).isZero();
    assertThat(text).contains("streaming: alarm job").contains("running in a local MiniCluster");
    Matcher m =
        Pattern.compile("streaming alarms: (\\d+) \\((\\d+) not contract-valid\\)").matcher(text);
    assertThat(m.find()).as(text).isTrue();
    assertThat(Integer.parseInt(m.group(1))).isPositive();
    assertThat(m.group(2)).isEqualTo("0");
    // printed as they fire, one line per alarm, e.g. fraud calls in the incident window
    assertThat(text).containsPattern("ALARM RAISED\\s+CRITICAL\\s+FRAUD_CATEGORY\\s+contact ");
    assertThat(text).contains(", 0 invalid");
  }
}
