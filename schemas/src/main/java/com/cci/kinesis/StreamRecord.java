package com.cci.kinesis;

import java.time.Instant;

/**
 * One record bound for a Kinesis stream, as the simulator emits it.
 *
 * @param arrival when the record reaches the stream (event time plus delivery jitter); players pace
 *     by it, files are written in this order
 * @param stream logical stream name, one of {@link Streams}
 * @param partitionKey Kinesis partition key (contact id for per-contact streams)
 * @param json the record exactly as it sits in the stream, one line of JSON
 */
public record StreamRecord(Instant arrival, String stream, String partitionKey, String json) {}
