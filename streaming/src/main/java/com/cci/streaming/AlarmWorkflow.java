package com.cci.streaming;

import com.cci.kinesis.Streams;
import com.cci.streaming.config.EvaluationOrder;
import com.cci.streaming.config.JobConfig;
import com.cci.streaming.config.ParseSettings;
import com.cci.streaming.config.WatermarkSettings;
import com.cci.streaming.functions.bot.FulfillmentEventTimeOrder;
import com.cci.streaming.functions.conversation.ConversationPipeline;
import com.cci.streaming.functions.conversation.SegmentTimeMarks;
import com.cci.streaming.functions.queue.QueueOutputs;
import com.cci.streaming.functions.queue.QueuePipeline;
import com.cci.streaming.functions.queue.QueueRulesConfig;
import com.cci.streaming.parse.ContactEventParser;
import com.cci.streaming.parse.CtrParser;
import com.cci.streaming.parse.DeadLetters;
import com.cci.streaming.parse.EventTimes;
import com.cci.streaming.parse.FulfillmentParser;
import com.cci.streaming.parse.ParseFunction;
import com.cci.streaming.parse.RecordParser;
import com.cci.streaming.parse.RecordTimestamps;
import com.cci.streaming.parse.SegmentClock;
import com.cci.streaming.parse.SegmentParser;
import com.cci.streaming.records.AlarmEvent;
import com.cci.streaming.records.ContactEventRecord;
import com.cci.streaming.records.CtrRecord;
import com.cci.streaming.records.DeadLetter;
import com.cci.streaming.records.FulfillmentRecord;
import com.cci.streaming.records.QueueMetrics;
import com.cci.streaming.records.SegmentAnchor;
import com.cci.streaming.records.SegmentRecord;
import com.cci.streaming.records.SegmentRecordTypeInfo;
import java.util.Objects;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;

/**
 * The job graph, independent of where records come from and go to (Kinesis, or files in replay
 * mode):
 *
 * <pre>
 * raw JSON per input ─► parse (dead letters to a side output) ─► event time + watermarks
 *   contact events + CTRs ───────────────► QueuePipeline ─► queue alarms, queue metrics
 *   segments (timed by SegmentClock from contact events + CTRs) + fulfillment ─► ConversationPipeline ─► conversation alarms
 * alarms (union), queue metrics, dead letters (union) ─► sinks
 * </pre>
 *
 * Every operator has a name and a uid (uids are the savepoint contract: do not change them). The
 * graph uses POJO serializers, except the segments' shuffle into the segment clock ({@link
 * SegmentRecordTypeInfo}, a hand-written serializer for that network edge only, decision 0011);
 * {@code disableGenericTypes()} is set so a Kryo fallback fails at graph-build time.
 */
public final class AlarmWorkflow {
  private AlarmWorkflow() {}

  /**
   * One raw-JSON stream per input (logical names of {@link Streams#INPUTS}).
   *
   * @param bounded the inputs end (a replay over files): event time alone drives the job (queue
   *     transitions and bot records in event-time order, no processing-time QUEUE_WAIT fallback,
   *     whatever {@code evaluation-order} says) and the run is reproducible
   */
  public record Inputs(
      DataStream<String> ctr,
      DataStream<String> contactEvents,
      DataStream<String> contactLens,
      DataStream<String> fulfillment,
      boolean bounded) {
    public Inputs {
      Objects.requireNonNull(ctr, "ctr");
      Objects.requireNonNull(contactEvents, "contactEvents");
      Objects.requireNonNull(contactLens, "contactLens");
      Objects.requireNonNull(fulfillment, "fulfillment");
    }

    /** Unbounded inputs (Kinesis). */
    public Inputs(
        DataStream<String> ctr,
        DataStream<String> contactEvents,
        DataStream<String> contactLens,
        DataStream<String> fulfillment) {
      this(ctr, contactEvents, contactLens, fulfillment, false);
    }
  }

  /** Attaches the job's outputs to sinks (Kinesis streams, or files in replay mode). */
  public interface SinkApplier {
    void apply(
        DataStream<AlarmEvent> alarms,
        DataStream<QueueMetrics> queueMetrics,
        DataStream<DeadLetter> deadLetters);
  }

  /** What the graph produces (also handed to the {@link SinkApplier}). */
  public record Outputs(
      DataStream<AlarmEvent> alarms,
      DataStream<QueueMetrics> queueMetrics,
      DataStream<DeadLetter> deadLetters) {}

