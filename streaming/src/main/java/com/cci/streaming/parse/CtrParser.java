package com.cci.streaming.parse;

import static com.cci.streaming.parse.ParseSupport.optionalTime;
import static com.cci.streaming.parse.ParseSupport.requireText;
import static com.cci.streaming.parse.ParseSupport.requireTime;

import com.cci.kinesis.Streams;
import com.cci.schemas.ctr.Agent;
import com.cci.schemas.ctr.ContactRecord;
import com.cci.schemas.ctr.QueueInfo;
import com.cci.streaming.config.ParseSettings;
import com.cci.streaming.records.CtrRecord;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;

/**
 * CTR stream → {@link CtrRecord}. Event time is {@code LastUpdateTimestamp} (it orders re-emissions
 * of a contact). Rejected: agent events (Connect's agent event stream delivered to the CTR stream
 * by a misrouted subscription), records without {@code ContactId}, {@code Channel}, {@code
 * InitiationTimestamp} or {@code LastUpdateTimestamp}, and implausible timestamps.
 *
 * <p>Accepted although the schema rejects them: a {@code Channel} that is not one of the four known
 * (AWS adds channels; it is passed on as {@code UNKNOWN}); missing fields the job does not read
 * ({@code AWSAccountId}, {@code InstanceARN}, ...); wrongly typed fields the job does not read are
 * still rejected by the typed read.
 */
public final class CtrParser implements RecordParser<CtrRecord> {
  private static final long serialVersionUID = 1L;
  private static final ObjectReader READER = ParseSupport.readerFor(ContactRecord.class);

  private final ParseSettings settings;

  public CtrParser(ParseSettings settings) {
    this.settings = settings;
  }

  @Override
  public String stream() {
    return Streams.CTR;
  }

  @Override
  public Class<CtrRecord> type() {
    return CtrRecord.class;
  }

  @Override
  public CtrRecord parse(String raw, long nowMs) throws RejectedRecordException {
    ParseSupport.precheck(raw, settings.maxRecordChars);
    ContactRecord r;
    try {
      r = READER.readValue(ParseSupport.utf8(raw));
    } catch (IOException e) {
      throw ParseSupport.rejected(e);
    }
    if (r.contactId() == null && isAgentEvent(raw)) {
      throw new RejectedRecordException(
          "agent event on the CTR stream (AgentARN/EventType present, no ContactId)");
    }
    long skew = settings.maxFutureSkewMs;
    CtrRecord c = new CtrRecord();
    c.contactId = requireText("ContactId", r.contactId());
    if (r.channel() == null) {
      throw new RejectedRecordException("missing Channel");
    }
    c.channel = r.channel().name();
    c.initiationMethod = r.initiationMethod();
    c.lastUpdateMs = requireTime("LastUpdateTimestamp", r.lastUpdateTimestamp(), nowMs, skew);
    c.initiationMs = requireTime("InitiationTimestamp", r.initiationTimestamp(), nowMs, skew);
    c.disconnectMs = optionalTime("DisconnectTimestamp", r.disconnectTimestamp(), nowMs, skew);
    c.disconnectReason = r.disconnectReason();
    c.previousContactId = r.previousContactId();
    QueueInfo q = r.queue();
    if (q != null) {
      c.queueId = q.queueId();
      c.queueName = q.name();
      c.enqueueMs = optionalTime("Queue.EnqueueTimestamp", q.enqueueTimestamp(), nowMs, skew);
      c.dequeueMs = optionalTime("Queue.DequeueTimestamp", q.dequeueTimestamp(), nowMs, skew);
      if (c.enqueueMs != null && c.queueId == null) {
        throw new RejectedRecordException("Queue.EnqueueTimestamp without a Queue.ARN");
      }
    }
    Agent a = r.agent();
    if (a != null) {
      c.connectedToAgentMs =
          optionalTime(
              "Agent.ConnectedToAgentTimestamp", a.connectedToAgentTimestamp(), nowMs, skew);
    }
    return c;
  }

  /** Agent event stream records carry AgentARN, EventType and CurrentAgentSnapshot. */
  static boolean isAgentEvent(String raw) {
    return raw.contains("\"AgentARN\"")
        || raw.contains("\"CurrentAgentSnapshot\"")
        || raw.contains("\"HEART_BEAT\"")
        || raw.contains("\"STATE_CHANGE\"");
  }
}
