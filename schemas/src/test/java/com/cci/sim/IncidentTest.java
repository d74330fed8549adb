package com.cci.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.cci.kinesis.StreamRecord;
import com.cci.kinesis.Streams;
import com.cci.schemas.Json;
import com.cci.schemas.fulfillment.FulfillmentEvent;
import com.cci.schemas.fulfillment.FulfillmentEvent.AuthResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The incident scenario's PIN-guessing burst, backend-error spike and fraud surge. */
class IncidentTest {
  private static SimRun incident;
  private static SimRun normal;

  @BeforeAll
  static void simulate() {
    SimulationOptions opts = SimulationOptions.seed(3).withContacts(2500);
    incident = SimRun.of("incident", opts);
    normal = SimRun.of("normal-day", opts);
  }

  private static List<FulfillmentEvent> fulfillment(SimRun run) throws Exception {
    List<FulfillmentEvent> out = new ArrayList<>();
    for (StreamRecord r : run.stream(Streams.FULFILLMENT)) {
      out.add(Json.mapper().readValue(r.json(), FulfillmentEvent.class));
    }
    return out;
  }

  private static GroundTruth.ScenarioMarker marker(String type) {
    return incident.markers.stream().filter(m -> m.type().equals(type)).findFirst().orElseThrow();
  }

  /** Most auth failures (FAILURE or LOCKED) in any 5-minute window. */
  private static long peakAuthFailures(List<FulfillmentEvent> events, Instant[] at) {
    List<Instant> times =
        events.stream()
            .filter(
                e -> e.authResult() == AuthResult.FAILURE || e.authResult() == AuthResult.LOCKED)
            .map(FulfillmentEvent::eventTime)
            .sorted()
            .toList();
    long best = 0;
    int j = 0;
    for (int i = 0; i < times.size(); i++) {
      while (Duration.between(times.get(j), times.get(i)).toMinutes() >= 5) {
        j++;
      }
      if (i - j + 1 > best) {
        best = i - j + 1;
        at[0] = times.get(i);
      }
    }
    return best;
  }

  @Test
  void pinGuessingBurstShowsUpAsManyAuthFailuresInAFewMinutes() throws Exception {
    GroundTruth.ScenarioMarker burst = marker("PIN_GUESSING_BURST");
    Instant from = Instant.parse(burst.from());
    Instant to = Instant.parse(burst.to());
    Instant[] peakAt = new Instant[1];
    long incidentPeak = peakAuthFailures(fulfillment(incident), peakAt);
    long normalPeak = peakAuthFailures(fulfillment(normal), new Instant[1]);
    assertThat(incidentPeak).isGreaterThan(5 * Math.max(1, normalPeak)).isGreaterThan(200);
    assertThat(peakAt[0]).isBetween(from, to.plusSeconds(120));
    long locked =
        fulfillment(incident).stream()
            .filter(e -> e.authResult() == AuthResult.LOCKED)
            .filter(
                e -> !e.eventTime().isBefore(from) && e.eventTime().isBefore(to.plusSeconds(60)))
            .count();
    assertThat(locked).isGreaterThan(100);
    // attempt numbers count up to the lock-out
    assertThat(
            fulfillment(incident).stream()
                .filter(e -> e.authResult() == AuthResult.LOCKED)
                .map(FulfillmentEvent::authAttempt))
        .containsOnly(BotTurns.MAX_PIN_ATTEMPTS);
  }

  @Test
  void backendErrorsSpikeInTheWindow() throws Exception {
    GroundTruth.ScenarioMarker spike = marker("BACKEND_ERROR_SPIKE");
    Instant from = Instant.parse(spike.from());
    Instant to = Instant.parse(spike.to());
    long inside = 0;
    long insideErrors = 0;
    long outside = 0;
    long outsideErrors = 0;
    for (FulfillmentEvent e : fulfillment(incident)) {
      boolean in = !e.eventTime().isBefore(from) && e.eventTime().isBefore(to);
      boolean error = e.errorClass() != null;
      if (error) {
        assertThat(e.outcome()).isEqualTo(FulfillmentEvent.Outcome.FAILED);
      }
      if (in) {
        inside++;
        insideErrors += error ? 1 : 0;
      } else {
        outside++;
        outsideErrors += error ? 1 : 0;
      }
    }
    double inRate = (double) insideErrors / inside;
    double outRate = (double) outsideErrors / outside;
    assertThat(inRate).isGreaterThan(0.15).isGreaterThan(10 * outRate);
  }

  @Test
  void fraudCallsSurgeWithNegativeFraudFlaggedCustomers() {
    long incidentFraud = incident.summary.queues().get("Fraud").offered();
    long normalFraud = normal.summary.queues().get("Fraud").offered();
    assertThat(incidentFraud).isGreaterThan(normalFraud);
    Instant from = Instant.parse(marker("SENTIMENT_SHIFT").from());
    Instant to = Instant.parse(marker("SENTIMENT_SHIFT").to());
    List<GroundTruth.ContactOutcome> inWindow =
        incident.outcomes.stream()
            .filter(o -> "Fraud".equals(o.queue()) && "INBOUND".equals(o.initiationMethod()))
            .filter(
                o -> {
                  Instant t = Instant.parse(o.initiationTimestamp());
                  return !t.isBefore(from) && t.isBefore(to);
                })
            .toList();
    assertThat(inWindow).hasSizeGreaterThan(50);
    double negative =
        inWindow.stream().filter(GroundTruth.ContactOutcome::negativeCustomer).count()
            / (double) inWindow.size();
    assertThat(negative).isGreaterThan(0.6);
    // negative, fraud-flagged customers reach the conversation generator
    assertThat(incident.qa.stream().filter(q -> q.negativeCustomer() && q.fraudSuspected()))
        .isNotEmpty();
  }

  @Test
  void agentsDropOffMidMorning() {
    List<GroundTruth.ScenarioMarker> drops =
        incident.markers.stream().filter(m -> m.type().equals("AGENT_DROP_OFF")).toList();
    assertThat(drops).hasSize(2);
    assertThat(drops.get(0).count()).isPositive();
    // fewer agents logged in right after the drop than right before
    Instant dropAt = Instant.parse(drops.get(0).from());
    int before = loggedIn(dropAt.minusSeconds(120));
    int after = loggedIn(dropAt.plusSeconds(120));
    assertThat(after).isLessThan(before);
    // and come back when the drop-off ends
    Instant backAt = Instant.parse(drops.get(0).to());
    assertThat(loggedIn(backAt.plusSeconds(120))).isGreaterThan(loggedIn(backAt.minusSeconds(120)));
  }

  private int loggedIn(Instant minute) {
    String m = minute.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString();
    return incident.minutes.stream()
        .filter(r -> r.minute().equals(m))
        .mapToInt(GroundTruth.QueueMinute::agentsLoggedIn)
        .sum();
  }
}
