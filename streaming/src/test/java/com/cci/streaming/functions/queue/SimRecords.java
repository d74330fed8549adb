package com.cci.streaming.functions.queue;

import com.cci.kinesis.StreamRecord;
import com.cci.streaming.config.ParseSettings;
import com.cci.streaming.config.PropertyGroups;
import com.cci.streaming.parse.ContactEventParser;
import com.cci.streaming.parse.CtrParser;
import com.cci.streaming.parse.RejectedRecordException;
import com.cci.streaming.records.ContactEventRecord;
import com.cci.streaming.records.CtrRecord;
import java.util.Map;
import java.util.Properties;

/** The simulator's stream records through the job's own parsers, and the dev configuration. */
final class SimRecords {
  private static final ContactEventParser EVENTS = new ContactEventParser(ParseSettings.defaults());
  private static final CtrParser CTRS = new CtrParser(ParseSettings.defaults());

  private SimRecords() {}

  static ContactEventRecord event(StreamRecord r) {
    try {
      return EVENTS.parse(r.json(), r.arrival().toEpochMilli());
    } catch (RejectedRecordException e) {
      throw new AssertionError("simulated contact event rejected: " + r.json(), e);
    }
  }

  static CtrRecord ctr(StreamRecord r) {
    try {
      return CTRS.parse(r.json(), r.arrival().toEpochMilli());
    } catch (RejectedRecordException e) {
      throw new AssertionError("simulated CTR rejected: " + r.json(), e);
    }
  }

  /** The checked-in dev runtime properties. */
  static PropertyGroups dev() {
    return PropertyGroups.fromDevResource();
  }

  /** The checked-in dev runtime properties as property groups (a mutable copy). */
  static Map<String, Properties> devGroups() {
    return dev().asProperties();
  }

  /** The queue rules of the dev configuration. */
  static QueueRulesConfig devConfig() {
    return QueueRulesConfig.from(dev());
  }
}
