package com.cci.streaming.functions.queue;

import com.cci.streaming.config.PropertyGroups;
import java.io.Serializable;

/**
 * PLACEHOLDER owned by s-queues (groups {@code queues.defaults}, {@code queue.<Name>}, {@code
 * calendar}); s-platform composes it in {@code JobConfig}. Replaced by the s-queues version on
 * merge.
 */
public final class QueueRulesConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  private QueueRulesConfig() {}

  public static QueueRulesConfig from(PropertyGroups p) {
    return new QueueRulesConfig();
  }
}
