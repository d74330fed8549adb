package com.cci.batch.scoring;

import java.util.List;
import java.util.Locale;

/**
 * Builds a {@link Scorer} by its {@code --scorer} name. Static and driven by the serializable
 * {@link ScorerConfig}, so Spark executors can build their own scorer ({@code mapPartitions}) from
 * what the driver shipped; the caller closes the scorer it created.
 */
public final class ScorerFactory {
  private ScorerFactory() {}

  /** The names {@link #create} accepts. */
  public static final List<String> NAMES = List.of("rules", "bedrock", "bedrock-batch");

  /**
   * A new scorer.
   *
   * @param name {@code rules}, {@code bedrock} or {@code bedrock-batch} (case-insensitive)
   * @param cfg endpoints, limits and batch settings (ignored by {@code rules})
   * @throws IllegalArgumentException for an unknown name or a null config
   */
  public static Scorer create(String name, ScorerConfig cfg) {
    if (name == null) {
      throw new IllegalArgumentException("scorer name is required: one of " + NAMES);
    }
    String n = name.trim().toLowerCase(Locale.ROOT);
    if (!n.equals("rules") && cfg == null) {
      throw new IllegalArgumentException("scorer '" + n + "' needs a ScorerConfig");
    }
    return switch (n) {
      case "rules" -> new RulesScorer();
      case "bedrock" -> new BedrockScorer(cfg);
      case "bedrock-batch" -> new BedrockBatchScorer(cfg);
      default ->
          throw new IllegalArgumentException("unknown scorer '" + name + "': use one of " + NAMES);
    };
  }
}
