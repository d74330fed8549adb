package com.cci.streaming.functions.bot;

import com.cci.streaming.functions.conversation.ConversationPipeline;
import com.cci.streaming.records.FulfillmentRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.ListTypeInfo;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Puts the bot fulfillment records in event-time order for the bot rules ({@link
 * BotWindowRuleFunction}) when the job runs in event-time order (replays, {@code rules} {@code
 * evaluation-order=event-time}): records are buffered per event-time second and released when the
 * watermark passes the end of their second, sorted by {@link #ORDER} (event time, then event id and
 * the other fields, so equal times have one order too). Downstream, the bot rules then see one
 * sequence of records whatever the arrival order, the parallelism or a restore, and with {@link
 * BotWindowRuleFunction}'s catch-up of window expiries the same alarms.
 *
 * <p>Keyed by {@link com.cci.schemas.alarm.AlarmIds#GLOBAL_SCOPE} like the bot rules (one key, one
 * subtask: its output reaches the rules' single key on one channel, in order). A record whose
 * second the watermark has already passed (later than the fulfillment stream's out-of-orderness
 * bound) is passed on at once and counted in {@code lateRecords}: late data by the bound's
 * definition, the one case whose place in the sequence can depend on timing. The buffer holds one
 * watermark delay of traffic; state and timers drain as the watermark moves on (at end of input,
 * all of it).
 */
public class FulfillmentEventTimeOrder
    extends KeyedProcessFunction<String, FulfillmentRecord, FulfillmentRecord> {
  private static final long serialVersionUID = 1L;

  /** Savepoint uid of the operator {@link #define} adds. */
  public static final String UID = "bot-event-time-order";

  /** The release order: event time, then the record's fields (nulls first). */
  public static final Comparator<FulfillmentRecord> ORDER =
      Comparator.comparingLong((FulfillmentRecord r) -> r.eventTimeMs)
          .thenComparing(r -> r.eventId, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(r -> r.contactId, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(r -> r.outcome, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(r -> r.authResult, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(r -> r.errorClass, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(r -> r.intent, Comparator.nullsFirst(Comparator.naturalOrder()));

  private transient MapState<Long, List<FulfillmentRecord>> pending;
  private transient Counter lateRecords;

  /**
   * The fulfillment stream in event-time order: keyed by the global scope through this function
   * (name and uid {@value #UID}). The input must carry event-time watermarks.
   */
  public static DataStream<FulfillmentRecord> define(DataStream<FulfillmentRecord> fulfillment) {
    return fulfillment
        .keyBy(new ConversationPipeline.GlobalKey())
        .process(new FulfillmentEventTimeOrder())
        .returns(TypeInformation.of(FulfillmentRecord.class))
        .name("bot rules: fulfillment in event-time order")
        .uid(UID);
  }

  @Override
  public void open(OpenContext ctx) {
    pending =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "pending",
                    Types.LONG,
                    new ListTypeInfo<>(TypeInformation.of(FulfillmentRecord.class))));
    lateRecords = getRuntimeContext().getMetricGroup().counter("lateRecords");
  }

  /** The instant the records of second {@code sec} are released: the second's last millisecond. */
  static long releaseAt(long sec) {
    return sec * 1000 + 999;
  }

  @Override
  public void processElement(FulfillmentRecord r, Context ctx, Collector<FulfillmentRecord> out)
      throws Exception {
    long sec = Math.floorDiv(r.eventTimeMs, 1000);
    long at = releaseAt(sec);
    if (at <= ctx.timerService().currentWatermark()) {
      lateRecords.inc();
      out.collect(r);
      return;
    }
    List<FulfillmentRecord> bucket = pending.get(sec);
    if (bucket == null) {
      bucket = new ArrayList<>();
      ctx.timerService().registerEventTimeTimer(at);
    }
    bucket.add(r);
    pending.put(sec, bucket);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<FulfillmentRecord> out)
      throws Exception {
    long sec = Math.floorDiv(timestamp, 1000);
    List<FulfillmentRecord> bucket = pending.get(sec);
    if (bucket == null) {
      return;
    }
    pending.remove(sec);
    List<FulfillmentRecord> sorted = new ArrayList<>(bucket);
    sorted.sort(ORDER);
    for (FulfillmentRecord r : sorted) {
      out.collect(r);
    }
    if (pending.isEmpty()) {
      pending.clear(); // removal can leave an empty map behind in the heap backend
    }
  }
}
