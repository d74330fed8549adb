package com.cci.sim;

import com.cci.sim.content.QaLabels;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Ground-truth rows written beside simulated data ({@code ground-truth/*.jsonl}). Times are ISO
 * instants with milliseconds (UTC); waits are in seconds with millisecond precision.
 */
public final class GroundTruth {
  private GroundTruth() {}

  /** Outcomes of a contact. */
  public enum Outcome {
    /** Answered by an agent. */
    ANSWERED,
    /** Disconnected while queued (patience ran out). */
    ABANDONED,
    /** Still in queue when the simulation stopped. */
    STILL_WAITING,
    /** Ended in the bot, never queued. */
    SELF_SERVED,
    /** Arrived while its queue was closed (closed message, no queue). */
    CLOSED,
    /** Asked for a callback before queueing; the callback is its own contact. */
    CALLBACK_REQUESTED
  }

  /**
   * Counters for one queue and one minute {@code [minute, minute+60s)}.
   *
   * @param minute start of the minute (UTC, ISO)
   * @param offered contacts enqueued in the minute (inbound, transfers, callbacks)
   * @param answered contacts connected to an agent in the minute
   * @param abandoned contacts that disconnected while queued in the minute
   * @param closed contacts that arrived for this queue while it was closed
   * @param inQueue contacts waiting at the end of the minute
   * @param oldestWaitSeconds age of the oldest waiting contact at the end of the minute (0 if none)
   * @param answeredWithin30s answered in the minute after waiting 30 s or less
   * @param agentsLoggedIn agents logged in serving this queue at the end of the minute
   */
  public record QueueMinute(
      String tenantId,
      String queue,
      String minute,
      int offered,
      int answered,
      int abandoned,
      int closed,
      int inQueue,
      long oldestWaitSeconds,
      int answeredWithin30s,
      int agentsLoggedIn) {}

  /**
   * The fate of one contact.
   *
   * @param waitSeconds enqueue to answer (answered), to abandon (abandoned) or to the end of the
   *     run (still waiting); null when never queued
   * @param ctrEmissions how many CTRs were emitted (0 when the contact did not finish; 2 for a
   *     duplicate)
   * @param lostEvents contact event types that were never delivered
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ContactOutcome(
      String tenantId,
      String contactId,
      String initialContactId,
      String previousContactId,
      String nextContactId,
      String queue,
      String channel,
      String initiationMethod,
      String topic,
      Outcome outcome,
      String initiationTimestamp,
      String enqueueTimestamp,
      String answerTimestamp,
      String abandonTimestamp,
      String disconnectTimestamp,
      Double waitSeconds,
      String agentUsername,
      boolean negativeCustomer,
      boolean fraudSuspected,
      int ctrEmissions,
      boolean lateCtr,
      List<String> lostEvents) {}

  /** QA ground truth of an answered contact's conversation. */
  public record QaLabelRow(
      String contactId,
      String tenantId,
      QaLabels labels,
      List<String> categories,
      String transcriptKey,
      String format,
      boolean negativeCustomer,
      boolean fraudSuspected) {}

  /** One planted PII span: {@code [beginChar, endChar)} within the turn's text. */
  public record PiiRow(
      String contactId,
      String tenantId,
      String transcriptKey,
      String turnId,
      String type,
      int beginChar,
      int endChar) {}

  /** A contact event that was lost in delivery. */
  public record LostEvent(String contactId, String eventType, String eventTime) {}

  /**
   * A scripted event as it happened.
   *
   * @param type the scenario event type
   * @param from start (UTC, ISO)
   * @param to end (UTC, ISO); equals {@code from} for instant events
   * @param detail what happened, e.g. {@code 12 agents of Retail logged off}
   * @param count agents removed, attacker calls placed, ...
   */
  public record ScenarioMarker(String type, String from, String to, String detail, int count) {}
}
