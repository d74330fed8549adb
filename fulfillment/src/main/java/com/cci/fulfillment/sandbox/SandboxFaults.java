package com.cci.fulfillment.sandbox;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fault injection for the sandbox bank, switchable at run time: added latency on every request, a
 * fraction of requests answered 503, and a full outage (every request 503). Thread-safe.
 */
public final class SandboxFaults {
  private volatile long latencyMillis;
  private volatile double errorRate;
  private volatile boolean outage;
  private final AtomicInteger lostReplies = new AtomicInteger();

  /** No faults. */
  public static SandboxFaults none() {
    return new SandboxFaults();
  }

  /** Adds {@code latency} before every answer (zero to switch off). */
  public SandboxFaults latency(Duration latency) {
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative: " + latency);
    }
    this.latencyMillis = latency.toMillis();
    return this;
  }

  /** Answers this fraction of requests (0.0–1.0) with 503. */
  public SandboxFaults errorRate(double rate) {
    if (!(rate >= 0.0 && rate <= 1.0)) {
      throw new IllegalArgumentException("error rate must be within [0, 1]: " + rate);
    }
    this.errorRate = rate;
    return this;
  }

  private volatile java.util.regex.Pattern failing;

  /** Switches a full outage on or off. */
  public SandboxFaults outage(boolean on) {
    this.outage = on;
    return this;
  }

  /**
   * The next {@code count} requests are fully processed (money may move) but answered 503, as if
   * the reply was lost on the way back: what a client retry has to survive without duplicating.
   */
  public SandboxFaults loseNextReplies(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
    lostReplies.set(count);
    return this;
  }

  /** Consumes one lost-reply token if any is left. */
  boolean loseThisReply() {
    return lostReplies.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
  }

  /**
   * Answers 503 to every request whose {@code "METHOD /path"} matches {@code regex} (null: none),
   * e.g. {@code "POST /accounts/[^/]+/freeze"}: an outage of one operation while the rest works.
   */
  public SandboxFaults failMatching(String regex) {
    this.failing = regex == null ? null : java.util.regex.Pattern.compile(regex);
    return this;
  }

  /** Whether {@code "METHOD /path"} is switched off by {@link #failMatching}. */
  boolean failsRequest(String methodAndPath) {
    java.util.regex.Pattern p = failing;
    return p != null && p.matcher(methodAndPath).matches();
  }

  /** Switches every fault off. */
  public SandboxFaults reset() {
    failing = null;
    lostReplies.set(0);
    latencyMillis = 0;
    errorRate = 0;
    outage = false;
    return this;
  }

  public Duration latency() {
    return Duration.ofMillis(latencyMillis);
  }

  public double errorRate() {
    return errorRate;
  }

  public boolean outage() {
    return outage;
  }

  /** Whether this request should fail with 503 (outage, or drawn by the error rate). */
  boolean shouldFail() {
    if (outage) {
      return true;
    }
    double rate = errorRate;
    return rate > 0 && ThreadLocalRandom.current().nextDouble() < rate;
  }

  /**
   * Reads faults from system properties {@code sandbox.latencyMs}, {@code sandbox.errorRate},
   * {@code sandbox.outage}; absent properties mean no fault.
   */
  public static SandboxFaults fromSystemProperties() {
    SandboxFaults f = new SandboxFaults();
    f.latency(Duration.ofMillis(Long.parseLong(System.getProperty("sandbox.latencyMs", "0"))));
    f.errorRate(Double.parseDouble(System.getProperty("sandbox.errorRate", "0")));
    f.outage(Boolean.parseBoolean(System.getProperty("sandbox.outage", "false")));
    return f;
  }
}
