package com.cci.batch;

import com.cci.sim.DirectorySink;
import com.cci.sim.Scenario;
import com.cci.sim.SimulationOptions;
import com.cci.sim.Simulator;
import com.cci.sim.SimulatorContent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;

/** Simulated post-call transcripts for the tests: a small, seeded slice of the normal day. */
final class SimData {
  static final LocalDate DAY = LocalDate.of(2026, 11, 20);

  private SimData() {}

  /** Simulates {@code contacts} contacts from 10:00 local for {@code hours}; returns the dir. */
  static Path generate(Path dir, int contacts, double hours) {
    try {
      Simulator sim =
          new Simulator(
              Scenario.load("normal-day"),
              SimulationOptions.seed(7)
                  .withContacts(contacts)
                  .withHours(hours)
                  .withStartTime(LocalTime.of(10, 0)),
              SimulatorContent.generator(),
              SimulatorContent.renderer());
      try (DirectorySink sink = new DirectorySink(dir)) {
        sim.run(sink);
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
