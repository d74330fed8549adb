package com.cci.sim;

import com.cci.kinesis.StreamRecord;
import com.cci.sim.content.TranscriptFile;
import java.util.ArrayList;
import java.util.List;

/** Collects everything a run produces in memory (test helper; small runs only). */
final class SimRun implements SimulationSink {
  final List<StreamRecord> records = new ArrayList<>();
  final List<TranscriptFile> files = new ArrayList<>();
  final List<GroundTruth.QueueMinute> minutes = new ArrayList<>();
  final List<GroundTruth.ContactOutcome> outcomes = new ArrayList<>();
  final List<GroundTruth.QaLabelRow> qa = new ArrayList<>();
  final List<GroundTruth.PiiRow> pii = new ArrayList<>();
  final List<GroundTruth.LostEvent> lost = new ArrayList<>();
  final List<GroundTruth.ScenarioMarker> markers = new ArrayList<>();
  SimulationSummary summary;

  static SimRun of(String scenario, SimulationOptions options) {
    SimRun run = new SimRun();
    FakeContent content = new FakeContent();
    run.summary = new Simulator(Scenario.load(scenario), options, content, content).run(run);
    return run;
  }

  /** A run with the production content generator and renderer. */
  static SimRun real(String scenario, SimulationOptions options) {
    SimRun run = new SimRun();
    run.summary =
        new Simulator(
                Scenario.load(scenario),
                options,
                SimulatorContent.generator(),
                SimulatorContent.renderer())
            .run(run);
    return run;
  }

  List<StreamRecord> stream(String name) {
    return records.stream().filter(r -> r.stream().equals(name)).toList();
  }

  @Override
  public void accept(StreamRecord record) {
    records.add(record);
  }

  @Override
  public void accept(TranscriptFile file) {
    files.add(file);
  }

  @Override
  public void queueMinute(GroundTruth.QueueMinute row) {
    minutes.add(row);
  }

  @Override
  public void contactOutcome(GroundTruth.ContactOutcome row) {
    outcomes.add(row);
  }

  @Override
  public void qaLabels(GroundTruth.QaLabelRow row) {
    qa.add(row);
  }

  @Override
  public void piiPlanting(GroundTruth.PiiRow row) {
    pii.add(row);
  }

  @Override
  public void lostEvent(GroundTruth.LostEvent row) {
    lost.add(row);
  }

  @Override
  public void scenarioEvent(GroundTruth.ScenarioMarker row) {
    markers.add(row);
  }
}
