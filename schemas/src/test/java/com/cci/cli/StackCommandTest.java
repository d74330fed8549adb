package com.cci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class StackCommandTest {
  private record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new Cci());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void stackIsRegisteredAndHelpListsSubcommands() {
    Result r = run("stack", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Usage: cci stack").contains("install").contains("up");
    assertThat(run("--help").out()).contains("stack");
  }

  @Test
  void upHelpDescribesItsOptions() {
    Result r = run("stack", "up", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("--kinesis")
        .contains("--dynamodb")
        .contains("--s3")
        .contains("--streams")
        .contains("--shards")
        .contains("stdin")
        .doesNotContain("detach-for-test");
  }

  @Test
  void unknownEmulatorIsAUsageError() {
    Result r = run("stack", "install", "redis");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("unknown emulator 'redis'");
  }
}
