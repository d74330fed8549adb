package com.cci.batch.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.schemas.Json;
import com.cci.sim.DirectorySink;
import com.cci.sim.Scenario;
import com.cci.sim.SimulationOptions;
import com.cci.sim.Simulator;
import com.cci.sim.SimulatorContent;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command end to end on a small simulator run, with the offline rules scorer. */
class CalibrateCommandTest {
  @TempDir static Path dir;
  static Path sim;

  @BeforeAll
  static void simulate() throws Exception {
    sim = dir.resolve("sim");
    try (DirectorySink sink = new DirectorySink(sim)) {
      new Simulator(
              Scenario.load("normal-day"),
              SimulationOptions.seed(7)
                  .withContacts(120)
                  .withHours(1.0)
                  .withStartTime(java.time.LocalTime.of(10, 0)),
              SimulatorContent.generator(),
              SimulatorContent.renderer())
          .run(sink);
    }
  }

  private static String run(String... args) {
    StringWriter out = new StringWriter();
    CommandLine cl = new CommandLine(new CalibrateCommand());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(out));
    int code = cl.execute(args);
    assertThat(code).as(out.toString()).isZero();
    return out.toString();
  }

  @Test
  void rulesScorerAgreesWithTheSimulatorsLabels() throws Exception {
    Path json = dir.resolve("report.json");
    String out = run("--from-simulator", sim.toString(), "--json", json.toString());
    List<GoldRecord> gold = GoldFile.fromSimulator(sim);
    assertThat(gold).hasSizeGreaterThan(20);
    assertThat(out)
        .contains(
            "calibration of scorer rules (cci-rules-v1): "
                + gold.size()
                + " gold calls, "
                + gold.size()
                + " compared, 0 without a result")
        .contains("greeting")
        .contains("compliance-disclosure")
        .containsPattern("overall\\s+" + gold.size() * 5 + "\\s+1\\.000")
        .contains("disagreements: 0");
    JsonNode report = Json.mapper().readTree(json.toFile());
    assertThat(report.at("/overall/accuracy").asDouble()).isEqualTo(1.0);
    assertThat(report.at("/perCriterion")).hasSize(5);
  }

  @Test
  void listsTheCallsAGoldFileDisagreesOn() throws Exception {
    List<GoldRecord> gold = GoldFile.fromSimulator(sim);
    GoldRecord first = gold.get(0);
    StringBuilder sb = new StringBuilder();
    for (GoldRecord g : gold) {
      var n = Json.mapper().createObjectNode();
      n.put("tenantId", g.tenantId())
          .put("contactId", g.contactId())
          .put("sourceKey", g.sourceKey());
      var cs = n.putArray("criteria");
      g.answers()
          .forEach(
              (id, a) -> {
                // the reviewer flips one answer of the first call
                var flipped =
                    g == first && id.equals("greeting")
                        ? (a == com.cci.schemas.qa.QaResult.Answer.PASSED ? "FAILED" : "PASSED")
                        : a.name();
                cs.addObject().put("id", id).put("answer", flipped);
              });
      sb.append(n).append('\n');
    }
    Path goldFile = dir.resolve("gold.jsonl");
    Files.writeString(goldFile, sb.toString());
    String out =
        run("--gold", goldFile.toString(), "--transcripts", sim.resolve("transcripts").toString());
    assertThat(out)
        .contains("disagreements: 1")
        .contains("contact " + first.contactId())
        .contains("greeting");
  }
}
