package com.cci.streaming.functions.conversation;

import com.cci.schemas.alarm.AlarmIds;
import com.cci.streaming.functions.bot.AuthFailureRule;
import com.cci.streaming.functions.bot.BotWindowRuleFunction;
import com.cci.streaming.functions.bot.FulfillmentErrorRule;
import com.cci.streaming.records.AlarmEvent;
import com.cci.streaming.records.FulfillmentRecord;
import com.cci.streaming.records.SegmentRecord;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;

/**
 * The conversation and bot part of the job graph: per-contact NEGATIVE_SENTIMENT and FRAUD_CATEGORY
 * over Contact Lens segments (keyed by contactId), FULFILLMENT_ERRORS and AUTH_FAILURES over bot
 * fulfillment records (keyed by {@link AlarmIds#GLOBAL_SCOPE}: whole contact center — the queue is
 * often unknown while the caller talks to the bot, and PIN-guessing calls never reach one).
 */
public final class ConversationPipeline {
  public static final String CONVERSATION_RULES_UID = "conversation-rules";
  public static final String FULFILLMENT_ERRORS_UID = "bot-fulfillment-errors";
  public static final String AUTH_FAILURES_UID = "bot-auth-failures";

  private ConversationPipeline() {}

  /** Wires the rules; the inputs must carry event-time watermarks. */
  public static DataStream<AlarmEvent> define(
      DataStream<SegmentRecord> segments,
      DataStream<FulfillmentRecord> fulfillment,
      ConversationRulesConfig cfg) {
    return define(segments.keyBy(new ContactKey()), fulfillment, cfg);
  }

  /**
   * Wires the rules on segments already keyed by contact id — also a stream that is partitioned by
   * contact id already (the output of a keyed operator on the same key at the same parallelism,
   * {@code DataStreamUtils.reinterpretAsKeyedStream}), which the rules then read without a network
   * shuffle.
   */
  public static DataStream<AlarmEvent> define(
      KeyedStream<SegmentRecord, String> segmentsByContact,
      DataStream<FulfillmentRecord> fulfillment,
      ConversationRulesConfig cfg) {
    DataStream<AlarmEvent> conversation =
        segmentsByContact
            .process(new ConversationRulesFunction(cfg))
            .name("conversation rules (NEGATIVE_SENTIMENT, FRAUD_CATEGORY)")
            .uid(CONVERSATION_RULES_UID);
    DataStream<AlarmEvent> errors =
        fulfillment
            .keyBy(new GlobalKey())
            .process(new BotWindowRuleFunction(FulfillmentErrorRule.from(cfg)))
            .name("bot rule FULFILLMENT_ERRORS")
            .uid(FULFILLMENT_ERRORS_UID);
    DataStream<AlarmEvent> auth =
        fulfillment
            .keyBy(new GlobalKey())
            .process(new BotWindowRuleFunction(AuthFailureRule.from(cfg)))
            .name("bot rule AUTH_FAILURES")
            .uid(AUTH_FAILURES_UID);
    return conversation.union(errors, auth);
  }

  /** Keys segments by contact. */
  public static final class ContactKey implements KeySelector<SegmentRecord, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String getKey(SegmentRecord r) {
      return r.contactId;
    }
  }

  /** One key for the whole contact center. */
  public static final class GlobalKey implements KeySelector<FulfillmentRecord, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String getKey(FulfillmentRecord r) {
      return AlarmIds.GLOBAL_SCOPE;
    }
  }
}
