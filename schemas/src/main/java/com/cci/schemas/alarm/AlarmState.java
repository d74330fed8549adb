package com.cci.schemas.alarm;

/** An alarm episode starts RAISED and ends CLEARED; both records share the alarmId. */
public enum AlarmState {
  RAISED,
  CLEARED
}
