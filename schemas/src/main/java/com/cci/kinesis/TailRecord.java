package com.cci.kinesis;

import java.time.Instant;

/**
 * One record read back from a Kinesis stream by {@link KinesisTail}.
 *
 * @param stream Kinesis stream name
 * @param shardId shard it was read from
 * @param sequenceNumber its sequence number
 * @param partitionKey its partition key
 * @param approximateArrival the service's approximate arrival timestamp
 * @param data the payload decoded as UTF-8
 */
public record TailRecord(
    String stream,
    String shardId,
    String sequenceNumber,
    String partitionKey,
    Instant approximateArrival,
    String data) {}
