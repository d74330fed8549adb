package com.cci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.schemas.Fixtures;
import com.cci.schemas.Json;
import com.cci.schemas.SchemaKind;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;

class ValidateCommandTest {
  @TempDir Path dir;

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new Cci());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  /** The first record of the kind's first valid fixture, as one compact line. */
  private static String oneValidLine(SchemaKind kind) throws Exception {
    String text = Files.readString(Fixtures.valid(kind).get(0)).strip();
    JsonNode first;
    try {
      first = Json.mapper().readTree(text); // one (pretty-printed) document
      if (text.lines().count() > 1
          && text.lines().allMatch(l -> l.isBlank() || l.startsWith("{"))) {
        first = Json.mapper().readTree(text.lines().findFirst().orElseThrow()); // JSON Lines
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      first = Json.mapper().readTree(text.lines().findFirst().orElseThrow()); // JSON Lines
    }
    return Json.mapper().writeValueAsString(first);
  }

  @ParameterizedTest
  @EnumSource(SchemaKind.class)
  void everyValidFixtureExitsZero(SchemaKind kind) {
    for (Path p : Fixtures.valid(kind)) {
      Run r = run("validate", kind.id(), p.toString());
      assertThat(r.exit()).as(r.out() + r.err()).isZero();
      assertThat(r.out()).contains("0 invalid");
    }
  }

  @ParameterizedTest
  @EnumSource(SchemaKind.class)
  void everyInvalidFixtureExitsOneNamingTheRule(SchemaKind kind) {
    for (Path p : Fixtures.invalid(kind)) {
      Run r = run("validate", kind.id(), p.toString());
      assertThat(r.exit()).as(p.toString()).isEqualTo(1);
      assertThat(r.out()).contains(p.getFileName().toString()).containsPattern("\\[[a-zA-Z]+\\]");
    }
  }

  @ParameterizedTest
  @EnumSource(SchemaKind.class)
  void jsonLinesNameTheBadLines(SchemaKind kind) throws Exception {
    String good = oneValidLine(kind);
    Path file = dir.resolve(kind.id() + ".jsonl");
    Files.write(file, List.of(good, "", "{\"unexpected\": true}", "not json at all", good));
    Run r = run("validate", kind.id(), file.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out())
        .contains(kind.id() + ".jsonl:3: invalid")
        .contains(kind.id() + ".jsonl:4: invalid " + kind.id() + ": $ [json] not JSON")
        .doesNotContain(".jsonl:1:")
        .doesNotContain(".jsonl:5:")
        .contains("4 record(s), 2 valid, 2 invalid");
  }

  @ParameterizedTest
  @EnumSource(SchemaKind.class)
  void aJsonArrayIsValidatedElementByElement(SchemaKind kind) throws Exception {
    String good = oneValidLine(kind);
    Path file = dir.resolve(kind.id() + "-array.json");
    Files.writeString(file, "[" + good + ",\n 42, " + good + "]");
    Run r = run("validate", kind.id(), file.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("-array.json[1]: invalid").contains("3 record(s), 2 valid");
  }

  @ParameterizedTest
  @EnumSource(SchemaKind.class)
  void usageErrorsExitTwo(SchemaKind kind) {
    assertThat(run("validate", "no-such-kind", "x.json").exit()).isEqualTo(2);
    assertThat(run("validate", kind.id(), dir.resolve("missing.json").toString()).exit())
        .isEqualTo(2);
    Run help = run("validate", "--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("Usage:").contains(kind.id());
  }
}
