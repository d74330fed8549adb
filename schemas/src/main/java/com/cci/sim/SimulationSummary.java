package com.cci.sim;

import java.util.Locale;
import java.util.Map;

/**
 * What a run produced, from the simulation's own counters.
 *
 * @param customerContacts organic inbound contacts (capped by {@code --contacts})
 * @param derivedContacts transfer and callback contacts created by the simulation
 * @param attackerCalls PIN-guessing calls injected by the scenario
 * @param queues per queue totals, in scenario order
 * @param records records per stream, in stream order
 * @param clampedArrivals renderer records whose arrival had to be moved to the clock (should be 0)
 * @param bufferHighWater most records held at once by the reorder buffer
 */
public record SimulationSummary(
    String scenario,
    long seed,
    String tenantId,
    String simulatedStart,
    String simulatedEnd,
    long customerContacts,
    long derivedContacts,
    long attackerCalls,
    long selfServed,
    long closed,
    long callbacks,
    long transfers,
    Map<String, QueueTotals> queues,
    Map<String, Long> records,
    long transcriptFiles,
    long lostEvents,
    long duplicateCtrs,
    long lateCtrs,
    long clampedArrivals,
    int bufferHighWater,
    int agents) {

  /** Totals for one queue over the whole run. */
  public record QueueTotals(
      long offered,
      long answered,
      long abandoned,
      long stillWaiting,
      long closed,
      long answeredWithin30s) {}

  /** Human-readable multi-line summary. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "scenario %s, seed %d, tenant %s, simulated %s .. %s, %d agents%n",
            scenario,
            seed,
            tenantId,
            simulatedStart,
            simulatedEnd,
            agents));
    sb.append(
        String.format(
            Locale.ROOT,
            "contacts: %d customer, %d transfer/callback, %d PIN-guessing; self-served %d,"
                + " closed %d, callbacks %d, transfers %d%n",
            customerContacts,
            derivedContacts,
            attackerCalls,
            selfServed,
            closed,
            callbacks,
            transfers));
    sb.append(
        String.format(
            Locale.ROOT,
            "%-10s %8s %8s %9s %8s %7s %9s%n",
            "queue",
            "offered",
            "answered",
            "abandoned",
            "waiting",
            "closed",
            "SL30s"));
    queues.forEach(
        (q, t) ->
            sb.append(
                String.format(
                    Locale.ROOT,
                    "%-10s %8d %8d %9d %8d %7d %8.1f%%%n",
                    q,
                    t.offered(),
                    t.answered(),
                    t.abandoned(),
                    t.stillWaiting(),
                    t.closed(),
                    t.answered() == 0 ? 0.0 : 100.0 * t.answeredWithin30s() / t.answered())));
    sb.append("records:");
    records.forEach((s, n) -> sb.append(' ').append(s).append('=').append(n));
    sb.append(
        String.format(
            Locale.ROOT,
            "%ntranscript files %d, lost contact events %d, duplicate CTRs %d, late CTRs %d%n",
            transcriptFiles,
            lostEvents,
            duplicateCtrs,
            lateCtrs));
    return sb.toString();
  }
}
