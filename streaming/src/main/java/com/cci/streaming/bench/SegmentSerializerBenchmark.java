package com.cci.streaming.bench;

import com.cci.kinesis.StreamRecord;
import com.cci.kinesis.Streams;
import com.cci.sim.Scenario;
import com.cci.sim.SimulationOptions;
import com.cci.sim.Simulator;
import com.cci.sim.SimulatorContent;
import com.cci.streaming.AlarmWorkflow;
import com.cci.streaming.config.ParseSettings;
import com.cci.streaming.functions.conversation.SegmentTimeMarks;
import com.cci.streaming.parse.ContactEventParser;
import com.cci.streaming.parse.CtrParser;
import com.cci.streaming.parse.RejectedRecordException;
import com.cci.streaming.parse.SegmentParser;
import com.cci.streaming.records.ContactEventRecord;
import com.cci.streaming.records.SegmentAnchor;
import com.cci.streaming.records.SegmentRecord;
import com.cci.streaming.records.SegmentRecordSerializer;
import java.io.IOException;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.util.Collector;

/**
 * In-JVM comparison (not JMH) of the network serializers of the segment clock's inputs: Flink's
 * {@code PojoSerializer} and the hand-written {@link SegmentRecordSerializer} for the segment
 * records, as the job sends them (a simulated day parsed by {@link SegmentParser}, then {@link
 * SegmentTimeMarks}); and the {@code PojoSerializer} of the {@link SegmentAnchor}s (from the
 * contact events and CTRs), to size what a hand-written one could save there. Each pass serializes
 * all records into one buffer, then reads them all back; the serializers alternate pass by pass so
 * both see the same machine load. Prints ns per record (serialize, deserialize, both; median over
 * the measured passes), bytes per record and the ratio; the last line is one JSON object.
 *
 * <pre>
 * java -cp streaming/target/classes:$(cat streaming/target/classpath.txt) \
 *   com.cci.streaming.bench.SegmentSerializerBenchmark [--passes 30] [--hours 1] [--scenario normal-day]
 * </pre>
 */
public final class SegmentSerializerBenchmark {
  private SegmentSerializerBenchmark() {}

  /** What the job sends to the segment clock from a simulated period, and what was rejected. */
  public record SentRecords(
      List<SegmentRecord> segments, List<SegmentAnchor> anchors, int rejected) {}

  /**
   * Simulates {@code hours} of {@code scenario} from 10:00 with {@code seed} and returns the
   * segment records after parse and time marks, and the segment anchors from the contact events and
   * CTRs, in arrival order (the parse "now" is each record's arrival time).
   */
  public static SentRecords asSent(String scenario, long seed, double hours) {
    ParseSettings ps = ParseSettings.defaults();
    SegmentParser segmentParser = new SegmentParser(ps);
    ContactEventParser eventParser = new ContactEventParser(ps);
    CtrParser ctrParser = new CtrParser(ps);
    SegmentTimeMarks marks = new SegmentTimeMarks();
    AlarmWorkflow.AnchorFromContactEvent fromEvent = new AlarmWorkflow.AnchorFromContactEvent();
    AlarmWorkflow.AnchorFromCtr fromCtr = new AlarmWorkflow.AnchorFromCtr();
    List<SegmentRecord> segments = new ArrayList<>();
    List<SegmentAnchor> anchors = new ArrayList<>();
    Collector<SegmentAnchor> toAnchors =
        new Collector<>() {
          @Override
          public void collect(SegmentAnchor a) {
            anchors.add(a);
          }

          @Override
          public void close() {}
        };
    int rejected = 0;
    Simulator sim =
        new Simulator(
            Scenario.load(scenario),
            SimulationOptions.seed(seed).withStartTime(LocalTime.of(10, 0)).withHours(hours),
            SimulatorContent.generator(),
            SimulatorContent.renderer());
    for (var it = sim.records(null); it.hasNext(); ) {
      StreamRecord r = it.next();
      long now = r.arrival().toEpochMilli();
      try {
        switch (r.stream()) {
          case Streams.CONTACT_LENS -> segments.add(marks.map(segmentParser.parse(r.json(), now)));
          case Streams.CONTACT_EVENTS -> {
            ContactEventRecord e = eventParser.parse(r.json(), now);
            fromEvent.flatMap(e, toAnchors);
          }
          case Streams.CTR -> anchors.add(fromCtr.map(ctrParser.parse(r.json(), now)));
          default -> {}
        }
      } catch (RejectedRecordException e) {
        rejected++;
      }
    }
    return new SentRecords(segments, anchors, rejected);
  }

