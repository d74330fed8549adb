package com.cci.streaming.records;

/**
 * A parsed contact record (CTR), flattened for Flink (POJO, no Kryo). Times are epoch ms; absent
 * times are null.
 */
public class CtrRecord {
  public String contactId;

  /** LastUpdateTimestamp: orders re-emissions of the same contact (latest wins). */
  public long lastUpdateMs;

  public String channel;
  public String initiationMethod;

  /** Queue id (last part of Queue.ARN), null when the contact never queued. */
  public String queueId;

  public String queueName;
  public Long initiationMs;
  public Long enqueueMs;
  public Long dequeueMs;
  public Long connectedToAgentMs;
  public Long disconnectMs;
  public String disconnectReason;
  public String previousContactId;

  public CtrRecord() {}

  /** Queued and never reached an agent (Connect's definition of abandoned in queue). */
  public boolean abandonedInQueue() {
    return enqueueMs != null && connectedToAgentMs == null;
  }

  @Override
  public String toString() {
    return "CTR " + contactId + " queue=" + queueName + " lastUpdate=" + lastUpdateMs;
  }
}
