package com.cci.streaming.config;

import com.cci.streaming.functions.conversation.ConversationRulesConfig;
import com.cci.streaming.functions.queue.QueueRulesConfig;
import com.cci.streaming.io.kinesis.KinesisConfig;
import java.io.Serializable;

/**
 * The whole job's configuration, typed and validated at start-up: Kinesis streams, event-time
 * settings, parse checks, job settings (checkpointing, restarts, parallelism), the rule
 * configurations of the queue and conversation pipelines and the rules' evaluation order. {@link
 * #from(PropertyGroups)} fails fast with a {@link ConfigException} naming the group and key of the
 * first bad value.
 *
 * <p>The Kinesis group is read lazily ({@link #kinesis()}): replay mode needs no Kinesis settings.
 */
public final class JobConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  private final PropertyGroups properties;
  private final JobSettings job;
  private final WatermarkSettings watermarks;
  private final ParseSettings parse;
  private final QueueRulesConfig queueRules;
  private final ConversationRulesConfig conversationRules;
  private final EvaluationOrder evaluationOrder;

  private JobConfig(
      PropertyGroups properties,
      JobSettings job,
      WatermarkSettings watermarks,
      ParseSettings parse,
      QueueRulesConfig queueRules,
      ConversationRulesConfig conversationRules,
      EvaluationOrder evaluationOrder) {
    this.properties = properties;
    this.job = job;
    this.watermarks = watermarks;
    this.parse = parse;
    this.queueRules = queueRules;
    this.conversationRules = conversationRules;
    this.evaluationOrder = evaluationOrder;
  }

  /** Reads and validates everything but the Kinesis group. */
  public static JobConfig from(PropertyGroups p) {
    return new JobConfig(
        p,
        JobSettings.from(p),
        WatermarkSettings.from(p),
        ParseSettings.from(p),
        QueueRulesConfig.from(p),
        ConversationRulesConfig.from(p),
        EvaluationOrder.from(p));
  }

  /** Like {@link #from} and also validates the Kinesis group (the Kinesis mode of the job). */
  public static JobConfig forKinesis(PropertyGroups p) {
    JobConfig c = from(p);
    c.kinesis();
    return c;
  }

  /** The raw property groups this was read from. */
  public PropertyGroups properties() {
    return properties;
  }

  /** Kinesis streams, region, endpoint, credentials and sink buffering (validated on each call). */
  public KinesisConfig kinesis() {
    return KinesisConfig.from(properties);
  }

  public JobSettings job() {
    return job;
  }

  public WatermarkSettings watermarks() {
    return watermarks;
  }

  public ParseSettings parse() {
    return parse;
  }

  public QueueRulesConfig queueRules() {
    return queueRules;
  }

  public ConversationRulesConfig conversationRules() {
    return conversationRules;
  }

  /**
   * Group {@code rules} key {@code evaluation-order}: whether the live queue and bot rules run on
   * arrival (default) or in event-time order (reproducible, later); see {@link EvaluationOrder}.
   */
  public EvaluationOrder evaluationOrder() {
    return evaluationOrder;
  }
}
