package com.cci.kinesis;

import java.util.List;

/**
 * Logical stream names shared by the simulator, the streaming job and the webhook. The same names
 * are the directory names of simulator output and replay input, and (prefixed with {@code cci-})
 * the Kinesis stream names locally.
 */
public final class Streams {
  private Streams() {}

  /** Amazon Connect contact records (CTRs). */
  public static final String CTR = "ctr";

  /** EventBridge "Amazon Connect Contact Event"s delivered to Kinesis. */
  public static final String CONTACT_EVENTS = "contact-events";

  /** Contact Lens real-time analysis segments (voice 1.0.0 and chat 2.0.0). */
  public static final String CONTACT_LENS = "contact-lens";

  /** Per-turn fulfillment events from the Lex code hook. */
  public static final String FULFILLMENT = "fulfillment";

  /** Outputs of the streaming job. */
  public static final String ALARMS = "alarms";

  public static final String QUEUE_METRICS = "queue-metrics";
  public static final String DEAD_LETTER = "dead-letter";

  /** The input streams, in the order the simulator writes them. */
  public static final List<String> INPUTS = List.of(CTR, CONTACT_EVENTS, CONTACT_LENS, FULFILLMENT);

  /** Kinesis stream name used locally and by default in AWS: {@code cci-<logical name>}. */
  public static String kinesisName(String logical) {
    return "cci-" + logical;
  }
}
