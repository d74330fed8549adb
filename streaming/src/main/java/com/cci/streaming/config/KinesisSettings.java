package com.cci.streaming.config;

import com.cci.kinesis.Streams;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the job reads and writes on Kinesis (group {@value #GROUP}): {@code region}, optional
 * {@code endpoint} (kinesis-mock locally; absent in AWS), {@code initial-position} ({@code
 * TRIM_HORIZON} or {@code LATEST}), and one stream per logical stream: {@code input.<logical>} for
 * {@link Streams#INPUTS}, {@code output.<logical>} for alarms, queue-metrics and dead-letter
 * (default {@code cci-<logical>}). A stream is a stream ARN ({@code
 * arn:aws:kinesis:<region>:<account>:stream/<name>}) or a bare name.
 *
 * <p>Same group and keys as s-kinesis's {@code io.kinesis.KinesisConfig}, which builds the
 * connectors (credentials, sink buffering); when both branches are merged this validation is the
 * fail-fast check at start-up and KinesisConfig the connector settings.
 */
public final class KinesisSettings implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String GROUP = "kinesis";
  public static final List<String> OUTPUTS =
      List.of(Streams.ALARMS, Streams.QUEUE_METRICS, Streams.DEAD_LETTER);
  private static final Set<String> POSITIONS = Set.of("TRIM_HORIZON", "LATEST");

  private final String region;
  private final String endpoint;
  private final String initialPosition;
  private final Map<String, String> inputs;
  private final Map<String, String> outputs;

  private KinesisSettings(
      String region,
      String endpoint,
      String initialPosition,
      Map<String, String> inputs,
      Map<String, String> outputs) {
    this.region = region;
    this.endpoint = endpoint;
    this.initialPosition = initialPosition;
    this.inputs = inputs;
    this.outputs = outputs;
  }

  /** Reads and validates group {@value #GROUP}. */
  public static KinesisSettings from(PropertyGroups p) {
    String region = p.string(GROUP, "region");
    if (!region.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
      throw ConfigException.of(GROUP, "region", "not an AWS region: '" + region + "'");
    }
    String endpoint = p.string(GROUP, "endpoint", null);
    if (endpoint != null && !endpoint.matches("https?://\\S+")) {
      throw ConfigException.of(GROUP, "endpoint", "not an http(s) URL: '" + endpoint + "'");
    }
    String pos = p.string(GROUP, "initial-position", "LATEST");
    if (!POSITIONS.contains(pos)) {
      throw ConfigException.of(
          GROUP, "initial-position", "must be TRIM_HORIZON or LATEST, was '" + pos + "'");
    }
    Map<String, String> in = new LinkedHashMap<>();
    for (String s : Streams.INPUTS) {
      in.put(s, stream(p, "input." + s, s));
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String s : OUTPUTS) {
      out.put(s, stream(p, "output." + s, s));
    }
    return new KinesisSettings(region, endpoint, pos, Map.copyOf(in), Map.copyOf(out));
  }

  /** A copy pointing at another endpoint (the CLI's {@code --endpoint}). */
  public KinesisSettings withEndpoint(String newEndpoint) {
    return new KinesisSettings(region, newEndpoint, initialPosition, inputs, outputs);
  }

  private static String stream(PropertyGroups p, String key, String logical) {
    String v = p.string(GROUP, key, Streams.kinesisName(logical));
    if (v.startsWith("arn:")) {
      if (!v.matches("arn:aws[a-z-]*:kinesis:[a-z0-9-]+:\\d{12}:stream/[A-Za-z0-9_.-]{1,128}")) {
        throw ConfigException.of(GROUP, key, "not a Kinesis stream ARN: '" + v + "'");
      }
    } else if (!v.matches("[A-Za-z0-9_.-]{1,128}")) {
      throw ConfigException.of(GROUP, key, "not a Kinesis stream name or ARN: '" + v + "'");
    }
    return v;
  }

  public String region() {
    return region;
  }

  /** The endpoint override, or null for the AWS default. */
  public String endpoint() {
    return endpoint;
  }

  public String initialPosition() {
    return initialPosition;
  }

  /** Stream ARN or name of a logical input stream. */
  public String input(String logical) {
    return require(inputs, logical);
  }

  /** Stream ARN or name of a logical output stream. */
  public String output(String logical) {
    return require(outputs, logical);
  }

  private static String require(Map<String, String> m, String logical) {
    String v = m.get(logical);
    if (v == null) {
      throw new IllegalArgumentException("unknown logical stream " + logical);
    }
    return v;
  }
}
