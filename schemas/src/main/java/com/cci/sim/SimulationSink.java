package com.cci.sim;

import com.cci.kinesis.StreamRecord;
import com.cci.sim.content.TranscriptFile;

/**
 * Receives everything a simulation produces. Stream records arrive in arrival order (across all
 * streams); transcript files and ground truth arrive in simulated-time order as they become known.
 * Ground truth is derived from the simulation's state, never from the emitted records.
 *
 * <p>Default methods ignore the call, so a sink implements only what it needs.
 */
public interface SimulationSink extends AutoCloseable {
  /** A record bound for a Kinesis stream, in arrival order. */
  default void accept(StreamRecord record) {}

  /** A post-call transcript file (Contact Lens or Transcribe Call Analytics). */
  default void accept(TranscriptFile file) {}

  /** Per queue per minute counters, emitted at the end of each simulated minute. */
  default void queueMinute(GroundTruth.QueueMinute row) {}

  /** The fate of one contact, emitted when the contact is finished (or at the end of the run). */
  default void contactOutcome(GroundTruth.ContactOutcome row) {}

  /** QA labels of an answered contact's conversation. */
  default void qaLabels(GroundTruth.QaLabelRow row) {}

  /** One residual PII planting in a transcript. */
  default void piiPlanting(GroundTruth.PiiRow row) {}

  /** A contact event that was generated but never delivered (event loss). */
  default void lostEvent(GroundTruth.LostEvent row) {}

  /** A scripted scenario event as it actually happened (drop-offs, bursts, spikes). */
  default void scenarioEvent(GroundTruth.ScenarioMarker row) {}

  /** Flushes and releases what the sink holds; the default does nothing. */
  @Override
  default void close() throws java.io.IOException {}
}
