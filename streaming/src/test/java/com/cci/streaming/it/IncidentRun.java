package com.cci.streaming.it;

import com.cci.kinesis.StreamRecord;
import com.cci.schemas.Json;
import com.cci.sim.DirectorySink;
import com.cci.sim.Scenario;
import com.cci.sim.SimulationOptions;
import com.cci.sim.SimulationSink;
import com.cci.sim.Simulator;
import com.cci.sim.SimulatorContent;
import com.cci.streaming.AlarmWorkflow;
import com.cci.streaming.StreamingJob;
import com.cci.streaming.config.JobConfig;
import com.cci.streaming.config.PropertyGroups;
import com.cci.streaming.io.ReplayIo;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** The small incident simulation the end-to-end tests play, and its replay-mode oracle. */
final class IncidentRun {
  static final long SEED = 7;
  static final double HOURS = 0.1;

  private IncidentRun() {}

  static Simulator simulator() {
    return new Simulator(
        Scenario.load("incident"),
        SimulationOptions.seed(SEED)
            .withHours(HOURS)
            .withStartDate(LocalDate.parse("2026-11-20"))
            .withStartTime(LocalTime.parse("10:00")),
        SimulatorContent.generator(),
        SimulatorContent.renderer());
  }

  /** Every stream record of the run, in arrival order. */
  static List<StreamRecord> records() {
    List<StreamRecord> out = new ArrayList<>();
    simulator().records(new SimulationSink() {}).forEachRemaining(out::add);
    return out;
  }

  /** Writes the run as simulator output (JSON Lines per stream) under {@code dir}. */
  static void writeTo(Path dir) throws Exception {
    try (DirectorySink sink = new DirectorySink(dir)) {
      simulator().run(sink);
    }
  }

  /** The dev configuration (checked-in JSON) pointed at {@code endpoint}. */
  static PropertyGroups devProps(String endpoint) {
    return PropertyGroups.fromDevResource().with("kinesis", "endpoint", endpoint);
  }

  /** Runs the job bounded over {@code in} (replay mode) and returns alarms.jsonl's records. */
  static List<JsonNode> replay(Path in, Path out) throws Exception {
    JobConfig cfg = JobConfig.from(PropertyGroups.fromDevResource());
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    StreamingJob.configure(env, cfg.job(), false);
    AlarmWorkflow.define(env, ReplayIo.inputs(env, in), cfg, ReplayIo.sinks(out));
    env.execute("replay oracle");
    return readJsonLines(out.resolve(ReplayIo.ALARMS));
  }

  static List<JsonNode> readJsonLines(Path file) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (!line.isBlank()) {
        out.add(Json.mapper().readTree(line));
      }
    }
    return out;
  }
}
