package com.cci.streaming.io.kinesis;

/** Kinesis partition-key helpers: keys are 1..256 Unicode characters. */
final class PartitionKeys {
  /** Kinesis' limit on a partition key's length. */
  static final int MAX_LENGTH = 256;

  /** Used when a record has none of its key fields (should not happen; never an empty key). */
  static final String FALLBACK = "unkeyed";

  private PartitionKeys() {}

  /** The first non-blank candidate, cut to 256 characters; {@link #FALLBACK} when all blank. */
  static String firstNonBlank(String... candidates) {
    for (String c : candidates) {
      if (c != null && !c.isBlank()) {
        return c.length() <= MAX_LENGTH ? c : c.substring(0, MAX_LENGTH);
      }
    }
    return FALLBACK;
  }
}
