package com.cci.streaming;

import com.cci.sim.DirectorySink;
import com.cci.sim.Scenario;
import com.cci.sim.SimulationOptions;
import com.cci.sim.Simulator;
import com.cci.sim.SimulatorContent;
import java.nio.file.Path;
import java.time.LocalTime;

/** The simulated incident hour (from 10:00) the replay tests run the job over. */
final class IncidentHour {
  private IncidentHour() {}

  /** Writes one hour of the {@code incident} scenario as simulator output under {@code dir}. */
  static void write(Path dir, long seed, int contacts) throws Exception {
    try (DirectorySink sink = new DirectorySink(dir)) {
      new Simulator(
              Scenario.load("incident"),
              SimulationOptions.seed(seed)
                  .withContacts(contacts)
                  .withHours(1.0)
                  .withStartTime(LocalTime.of(10, 0)),
              SimulatorContent.generator(),
              SimulatorContent.renderer())
          .run(sink);
    }
  }
}
