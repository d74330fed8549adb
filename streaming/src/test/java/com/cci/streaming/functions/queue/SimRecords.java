package com.cci.streaming.functions.queue;

import com.cci.schemas.Json;
import com.cci.schemas.ctr.ContactRecord;
import com.cci.schemas.events.ContactEvent;
import com.cci.schemas.events.ContactEventDetail;
import com.cci.streaming.records.ContactEventRecord;
import com.cci.streaming.records.CtrRecord;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Properties;

/**
 * Test-only adapter from the simulator's JSON to the job's records (the real parse stage belongs to
 * the platform helper), and the dev property groups.
 */
final class SimRecords {
  private SimRecords() {}

  static Long ms(Instant i) {
    return i == null ? null : i.toEpochMilli();
  }

  static String queueId(String arn) {
    return arn == null ? null : arn.substring(arn.lastIndexOf('/') + 1);
  }

  static ContactEventRecord event(String json) {
    try {
      ContactEvent e = ContactEvent.read(json);
      ContactEventDetail d = e.detail();
      ContactEventRecord r = new ContactEventRecord();
      r.contactId = d.contactId();
      r.eventType = d.eventType();
      r.channel = d.channel() == null ? null : d.channel().name();
      r.initiationMethod = d.initiationMethod();
      r.eventTimeMs = e.time().toEpochMilli();
      r.initiationMs = ms(d.initiationTimestamp());
      r.disconnectMs = ms(d.disconnectTimestamp());
      r.previousContactId = d.previousContactId();
      if (d.queueInfo() != null) {
        r.queueId = queueId(d.queueInfo().queueArn());
        r.enqueueMs = ms(d.queueInfo().enqueueTimestamp());
      }
      if (d.agentInfo() != null) {
        r.connectedToAgentMs = ms(d.agentInfo().connectedToAgentTimestamp());
      }
      return r;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static CtrRecord ctr(String json) {
    try {
      ContactRecord c = Json.mapper().readValue(json, ContactRecord.class);
      CtrRecord r = new CtrRecord();
      r.contactId = c.contactId();
      r.lastUpdateMs = c.lastUpdateTimestamp().toEpochMilli();
      r.channel = c.channel() == null ? null : c.channel().name();
      r.initiationMethod = c.initiationMethod();
      r.initiationMs = ms(c.initiationTimestamp());
      r.disconnectMs = ms(c.disconnectTimestamp());
      r.disconnectReason = c.disconnectReason();
      r.previousContactId = c.previousContactId();
      if (c.queue() != null) {
        r.queueId = queueId(c.queue().arn());
        r.queueName = c.queue().name();
        r.enqueueMs = ms(c.queue().enqueueTimestamp());
        r.dequeueMs = ms(c.queue().dequeueTimestamp());
      }
      if (c.agent() != null) {
        r.connectedToAgentMs = ms(c.agent().connectedToAgentTimestamp());
      }
      return r;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The checked-in dev runtime properties as property groups. */
  static Map<String, Properties> devGroups() {
    Path p = Path.of("src/main/resources/flink-application-properties-dev.json");
    try (InputStream in = Files.newInputStream(p)) {
      JsonNode root = Json.mapper().readTree(in);
      Map<String, Properties> out = new HashMap<>();
      for (JsonNode g : root) {
        Properties props = new Properties();
        Iterator<Map.Entry<String, JsonNode>> it = g.get("PropertyMap").fields();
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> e = it.next();
          props.setProperty(e.getKey(), e.getValue().asText());
        }
        out.put(g.get("PropertyGroupId").asText(), props);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The queue rules of the dev configuration. */
  static QueueRulesConfig devConfig() {
    return QueueRulesConfig.from(devGroups());
  }
}
