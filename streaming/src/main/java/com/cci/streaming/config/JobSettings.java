package com.cci.streaming.config;

import java.io.Serializable;
import java.time.Duration;

/**
 * Job-level settings (group {@value #GROUP}): {@code checkpoint.interval} (required), {@code
 * checkpoint.min-pause} (default 1s), {@code parallelism} (default 0 = the environment's), {@code
 * restart.strategy} ({@code fixed-delay} or {@code exponential}, default exponential), {@code
 * restart.attempts} (fixed-delay, default 10), {@code restart.delay} (fixed-delay delay, or the
 * exponential initial backoff; default 1s), {@code restart.max-delay} (exponential, default 1m),
 * {@code buffer-timeout} (default 10ms, 0..1s): the longest a network buffer waits to fill before
 * it is sent downstream ({@code env.setBufferTimeout}); Flink's default 100 ms is paid at every
 * network shuffle on the alarm path and alone breaks the 1 s alarm latency target at p99; 0 sends
 * every record at once (more CPU per record).
 */
public final class JobSettings implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String GROUP = "job";

  /** Restart strategies the job can use. */
  public enum RestartStrategy {
    FIXED_DELAY,
    EXPONENTIAL
  }

  public final Duration checkpointInterval;
  public final Duration checkpointMinPause;
  public final int parallelism;
  public final RestartStrategy restartStrategy;
  public final int restartAttempts;
  public final Duration restartDelay;
  public final Duration restartMaxDelay;
  public final Duration bufferTimeout;

  private JobSettings(
      Duration checkpointInterval,
      Duration checkpointMinPause,
      int parallelism,
      RestartStrategy restartStrategy,
      int restartAttempts,
      Duration restartDelay,
      Duration restartMaxDelay,
      Duration bufferTimeout) {
    this.checkpointInterval = checkpointInterval;
    this.checkpointMinPause = checkpointMinPause;
    this.parallelism = parallelism;
    this.restartStrategy = restartStrategy;
    this.restartAttempts = restartAttempts;
    this.restartDelay = restartDelay;
    this.restartMaxDelay = restartMaxDelay;
    this.bufferTimeout = bufferTimeout;
  }

  public static JobSettings from(PropertyGroups p) {
    Duration interval = p.duration(GROUP, "checkpoint.interval");
    if (interval.toMillis() < 100) {
      throw ConfigException.of(
          GROUP, "checkpoint.interval", "must be at least 100ms, was " + interval);
    }
    Duration pause = p.duration(GROUP, "checkpoint.min-pause", Duration.ofSeconds(1));
    if (pause.isNegative()) {
      throw ConfigException.of(GROUP, "checkpoint.min-pause", "must not be negative");
    }
    int parallelism = p.integer(GROUP, "parallelism", 0);
    PropertyGroups.checkRange(GROUP, "parallelism", parallelism, 0, 4096);
    String s = p.string(GROUP, "restart.strategy", "exponential");
    RestartStrategy rs =
        switch (s) {
          case "fixed-delay" -> RestartStrategy.FIXED_DELAY;
          case "exponential" -> RestartStrategy.EXPONENTIAL;
          default ->
              throw ConfigException.of(
                  GROUP, "restart.strategy", "must be fixed-delay or exponential, was '" + s + "'");
        };
    int attempts = p.integer(GROUP, "restart.attempts", 10);
    PropertyGroups.checkRange(GROUP, "restart.attempts", attempts, 1, 1_000_000);
    Duration delay = p.duration(GROUP, "restart.delay", Duration.ofSeconds(1));
    PropertyGroups.checkPositive(GROUP, "restart.delay", delay);
    Duration max = p.duration(GROUP, "restart.max-delay", Duration.ofMinutes(1));
    PropertyGroups.checkPositive(GROUP, "restart.max-delay", max);
    if (max.compareTo(delay) < 0) {
      throw ConfigException.of(
          GROUP, "restart.max-delay", "must not be below restart.delay (" + delay + ")");
    }
    Duration buffer = p.duration(GROUP, "buffer-timeout", Duration.ofMillis(10));
    if (buffer.isNegative() || buffer.compareTo(Duration.ofSeconds(1)) > 0) {
      throw ConfigException.of(GROUP, "buffer-timeout", "must be between 0 and 1s, was " + buffer);
    }
    return new JobSettings(interval, pause, parallelism, rs, attempts, delay, max, buffer);
  }
}
