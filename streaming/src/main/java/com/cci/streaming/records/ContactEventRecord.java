package com.cci.streaming.records;

/**
 * A parsed Amazon Connect contact event, flattened for Flink (POJO, no Kryo). Times are epoch ms;
 * absent times are null.
 */
public class ContactEventRecord {
  public String contactId;

  /** INITIATED, CONNECTED_TO_SYSTEM, QUEUED, CONNECTED_TO_AGENT, DISCONNECTED (or another type). */
  public String eventType;

  /** Queue id (last part of the queue ARN), when the event carries queue info. */
  public String queueId;

  /** VOICE, CHAT, TASK, EMAIL. */
  public String channel;

  public String initiationMethod;

  /** Event time: the timestamp of what this event reports (see the parser), epoch ms. */
  public long eventTimeMs;

  public Long initiationMs;
  public Long enqueueMs;
  public Long connectedToAgentMs;
  public Long disconnectMs;
  public String previousContactId;

  public ContactEventRecord() {}

  @Override
  public String toString() {
    return eventType + " " + contactId + " queue=" + queueId + " at " + eventTimeMs;
  }
}
