package com.cci.streaming.io.kinesis;

import com.cci.kinesis.Streams;
import com.cci.streaming.config.ConfigException;
import com.cci.streaming.config.PropertyGroups;
import java.io.Serializable;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Where the job's Kinesis streams are and how to reach them: runtime-property group {@value
 * #GROUP}.
 *
 * <table>
 *   <caption>Keys of group {@code kinesis}</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code region}</td><td>required</td><td>AWS region, e.g. {@code eu-west-1}</td></tr>
 *   <tr><td>{@code endpoint}</td><td>none (AWS)</td><td>endpoint override, e.g. kinesis-mock's
 *       plain-HTTP port {@code http://127.0.0.1:4567}</td></tr>
 *   <tr><td>{@code account-id}</td><td>{@code 000000000000} with an endpoint, else required unless
 *       every stream is given as an ARN</td><td>account used to build stream ARNs</td></tr>
 *   <tr><td>{@code credentials}</td><td>{@code default}</td><td>{@code default} (the SDK's chain:
 *       the Managed Flink service role in AWS) or {@code basic}</td></tr>
 *   <tr><td>{@code credentials.access-key-id}, {@code credentials.secret-key}</td><td>required for
 *       {@code basic}</td><td>static keys (emulators only)</td></tr>
 *   <tr><td>{@code input.<logical>}</td><td>{@code cci-<logical>}</td><td>stream name or ARN of
 *       each input: {@code ctr, contact-events, contact-lens, fulfillment}</td></tr>
 *   <tr><td>{@code output.<logical>}</td><td>{@code cci-<logical>}</td><td>stream name or ARN of
 *       each output: {@code alarms, queue-metrics, dead-letter}</td></tr>
 *   <tr><td>{@code initial-position}</td><td>{@code LATEST}</td><td>{@code LATEST} or
 *       {@code TRIM_HORIZON}: where a fresh start (no checkpoint) begins</td></tr>
 *   <tr><td>{@code shard-discovery-interval-ms}</td><td>{@code 10000}</td><td>how often the
 *       source lists shards (ListShards is limited to 100 calls/s per account)</td></tr>
 *   <tr><td>{@code sink.max-time-in-buffer-ms}</td><td>{@code 50}</td><td>longest a record waits in
 *       a sink buffer (the connector's default of 5 s would delay every alarm)</td></tr>
 *   <tr><td>{@code sink.max-batch-size}</td><td>{@code 100}</td><td>records per PutRecords call
 *       (1..500)</td></tr>
 *   <tr><td>{@code sink.max-in-flight-requests}</td><td>{@code 16}</td><td>concurrent PutRecords
 *       calls per sink subtask</td></tr>
 *   <tr><td>{@code sink.max-buffered-requests}</td><td>{@code 10000}</td><td>records buffered per
 *       sink subtask before back-pressure</td></tr>
 * </table>
 *
 * <p>Immutable and serializable (it travels inside the source and sink).
 */
public final class KinesisConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The property group holding these keys. */
  public static final String GROUP = "kinesis";

  /** Account id kinesis-mock uses. */
  public static final String LOCAL_ACCOUNT_ID = "000000000000";

  /** All logical streams the job reads or writes. */
  public static final List<String> LOGICAL_STREAMS =
      List.of(
          Streams.CTR,
          Streams.CONTACT_EVENTS,
          Streams.CONTACT_LENS,
          Streams.FULFILLMENT,
          Streams.ALARMS,
          Streams.QUEUE_METRICS,
          Streams.DEAD_LETTER);

  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
  private static final Pattern STREAM_NAME = Pattern.compile("[a-zA-Z0-9_.-]{1,128}");
  private static final Pattern STREAM_ARN =
      Pattern.compile("arn:aws[a-z-]*:kinesis:[a-z0-9-]+:\\d{12}:stream/[a-zA-Z0-9_.-]{1,128}");

  /** How the connector authenticates. */
  public enum Credentials {
    /** The SDK's default chain (environment, profile, container/instance role). */
    DEFAULT,
    /** Static access key and secret (emulators). */
    BASIC
  }

  /** Where a source starts when there is no checkpoint. */
  public enum InitialPosition {
    LATEST,
    TRIM_HORIZON
  }

  private final String region;
  private final URI endpoint;
  private final String accountId;
  private final Credentials credentials;
  private final String accessKeyId;
  private final String secretKey;
  private final Map<String, String> streamArns;
  private final InitialPosition initialPosition;
  private final long shardDiscoveryIntervalMs;
  private final long sinkMaxTimeInBufferMs;
  private final int sinkMaxBatchSize;
  private final int sinkMaxInFlightRequests;
  private final int sinkMaxBufferedRequests;

  private KinesisConfig(Builder b) {
    this.region = b.region;
    this.endpoint = b.endpoint;
    this.accountId = b.accountId;
    this.credentials = b.credentials;
    this.accessKeyId = b.accessKeyId;
    this.secretKey = b.secretKey;
    this.streamArns = Map.copyOf(b.streamArns);
    this.initialPosition = b.initialPosition;
    this.shardDiscoveryIntervalMs = b.shardDiscoveryIntervalMs;
    this.sinkMaxTimeInBufferMs = b.sinkMaxTimeInBufferMs;
    this.sinkMaxBatchSize = b.sinkMaxBatchSize;
    this.sinkMaxInFlightRequests = b.sinkMaxInFlightRequests;
    this.sinkMaxBufferedRequests = b.sinkMaxBufferedRequests;
  }

  /**
   * Reads group {@value #GROUP} given as a key lookup (null when a key is absent). Every missing or
   * bad key fails with a {@link ConfigException} naming the group and key.
   */
  public static KinesisConfig fromLookup(Function<String, String> group) {
    Objects.requireNonNull(group, "group");
    Builder b = new Builder();
    String region = trimmed(group.apply("region"));
    if (region == null) {
      throw bad("region", "is required (e.g. us-east-1)");
    }
    if (!REGION.matcher(region).matches()) {
      throw bad("region", "'" + region + "' is not an AWS region name such as us-east-1");
    }
    b.region = region;
    String endpoint = trimmed(group.apply("endpoint"));
    if (endpoint != null) {
      URI uri;
      try {
        uri = URI.create(endpoint);
      } catch (IllegalArgumentException e) {
        throw bad("endpoint", "'" + endpoint + "' is not a URI: " + e.getMessage());
      }
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
          || uri.getHost() == null) {
        throw bad("endpoint", "'" + endpoint + "' must be http(s)://host:port");
      }
      b.endpoint = uri;
    }
    String account = trimmed(group.apply("account-id"));
    if (account == null && b.endpoint != null) {
      account = LOCAL_ACCOUNT_ID;
    }
    if (account != null && !ACCOUNT.matcher(account).matches()) {
      throw bad("account-id", "'" + account + "' is not a 12-digit AWS account id");
    }
    b.accountId = account;
    String creds = trimmed(group.apply("credentials"));
    b.credentials =
        creds == null ? Credentials.DEFAULT : parseEnum(Credentials.class, "credentials", creds);
    if (b.credentials == Credentials.BASIC) {
      b.accessKeyId = trimmed(group.apply("credentials.access-key-id"));
      b.secretKey = trimmed(group.apply("credentials.secret-key"));
      if (b.accessKeyId == null) {
        throw bad("credentials.access-key-id", "is required when credentials = basic");
      }
      if (b.secretKey == null) {
        throw bad("credentials.secret-key", "is required when credentials = basic");
      }
    }
    for (String logical : LOGICAL_STREAMS) {
      String key = streamKey(logical);
      String v = trimmed(group.apply(key));
      b.streamArns.put(logical, toArn(key, v == null ? Streams.kinesisName(logical) : v, b));
    }
    String pos = trimmed(group.apply("initial-position"));
    b.initialPosition =
        pos == null
            ? InitialPosition.LATEST
            : parseEnum(InitialPosition.class, "initial-position", pos);
    b.shardDiscoveryIntervalMs =
        longIn(group, "shard-discovery-interval-ms", 10_000, 100, 3_600_000);
    b.sinkMaxTimeInBufferMs = longIn(group, "sink.max-time-in-buffer-ms", 50, 10, 60_000);
    b.sinkMaxBatchSize = (int) longIn(group, "sink.max-batch-size", 100, 1, 500);
    b.sinkMaxInFlightRequests = (int) longIn(group, "sink.max-in-flight-requests", 16, 1, 1000);
    b.sinkMaxBufferedRequests =
        (int) longIn(group, "sink.max-buffered-requests", 10_000, 1, 1_000_000);
    if (b.sinkMaxBufferedRequests < b.sinkMaxBatchSize) {
      throw bad(
          "sink.max-buffered-requests",
          b.sinkMaxBufferedRequests + " must be >= sink.max-batch-size " + b.sinkMaxBatchSize);
    }
    return new KinesisConfig(b);
  }

  /** Every key this group understands. */
  public static final Set<String> KEYS = keys();

  private static Set<String> keys() {
    Set<String> k =
        new TreeSet<>(
            List.of(
                "region",
                "endpoint",
                "account-id",
                "credentials",
                "credentials.access-key-id",
                "credentials.secret-key",
                "initial-position",
                "shard-discovery-interval-ms",
                "sink.max-time-in-buffer-ms",
                "sink.max-batch-size",
                "sink.max-in-flight-requests",
                "sink.max-buffered-requests"));
    for (String s : LOGICAL_STREAMS) {
      k.add(streamKey(s));
    }
    return Collections.unmodifiableSet(k);
  }

  /**
   * Reads group {@value #GROUP} of the job's runtime properties; an unknown key (a typo would
   * otherwise silently fall back to a default) fails naming it.
   */
  public static KinesisConfig from(PropertyGroups groups) {
    Map<String, String> entries = groups.entries(GROUP);
    return fromMap(entries);
  }

  /** Reads group {@value #GROUP} from a map of its keys, rejecting unknown keys. */
  public static KinesisConfig fromMap(Map<String, String> entries) {
    for (String key : entries.keySet()) {
      if (!KEYS.contains(key)) {
        throw bad(key, "unknown key; known keys: " + KEYS);
      }
    }
    return fromLookup(entries::get);
  }

  /** Reads group {@value #GROUP} from its properties (see {@link #fromLookup}). */
  public static KinesisConfig fromProperties(Properties group) {
    Objects.requireNonNull(group, "property group '" + GROUP + "' is missing");
    Map<String, String> m = new LinkedHashMap<>();
    group.stringPropertyNames().forEach(k -> m.put(k, group.getProperty(k)));
    return fromMap(m);
  }

  /**
   * Configuration for an emulator at {@code endpoint} (basic dummy credentials, TRIM_HORIZON, 1 s
   * shard discovery), with default stream names; {@code overrides} replace or add keys.
   */
  public static KinesisConfig local(URI endpoint, Map<String, String> overrides) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("region", "us-east-1");
    m.put("endpoint", endpoint.toString());
    m.put("credentials", "basic");
    m.put("credentials.access-key-id", "AKIDCCILOCAL");
    m.put("credentials.secret-key", "cci-local-secret");
    m.put("initial-position", "TRIM_HORIZON");
    m.put("shard-discovery-interval-ms", "1000");
    m.putAll(overrides);
    return fromMap(m);
  }

  /**
   * Key of a logical stream: {@code input.<logical>} for {@link Streams#INPUTS}, else {@code
   * output.<logical>}.
   */
  public static String streamKey(String logical) {
    return (Streams.INPUTS.contains(logical) ? "input." : "output.") + logical;
  }

  private static String toArn(String key, String v, Builder b) {
    if (v.startsWith("arn:")) {
      if (!STREAM_ARN.matcher(v).matches()) {
        throw bad(
            key,
            "'"
                + v
                + "' is not a Kinesis stream ARN (arn:aws:kinesis:<region>:<account>:stream/<name>)");
      }
      return v;
    }
    if (!STREAM_NAME.matcher(v).matches()) {
      throw bad(key, "'" + v + "' is not a Kinesis stream name");
    }
    if (b.accountId == null) {
      throw bad(
          "account-id",
          "is required to build the ARN of stream '" + v + "' (or give " + key + " as an ARN)");
    }
    return "arn:aws:kinesis:" + b.region + ":" + b.accountId + ":stream/" + v;
  }

  private static long longIn(
      Function<String, String> group, String key, long dflt, long min, long max) {
    String v = trimmed(group.apply(key));
    if (v == null) {
      return dflt;
    }
    long n;
    try {
      n = Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw bad(key, "'" + v + "' is not a whole number");
    }
    if (n < min || n > max) {
      throw bad(key, n + " is outside " + min + ".." + max);
    }
    return n;
  }

  private static <E extends Enum<E>> E parseEnum(Class<E> type, String key, String v) {
    try {
      return Enum.valueOf(type, v.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw bad(key, "'" + v + "' is not one of " + List.of(type.getEnumConstants()));
    }
  }

  private static String trimmed(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static ConfigException bad(String key, String what) {
    return ConfigException.of(GROUP, key, what);
  }

  /**
   * Connector client properties ({@code aws.region}, {@code aws.endpoint}, {@code
   * aws.credentials.provider[.basic.*]}), shared by source and sink.
   */
  public Properties clientProperties() {
    Properties p = new Properties();
    p.setProperty("aws.region", region);
    if (endpoint != null) {
      p.setProperty("aws.endpoint", endpoint.toString());
    }
    if (credentials == Credentials.BASIC) {
      p.setProperty("aws.credentials.provider", "BASIC");
      p.setProperty("aws.credentials.provider.basic.accesskeyid", accessKeyId);
      p.setProperty("aws.credentials.provider.basic.secretkey", secretKey);
    } else {
      p.setProperty("aws.credentials.provider", "AUTO");
    }
    return p;
  }

  /** ARN of a logical stream ({@link Streams}). */
  public String streamArn(String logical) {
    String arn = streamArns.get(logical);
    if (arn == null) {
      throw new IllegalArgumentException(
          "unknown logical stream '" + logical + "'; known: " + LOGICAL_STREAMS);
    }
    return arn;
  }

  /** Kinesis stream name of a logical stream (the ARN's last part). */
  public String streamName(String logical) {
    String arn = streamArn(logical);
    return arn.substring(arn.indexOf(":stream/") + ":stream/".length());
  }

  public String region() {
    return region;
  }

  /** The endpoint override, or null for AWS. */
  public URI endpoint() {
    return endpoint;
  }

  public Credentials credentials() {
    return credentials;
  }

  public InitialPosition initialPosition() {
    return initialPosition;
  }

  public long shardDiscoveryIntervalMs() {
    return shardDiscoveryIntervalMs;
  }

  public long sinkMaxTimeInBufferMs() {
    return sinkMaxTimeInBufferMs;
  }

  public int sinkMaxBatchSize() {
    return sinkMaxBatchSize;
  }

  public int sinkMaxInFlightRequests() {
    return sinkMaxInFlightRequests;
  }

  public int sinkMaxBufferedRequests() {
    return sinkMaxBufferedRequests;
  }

  @Override
  public String toString() {
    return "KinesisConfig{region="
        + region
        + (endpoint == null ? "" : ", endpoint=" + endpoint)
        + ", credentials="
        + credentials
        + ", streams="
        + streamArns
        + ", initialPosition="
        + initialPosition
        + "}";
  }

  private static final class Builder {
    String region;
    URI endpoint;
    String accountId;
    Credentials credentials;
    String accessKeyId;
    String secretKey;
    final Map<String, String> streamArns = new LinkedHashMap<>();
    InitialPosition initialPosition;
    long shardDiscoveryIntervalMs;
    long sinkMaxTimeInBufferMs;
    int sinkMaxBatchSize;
    int sinkMaxInFlightRequests;
    int sinkMaxBufferedRequests;
  }
}
