package com.cci.streaming.bench;

import com.cci.streaming.AlarmWorkflow;
import com.cci.streaming.records.AlarmEvent;
import com.cci.streaming.records.DeadLetter;
import com.cci.streaming.records.QueueMetrics;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/** The benchmark job's own operators (named classes, as in the job). */
final class BenchFunctions {
  private BenchFunctions() {}

  /** Index → the serialized record of one input stream (what the Kinesis source would emit). */
  static final class Lookup implements MapFunction<Long, String> {
    private static final long serialVersionUID = 1L;
    private final int stream;

    Lookup(int stream) {
      this.stream = stream;
    }

    @Override
    public String map(Long i) {
      BenchData.markFirst();
      return BenchData.json[stream][i.intValue()];
    }
  }

  /** Counts what reaches the sinks (a sanity check on the run), passes it on. */
  static final class Count<T> implements MapFunction<T, T> {
    private static final long serialVersionUID = 1L;
    private final int slot;

    Count(int slot) {
      this.slot = slot;
    }

    @Override
    public T map(T v) {
      COUNTS[slot].incrementAndGet();
      return v;
    }
  }

  static final int ALARMS = 0;
  static final int METRICS = 1;
  static final int DEAD_LETTERS = 2;
  static final AtomicLong[] COUNTS = {new AtomicLong(), new AtomicLong(), new AtomicLong()};

  /** Alarms per rule and state (RAISED/CLEARED), to compare runs. */
  static final java.util.concurrent.ConcurrentHashMap<String, AtomicLong> ALARMS_BY_RULE =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Counts alarms per rule and state, passes them on. */
  static final class CountByRule implements MapFunction<AlarmEvent, AlarmEvent> {
    private static final long serialVersionUID = 1L;

    @Override
    public AlarmEvent map(AlarmEvent a) {
      ALARMS_BY_RULE
          .computeIfAbsent(a.rule + " " + a.state, k -> new AtomicLong())
          .incrementAndGet();
      return a;
    }
  }

  /** Dead letters per source stream and reason (contact ids masked), to see why a run had any. */
  static final java.util.concurrent.ConcurrentHashMap<String, AtomicLong> DEAD_BY_REASON =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** The first few dead-letter reasons of a run, unmasked (contact ids, times). */
  static final java.util.List<String> DEAD_SAMPLES =
      java.util.Collections.synchronizedList(new java.util.ArrayList<>());

  /** Counts dead letters per stream and reason, passes them on. */
  static final class CountByReason implements MapFunction<DeadLetter, DeadLetter> {
    private static final long serialVersionUID = 1L;
    private static final java.util.regex.Pattern ID =
        java.util.regex.Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private static final java.util.regex.Pattern TIME =
        java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z");

    @Override
    public DeadLetter map(DeadLetter d) {
      if (DEAD_SAMPLES.size() < 5) {
        DEAD_SAMPLES.add(d.sourceStream + ": " + d.reason);
      }
      String reason =
          TIME.matcher(ID.matcher(String.valueOf(d.reason)).replaceAll("<id>")).replaceAll("<t>");
      DEAD_BY_REASON
          .computeIfAbsent(d.sourceStream + ": " + reason, k -> new AtomicLong())
          .incrementAndGet();
      return d;
    }
  }

  /** Every output counted, then discarded. */
  static final class DiscardingSinks implements AlarmWorkflow.SinkApplier {
    @Override
    public void apply(
        DataStream<AlarmEvent> alarms,
        DataStream<QueueMetrics> queueMetrics,
        DataStream<DeadLetter> deadLetters) {
      alarms
          .map(new Count<AlarmEvent>(ALARMS))
          .name("count alarms")
          .uid("bench-count-alarms")
          .map(new CountByRule())
          .name("count alarms by rule")
          .uid("bench-count-alarms-by-rule")
          .sinkTo(new DiscardingSink<>())
          .name("discard alarms")
          .uid("bench-discard-alarms");
      queueMetrics
          .map(new Count<QueueMetrics>(METRICS))
          .name("count queue metrics")
          .uid("bench-count-metrics")
          .sinkTo(new DiscardingSink<>())
          .name("discard queue metrics")
          .uid("bench-discard-metrics");
      deadLetters
          .map(new Count<DeadLetter>(DEAD_LETTERS))
          .name("count dead letters")
          .uid("bench-count-dead-letters")
          .map(new CountByReason())
          .name("count dead letters by reason")
          .uid("bench-count-dead-letters-by-reason")
          .sinkTo(new DiscardingSink<>())
          .name("discard dead letters")
          .uid("bench-discard-dead-letters");
    }
  }
}
