package com.cci.streaming.parse;

import static com.cci.streaming.parse.ParseSupport.requireText;
import static com.cci.streaming.parse.ParseSupport.requireTime;

import com.cci.kinesis.Streams;
import com.cci.schemas.fulfillment.FulfillmentEvent;
import com.cci.streaming.config.ParseSettings;
import com.cci.streaming.records.FulfillmentRecord;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;

/**
 * Fulfillment stream (Lex code hook) → {@link FulfillmentRecord}; event time is {@code eventTime}.
 *
 * <p>Rejected: missing {@code eventId}, {@code eventTime}, {@code outcome} or {@code authResult};
 * unknown enum values; an {@code errorClass} on a FULFILLED turn (it would count as an error);
 * implausible times. Accepted although the schema rejects them: extra properties (they are dropped
 * here and never travel further — dead-lettering would copy a stray PIN or phone number into the
 * dead-letter stream), an {@code eventTime} without milliseconds, a {@code sessionIdHash} that is
 * not a hash, and {@code authAttempt} without an authentication result — the job reads none of
 * those.
 */
public final class FulfillmentParser implements RecordParser<FulfillmentRecord> {
  private static final long serialVersionUID = 1L;
  private static final ObjectReader READER = ParseSupport.readerFor(FulfillmentEvent.class);

  private final ParseSettings settings;

  public FulfillmentParser(ParseSettings settings) {
    this.settings = settings;
  }

  @Override
  public String stream() {
    return Streams.FULFILLMENT;
  }

  @Override
  public Class<FulfillmentRecord> type() {
    return FulfillmentRecord.class;
  }

  @Override
  public FulfillmentRecord parse(String raw, long nowMs) throws RejectedRecordException {
    ParseSupport.precheck(raw, settings.maxRecordChars);
    FulfillmentEvent e;
    try {
      e = READER.readValue(ParseSupport.utf8(raw));
    } catch (IOException ex) {
      throw ParseSupport.rejected(ex);
    }
    FulfillmentRecord r = new FulfillmentRecord();
    r.eventId = requireText("eventId", e.eventId());
    r.eventTimeMs = requireTime("eventTime", e.eventTime(), nowMs, settings.maxFutureSkewMs);
    if (e.outcome() == null) {
      throw new RejectedRecordException("missing outcome");
    }
    if (e.authResult() == null) {
      throw new RejectedRecordException("missing authResult");
    }
    if (e.outcome() == FulfillmentEvent.Outcome.FULFILLED && e.errorClass() != null) {
      throw new RejectedRecordException(
          "errorClass " + e.errorClass() + " on a FULFILLED turn (outcome and error disagree)");
    }
    if (e.latencyMs() < 0) {
      throw new RejectedRecordException("latencyMs is negative: " + e.latencyMs());
    }
    r.tenantId = e.tenantId();
    r.contactId = e.contactId();
    r.channel = e.channel() == null ? null : e.channel().name();
    r.intent = e.intent();
    r.outcome = e.outcome().name();
    r.authResult = e.authResult().name();
    r.errorClass = e.errorClass() == null ? null : e.errorClass().name();
    r.queue = e.queue();
    r.latencyMs = e.latencyMs();
    return r;
  }
}
