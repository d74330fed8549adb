package com.cci.streaming.functions.queue;

import com.cci.streaming.records.ContactEventRecord;
import com.cci.streaming.records.CtrRecord;
import org.apache.flink.api.java.functions.KeySelector;

/** Key selectors of the queue pipeline (named classes, no lambdas in the job graph). */
public final class QueueKeys {
  private QueueKeys() {}

  /** Contact events by ContactId. */
  public static final class EventContactId implements KeySelector<ContactEventRecord, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String getKey(ContactEventRecord e) {
      return e.contactId;
    }
  }

  /** CTRs by ContactId. */
  public static final class CtrContactId implements KeySelector<CtrRecord, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String getKey(CtrRecord r) {
      return r.contactId;
    }
  }

  /** Queue transitions by queue id. */
  public static final class TransitionQueueId implements KeySelector<QueueTransition, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String getKey(QueueTransition t) {
      return t.queueId;
    }
  }
}
