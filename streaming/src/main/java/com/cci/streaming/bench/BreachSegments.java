package com.cci.streaming.bench;

import java.time.Instant;
import java.util.UUID;

/**
 * Breaching records for the P2 benchmark: Contact Lens real-time chat segments (Version 2.0.0,
 * shaped like the contract fixtures) whose category {@code FraudConcern} matches, one contact each.
 */
public final class BreachSegments {
  static final String ACCOUNT = "111122223333";
  static final String INSTANCE = "9a7f5c2e-3b1d-4c8e-9f60-2d7e1a4b8c01";

  private BreachSegments() {}

  /** Deterministic contact id of breach {@code i} of run {@code run}. */
  public static String contactId(String run, int i) {
    return UUID.nameUUIDFromBytes(("bench:" + run + ":" + i).getBytes()).toString();
  }

  /** One SEGMENTS event for {@code contactId}: a customer turn at {@code time} and the category. */
  public static String segment(String contactId, Instant time) {
    String turnId = UUID.nameUUIDFromBytes(("turn:" + contactId).getBytes()).toString();
    return "{\"Version\":\"2.0.0\",\"Channel\":\"CHAT\",\"AccountId\":\""
        + ACCOUNT
        + "\",\"InstanceId\":\""
        + INSTANCE
        + "\",\"ContactId\":\""
        + contactId
        + "\",\"OutputType\":\"Redacted\",\"StreamingEventType\":\"SEGMENTS\","
        + "\"StreamingSettings\":{\"LanguageCode\":\"en-GB\",\"Output\":\"Redacted\","
        + "\"RedactionTypes\":[\"PII\"],\"RedactionTypesMetadata\":{\"PII\":"
        + "{\"RedactionMaskMode\":\"PII\"}}},\"Segments\":[{\"Transcript\":{\"Id\":\""
        + turnId
        + "\",\"ParticipantId\":\"7810b1de-cca8-4153-b522-2498416255af\","
        + "\"ParticipantRole\":\"CUSTOMER\",\"DisplayName\":\"Customer\","
        + "\"Content\":\"There are card payments I did not make, someone has my card\","
        + "\"ContentType\":\"text/plain\",\"Time\":{\"AbsoluteTime\":\""
        + time
        + "\"},\"Sentiment\":\"NEGATIVE\"}},{\"Categories\":{\"MatchedDetails\":{\"FraudConcern\":"
        + "{\"PointsOfInterest\":[{\"TranscriptItems\":[{\"Id\":\""
        + turnId
        + "\",\"CharacterOffsets\":{\"BeginOffsetChar\":0,\"EndOffsetChar\":40}}]}]}}}}]}";
  }
}
