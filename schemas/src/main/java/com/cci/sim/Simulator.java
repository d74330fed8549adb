package com.cci.sim;

import com.cci.kinesis.StreamRecord;
import com.cci.kinesis.Streams;
import com.cci.sim.content.ContentRenderer;
import com.cci.sim.content.ConversationGenerator;
import com.cci.sim.content.TranscriptFile;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Deterministic simulation of the bank's Amazon Connect contact center. Same scenario, options and
 * content implementations give the same records, files and ground truth, in the same order.
 *
 * <p>Two ways to consume a run: {@link #run(SimulationSink)} pushes everything into a sink; {@link
 * #records(SimulationSink)} pulls stream records in arrival order (for a Kinesis player), sending
 * transcript files and ground truth to a side sink. Memory stays bounded in both.
 */
public final class Simulator {
  private final Scenario scenario;
  private final SimulationOptions options;
  private final ConversationGenerator generator;
  private final ContentRenderer renderer;

  public Simulator(
      Scenario scenario,
      SimulationOptions options,
      ConversationGenerator generator,
      ContentRenderer renderer) {
    this.scenario = Objects.requireNonNull(scenario, "scenario").validate();
    this.options = Objects.requireNonNull(options, "options");
    this.generator = Objects.requireNonNull(generator, "generator");
    this.renderer = Objects.requireNonNull(renderer, "renderer");
  }

  /** Runs the whole simulation into {@code sink} (not closed here) and returns its summary. */
  public SimulationSummary run(SimulationSink sink) {
    Counting counting = new Counting(sink);
    Engine engine = new Engine(scenario, options, generator, renderer, counting, counting::accept);
    engine.runToEnd();
    return engine.summary(counting.counts());
  }

  /**
   * Stream records in arrival order, produced lazily as the iterator is consumed. Transcript files
   * and ground truth go to {@code side} as the simulation reaches them.
   */
  public RecordIterator records(SimulationSink side) {
    return new RecordIterator(side);
  }

  /** Pull-style run: {@link #summary()} is available once {@link #hasNext()} returned false. */
  public final class RecordIterator implements Iterator<StreamRecord> {
    private final ArrayDeque<StreamRecord> ready = new ArrayDeque<>();
    private final Counting counting;
    private final Engine engine;
    private boolean done;

    private RecordIterator(SimulationSink side) {
      counting = new Counting(side == null ? new SimulationSink() {} : side);
      engine =
          new Engine(
              scenario,
              options,
              generator,
              renderer,
              counting,
              r -> {
                counting.count(r);
                ready.add(r);
              });
    }

    @Override
    public boolean hasNext() {
      while (ready.isEmpty() && !done) {
        done = !engine.step();
      }
      return !ready.isEmpty();
    }

    @Override
    public StreamRecord next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return ready.poll();
    }

    /** The run's summary; only complete after the iterator is exhausted. */
    public SimulationSummary summary() {
      return engine.summary(counting.counts());
    }
  }

  /** Counts records per stream on the way through. */
  private static final class Counting implements SimulationSink {
    private final SimulationSink delegate;
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final Map<String, long[]> fast = new java.util.HashMap<>();

    Counting(SimulationSink delegate) {
      this.delegate = delegate;
      for (String s : Streams.INPUTS) {
        counts.put(s, 0L);
      }
    }

    void count(StreamRecord r) {
      long[] n = fast.get(r.stream());
      if (n == null) {
        n = new long[1];
        fast.put(r.stream(), n);
        counts.put(r.stream(), 0L);
      }
      n[0]++;
    }

    Map<String, Long> counts() {
      Map<String, Long> out = new LinkedHashMap<>();
      counts.keySet().forEach(s -> out.put(s, fast.containsKey(s) ? fast.get(s)[0] : 0L));
      return out;
    }

    @Override
    public void accept(StreamRecord record) {
      count(record);
      delegate.accept(record);
    }

    @Override
    public void accept(TranscriptFile file) {
      delegate.accept(file);
    }

    @Override
    public void queueMinute(GroundTruth.QueueMinute row) {
      delegate.queueMinute(row);
    }

    @Override
    public void contactOutcome(GroundTruth.ContactOutcome row) {
      delegate.contactOutcome(row);
    }

    @Override
    public void qaLabels(GroundTruth.QaLabelRow row) {
      delegate.qaLabels(row);
    }

    @Override
    public void piiPlanting(GroundTruth.PiiRow row) {
      delegate.piiPlanting(row);
    }

    @Override
    public void lostEvent(GroundTruth.LostEvent row) {
      delegate.lostEvent(row);
    }

    @Override
    public void scenarioEvent(GroundTruth.ScenarioMarker row) {
      delegate.scenarioEvent(row);
    }
  }
}
