package com.cci.schemas.lens;

import com.cci.schemas.Json;
import com.cci.schemas.ctr.Channel;
import com.cci.schemas.transcript.Role;
import com.cci.schemas.transcript.Sentiment;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A Contact Lens real-time analysis segment event from Kinesis, readable for both versions: voice
 * ({@code Version} 1.0.0, {@code EventType}, top-level {@code LanguageCode}) and chat (2.0.0,
 * {@code StreamingEventType}, language in {@code StreamingSettings}). The components keep the wire
 * fields; {@link #type()}, {@link #language()}, {@link #turns()}, {@link #matchedCategories()} and
 * {@link #postContactSummary()} give the version-independent view.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RealtimeSegmentEvent(
    @JsonProperty("Version") String version,
    @JsonProperty("Channel") Channel channel,
    @JsonProperty("AccountId") String accountId,
    @JsonProperty("InstanceId") String instanceId,
    @JsonProperty("ContactId") String contactId,
    @JsonProperty("LanguageCode") String languageCode,
    @JsonProperty("EventType") String eventType,
    @JsonProperty("StreamingEventType") String streamingEventType,
    @JsonProperty("OutputType") String outputType,
    @JsonProperty("StreamingSettings") StreamingSettings streamingSettings,
    @JsonProperty("StreamingEventSettings") StreamingSettings streamingEventSettings,
    @JsonProperty("Segments") List<Segment> segments) {

  public static final String VOICE_VERSION = "1.0.0";
  public static final String CHAT_VERSION = "2.0.0";

  /** Reads one event with the contract's shared mapper. */
  public static RealtimeSegmentEvent fromJson(String json) throws JsonProcessingException {
    return Json.mapper().readValue(json, RealtimeSegmentEvent.class);
  }

  /** Writes the event with its wire names. */
  public String toJson() {
    try {
      return Json.mapper().writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise segment event of " + contactId, e);
    }
  }

  /** The event type from {@code EventType} (voice) or {@code StreamingEventType} (chat). */
  public SegmentEventType type() {
    return SegmentEventType.of(eventType != null ? eventType : streamingEventType);
  }

  /** The language code from the top level (voice) or the streaming settings (chat); may be null. */
  public String language() {
    if (languageCode != null) {
      return languageCode;
    }
    if (streamingSettings != null && streamingSettings.languageCode() != null) {
      return streamingSettings.languageCode();
    }
    return streamingEventSettings == null ? null : streamingEventSettings.languageCode();
  }

  /** The final transcript turns in this event, in stream order (partial utterances excluded). */
  public List<TranscriptTurn> turns() {
    if (segments == null) {
      return List.of();
    }
    List<TranscriptTurn> out = new ArrayList<>();
    for (Segment s : segments) {
      SegmentTranscript t = s == null ? null : s.transcript();
      if (t != null) {
        out.add(
            new TranscriptTurn(
                t.id(),
                t.participantId(),
                Role.fromWire(t.participantRole()),
                t.participantRole(),
                t.content(),
                Sentiment.fromWire(t.sentiment()),
                t.beginOffsetMillis(),
                t.endOffsetMillis(),
                t.time() == null ? null : t.time().absoluteTime()));
      }
    }
    return out;
  }

  /**
   * Names of the categories matched in this event: {@code MatchedCategories} plus the keys of
   * {@code MatchedDetails} (chat events may give only the latter), without duplicates, in order.
   */
  public List<String> matchedCategories() {
    if (segments == null) {
      return List.of();
    }
    Set<String> names = new LinkedHashSet<>();
    for (Segment s : segments) {
      Categories c = s == null ? null : s.categories();
      if (c == null) {
        continue;
      }
      if (c.matchedCategories() != null) {
        for (String n : c.matchedCategories()) {
          if (n != null && !n.isBlank()) {
            names.add(n.strip());
          }
        }
      }
      if (c.matchedDetails() != null) {
        for (Iterator<String> it = c.matchedDetails().keySet().iterator(); it.hasNext(); ) {
          names.add(it.next().strip());
        }
      }
    }
    return List.copyOf(names);
  }

  /** The post-contact summary segment of this event, or null. */
  public PostContactSummary postContactSummary() {
    if (segments == null) {
      return null;
    }
    for (Segment s : segments) {
      if (s != null && s.postContactSummary() != null) {
        return s.postContactSummary();
      }
    }
    return null;
  }
}
