package com.cci.batch;

import java.util.Locale;

/**
 * The job's books: every input file ends scored, quarantined or skipped, and the totals must agree
 * ({@link #check()}).
 *
 * @param inputs transcript files found for the date
 * @param scored calls scored in this run
 * @param quarantined inputs quarantined in this run (unreadable, unparseable, no tenant
 *     configuration, or the scorer gave up)
 * @param skippedAlreadyScored calls already scored with the same form version and model
 * @param skippedDuplicates second copies of a call (the raw file when a redacted one exists)
 * @param inputTokens model input tokens of the calls scored in this run
 * @param outputTokens model output tokens
 * @param costUsd estimated cost of this run's model calls
 * @param modelCalls model calls made (retries and re-asks included)
 */
public record Accounting(
    long inputs,
    long scored,
    long quarantined,
    long skippedAlreadyScored,
    long skippedDuplicates,
    long inputTokens,
    long outputTokens,
    double costUsd,
    long modelCalls) {

  public long skipped() {
    return skippedAlreadyScored + skippedDuplicates;
  }

  /** True when {@code inputs = scored + quarantined + skipped}. */
  public boolean balanced() {
    return inputs == scored + quarantined + skipped();
  }

  /**
   * Asserts the books balance.
   *
   * @throws IllegalStateException naming the difference when they do not
   */
  public Accounting check() {
    if (!balanced()) {
      throw new IllegalStateException(
          "accounting does not balance: inputs "
              + inputs
              + " != scored "
              + scored
              + " + quarantined "
              + quarantined
              + " + skipped "
              + skipped()
              + " (difference "
              + (inputs - scored - quarantined - skipped())
              + ")");
    }
    return this;
  }

  /** The lines the job prints at the end. */
  public String report() {
    return String.format(
        Locale.ROOT,
        "inputs %d = scored %d + quarantined %d + skipped %d (already scored %d, duplicates %d): %s%n"
            + "model calls %d, tokens in %d, out %d, estimated cost $%.4f (%s per scored call)",
        inputs,
        scored,
        quarantined,
        skipped(),
        skippedAlreadyScored,
        skippedDuplicates,
        balanced() ? "balanced" : "NOT BALANCED",
        modelCalls,
        inputTokens,
        outputTokens,
        costUsd,
        scored == 0 ? "n/a" : String.format(Locale.ROOT, "$%.6f", costUsd / scored));
  }
}
