package com.cci.streaming.records;

import com.cci.schemas.alarm.Alarm;
import com.cci.schemas.alarm.AlarmRule;
import com.cci.schemas.alarm.AlarmState;
import com.cci.schemas.alarm.Severity;
import java.time.Instant;

/** Maps the job's {@link AlarmEvent} POJO to the contract's {@link Alarm}. */
final class AlarmContractMapper {
  private AlarmContractMapper() {}

  static Alarm toContract(AlarmEvent a, long emittedAtMs) {
    return new Alarm(
        a.alarmId,
        AlarmRule.valueOf(a.rule),
        AlarmState.valueOf(a.state),
        Severity.valueOf(a.severity),
        a.queue,
        a.contactId,
        a.value,
        a.threshold,
        a.windowStartMs == null ? null : Instant.ofEpochMilli(a.windowStartMs),
        a.windowEndMs == null ? null : Instant.ofEpochMilli(a.windowEndMs),
        Instant.ofEpochMilli(a.eventTimeMs),
        Instant.ofEpochMilli(emittedAtMs),
        a.message,
        null);
  }
}