  /** Builds the graph on {@code env} and attaches the sinks. */
  public static Outputs define(
      StreamExecutionEnvironment env, Inputs in, JobConfig cfg, SinkApplier sinks) {
    env.getConfig().disableGenericTypes();
    // Object reuse: chained operators hand records on without a serializer copy (P1: the copies
    // were a tenth of the CPU). Safe for this graph because no function keeps or mutates a record
    // it has emitted, nor mutates its input: the only in-place change is SegmentClock setting a
    // segment's eventTimeMs, on the record it received from the network (always a fresh object:
    // network inputs never reuse) before emitting it; records kept in heap state (SegmentClock's
    // waiting segments, queued transitions, episodes) come from network inputs or are created by
    // the function; sinks convert on write (Kinesis ElementConverter, file lines). Where one
    // operator feeds a network and a chained consumer, Flink serializes to the network first.
    env.getConfig().enableObjectReuse();
    ParseSettings ps = cfg.parse();
    WatermarkSettings wm = cfg.watermarks();

    SingleOutputStreamOperator<CtrRecord> ctrParsed =
        parse(in.ctr(), new CtrParser(ps), ps, CtrRecord.class);
    SingleOutputStreamOperator<ContactEventRecord> eventsParsed =
        parse(in.contactEvents(), new ContactEventParser(ps), ps, ContactEventRecord.class);
    SingleOutputStreamOperator<SegmentRecord> segmentsParsed =
        parse(in.contactLens(), new SegmentParser(ps), ps, SegmentRecord.class);
    SingleOutputStreamOperator<FulfillmentRecord> fulfillmentParsed =
        parse(in.fulfillment(), new FulfillmentParser(ps), ps, FulfillmentRecord.class);

    DataStream<CtrRecord> ctrs =
        ctrParsed
            .assignTimestampsAndWatermarks(EventTimes.ctr(wm, Streams.CTR))
            .name("event-time ctr")
            .uid("event-time-ctr");
    DataStream<ContactEventRecord> events =
        eventsParsed
            .assignTimestampsAndWatermarks(EventTimes.contactEvents(wm, Streams.CONTACT_EVENTS))
            .name("event-time contact-events")
            .uid("event-time-contact-events");
    DataStream<SegmentRecord> untimedSegments =
        segmentsParsed
            .assignTimestampsAndWatermarks(EventTimes.segments(wm, Streams.CONTACT_LENS))
            .name("event-time contact-lens")
            .uid("event-time-contact-lens")
            // Records no rule reads beyond their time cross the shuffle as time marks (counted
            // in the segment clock): about half of all segments, with their turns left out.
            .map(new SegmentTimeMarks())
            // the shuffle into the segment clock uses the hand-written network serializer
            // (decision 0011); the clock's state keeps the POJO serializer
            .returns(SegmentRecordTypeInfo.INSTANCE)
            .name("segment time marks")
            .uid("segment-time-marks");
    DataStream<FulfillmentRecord> fulfillment =
        fulfillmentParsed
            .assignTimestampsAndWatermarks(EventTimes.fulfillment(wm, Streams.FULFILLMENT))
            .name("event-time fulfillment")
            .uid("event-time-fulfillment");

    // Voice segments are timed from the agent-connect time: from the contact events and, when
    // those were lost, from the CTR (see SegmentClock).
    DataStream<SegmentAnchor> anchors =
        events
            .flatMap(new AnchorFromContactEvent())
            .name("segment anchors from contact events")
            .uid("segment-anchors")
            .union(
                ctrs.map(new AnchorFromCtr())
                    .name("segment anchors from CTRs")
                    .uid("segment-anchors-ctr"));
    SingleOutputStreamOperator<SegmentRecord> clocked =
        anchors
            .keyBy(new AnchorContact())
            .connect(untimedSegments.keyBy(new SegmentContact()))
            .process(new SegmentClock(ps.segmentAnchorWaitMs, ps.deadLetterMaxPayloadChars))
            .returns(TypeInformation.of(SegmentRecord.class))
            .name("segment clock")
            .uid("segment-clock");
    DataStream<SegmentRecord> segments =
        clocked
            .transform(
                "segment timestamps",
                TypeInformation.of(SegmentRecord.class),
                new RecordTimestamps<>(new EventTimes.SegmentEventTime()))
            .uid("segment-timestamps");

    QueueOutputs queue = QueuePipeline.define(events, ctrs, queueRules(in, cfg));
    // The segment clock's output is partitioned by contact id already (it is keyed by it and
    // emits only records of the current key), so the conversation rules, keyed by contact id
    // too, read it without another shuffle (chained: no serialization of every segment).
    DataStream<AlarmEvent> conversationAlarms =
        ConversationPipeline.define(
            DataStreamUtils.reinterpretAsKeyedStream(
                segments, new ConversationPipeline.ContactKey(), Types.STRING),
            eventTimeOrder(in, cfg) ? FulfillmentEventTimeOrder.define(fulfillment) : fulfillment,
            cfg.conversationRules());

    DataStream<AlarmEvent> alarms = queue.alarms().union(conversationAlarms);
    DataStream<DeadLetter> deadLetters =
        ctrParsed
            .getSideOutput(DeadLetters.TAG)
            .union(
                eventsParsed.getSideOutput(DeadLetters.TAG),
                segmentsParsed.getSideOutput(DeadLetters.TAG),
                fulfillmentParsed.getSideOutput(DeadLetters.TAG),
                clocked.getSideOutput(DeadLetters.TAG));
    sinks.apply(alarms, queue.metrics(), deadLetters);
    return new Outputs(alarms, queue.metrics(), deadLetters);
  }

