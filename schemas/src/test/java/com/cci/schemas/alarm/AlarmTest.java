package com.cci.schemas.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cci.schemas.Fixtures;
import com.cci.schemas.RoundTrip;
import com.cci.schemas.SchemaKind;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlarmTest {

  @Test
  void everyValidFixtureRoundTripsAndEveryRaisedIdIsDerivedByAlarmIds() {
    int raised = 0;
    for (Path p : Fixtures.valid(SchemaKind.ALARM)) {
      for (JsonNode rec : RoundTrip.records(p)) {
        Alarm a = RoundTrip.assertRoundTrips(rec, Alarm.class, true);
        if (a.state() == AlarmState.RAISED) {
          assertThat(a.alarmId()).as(p.getFileName().toString()).isEqualTo(AlarmIds.forRaised(a));
          raised++;
        }
      }
    }
    assertThat(raised).isEqualTo(5);
  }

  @Test
  void raisedAndClearedShareTheAlarmId() {
    List<JsonNode> recs =
        RoundTrip.records(
            Fixtures.dir(SchemaKind.ALARM, "valid")
                .resolve("abandonment-raised-then-cleared.json"));
    Alarm raised = RoundTrip.parse(recs.get(0), Alarm.class);
    Alarm cleared = RoundTrip.parse(recs.get(1), Alarm.class);

    assertThat(raised.state()).isEqualTo(AlarmState.RAISED);
    assertThat(cleared.state()).isEqualTo(AlarmState.CLEARED);
    assertThat(cleared.alarmId()).isEqualTo(raised.alarmId());
    assertThat(raised.rule()).isEqualTo(AlarmRule.ABANDONMENT_RATE);
    assertThat(raised.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(raised.queue()).isEqualTo("General");
    assertThat(raised.value()).isEqualTo(14.3);
    assertThat(raised.threshold()).isEqualTo(10.0);
    assertThat(raised.windowStart()).isEqualTo(Instant.parse("2026-11-20T14:00:00Z"));
    assertThat(raised.windowEnd()).isEqualTo(Instant.parse("2026-11-20T14:05:00Z"));
    assertThat(raised.details()).containsEntry("abandoned", 3).containsEntry("queued", 21);
    assertThat(cleared.details()).isNull();
  }

  @Test
  void perContactAlarmHasNoWindowAndOmitsNullsOnTheWire() {
    Alarm a =
        RoundTrip.parse(
            RoundTrip.record(SchemaKind.ALARM, "valid", "negative-sentiment-contact.json"),
            Alarm.class);
    assertThat(a.rule()).isEqualTo(AlarmRule.NEGATIVE_SENTIMENT);
    assertThat(a.contactId()).isEqualTo("7a1e5c3b-2d4f-4e6a-8b9c-0d1e2f3a4b5c");
    assertThat(a.windowStart()).isNull();
    assertThat(a.eventTime()).isEqualTo(Instant.parse("2026-11-20T15:41:27.350Z"));
    JsonNode out = RoundTrip.toTree(a);
    assertThat(out.has("windowStart")).isFalse();
    assertThat(out.has("windowEnd")).isFalse();
    assertThat(out.get("eventTime").asText()).isEqualTo("2026-11-20T15:41:27.350Z");
    RoundTrip.assertSchemaValid(SchemaKind.ALARM, a);
  }

  @Test
  void clearedCopiesTheEpisodeAndIsSchemaValid() {
    Instant ws = Instant.parse("2026-11-20T09:10:00Z");
    Alarm raised =
        new Alarm(
            AlarmIds.of(AlarmRule.FULFILLMENT_ERRORS, null, null, ws),
            AlarmRule.FULFILLMENT_ERRORS,
            AlarmState.RAISED,
            Severity.HIGH,
            null,
            null,
            23.5,
            10,
            ws,
            ws.plusSeconds(300),
            ws.plusSeconds(299),
            ws.plusSeconds(301),
            "23.5% of bot fulfillments failed in 5 minutes (threshold 10%).",
            Map.of("failed", 47, "total", 200));
    RoundTrip.assertSchemaValid(SchemaKind.ALARM, raised);

    Alarm cleared =
        raised.cleared(
            4.0,
            ws.plusSeconds(900),
            ws.plusSeconds(1200),
            ws.plusSeconds(1200),
            ws.plusSeconds(1201),
            "Bot fulfillment failures back to 4% (threshold 10%).");

    assertThat(cleared.alarmId()).isEqualTo(raised.alarmId());
    assertThat(cleared.state()).isEqualTo(AlarmState.CLEARED);
    assertThat(cleared.severity()).isEqualTo(Severity.HIGH);
    assertThat(cleared.threshold()).isEqualTo(10.0);
    assertThat(cleared.value()).isEqualTo(4.0);
    RoundTrip.assertSchemaValid(SchemaKind.ALARM, cleared);
    assertThatThrownBy(() -> cleared.cleared(0, null, null, ws, ws, "again"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("only a RAISED alarm can be cleared");
  }
}
