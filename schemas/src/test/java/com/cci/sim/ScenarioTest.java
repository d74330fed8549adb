package com.cci.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenario files load, and broken ones fail with messages that name the problem. */
class ScenarioTest {
  @TempDir Path tmp;

  @Test
  void builtInScenariosLoad() {
    for (String name : Scenario.BUILT_IN) {
      Scenario s = Scenario.load(name);
      assertThat(s.name()).isEqualTo(name);
      assertThat(s.queues())
          .extracting(Scenario.QueueSpec::name)
          .containsExactly("General", "Accounts", "Cards", "Lending", "Fraud");
      assertThat(s.problems()).isEmpty();
    }
    assertThat(Scenario.load("holiday").holidays())
        .contains(Scenario.load("holiday").start().toLocalDate());
  }

  @Test
  void unknownScenarioNamesTheBuiltIns() {
    assertThatThrownBy(() -> Scenario.load("no-such-day"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no-such-day")
        .hasMessageContaining("normal-day, incident, holiday");
  }

  @Test
  void invalidScenarioListsEveryProblem() throws Exception {
    String json =
        Files.readString(
                Path.of(
                    getClass().getClassLoader().getResource("scenarios/normal-day.json").toURI()))
            .replace("\"America/New_York\"", "\"Mars/Olympus\"")
            .replace("\"hours\": \"AlwaysOpen\"", "\"hours\": \"Sometimes\"")
            .replace("\"durationHours\": 24", "\"durationHours\": -1");
    Path file = tmp.resolve("broken.json");
    Files.writeString(file, json);
    assertThatThrownBy(() -> Scenario.load(file.toString()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timeZone 'Mars/Olympus'")
        .hasMessageContaining("'Sometimes'")
        .hasMessageContaining("durationHours");
  }

  @Test
  void unknownFieldsAreRejected() throws Exception {
    Path file = tmp.resolve("typo.json");
    String json =
        Files.readString(
                Path.of(
                    getClass().getClassLoader().getResource("scenarios/normal-day.json").toURI()))
            .replace("\"channelMix\"", "\"chanelMix\"");
    Files.writeString(file, json);
    assertThatThrownBy(() -> Scenario.load(file.toString()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("chanelMix");
  }

  @Test
  void contactsCapScalesArrivalsAndStaffing() {
    SimRun small = SimRun.of("normal-day", SimulationOptions.seed(2).withContacts(500));
    SimRun large = SimRun.of("normal-day", SimulationOptions.seed(2).withContacts(2000));
    assertThat(small.summary.customerContacts()).isBetween(400L, 500L);
    assertThat(large.summary.customerContacts()).isBetween(1800L, 2000L);
    assertThat(large.summary.agents()).isGreaterThan(2 * small.summary.agents());
  }

  @Test
  void hoursAndStartOverrideTheScenario() {
    SimRun run =
        SimRun.of(
            "normal-day",
            SimulationOptions.seed(2)
                .withHours(2.0)
                .withStartDate(java.time.LocalDate.parse("2026-11-26")));
    // 2026-11-26 is a holiday in the calendar: only Fraud is open, and only 2 hours of arrivals
    assertThat(run.summary.simulatedStart()).startsWith("2026-11-26T");
    assertThat(run.summary.queues().get("General").offered()).isZero();
    assertThat(run.outcomes)
        .allSatisfy(o -> assertThat(o.initiationTimestamp()).startsWith("2026-11-26T0"));
  }

  @Test
  void eventsAfterTheLastArrivalDoNotHappen() {
    SimRun early =
        SimRun.of("incident", SimulationOptions.seed(2).withContacts(200).withHours(6.0));
    assertThat(early.markers).isEmpty();
    assertThat(early.summary.attackerCalls()).isZero();
    SimRun full = SimRun.of("incident", SimulationOptions.seed(2).withContacts(200));
    assertThat(full.summary.attackerCalls()).isEqualTo(150);
  }

  @Test
  void badOptionsAreRejected() {
    assertThatThrownBy(() -> new SimulationOptions(1, "Bad Tenant", null, null, null))
        .hasMessageContaining("tenant id");
    assertThatThrownBy(() -> SimulationOptions.seed(1).withContacts(0))
        .hasMessageContaining("contacts");
    assertThatThrownBy(() -> SimulationOptions.seed(1).withHours(-2.0))
        .hasMessageContaining("hours");
  }
}
