package com.cci.schemas.alarm;

/** How urgent an alarm is, most urgent first. */
public enum Severity {
  CRITICAL,
  HIGH,
  MEDIUM,
  LOW
}
