package com.cci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.kinesis.Streams;
import com.cci.local.AwsClients;
import com.cci.local.Processes;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/** {@code ./cci stack up} in a child JVM: starts, prints exports, stops when stdin closes. */
class StackCommandIT {

  @Test
  void upRunsInTheForegroundUntilStdinClosesThenStopsEverything() throws Exception {
    List<String> cmd =
        List.of(
            Processes.javaExecutable().toString(),
            "-cp",
            System.getProperty("java.class.path"),
            "com.cci.cli.Cci",
            "stack",
            "up",
            "--kinesis",
            "--streams",
            "--shards",
            "2");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().remove("AWS_ENDPOINT_URL");
    pb.environment().remove("AWS_ENDPOINT_URL_KINESIS");
    Process p = pb.start();
    List<String> lines = new ArrayList<>();
    URI endpoint = null;
    long pid = -1;
    try {
      BufferedReader r =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String line;
      Pattern export = Pattern.compile("export AWS_ENDPOINT_URL_KINESIS=(\\S+)");
      Pattern pidLine = Pattern.compile("^KINESIS\\s+\\S+\\s+\\(pid (\\d+),");
      while ((line = r.readLine()) != null) {
        lines.add(line);
        Matcher m = export.matcher(line);
        if (m.find()) {
          endpoint = URI.create(m.group(1));
        }
        Matcher pm = pidLine.matcher(line);
        if (pm.find()) {
          pid = Long.parseLong(pm.group(1));
        }
        if (line.startsWith("running;")) {
          break;
        }
      }
      assertThat(endpoint).as(String.join("\n", lines)).isNotNull();
      assertThat(pid).as(String.join("\n", lines)).isPositive();
      assertThat(lines).anyMatch(l -> l.startsWith("export AWS_REGION=us-east-1"));
      try (KinesisClient k = AwsClients.forEndpoints(endpoint, null, null).kinesis()) {
        List<String> names = k.listStreams().streamNames();
        for (String s : Streams.INPUTS) {
          assertThat(names).contains(Streams.kinesisName(s));
        }
        assertThat(names).contains(Streams.kinesisName(Streams.ALARMS));
      }
      ProcessHandle emulator = ProcessHandle.of(pid).orElseThrow();
      assertThat(emulator.isAlive()).isTrue();

      p.getOutputStream().close(); // EOF on stdin: the command stops the stack and exits
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String rest = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.exitValue()).as(rest).isZero();
      assertThat(rest).contains("stopped");
      assertThat(emulator.onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();
    } finally {
      if (p.isAlive()) {
        Processes.killTree(p.toHandle(), java.time.Duration.ofSeconds(5));
      }
    }
  }
}
