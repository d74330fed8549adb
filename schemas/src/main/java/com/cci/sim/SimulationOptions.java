package com.cci.sim;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * Run options that override or scale a scenario.
 *
 * @param seed seed of every random draw; same scenario and seed give byte-identical output
 * @param tenantId tenant id written into records and keys (default {@code demo-tenant})
 * @param contacts cap on customer contacts; arrivals and staffing are scaled so that about this
 *     many arrive over the duration (null: the scenario's own volume)
 * @param hours simulated hours of arrivals (null: the scenario's duration)
 * @param startDate first simulated day (null: the scenario's start date)
 * @param startTime local time of day the run starts (null: the scenario's start time); queues start
 *     empty and scripted events keep their clock times on the first day
 */
public record SimulationOptions(
    long seed,
    String tenantId,
    Integer contacts,
    Double hours,
    LocalDate startDate,
    LocalTime startTime) {

  public static final String DEFAULT_TENANT = "demo-tenant";

  public SimulationOptions {
    if (tenantId == null || tenantId.isBlank()) {
      tenantId = DEFAULT_TENANT;
    } else if (!tenantId.matches("[a-z0-9][a-z0-9-]{0,62}")) {
      throw new IllegalArgumentException(
          "tenant id '" + tenantId + "' must be lower-case letters, digits and '-' (max 63)");
    }
    if (contacts != null && contacts < 1) {
      throw new IllegalArgumentException("contacts must be >= 1, was " + contacts);
    }
    if (hours != null && !(hours > 0 && hours <= 24 * 14)) {
      throw new IllegalArgumentException("hours must be in (0, 336], was " + hours);
    }
  }

  public SimulationOptions(
      long seed, String tenantId, Integer contacts, Double hours, LocalDate startDate) {
    this(seed, tenantId, contacts, hours, startDate, null);
  }

  /** Seed only; everything else from the scenario. */
  public static SimulationOptions seed(long seed) {
    return new SimulationOptions(seed, null, null, null, null, null);
  }

  public SimulationOptions withContacts(Integer n) {
    return new SimulationOptions(seed, tenantId, n, hours, startDate, startTime);
  }

  public SimulationOptions withHours(Double h) {
    return new SimulationOptions(seed, tenantId, contacts, h, startDate, startTime);
  }

  public SimulationOptions withTenant(String t) {
    return new SimulationOptions(seed, t, contacts, hours, startDate, startTime);
  }

  public SimulationOptions withStartDate(LocalDate d) {
    return new SimulationOptions(seed, tenantId, contacts, hours, d, startTime);
  }

  public SimulationOptions withStartTime(LocalTime t) {
    return new SimulationOptions(seed, tenantId, contacts, hours, startDate, t);
  }
}
