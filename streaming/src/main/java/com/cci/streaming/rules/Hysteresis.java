package com.cci.streaming.rules;

import java.io.Serializable;

/**
 * Raise and clear thresholds of one rule: an alarm is raised when the value crosses {@code raiseAt}
 * and cleared only when it comes back past {@code clearAt}, so a value hovering at the threshold
 * does not flap. For {@link Direction#ABOVE} rules {@code clearAt <= raiseAt}; for {@link
 * Direction#BELOW} rules (service level) {@code clearAt >= raiseAt}.
 */
public record Hysteresis(Direction direction, double raiseAt, double clearAt)
    implements Serializable {

  /** Which side of the threshold is bad. */
  public enum Direction {
    /** Breach when value &gt; raiseAt (wait, abandonment, queue size, error rate). */
    ABOVE,
    /** Breach when value &lt; raiseAt (service level). */
    BELOW
  }

  public Hysteresis {
    if (direction == null) {
      throw new IllegalArgumentException("direction is required");
    }
    if (direction == Direction.ABOVE && clearAt > raiseAt) {
      throw new IllegalArgumentException(
          "clear threshold " + clearAt + " must be <= raise threshold " + raiseAt);
    }
    if (direction == Direction.BELOW && clearAt < raiseAt) {
      throw new IllegalArgumentException(
          "clear threshold " + clearAt + " must be >= raise threshold " + raiseAt);
    }
  }

  public static Hysteresis above(double raiseAt, double clearAt) {
    return new Hysteresis(Direction.ABOVE, raiseAt, clearAt);
  }

  public static Hysteresis below(double raiseAt, double clearAt) {
    return new Hysteresis(Direction.BELOW, raiseAt, clearAt);
  }

  /** True when the value is bad enough to raise. */
  public boolean breaches(double value) {
    return direction == Direction.ABOVE ? value > raiseAt : value < raiseAt;
  }

  /** True when the value is good enough to clear an active alarm. */
  public boolean recovered(double value) {
    return direction == Direction.ABOVE ? value <= clearAt : value >= clearAt;
  }
}