  /**
   * Whether the queue and bot rules run in event-time order: on bounded inputs (replays) always,
   * live when {@code rules} {@code evaluation-order=event-time} ({@link EvaluationOrder}). Then the
   * bot rules read the fulfillment records through {@link FulfillmentEventTimeOrder} and the queue
   * rules use {@link QueueRulesConfig#inEventTimeOrder()}: the output depends on the input only,
   * not on parallelism, how fast or in which interleaving the inputs are read, or a restore.
   */
  static boolean eventTimeOrder(Inputs in, JobConfig cfg) {
    return in.bounded() || cfg.evaluationOrder() == EvaluationOrder.EVENT_TIME;
  }

  /**
   * The queue rules for these inputs: in event-time order ({@link #eventTimeOrder}) {@link
   * QueueRulesConfig#inEventTimeOrder()} — transitions applied in event-time order and no
   * processing-time QUEUE_WAIT fallback ({@code wait.fallback.seconds} = 0).
   */
  static QueueRulesConfig queueRules(Inputs in, JobConfig cfg) {
    return eventTimeOrder(in, cfg) ? cfg.queueRules().inEventTimeOrder() : cfg.queueRules();
  }

  private static <T> SingleOutputStreamOperator<T> parse(
      DataStream<String> raw, RecordParser<T> parser, ParseSettings ps, Class<T> type) {
    return raw.process(new ParseFunction<>(parser, ps.deadLetterMaxPayloadChars))
        .returns(TypeInformation.of(type))
        .name("parse " + parser.stream())
        .uid("parse-" + parser.stream());
  }

  /**
   * Contact events that tell {@link SegmentClock} something: the connected-to-agent time, or when
   * the contact started (INITIATED, QUEUED).
   */
  public static final class AnchorFromContactEvent
      implements FlatMapFunction<ContactEventRecord, SegmentAnchor> {
    private static final long serialVersionUID = 1L;

    @Override
    public void flatMap(ContactEventRecord e, Collector<SegmentAnchor> out) {
      if (e.connectedToAgentMs != null
          || "INITIATED".equals(e.eventType)
          || "QUEUED".equals(e.eventType)) {
        out.collect(SegmentAnchor.of(e));
      }
    }
  }

  /** Every CTR: its agent-connect time, or the news that the contact never reached an agent. */
  public static final class AnchorFromCtr implements MapFunction<CtrRecord, SegmentAnchor> {
    private static final long serialVersionUID = 1L;

    @Override
    public SegmentAnchor map(CtrRecord c) {
      return SegmentAnchor.of(c);
    }
  }

  /** Key: contact id of a segment anchor. */
  public static final class AnchorContact implements KeySelector<SegmentAnchor, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String getKey(SegmentAnchor a) {
      return a.contactId;
    }
  }

  /** Key: contact id of a segment. */
  public static final class SegmentContact implements KeySelector<SegmentRecord, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String getKey(SegmentRecord s) {
      return s.contactId;
    }
  }
}
