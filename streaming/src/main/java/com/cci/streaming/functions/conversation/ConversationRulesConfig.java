package com.cci.streaming.functions.conversation;

import com.cci.streaming.config.PropertyGroups;
import java.io.Serializable;

/**
 * PLACEHOLDER owned by s-conversation (groups {@code rules.conversation}, {@code rules.bot});
 * s-platform composes it in {@code JobConfig}. Replaced by the s-conversation version on merge.
 */
public final class ConversationRulesConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  private ConversationRulesConfig() {}

  public static ConversationRulesConfig from(PropertyGroups p) {
    return new ConversationRulesConfig();
  }
}
