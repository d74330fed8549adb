package com.cci.sim;

import com.cci.schemas.Json;
import com.cci.schemas.fulfillment.FulfillmentEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the Connect records (contact events, CTRs) of a simulated contact and their JSON. */
final class ConnectRecords {
  static final ObjectWriter CTR_WRITER = Json.mapper().writerFor(ContactTraceRecord.class);
  static final ObjectWriter EVENT_WRITER = Json.mapper().writerFor(ContactEvent.class);
  static final ObjectWriter FULFILLMENT_WRITER = Json.mapper().writerFor(FulfillmentEvent.class);

  private final Ids ids;
  private final String tenantId;
  private final String systemPhone;

  ConnectRecords(Ids ids, String tenantId) {
    this.ids = ids;
    this.tenantId = tenantId;
    this.systemPhone = "+18005550100";
  }

  static String json(ObjectWriter w, Object value) {
    try {
      return w.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }

  /**
   * A contact event of the given type at {@code atMs}.
   *
   * @param variantCasing write {@code AgentInfo} instead of {@code agentInfo}
   */
  ContactEvent event(
      Contact c, String eventType, long atMs, String queueArn, boolean variantCasing) {
    ContactEvent.QueueInfo qi = null;
    if (c.enqueueMs >= 0
        && !"INITIATED".equals(eventType)
        && !"CONNECTED_TO_SYSTEM".equals(eventType)) {
      qi = new ContactEvent.QueueInfo(queueArn, "STANDARD", Times.millis(c.enqueueMs));
    }
    ContactEvent.AgentInfo ai = null;
    if (c.answerMs >= 0
        && c.agent != null
        && ("CONNECTED_TO_AGENT".equals(eventType) || "DISCONNECTED".equals(eventType))) {
      ai = new ContactEvent.AgentInfo(c.agent.arn, Times.millis(c.answerMs));
    }
    ContactEvent.Detail d =
        new ContactEvent.Detail(
            eventType,
            c.id,
            c.channel,
            ids.instanceArn,
            c.initiationMethod,
            Times.millis(c.initiationMs),
            c.connectedToSystemMs >= 0 && !"INITIATED".equals(eventType)
                ? Times.millis(c.connectedToSystemMs)
                : null,
            c.previousId,
            null,
            qi,
            variantCasing ? null : ai,
            variantCasing ? ai : null,
            "DISCONNECTED".equals(eventType) ? Times.millis(c.disconnectMs) : null);
    return new ContactEvent(
        "0",
        Ids.derived(c.id, "event/" + eventType),
        ContactEvent.DETAIL_TYPE,
        "aws.connect",
        Ids.ACCOUNT,
        Times.seconds(atMs),
        Ids.REGION,
        List.of(ids.contactArn(c.id)),
        d);
  }

  /** The contact's CTR as last updated at {@code lastUpdateMs}. */
  ContactTraceRecord ctr(
      Contact c, String queueName, String queueArn, long lastUpdateMs, boolean lowercaseChannel) {
    ContactTraceRecord.AgentInfo agent = null;
    if (c.agent != null && c.answerMs >= 0) {
      Agent a = c.agent;
      long acwStart = c.disconnectMs;
      long acwEnd = c.acwEndMs >= 0 ? c.acwEndMs : c.disconnectMs;
      agent =
          new ContactTraceRecord.AgentInfo(
              a.arn,
              Times.secondsBetween(acwStart, acwEnd),
              Times.seconds(acwEnd),
              Times.seconds(acwStart),
              Times.secondsBetween(c.answerMs, c.disconnectMs),
              Times.seconds(c.answerMs),
              0,
              null,
              0,
              0,
              new ContactTraceRecord.RoutingProfile(a.routingProfileArn, a.routingProfile),
              a.username);
    }
    ContactTraceRecord.QueueInfo queue = null;
    if (c.enqueueMs >= 0) {
      long dequeue = c.answerMs >= 0 ? c.answerMs : c.disconnectMs;
      queue =
          new ContactTraceRecord.QueueInfo(
              queueArn,
              Times.seconds(dequeue),
              Times.secondsBetween(c.enqueueMs, dequeue),
              Times.seconds(c.enqueueMs),
              queueName);
    }
    boolean voice = c.isVoice();
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("tenantId", tenantId);
    if (c.topic != null) {
      attributes.put("topic", c.topic);
    }
    attributes.put("authResult", c.authOutcome);
    ContactTraceRecord.Recording recording = null;
    if (agent != null) {
      LocalDateTime d = LocalDateTime.ofEpochSecond(c.answerMs / 1000, 0, ZoneOffset.UTC);
      String day =
          String.format("%04d/%02d/%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
      recording =
          voice
              ? new ContactTraceRecord.Recording(
                  null,
                  "cci-connect-recordings/"
                      + tenantId
                      + "/CallRecordings/"
                      + day
                      + "/"
                      + c.id
                      + ".wav",
                  "AVAILABLE",
                  "AUDIO")
              : new ContactTraceRecord.Recording(
                  null,
                  "cci-connect-recordings/"
                      + tenantId
                      + "/ChatTranscripts/"
                      + day
                      + "/"
                      + c.id
                      + ".json",
                  "AVAILABLE",
                  "TRANSCRIPT");
    }
    return new ContactTraceRecord(
        Ids.ACCOUNT,
        "2017-03-10",
        agent,
        agent == null ? 0 : 1,
        attributes,
        lowercaseChannel ? c.channel.toLowerCase(java.util.Locale.ROOT) : c.channel,
        c.connectedToSystemMs >= 0 ? Times.seconds(c.connectedToSystemMs) : null,
        c.id,
        voice ? new ContactTraceRecord.Endpoint(c.customerAddress, "TELEPHONE_NUMBER") : null,
        c.disconnectReason,
        Times.seconds(c.disconnectMs),
        c.initialId,
        c.initiationMethod,
        Times.seconds(c.initiationMs),
        ids.instanceArn,
        Times.seconds(lastUpdateMs),
        List.of(new ContactTraceRecord.MediaStream(voice ? "AUDIO" : "CHAT")),
        c.nextId,
        c.previousId,
        queue,
        recording,
        voice ? new ContactTraceRecord.Endpoint(systemPhone, "TELEPHONE_NUMBER") : null,
        c.transferCompletedMs >= 0 ? Times.seconds(c.transferCompletedMs) : null,
        null);
  }
}
