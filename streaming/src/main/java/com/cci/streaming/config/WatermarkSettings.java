package com.cci.streaming.config;

import com.cci.kinesis.Streams;
import java.io.Serializable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Event-time settings per input stream (group {@value #GROUP}): {@code out-of-orderness} (default
 * for every stream, default 30s) overridden by {@code out-of-orderness.<logical stream>}, and
 * {@code idleness} (default 1m; a stream quiet for this long stops holding back the watermark)
 * overridden by {@code idleness.<logical stream>}. CTRs arrive minutes after their contact
 * (after-contact work), so the dev config gives {@code ctr} a longer bound.
 */
public final class WatermarkSettings implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String GROUP = "watermarks";

  private final Map<String, Duration> outOfOrderness;
  private final Map<String, Duration> idleness;

  private WatermarkSettings(Map<String, Duration> ooo, Map<String, Duration> idle) {
    this.outOfOrderness = ooo;
    this.idleness = idle;
  }

  public static WatermarkSettings from(PropertyGroups p) {
    Duration ooo = p.duration(GROUP, "out-of-orderness", Duration.ofSeconds(30));
    checkNotNegative("out-of-orderness", ooo);
    Duration idle = p.duration(GROUP, "idleness", Duration.ofMinutes(1));
    PropertyGroups.checkPositive(GROUP, "idleness", idle);
    Map<String, Duration> o = new LinkedHashMap<>();
    Map<String, Duration> i = new LinkedHashMap<>();
    for (String s : Streams.INPUTS) {
      Duration so = p.duration(GROUP, "out-of-orderness." + s, ooo);
      checkNotNegative("out-of-orderness." + s, so);
      o.put(s, so);
      Duration si = p.duration(GROUP, "idleness." + s, idle);
      PropertyGroups.checkPositive(GROUP, "idleness." + s, si);
      i.put(s, si);
    }
    return new WatermarkSettings(Map.copyOf(o), Map.copyOf(i));
  }

  private static void checkNotNegative(String key, Duration d) {
    if (d.isNegative()) {
      throw ConfigException.of(GROUP, key, "must not be negative, was " + d);
    }
  }

  public Duration outOfOrderness(String stream) {
    return get(outOfOrderness, stream);
  }

  public Duration idleness(String stream) {
    return get(idleness, stream);
  }

  private static Duration get(Map<String, Duration> m, String stream) {
    Duration d = m.get(stream);
    if (d == null) {
      throw new IllegalArgumentException("not an input stream: " + stream);
    }
    return d;
  }
}