  public static void main(String[] args) throws Exception {
    String scenario = "normal-day";
    double hours = 1.0;
    int passes = 30;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--scenario" -> scenario = args[++i];
        case "--hours" -> hours = Double.parseDouble(args[++i]);
        case "--passes" -> passes = Integer.parseInt(args[++i]);
        default ->
            throw new IllegalArgumentException(
                "unknown argument '" + args[i] + "' (expected --scenario, --hours, --passes)");
      }
    }
    if (passes < 4) {
      throw new IllegalArgumentException("--passes must be >= 4");
    }
    SentRecords sent = asSent(scenario, 7, hours);
    SegmentRecord[] segments = sent.segments().toArray(new SegmentRecord[0]);
    SegmentAnchor[] anchors = sent.anchors().toArray(new SegmentAnchor[0]);
    long marks = Arrays.stream(segments).filter(s -> s.timeOnly).count();
    System.out.printf(
        Locale.ROOT,
        "input: %s seed 7, %.1f h: %d segment records as sent (%d time marks), %d anchors,"
            + " %d rejected%n",
        scenario,
        hours,
        segments.length,
        marks,
        anchors.length,
        sent.rejected());

    ExecutionConfig ec = new ExecutionConfig();
    TypeSerializer<SegmentRecord> pojo =
        TypeInformation.of(SegmentRecord.class).createSerializer(ec.getSerializerConfig());
    TypeSerializer<SegmentRecord> hand = SegmentRecordSerializer.INSTANCE;
    TypeSerializer<SegmentAnchor> anchorPojo =
        TypeInformation.of(SegmentAnchor.class).createSerializer(ec.getSerializerConfig());
    System.out.println(
        "serializers: "
            + pojo.getClass().getSimpleName()
            + " vs "
            + hand.getClass().getSimpleName());

    int warm = Math.max(2, passes / 5);
    Timing p = new Timing(passes - warm);
    Timing h = new Timing(passes - warm);
    Timing a = new Timing(passes - warm);
    for (int pass = 0; pass < passes; pass++) {
      boolean measured = pass >= warm;
      // alternate which one goes first, so neither always runs right after the other
      if (pass % 2 == 0) {
        run(pojo, segments, p, measured);
        run(hand, segments, h, measured);
      } else {
        run(hand, segments, h, measured);
        run(pojo, segments, p, measured);
      }
      run(anchorPojo, anchors, a, measured);
    }
    print("PojoSerializer  SegmentRecord", p, segments.length);
    print("SegmentRecordSerializer     ", h, segments.length);
    print("PojoSerializer  SegmentAnchor", a, anchors.length);
    double ratio = h.total() / p.total();
    System.out.printf(
        Locale.ROOT,
        "hand-written / POJO (serialize + deserialize, median ns per record): %.2f (%.1fx faster);"
            + " bytes %.2f%n",
        ratio,
        1 / ratio,
        (double) h.bytes / p.bytes);
    System.out.printf(
        Locale.ROOT,
        "{\"segments\":%d,\"anchors\":%d,\"passes\":%d,\"pojoNsPerSegment\":%.1f,"
            + "\"handNsPerSegment\":%.1f,\"ratio\":%.3f,\"pojoBytesPerSegment\":%.1f,"
            + "\"handBytesPerSegment\":%.1f,\"pojoNsPerAnchor\":%.1f,\"pojoBytesPerAnchor\":%.1f}%n",
        segments.length,
        anchors.length,
        passes - warm,
        p.total() / segments.length,
        h.total() / segments.length,
        ratio,
        (double) p.bytes / segments.length,
        (double) h.bytes / segments.length,
        a.total() / anchors.length,
        (double) a.bytes / anchors.length);
  }

  /** Median ns per pass of serialize and deserialize; bytes of the last pass. */
  private static final class Timing {
    final long[] ser;
    final long[] de;
    int n;
    long bytes;
    final DataOutputSerializer out = new DataOutputSerializer(1 << 20);
    final DataInputDeserializer in = new DataInputDeserializer();
    long sink;

    Timing(int passes) {
      ser = new long[passes];
      de = new long[passes];
    }

    double median(long[] a) {
      long[] c = Arrays.copyOf(a, n);
      Arrays.sort(c);
      return c[n / 2];
    }

    double total() {
      return median(ser) + median(de);
    }
  }

  private static <T> void run(TypeSerializer<T> s, T[] records, Timing t, boolean measured)
      throws IOException {
    t.out.clear();
    long t0 = System.nanoTime();
    for (T r : records) {
      s.serialize(r, t.out);
    }
    long t1 = System.nanoTime();
    t.in.setBuffer(t.out.getSharedBuffer(), 0, t.out.length());
    T last = null;
    for (int i = 0; i < records.length; i++) {
      last = s.deserialize(t.in);
    }
    long t2 = System.nanoTime();
    if (t.in.available() != 0) {
      throw new IllegalStateException(s + " left " + t.in.available() + " bytes unread");
    }
    t.sink += System.identityHashCode(last);
    t.bytes = t.out.length();
    if (measured) {
      t.ser[t.n] = t1 - t0;
      t.de[t.n] = t2 - t1;
      t.n++;
    }
  }

  private static void print(String what, Timing t, int records) {
    System.out.printf(
        Locale.ROOT,
        "%s: serialize %6.1f ns, deserialize %6.1f ns, both %6.1f ns per record; %5.1f bytes per"
            + " record (sink %d)%n",
        what,
        t.median(t.ser) / records,
        t.median(t.de) / records,
        t.total() / records,
        (double) t.bytes / records,
        t.sink & 1);
  }
}
